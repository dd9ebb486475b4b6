from django.urls import path

from . import views

app_name = "charter"
urlpatterns = [
    path("", views.charter, name="charter"),
    path("standards/<slug:code>/revise/", views.standard_revise, name="revise"),
    path("calendar/", views.calendar, name="calendar"),
    path("calendar/<int:pk>/remove/", views.calendar_remove, name="calendar_remove"),
    path("compliance/", views.compliance_page, name="compliance"),
    path("compliance/cases/", views.compliance_cases, name="compliance_cases"),
    path("reports/", views.report_list, name="reports"),
    path("reports/publish/", views.report_publish, name="publish"),
    path("reports/<str:period>/", views.report, name="report"),
    path("reports/<str:period>/pdf/", views.report_download, name="report_pdf"),
]
