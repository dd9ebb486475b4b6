"""Training pages: learning, the quiz, the video served with byte ranges, uploads and their limits, assignment,
rates, gaps and chasing, sessions, the xAPI download and the inbox."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from chinjeol.core.inbox import work_for
from chinjeol.notify.models import Message
from chinjeol.training import rules, services
from chinjeol.training.models import Assignment, Material

from .conftest import NOW, right_answers

pytestmark = pytest.mark.django_db


def _assign(org, course, person, days=5):
    return services.assign(course=course, target=rules.Target(rules.TargetKind.PERSON,
                           staff_ids=frozenset({person.staff.pk})), due_on=NOW.date() + timedelta(days=days),
                           by=org.officer, now=NOW)  # fmt: skip


def test_an_official_takes_the_assigned_course_and_sees_the_points_on_my_kindness(org, courses, client):
    course = courses["myungpum-1"]
    _assign(org, course, org.clerk)
    client.force_login(org.clerk)
    home = client.get("/training/").content.decode()
    assert "명품 고객응대 1. 첫인사와 경청" in home and "2026. 11. 28." in home
    assert any(i.label == "이수할 교육 과정" for i in work_for(org.clerk, now=NOW))
    page = client.get(f"/training/courses/{course.code}/").content.decode()
    video = course.materials.get(kind=Material.Kind.VIDEO)
    assert f'src="/training/materials/{video.pk}/file/"' in page and "이수 기한" in page
    answers = {f"q{q}": str(a) for q, a in right_answers(course).items()}
    result = client.post(f"/training/courses/{course.code}/quiz/", answers).content.decode()
    assert "합격했습니다 — 100점" in result
    me = client.get("/kindness/me/").content.decode()
    assert "교육 이수: 명품 고객응대 1. 첫인사와 경청" in me and f"/training/courses/{course.code}/" in me
    assert not any(i.label == "이수할 교육 과정" for i in work_for(org.clerk, now=NOW))


def test_the_video_is_served_in_ranges_so_it_seeks(org, courses, client):
    video = courses["myungpum-1"].materials.get(kind=Material.Kind.VIDEO)
    client.force_login(org.clerk)
    url = f"/training/materials/{video.pk}/file/"
    whole = client.get(url)
    body = b"".join(whole.streaming_content)
    assert whole.status_code == 200 and whole["Accept-Ranges"] == "bytes" and body[:4] == b"\x1aE\xdf\xa3"
    part = client.get(url, HTTP_RANGE="bytes=100-199")
    assert part.status_code == 206 and part["Content-Range"] == f"bytes 100-199/{len(body)}"
    assert part.content == body[100:200] and part["Content-Type"] == "video/webm"
    tail = client.get(url, HTTP_RANGE="bytes=-10")
    assert tail.content == body[-10:]
    beyond = client.get(url, HTTP_RANGE=f"bytes={len(body)}-")
    assert beyond.status_code == 416 and beyond["Content-Range"] == f"bytes */{len(body)}"
    assert client.get("/training/materials/999999/file/").status_code == 404


def test_a_video_may_exceed_the_single_upload_limit_and_a_document_may_not(org, courses, client, settings):
    settings.CHINJEOL_UPLOAD_MAX_BYTES = 1000
    settings.CHINJEOL_VIDEO_UPLOAD_MAX_BYTES = 5000
    client.force_login(org.officer)
    url = "/training/courses/phone-333/materials/"
    video = SimpleUploadedFile("clip.webm", b"\x1aE\xdf\xa3" + b"v" * 3000, content_type="video/webm")
    assert client.post(url, {"kind": "video", "title": "영상", "file": video}).status_code == 302
    assert Material.objects.filter(title="영상", size=3004).exists()
    big = SimpleUploadedFile("clip.webm", b"v" * 6000, content_type="video/webm")
    refused = client.post(url, {"kind": "video", "title": "큰 영상", "file": big})
    assert refused.status_code == 400 and "4.9KB 이하" in refused.content.decode()
    doc = SimpleUploadedFile("manual.pdf", b"%PDF" + b"d" * 3000, content_type="application/pdf")
    refused = client.post(url, {"kind": "document", "title": "매뉴얼", "file": doc})
    assert refused.status_code == 400 and "1,000바이트 이하" in refused.content.decode()
    # elsewhere the single limit still holds while the request is read
    from django.test import RequestFactory

    from chinjeol.core.uploads import request_upload_limit

    assert request_upload_limit(RequestFactory().post("/kindness/register/upload/")) == 1000
    assert request_upload_limit(RequestFactory().post(url)) == 5000


def test_course_authoring(org, client):
    client.force_login(org.officer)
    response = client.post("/training/courses/new/", {"code": "phone-2", "title": "전화응대 심화", "stage": "situations",
                           "order": 1, "pass_mark": 80, "minutes": 20, "kindness_item": "phone"})  # fmt: skip
    assert response.status_code == 302 and response["Location"] == "/training/courses/phone-2/manage/"
    client.post("/training/courses/phone-2/materials/", {"kind": "text", "title": "읽기", "body": "본문"})
    bad = client.post(
        "/training/courses/phone-2/questions/", {"text": "질문", "choices": "하나\n둘", "answer": 3}
    )
    assert "정답은 적은 보기 가운데" in bad.content.decode()
    client.post("/training/courses/phone-2/questions/", {"text": "질문", "choices": "하나\n둘", "answer": 2})
    page = client.get("/training/courses/phone-2/").content.decode()
    assert "읽기" in page and "평가 1문항" in page


def test_assign_rates_gaps_and_chasing(org, courses, client):
    org.clerk.staff.email = "clerk@example.go.kr"
    org.clerk.staff.save()
    client.force_login(org.leader)
    response = client.post("/training/assign/", {"course": "myungpum-2", "target": "department",
                           "department": org.civil.pk, "due_on": "2026-11-23"})  # fmt: skip
    assert response.status_code == 302
    assert set(Assignment.objects.values_list("staff__name", flat=True)) == {
        "고담당",
        "부서장",
        "리더임",
        "김민원",
    }
    refused = client.post("/training/assign/", {"course": "myungpum-2", "target": "department",
                          "department": org.tax.pk, "due_on": "2026-11-23"})  # fmt: skip
    assert refused.status_code == 200 and Assignment.objects.count() == 4  # 세무과 is not in the choices
    progress = client.get("/training/progress/").content.decode()
    assert "민원팀" in progress and "0.0%" in progress
    csv = client.get("/training/progress/?format=csv&by=person").content.decode("utf-8-sig")
    assert csv.splitlines()[0] == "이름,배정,이수,기한 경과,이수율(%)"
    Assignment.objects.update(due_on=NOW.date() - timedelta(days=1))
    gaps = client.get("/training/gaps/").content.decode()
    assert "김민원" in gaps and "기한 경과" in gaps
    assert any(i.label == "기한이 지난 부서 교육 미이수" for i in work_for(org.leader, now=NOW))
    client.post("/training/gaps/chase/")
    assert Message.objects.filter(kind="training_chase", recipient="clerk@example.go.kr").count() == 1


def test_sessions_and_attendance(org, courses, client):
    client.force_login(org.leader)
    response = client.post("/training/sessions/", {"kind": "cascade", "title": "전달 교육",
                           "starts_at": "2026-11-20T15:00", "department": org.civil.pk, "course": "myungpum-1"})  # fmt: skip
    assert response.status_code == 302
    detail = client.get(response["Location"]).content.decode()
    assert "김민원" in detail and "출석 기록" in detail
    client.post(response["Location"], {"present": [org.clerk.staff.pk]})
    assert org.clerk.staff.training_completions.get().via == "attendance"
    client.force_login(org.outsider)
    assert client.get(response["Location"]).status_code == 404  # another department's session


def test_statements_download_for_the_office_only(org, courses, client):
    course = courses["myungpum-1"]
    services.quiz_submit(staff=org.clerk.staff, course=course, answers=right_answers(course), now=NOW)
    client.force_login(org.auditor)
    response = client.get("/training/statements.json")
    rows = json.loads(response.content)
    assert response["X-Experience-API-Version"] == "1.0.3" and [r["verb"]["display"]["ko-KR"] for r in rows] == [
        "합격", "이수"
    ]  # fmt: skip
    client.force_login(org.clerk)
    assert client.get("/training/statements.json").status_code == 403


def test_the_back_office_shows_training_records_read_only(org, courses, client):
    course = courses["myungpum-1"]
    _assign(org, course, org.clerk)
    client.force_login(org.officer)
    for model in ("course", "material", "session", "attendance", "assignment", "completion", "quizattempt",
                  "statement"):  # fmt: skip
        page = client.get(f"/admin/training/{model}/")
        assert page.status_code == 200, model
        assert client.get(f"/admin/training/{model}/add/").status_code == 403, model
    listed = client.get("/admin/training/assignment/").content.decode()
    assert course.title in listed and "개별 지정" in listed
    change = client.get(f"/admin/training/course/{course.pk}/change/").content.decode()
    assert 'name="_save"' not in change and course.title in change
