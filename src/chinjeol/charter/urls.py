from django.urls import path
from django.views.generic import RedirectView

from . import views

app_name = "charter"
urlpatterns = [
    path("", views.charter, name="charter"),
    path("standards/<str:code>/", views.standard_detail, name="standard"),
    path("calendar/", views.calendar, name="calendar"),
    path("calendar/<int:pk>/remove/", views.calendar_remove, name="calendar_remove"),
    path("statutory/", views.statutory_list, name="statutory"),
    path("statutory/<int:pk>/", views.statutory_change, name="statutory_change"),
    # The compliance pages moved to the reports (/reports/compliance/); bookmarked addresses, with their
    # period and filters, keep working.
    path(
        "compliance/",
        RedirectView.as_view(pattern_name="reports:compliance", permanent=True, query_string=True),
    ),
    path(
        "compliance/cases/",
        RedirectView.as_view(pattern_name="reports:compliance_cases", permanent=True, query_string=True),
    ),
    # The published reports used to live here; links already on agency homepages keep working.
    path("reports/", RedirectView.as_view(pattern_name="reports:charter_list", permanent=True)),
    path(
        "reports/<str:period>/",
        RedirectView.as_view(pattern_name="reports:charter_report", permanent=True),
    ),
    path(
        "reports/<str:period>/pdf/",
        RedirectView.as_view(pattern_name="reports:charter_report_pdf", permanent=True),
    ),
]
