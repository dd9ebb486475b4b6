from django.urls import path

from . import views

app_name = "training"

urlpatterns = [
    path("", views.home, name="mine"),
    path("courses/", views.courses, name="courses"),
    path("courses/new/", views.course_new, name="course_new"),
    path("courses/<slug:code>/", views.course, name="course"),
    path("courses/<slug:code>/quiz/", views.quiz, name="quiz"),
    path("courses/<slug:code>/manage/", views.course_manage, name="course_manage"),
    path("courses/<slug:code>/materials/", views.material_add, name="material_add"),
    path("courses/<slug:code>/questions/", views.question_add, name="question_add"),
    path("materials/<int:pk>/file/", views.material_file, name="material_file"),
    path("assign/", views.assign, name="assign"),
    path("progress/", views.progress, name="progress"),
    path("gaps/", views.gaps, name="gaps"),
    path("gaps/chase/", views.chase, name="chase"),
    path("sessions/", views.sessions, name="sessions"),
    path("sessions/<int:pk>/", views.session_detail, name="session"),
    path("statements.json", views.statements, name="statements"),
]
