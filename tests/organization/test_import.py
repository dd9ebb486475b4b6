import io

import pytest
from django.urls import reverse
from openpyxl import Workbook

from chinjeol.core.access import roles_of
from chinjeol.core.models import User
from chinjeol.core.roles import Role
from chinjeol.organization import rules
from chinjeol.organization.models import Department, Staff
from chinjeol.organization.services import org_import_file

HEADER = ["부서", "상위부서", "사번", "이름", "직위", "내선", "휴대전화", "이메일", "역할"]
GOOD = [
    ["기획경제국", "", "1990001", "최국장", "국장", "2000", "010-1111-2222", "choi@gu.go.kr", "부서장"],
    [
        "기획예산과",
        "기획경제국",
        "2001001",
        "김과장",
        "과장",
        "2100",
        "01022223333",
        "kim@gu.go.kr",
        "부서장",
    ],
    [
        "기획예산과",
        "기획경제국",
        "2019001",
        "홍길동",
        "주무관",
        "2101",
        "010 3333 4444",
        "hong@gu.go.kr",
        "직원/CS리더",
    ],
    ["예산팀", "기획예산과", "2020002", "이영희", "주무관", "2102", "", "", "직원"],
]


def csv_bytes(rows, header=HEADER, encoding="utf-8-sig"):
    lines = [",".join(header)] + [",".join(r) for r in rows]
    return ("\n".join(lines) + "\n").encode(encoding)


def xlsx_bytes(rows, header=HEADER):
    wb = Workbook()
    ws = wb.active
    ws.append(header)
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_plan_reports_every_bad_row():
    rows = [
        (2, ["기획예산과", "기획경제국", "", "김과장", "", "", "", "", ""]),
        (3, ["기획예산과", "기획경제국", "2001001", "", "", "", "010-12", "bad-mail", "사장"]),
        (4, ["예산팀", "", "2001001", "이름", "", "12a", "", "", ""]),
        (5, ["기획예산과", "다른국", "2001009", "박씨", "", "", "", "", ""]),
    ]
    plan = rules.plan_import(HEADER, rows)
    got = {(e.row, e.column) for e in plan.errors}
    assert (2, "사번") in got
    assert {(3, "이름"), (3, "휴대전화"), (3, "이메일"), (3, "역할")} <= got
    assert (4, "내선") in got
    assert (5, "상위부서") in got
    assert not plan.ok


def test_plan_refuses_missing_headers():
    plan = rules.plan_import(["부서", "이름"], [(2, ["과", "홍"])])
    assert plan.header_errors and "사번" in plan.header_errors[0]


def test_plan_detects_cycles():
    rows = [
        (2, ["가과", "나과", "A1", "갑", "", "", "", "", ""]),
        (3, ["나과", "가과", "A2", "을", "", "", "", "", ""]),
    ]
    plan = rules.plan_import(HEADER, rows)
    assert any("순환" in e.message for e in plan.errors)


def test_department_kind():
    assert rules.department_kind("기획경제국") == "bureau"
    assert rules.department_kind("세무과") == "division"
    assert rules.department_kind("감사담당관") == "division"
    assert rules.department_kind("민원팀") == "team"


@pytest.mark.django_db
def test_import_csv_creates_tree_staff_accounts_and_roles():
    result = org_import_file(filename="org.csv", data=csv_bytes(GOOD))
    assert result.plan.ok and result.applied
    assert len(result.created) == 4
    assert Department.objects.get(name="예산팀").parent.name == "기획예산과"
    assert Department.objects.get(name="기획예산과").parent.name == "기획경제국"
    hong = Staff.objects.get(employee_no="2019001")
    assert hong.mobile == "010-3333-4444"
    user = User.objects.get(staff=hong)
    assert not user.has_usable_password()
    mine = roles_of(user)
    assert mine[Role.CS_LEADER] == {hong.department_id}
    assert Role.STAFF in mine


@pytest.mark.django_db
def test_import_again_is_idempotent_and_updates_by_employee_no():
    org_import_file(filename="org.csv", data=csv_bytes(GOOD))
    again = org_import_file(filename="org.csv", data=csv_bytes(GOOD))
    assert again.created == [] and again.updated == [] and again.unchanged == 4
    changed = [row[:] for row in GOOD]
    changed[3][4] = "팀장"
    result = org_import_file(filename="org.xlsx", data=xlsx_bytes(changed[2:]))
    assert result.updated == ["2020002"]
    assert Staff.objects.get(employee_no="2020002").position == "팀장"
    absent = {s.employee_no for s in result.absent}
    assert absent == {"1990001", "2001001"}
    assert Staff.objects.filter(employee_no="1990001", is_active=True).exists()  # reported, not deleted


@pytest.mark.django_db
def test_one_bad_row_imports_nothing():
    rows = [*GOOD, ["세무과", "", "2021001", "", "", "", "", "", ""]]
    result = org_import_file(filename="org.csv", data=csv_bytes(rows))
    assert not result.plan.ok
    assert [(e.row, e.column) for e in result.plan.errors] == [(6, "이름")]
    assert not Staff.objects.exists() and not Department.objects.exists()


@pytest.mark.django_db
def test_cp949_csv_is_read():
    result = org_import_file(filename="org.csv", data=csv_bytes(GOOD, encoding="cp949"))
    assert result.plan.ok and len(result.created) == 4


@pytest.mark.django_db
def test_dry_run_writes_nothing():
    result = org_import_file(filename="org.csv", data=csv_bytes(GOOD), dry_run=True)
    assert result.plan.ok and not result.applied and len(result.created) == 4
    assert not Staff.objects.exists()


@pytest.mark.django_db
def test_upload_page_shows_row_errors_and_imports_nothing(client_for, org):
    from django.core.files.uploadedfile import SimpleUploadedFile

    before = Staff.objects.count()
    bad = [*GOOD[:2], ["세무과", "", "X", "", "", "", "", "", ""]]
    upload = SimpleUploadedFile("org.xlsx", xlsx_bytes(bad))
    response = client_for(org.officer).post(reverse("organization:import"), {"file": upload})
    body = response.content.decode()
    assert response.status_code == 400
    assert "아무것도 반영하지 않았습니다" in body and "이름이 비어 있습니다" in body
    assert Staff.objects.count() == before


@pytest.mark.django_db
def test_upload_page_imports_good_file(client_for, org):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("org.csv", csv_bytes(GOOD))
    body = client_for(org.officer).post(reverse("organization:import"), {"file": upload}).content.decode()
    assert "반영했습니다" in body and "새 직원 4명" in body


@pytest.mark.django_db
def test_upload_rejects_other_formats(client_for, org):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("org.pdf", b"%PDF-1.4")
    body = client_for(org.officer).post(reverse("organization:import"), {"file": upload}).content.decode()
    assert "CSV 또는 XLSX 파일만" in body


@pytest.mark.django_db
def test_template_download(client_for, org):
    response = client_for(org.officer).get(reverse("organization:import_template"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
