from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("charter/", views.charter_list, name="charter_list"),
    path("charter/publish/", views.charter_publish, name="charter_publish"),
    path("charter/<str:period>/", views.charter_report, name="charter_report"),
    path("charter/<str:period>/pdf/", views.charter_report_pdf, name="charter_report_pdf"),
]
