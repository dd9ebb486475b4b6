from django.urls import path

from . import views

app_name = "protection"
urlpatterns = [
    path("", views.incidents, name="incidents"),
    path("<int:pk>/", views.incident, name="incident"),
    path("<int:pk>/evidence.pdf", views.evidence, name="evidence"),
    path("exposure/", views.exposure, name="exposure"),
    path("report-call/", views.report_call, name="report_call"),
]
