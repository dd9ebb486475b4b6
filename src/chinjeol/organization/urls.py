from django.urls import path

from . import views

app_name = "organization"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("departments/<int:pk>/", views.department_detail, name="department"),
    path("staff/<int:pk>/", views.staff_detail, name="staff"),
    path("staff/pick/", views.staff_pick, name="staff_pick"),
    path("import/", views.org_import, name="import"),
    path("import/template.xlsx", views.import_template, name="import_template"),
]
