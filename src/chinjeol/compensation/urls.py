from django.urls import path

from . import views

app_name = "compensation"
urlpatterns = [
    path("", views.ledger, name="ledger"),
    path("report/", views.report, name="report"),
    path("<int:pk>/approve/", views.approve, name="approve"),
    path("<int:pk>/hand-over/", views.hand_over, name="hand_over"),
]
