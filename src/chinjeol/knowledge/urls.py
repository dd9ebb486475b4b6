from django.urls import path

from . import views, views_admin

app_name = "knowledge"
urlpatterns = [
    path("", views.browse, name="browse"),
    path("search/", views.results, name="results"),
    path("embed/", views.embed, name="embed"),
    path("new/", views.article_edit, name="create"),
    path("a/<str:code>/", views.article_read, name="read"),
    path("a/<str:code>/edit/", views.article_edit, name="edit"),
    path("a/<str:code>/use/", views.article_use, name="use"),
    path("a/<str:code>/attachments/", views.attachment_upload, name="attach"),
    path("files/<int:pk>/", views.attachment_download, name="file"),
    path("synonyms/", views_admin.synonyms, name="synonyms"),
    path("synonyms/<int:pk>/delete/", views_admin.synonym_delete, name="synonym_delete"),
    path("reports/uses/", views_admin.report_uses, name="report_uses"),
    path("reports/misses/", views_admin.report_misses, name="report_misses"),
    path("overdue/", views_admin.overdue, name="overdue"),
]
