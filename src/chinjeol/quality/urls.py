from django.urls import path

from .views import evaluations, programmes

app_name = "quality"
urlpatterns = [
    path("", evaluations.evaluation_list, name="evaluations"),
    path("evaluate/", evaluations.evaluate, name="evaluate"),
    path("evaluations/<int:pk>/", evaluations.evaluation_detail, name="evaluation"),
    path("evaluations/<int:pk>/dispute/", evaluations.dispute, name="dispute"),
    path("evaluations/<int:pk>/review/", evaluations.review, name="review"),
    path("evaluations/<int:pk>/action/", programmes.action_new, name="action_new"),
    path("scorecards/", programmes.scorecard_list, name="scorecards"),
    path("import/", programmes.import_results, name="import"),
    path("import/template.xlsx", programmes.import_template, name="import_template"),
    path("mystery/", programmes.mystery, name="mystery"),
    path("mystery/plan/", programmes.plan_new, name="plan_new"),
    path("mystery/actions/<int:pk>/", programmes.action_status, name="action_status"),
    path("mystery/meetings/new/", programmes.meeting_new, name="meeting_new"),
    path("calibration/", programmes.calibrations, name="calibrations"),
    path("calibration/<int:pk>/", programmes.calibration_detail, name="calibration"),
    path("sqi/", programmes.sqi, name="sqi"),
]
