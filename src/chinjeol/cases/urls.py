from django.urls import path

from . import views

app_name = "cases"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("new/", views.citizen_new, name="citizen_new"),
    path("status/", views.citizen_status, name="citizen_status"),
    path("staff/new/", views.staff_new, name="staff_new"),
    path("messages/", views.message_log, name="messages"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/<slug:action>/", views.act, name="act"),
]
