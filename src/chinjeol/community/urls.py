from django.urls import path

from .views import boards, hub, initiatives, relay, reports, status, tasks

app_name = "community"
urlpatterns = [
    path("", hub.hub, name="hub"),
    # 친절·불친절 신고센터
    path("report/", reports.report_new, name="report_new"),
    path("report/done/", reports.report_done, name="report_done"),
    path("report/status/", status.report_status, name="report_status"),
    path("reports/", reports.report_list, name="report_list"),
    path("reports/from-case/<int:case_id>/", reports.report_from_case, name="report_from_case"),
    path("reports/<int:pk>/", reports.report_detail, name="report_detail"),
    path("reports/<int:pk>/evidence/<int:evidence_id>/", reports.evidence_file, name="evidence_file"),
    path("reports/<int:pk>/<slug:action>/", reports.report_act, name="report_act"),
    # 할 일
    path("tasks/", tasks.my_tasks, name="tasks"),
    path("tasks/all/", tasks.all_tasks, name="tasks_all"),
    path("tasks/<int:pk>/", tasks.task_detail, name="task_detail"),
    path("tasks/<int:pk>/complete/", tasks.task_complete, name="task_complete"),
    # 스마일 릴레이
    path("relay/", relay.relay, name="relay"),
    path("smile/", relay.smile, name="smile"),
    path("smile/select/", relay.smile_select, name="smile_select"),
    # 게시판
    path("best/", boards.best_list, name="best_list"),
    path("best/new/", boards.best_new, name="best_new"),
    path("best/<int:pk>/", boards.best_detail, name="best_detail"),
    path("best/<int:pk>/moderate/", boards.best_moderate, name="best_moderate"),
    path("praise/", boards.praise_list, name="praise_list"),
    path("praise/new/", boards.praise_new, name="praise_new"),
    path("praise/done/", boards.praise_done, name="praise_done"),
    path("praise/manage/", boards.praise_manage, name="praise_manage"),
    path("praise/<int:pk>/<slug:action>/", boards.praise_moderate, name="praise_moderate"),
    path("broadcast/", boards.broadcast, name="broadcast"),
    path("broadcast/<int:pk>/decide/", boards.broadcast_decide, name="broadcast_decide"),
    # 1부서 1친절시책
    path("initiatives/", initiatives.initiative_list, name="initiatives"),
    path("initiatives/new/", initiatives.initiative_new, name="initiative_new"),
    path("initiatives/<int:pk>/", initiatives.initiative_detail, name="initiative_detail"),
    path("initiatives/<int:pk>/evidence/", initiatives.initiative_evidence, name="initiative_evidence"),
    path("initiatives/<int:pk>/<slug:action>/", initiatives.initiative_act, name="initiative_act"),
]
