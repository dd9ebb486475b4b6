from django.urls import path

from . import views

app_name = "compensation"
urlpatterns = [
    path("", views.ledger, name="ledger"),
    path("report/", views.report, name="report"),
    path("approve-selected/", views.approve_many, name="approve_many"),
    path("<int:pk>/approve/", views.approve, name="approve"),
    path("<int:pk>/hand-over/", views.hand_over, name="hand_over"),
]
