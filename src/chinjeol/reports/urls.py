from django.urls import path

from . import views
from .compliance import views as compliance_views

app_name = "reports"
urlpatterns = [
    path("compliance/", compliance_views.compliance_page, name="compliance"),
    path("compliance/cases/", compliance_views.compliance_cases, name="compliance_cases"),
    path("compliance/recount/", compliance_views.compliance_recount, name="compliance_recount"),
    path("charter/", views.charter_list, name="charter_list"),
    path("charter/publish/", views.charter_publish, name="charter_publish"),
    path("charter/<str:period>/", views.charter_report, name="charter_report"),
    path("charter/<str:period>/pdf/", views.charter_report_pdf, name="charter_report_pdf"),
]
