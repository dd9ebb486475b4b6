from django.urls import path

from .views import counter, experts, field, meetings

app_name = "visits"
urlpatterns = [
    # 방문객 안내 (민원실 창구)
    path("", counter.log, name="log"),
    path("counter/", counter.counter, name="counter"),
    path("counter/live/", counter.counter_live, name="counter_live"),
    path("board/", counter.board, name="board"),
    path("board/live/", counter.board_live, name="board_live"),
    path("<int:pk>/guide/", counter.guide, name="guide"),
    path("<int:pk>/cancel/", counter.cancel, name="cancel"),
    # 현장 방문
    path("field/", field.field_list, name="field_list"),
    path("field/new/", field.field_new, name="field_new"),
    path("field/<int:pk>/", field.field_detail, name="field_detail"),
    path("field/<int:pk>/<slug:action>/", field.field_act, name="field_act"),
    # 전문가 상담실
    path("consult/", experts.consult, name="consult"),
    path("consult/done/", experts.consult_done, name="consult_done"),
    path("experts/", experts.experts, name="experts"),
    path("experts/slots/new/", experts.slot_new, name="slot_new"),
    path("experts/slots/<int:pk>/allocate/", experts.slot_allocate, name="slot_allocate"),
    path("experts/bookings/new/", experts.booking_new, name="booking_new"),
    path("experts/bookings/<int:pk>/", experts.booking_detail, name="booking_detail"),
    path("experts/bookings/<int:pk>/<slug:action>/", experts.booking_act, name="booking_act"),
    # 간담회
    path("meetings/", meetings.meetings, name="meetings"),
]
