from django.urls import path

from . import views

app_name = "surveys"
urlpatterns = [
    path("happy-calls/", views.happy_results, name="happy_results"),
    path("happy-calls/phone/", views.phone_list, name="phone_list"),
    path("happy-calls/<int:pk>/phone/", views.phone_entry, name="phone_entry"),
    path("catch-calls/", views.catch_calls, name="catch_calls"),
    path("h/<str:token>/", views.happy_answer, name="happy_answer"),
    path("", views.survey_list, name="list"),
    path("new/", views.survey_new, name="new"),
    path("<int:pk>/", views.survey_detail, name="detail"),
    path("<int:pk>/qr.svg", views.survey_qr, name="qr"),
    path("<int:pk>/print/", views.survey_print, name="print"),
    path("<int:pk>/results/", views.survey_results, name="results"),
    path("<int:pk>/publish/", views.survey_publish, name="publish"),
    path("s/<str:token>/", views.survey_answer, name="answer"),
    path("public/", views.public_list, name="public_list"),
    path("public/<int:pk>/", views.public_detail, name="public_detail"),
]
