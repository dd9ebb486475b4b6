"""The pages and the API of the counter, field visits, the expert room and meetings."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from chinjeol.core.models import ApiToken
from chinjeol.visits.models import Booking, Expert, ExpertSlot, FieldVisit, Meeting, PriorityGroup, Visit
from chinjeol.visits.services.field import _title

pytestmark = pytest.mark.django_db


def bearer(user) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(user)[1]}"}


def test_counter_logs_guides_and_cancels(client_for, org):
    client = client_for(org.people["clerk"])
    response = client.post("/visits/counter/", {"department": org.civil.pk, "purpose": "여권 재발급"})
    assert response.status_code == 302
    visit = Visit.objects.get()
    assert visit.number == 1 and visit.status == Visit.Status.WAITING
    page = client.get("/visits/counter/live/").content.decode()
    assert "민원과" in page and "안내함" in page
    assert "민원과" in client.get("/visits/board/live/").content.decode()
    assert client.post(f"/visits/{visit.pk}/guide/").status_code == 302
    visit.refresh_from_db()
    assert visit.status == Visit.Status.GUIDED and visit.met
    assert client.post("/visits/counter/", {"department": "", "purpose": ""}).status_code == 400
    second = client.post("/visits/counter/", {"department": org.tax.pk, "purpose": "재산세"})
    assert second.status_code == 302
    client.post(f"/visits/{Visit.objects.get(number=2).pk}/cancel/")
    assert Visit.objects.get(number=2).status == Visit.Status.CANCELLED
    log = client.get("/visits/").content.decode()
    assert "이행" in log and "판정 제외" in log
    export = client.get("/visits/?format=csv")
    assert export.status_code == 200 and "찾는 부서" in export.content.decode("utf-8-sig")


def test_the_auditor_reads_the_counter_without_forms(client_for, org):
    client = client_for(org.people["auditor"])
    page = client.get("/visits/counter/").content.decode()
    assert "번호 발급" not in page
    assert client.post("/visits/counter/", {"department": org.civil.pk, "purpose": "x"}).status_code == 403


def test_visits_api_posts_exactly_the_contract(client, org):
    now = timezone.now().replace(microsecond=0)
    body = {
        "department": org.civil.pk,
        "arrived_at": (now - timedelta(minutes=6)).isoformat(),
        "guided_at": (now - timedelta(minutes=1)).isoformat(),
        "purpose": "인감증명 발급",
    }
    headers = {**bearer(org.people["clerk"]), "HTTP_IDEMPOTENCY_KEY": "visit-1"}
    response = client.post("/api/v1/visits", body, content_type="application/json", **headers)
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["waited_seconds"] == 300 and data["met"] is True and data["standard_version"] == 1
    again = client.post("/api/v1/visits", body, content_type="application/json", **headers)
    assert again.status_code == 201 and again["Idempotent-Replayed"] == "true"
    assert Visit.objects.count() == 1
    late = {**body, "guided_at": (now - timedelta(seconds=59)).isoformat()}
    response = client.post(
        "/api/v1/visits", late, content_type="application/json", **bearer(org.people["clerk"])
    )
    assert response.json()["met"] is False
    wrong = {**body, "guided_at": (now - timedelta(minutes=10)).isoformat()}
    response = client.post(
        "/api/v1/visits", wrong, content_type="application/json", **bearer(org.people["clerk"])
    )
    assert response.status_code == 422 and response.json()["field"] == "guided_at"
    refused = client.post(
        "/api/v1/visits", body, content_type="application/json", **bearer(org.people["evaluator"])
    )
    assert refused.status_code == 403
    day = timezone.localdate().isoformat()
    listed = client.get(f"/api/v1/visits?date_from={day}&date_to={day}", **bearer(org.people["auditor"]))
    assert listed.json()["count"] == 2


def test_field_visit_pages(client_for, org):
    client = client_for(org.people["clerk"])
    day = (timezone.localdate() + timedelta(days=14)).isoformat()
    response = client.post(
        "/visits/field/new/",
        {
            "official": org.people["clerk"].staff_id, "citizen_name": "최시민", "citizen_phone": "010-9876-5432",
            "place": "한빛로 12", "purpose": "현장 확인", "day": day, "clock": "14:00",
        },
    )  # fmt: skip
    assert response.status_code == 302
    visit = FieldVisit.objects.get()
    page = client.get(f"/visits/field/{visit.pk}/").content.decode()
    assert "010-9876-****" in page and "최*민" in page
    assert client.post(f"/visits/field/{visit.pk}/called/").status_code == 302
    assert FieldVisit.objects.get().notice_called_at is not None
    from chinjeol.core.inbox import work_for
    from chinjeol.visits import services

    FieldVisit.objects.filter(pk=visit.pk).update(scheduled_at=timezone.now() - timedelta(hours=1))
    labels = {i.label: i.count for i in work_for(org.people["clerk"], now=timezone.now())}
    assert labels["결과를 적을 현장 방문"] == 1
    services.field_visit_cancel(visit=FieldVisit.objects.get(), by=org.people["clerk"], now=timezone.now())
    outsider = client_for(org.people["outsider"])
    assert outsider.get(f"/visits/field/{visit.pk}/").status_code == 404
    assert (
        _title("주무관(7급)") == "주무관이"
        and _title("") == "주무관이"
        and _title("계장대리") == "계장대리가"
    )


def test_public_consultation_booking_and_staff_record(client, client_for, org):
    expert = Expert.objects.create(name="한변호", field=Expert.Field.LAW)
    slot = ExpertSlot.objects.create(expert=expert, starts_at=timezone.now() + timedelta(days=7))
    group = PriorityGroup.objects.create(name="장애인", rank=1)
    page = client.get("/visits/consult/").content.decode()
    assert "장애인" in page and "한변호" in page
    response = client.post(
        "/visits/consult/",
        {"slot": slot.pk, "citizen_name": "김신청", "citizen_phone": "01012345678", "group": group.pk,
         "topic": "임대차 상담", "consent": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    assert "신청번호" in client.get("/visits/consult/done/").content.decode()
    booking = Booking.objects.get()
    assert booking.status == Booking.Status.REQUESTED and booking.group == group
    officer = client_for(org.people["officer"])
    assert officer.post(f"/visits/experts/slots/{slot.pk}/allocate/").status_code == 302
    assert Booking.objects.get().status == Booking.Status.CONFIRMED
    staff_page = officer.get("/visits/experts/").content.decode()
    assert "김*청" in staff_page and "010-1234-****" in staff_page


def test_meetings_are_logged_by_leaders_not_by_staff(client_for, org):
    leader = client_for(org.people["leader"])
    data = {
        "held_on": timezone.localdate().isoformat(), "group": "주민자치위원회", "title": "의견 청취",
        "attendees": 10, "department": org.civil.pk, "minutes": "회의록", "opinions": "표지판 개선",
    }  # fmt: skip
    assert leader.post("/visits/meetings/", data).status_code == 302
    assert Meeting.objects.count() == 1
    clerk = client_for(org.people["clerk"])
    assert clerk.post("/visits/meetings/", data).status_code == 403
    assert "의견 청취" in clerk.get("/visits/meetings/").content.decode()
