from django.urls import path

from . import views

app_name = "kindness"
urlpatterns = [
    path("", views.organisation, name="organisation"),
    path("me/", views.me, name="me"),
    path("staff/<int:pk>/", views.staff_page, name="staff"),
    path("departments/<int:pk>/", views.department, name="department"),
    path("register/", views.register, name="register"),
    path("entries/<int:pk>/reverse/", views.reverse_entry, name="reverse"),
]
