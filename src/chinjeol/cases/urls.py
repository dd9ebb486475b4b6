from django.urls import path

from . import template_views, views

app_name = "cases"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("new/", views.citizen_new, name="citizen_new"),
    path("status/", views.citizen_status, name="citizen_status"),
    path("staff/new/", views.staff_new, name="staff_new"),
    path("messages/", views.message_log, name="messages"),
    path("answer-templates/", template_views.template_list, name="answer_templates"),
    path("answer-templates/<int:pk>/", template_views.template_edit, name="answer_template_edit"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/<slug:action>/", views.act, name="act"),
]
