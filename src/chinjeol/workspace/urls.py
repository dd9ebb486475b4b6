"""The first page and the access log keep their addresses and names from before the app existed
(`home` at /, `access_log` at /privacy/access-log/): included without a namespace."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("privacy/access-log/", views.access_log, name="access_log"),
]
