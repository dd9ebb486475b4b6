"""A registration number typed anywhere a person types never reaches the database, a page, the API,
the admin or a notice; and every back-office view of someone's contact details is logged."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib import admin
from django.db import models

from chinjeol.cases import services as cases
from chinjeol.cases.models import Case, CaseEvent, HappyCallAnswer
from chinjeol.community import services as community
from chinjeol.community.models import Evidence, PraisePost, Report
from chinjeol.core.admin import ContactLoggingMixin
from chinjeol.core.fields import MaskedCharField, MaskedTextField
from chinjeol.core.models import ApiToken, PersonalDataAccess
from chinjeol.notify.models import Message
from tests.factories import at

SECRET = "850315-1628453"
TAIL = "628453"  # what identifies the person: the last six digits


def _everything_stored() -> str:
    """Every text column of every row the cases, community, compensation and notify apps hold."""
    out = []
    for label in ("cases", "community", "compensation", "notify", "kindness"):
        for model in apps.get_app_config(label).get_models():
            names = [
                f.attname
                for f in model._meta.concrete_fields
                if isinstance(f, models.CharField | models.TextField)
            ]
            for row in model.objects.values_list(*names):
                out.extend(str(v) for v in row)
    return "\n".join(out)


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.com", "pw-for-tests-only")


@pytest.mark.django_db
def test_case_name_and_every_workflow_text_are_masked_everywhere(
    make_case, org, client, superuser, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        case = make_case(customer_name=f"홍길동 {SECRET}", title=f"문의 {SECRET}", body=f"제 번호 {SECRET}")
        clerk = org.clerk.staff
        cases.case_assign(case_id=case.pk, staff_id=clerk.pk, by=org.head, now=at(2026, 11, 23, 11))
        cases.case_start(case_id=case.pk, by=org.clerk, now=at(2026, 11, 23, 12))
        cases.case_interim_notice(
            case_id=case.pk,
            progress=f"확인 중 ({SECRET})",
            expected_at=at(2026, 11, 27, 18),
            by=org.clerk,
            now=at(2026, 11, 24),
        )
        cases.case_extend(
            case_id=case.pk,
            days=3,
            reason=f"사유 {SECRET}",
            customer_consent=False,
            by=org.head,
            now=at(2026, 11, 24, 12),
        )
        cases.case_close(
            case_id=case.pk,
            answer=f"답변드립니다. 주민번호 {SECRET} 확인함",
            by=org.clerk,
            now=at(2026, 11, 25),
        )
        other = make_case()
        cases.case_transfer(
            case_id=other.pk,
            reason=f"이송 사유 {SECRET}",
            agency=f"타 기관 {SECRET}",
            by=org.officer,
            now=at(2026, 11, 24),
        )
        third = make_case()
        cases.case_withdraw(case_id=third.pk, reason=f"취하 {SECRET}", by=org.officer, now=at(2026, 11, 24))
    case.refresh_from_db()
    assert case.customer_name == "홍길동 850315-1******"
    assert Message.objects.filter(kind__in=["interim", "extension", "result", "transfer"]).count() >= 4
    assert CaseEvent.objects.filter(note__contains="850315-1******").count() == 4
    assert TAIL not in _everything_stored()

    token = ApiToken.issue(org.officer)[1]
    api = client.get(f"/api/v1/cases/{case.pk}", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert api.status_code == 200 and TAIL not in api.content.decode()
    client.force_login(org.officer)
    page = client.get(f"/cases/{case.pk}/")
    assert page.status_code == 200 and TAIL not in page.content.decode()
    client.force_login(superuser)
    for url in (f"/admin/cases/case/{case.pk}/change/", "/admin/cases/case/", "/admin/notify/message/"):
        response = client.get(url)
        assert response.status_code == 200 and TAIL not in response.content.decode(), url


@pytest.mark.django_db
def test_api_intake_masks_the_name(client, org):
    payload = {
        "channel": "epeople",
        "kind": "grievance",
        "title": "소음 민원",
        "body": "공사 소음",
        "customer": {"name": f"최민원 {SECRET}", "phone": "01099998888", "email": "choi@example.com"},
        "received_at": "2026-11-23T09:30:00+09:00",
    }
    token = ApiToken.issue(org.officer)[1]
    response = client.post(
        "/api/v1/cases", payload, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert response.status_code == 201, response.content
    assert TAIL not in response.content.decode() and TAIL not in _everything_stored()


@pytest.mark.django_db
def test_report_praise_evidence_and_notes_are_masked(org, make_case):
    report = community.report_receive(
        intake=community.ReportIntake(
            kind="unkind",
            body=f"반말을 들었습니다 {SECRET}",
            reporter_name=f"정시민 {SECRET}",
            reporter_phone="010-9876-5432",
            official_name=f"김민원 {SECRET}",
            department_text=f"민원과 {SECRET}",
            occurred_on=None,
            consent=True,
        ),
        now=at(2026, 11, 23),
    )
    community.report_investigate(report_id=report.pk, by=org.officer, now=at(2026, 11, 23, 11))
    community.report_evidence_add(
        report_id=report.pk, by=org.officer, now=at(2026, 11, 23, 12), note=f"녹취 {SECRET}"
    )
    community.praise_post_submit(
        intake=community.PraiseIntake(
            title=f"칭찬 {SECRET}",
            body=f"친절했습니다 {SECRET}",
            official_name=f"김민원 {SECRET}",
            writer_name=f"이시민 {SECRET}",
            consent=True,
        ),
        now=at(2026, 11, 23),
    )
    case = make_case()
    HappyCallAnswer.objects.create(
        case=case, score=5, comment=f"좋았어요 {SECRET}", answered_at=at(2026, 11, 26)
    )
    assert Report.objects.get().reporter_name == "정시민 850315-1******"
    assert Evidence.objects.get().note == "녹취 850315-1******"
    assert PraisePost.objects.get().writer_name.endswith("850315-1******")
    # QuerySet.update() goes through get_prep_value: still masked.
    Case.objects.filter(pk=case.pk).update(answer=f"수정 {SECRET}")
    assert TAIL not in _everything_stored()


def _is_masked(field) -> bool:
    return isinstance(field, MaskedCharField | MaskedTextField)


# Text fields that are not free text a person types about a case: codes, statuses, receipt numbers, keys,
# contact fields (kept whole to reach the person, shown masked and logged), configuration an administrator
# maintains, and texts the system composes. Anything else must mask.
NOT_FREE_TEXT = {
    "cases.Case": {"receipt_no", "customer_phone", "customer_email", "deadline_rule"},
    "cases.CaseEvent": {"from_status", "to_status"},
    "cases.RoutingRule": {"keyword"},
    "cases.ReceiptCounter": set(),
    "cases.RateLimitHit": {"key"},
    "community.Report": {"receipt_no", "reporter_phone"},
    "community.ReportEvent": {"from_status", "to_status"},
    "community.PraisePost": {"writer_phone"},
    "kindness.EvaluationItem": {"code", "name", "advice"},
    "kindness.EvaluationItemVersion": {"note"},  # why a configuration changed (core.Revision)
    "kindness.ScoreSettings": {"note"},  # why a configuration changed (core.Revision)
    "kindness.MileageEntry": {"source_type", "source_id"},
    "kindness.DepartmentDeduction": {"source_type", "source_id"},
    "kindness.PeriodSnapshot": {"period", "kind"},
    "compensation.CompensationEntry": {"source_type", "source_id"},
    # Message bodies and subjects are masked when queued (`mask_notice`), keeping the handler's contact.
    "notify.Message": {
        "kind",
        "recipient",
        "recipient_masked",
        "subject",
        "body",
        "backend",
        "error",
        "dedupe_key",
        "about_type",  # a model label
        "about_text",  # composed by the registered model's `describe` ("민원 2026-000123")
    },
}
CHECKED_APPS = ("cases", "community", "kindness", "compensation", "notify")


def test_every_free_text_field_masks():
    unmasked = []
    for label in CHECKED_APPS:
        for model in apps.get_app_config(label).get_models():
            allowed = NOT_FREE_TEXT.get(model._meta.label, set())
            for field in model._meta.concrete_fields:
                if not isinstance(field, models.CharField | models.TextField) or field.choices:
                    continue
                if not _is_masked(field) and field.name not in allowed:
                    unmasked.append(f"{model._meta.label}.{field.name}")
    assert not unmasked, f"사람이 적는 글인데 가리지 않는 필드: {unmasked}"


CONTACT = ("phone", "mobile", "email", "recipient", "writer_name", "reporter_name", "recipient_name")
PUBLIC_CONTACT = {"organization.Agency": {"phone"}, "organization.Department": {"phone"}}


def test_every_admin_that_shows_contact_details_logs_the_view():
    missing = []
    for model, model_admin in admin.site._registry.items():
        contact = (
            {
                f.name
                for f in model._meta.concrete_fields
                if any(f.name.endswith(word) or f.name == word for word in CONTACT) and "masked" not in f.name
            }
            - PUBLIC_CONTACT.get(model._meta.label, set())
            - set(model_admin.exclude or ())
        )
        if not contact:
            continue
        logged = set(model_admin.contact_fields) if isinstance(model_admin, ContactLoggingMixin) else set()
        if contact - logged:
            missing.append(f"{model._meta.label}: {sorted(contact - logged)}")
    assert not missing, missing


@pytest.mark.django_db
@pytest.mark.parametrize("which", ["report", "praise"])
def test_admin_change_pages_of_reports_and_praise_log_the_view(which, org, client, superuser):
    if which == "report":
        obj = community.report_receive(
            intake=community.ReportIntake(
                kind="praise",
                body="친절했습니다",
                reporter_name="정시민",
                reporter_phone="010-9876-5432",
                official_name="김민원",
                department_text="민원과",
                occurred_on=None,
                consent=True,
            ),
            now=at(2026, 11, 23),
        )
        url = f"/admin/community/report/{obj.pk}/change/"
    else:
        obj = community.praise_post_submit(
            intake=community.PraiseIntake(
                title="칭찬",
                body="친절했습니다",
                official_name="김민원",
                writer_name="이시민",
                writer_phone="010-2222-3333",
                consent=True,
            ),
            now=at(2026, 11, 23),
        )
        url = f"/admin/community/praisepost/{obj.pk}/change/"
    client.force_login(superuser)
    assert not PersonalDataAccess.objects.exists()
    assert client.get(url).status_code == 200
    entry = PersonalDataAccess.objects.get()
    assert entry.subject_id == str(obj.pk) and "전화" in entry.fields and entry.user == superuser


@pytest.mark.django_db
def test_access_log_shows_names_and_departments_not_usernames(org, client, make_case):
    client.force_login(org.officer)
    case = make_case()
    assert client.get(f"/cases/{case.pk}/").status_code == 200
    assert PersonalDataAccess.objects.filter(user=org.officer).exists()
    page = client.get("/privacy/access-log/").content.decode()
    assert "고담당 (민원과)" in page
    assert f"<td>{org.officer.username}</td>" not in page


@pytest.mark.django_db
def test_migration_masks_rows_written_before(make_case):
    from django.db import connection

    from chinjeol.core.fields import mask_existing_rows

    case = make_case()
    table = connection.ops.quote_name(Case._meta.db_table)
    with connection.cursor() as cursor:  # as an older version stored it, past the field
        cursor.execute(f"UPDATE {table} SET body = %s WHERE id = %s", [f"옛 글 {SECRET}", case.pk])  # noqa: S608
    assert TAIL in Case.objects.values_list("body", flat=True).get(pk=case.pk)
    mask_existing_rows("cases")(apps, None)
    assert Case.objects.values_list("body", flat=True).get(pk=case.pk) == "옛 글 850315-1******"


@pytest.mark.django_db
def test_compensation_ledger_logs_the_names_it_shows(client, org):
    from django.urls import reverse

    from tests.compensation.test_compensation import record

    record(staff=org.clerk.staff)
    client.force_login(org.officer)
    assert not PersonalDataAccess.objects.exists()
    assert client.get(reverse("compensation:ledger")).status_code == 200
    entry = PersonalDataAccess.objects.get()
    assert entry.fields == "받는 분" and entry.count == 1 and entry.user == org.officer
