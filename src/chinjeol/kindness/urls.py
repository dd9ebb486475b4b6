from django.urls import path

from .views import boards, configuration, personal, publishing, registration

app_name = "kindness"
urlpatterns = [
    path("", boards.organisation, name="organisation"),
    path("me/", personal.me, name="me"),
    path("staff/<int:pk>/", personal.staff_page, name="staff"),
    path("departments/<int:pk>/", boards.department, name="department"),
    path("register/", registration.register, name="register"),
    path("register/upload/", registration.upload, name="upload"),
    path("register/upload/template.xlsx", registration.upload_template, name="upload_template"),
    path("entries/<int:pk>/reverse/", registration.reverse_entry, name="reverse"),
    path("settings/", configuration.settings_page, name="settings"),
    path("settings/items/new/", configuration.item_new, name="item_new"),
    path("settings/items/<slug:code>/", configuration.item_edit, name="item_edit"),
    path("settings/score/", configuration.score_settings, name="score_settings"),
    path("published/", publishing.snapshots, name="snapshots"),
    path("published/<int:pk>/", publishing.snapshot_detail, name="snapshot"),
    path("publish/", publishing.publish, name="publish"),
]
