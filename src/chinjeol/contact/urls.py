from django.urls import path

from . import views

app_name = "contact"
urlpatterns = [
    path("", views.console, name="console"),
    path("live/", views.console_live, name="console_live"),
    path("callbacks/", views.callbacks, name="callbacks"),
    path("wallboard/", views.wallboard, name="wallboard"),
    path("wallboard/live/", views.wallboard_live, name="wallboard_live"),
    path("333/", views.dashboard_333, name="dashboard_333"),
    path("volumes/", views.volumes, name="volumes"),
    path("extensions/", views.extensions, name="extensions"),
]
