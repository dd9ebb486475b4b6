"""The half-year report PDF: a real PDF with the Korean font embedded, text that extracts as Korean, and
the built-in CID font (with a warning) when no TrueType font is installed."""

import logging
import shutil
import subprocess
from types import SimpleNamespace

import pytest

from chinjeol.charter import pdf
from chinjeol.core.periods import Period
from tests.factories import at


@pytest.fixture
def report(make_case, org):
    from chinjeol.cases import services as case_services
    from chinjeol.reports.services import charter_report_snapshot

    on_time = make_case(now=at(2026, 3, 3, 10))
    case_services.case_assign(
        case_id=on_time.pk, staff_id=org.clerk.staff.pk, by=org.head, now=at(2026, 3, 3, 11)
    )
    case_services.case_close(
        case_id=on_time.pk, answer="기한 안에 답변했습니다.", by=org.clerk, now=at(2026, 3, 5)
    )
    make_case(now=at(2026, 5, 4, 10), department_id=org.tax.pk, title="<세무> & 답변 지연")
    snapshot = charter_report_snapshot(period=Period.parse("2026-H1"), now=at(2026, 7, 2))
    return SimpleNamespace(
        snapshot=snapshot,
        improvements="세무과 <답변> 지연 & 알림 강화\n\n담당자 교육을 7월에 합니다.",
        published_at=at(2026, 7, 2),
        period="2026-H1",
    )


@pytest.mark.django_db
def test_pdf_embeds_the_korean_truetype_font(report):
    if pdf._find("NanumGothic.ttf") is None:
        pytest.skip("fonts-nanum이 설치되지 않았습니다 (apt-get install fonts-nanum).")
    data = pdf.report_pdf(report)
    assert data.startswith(b"%PDF-")
    assert b"NanumGothic" in data and b"/FontFile2" in data  # the TrueType program is inside the file
    assert b"HYSMyeongJo" not in data


@pytest.mark.django_db
def test_pdf_text_is_korean_and_complete(report, tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext(poppler-utils)가 없습니다.")
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf.report_pdf(report))
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True
    ).stdout.decode()
    for words in (
        "고객서비스헌장 이행 점검 결과",
        "2026년 상반기",
        "이행표준별 결과",
        "홈페이지 질의·건의는 7일 안에",
        "부서별 결과",
        "세무과",
        "50.0%",
        "부족한 점과 개선 조치",
        "세무과 <답변> 지연 & 알림 강화",
        "1쪽",
    ):
        assert words in text, words


@pytest.mark.django_db
def test_pdf_falls_back_to_the_builtin_cid_font_with_a_warning(report, monkeypatch, caplog):
    monkeypatch.setattr(pdf, "FONT_DIRS", [])
    monkeypatch.setattr(pdf, "REGULAR", "NanumGothicAbsent")
    with caplog.at_level(logging.WARNING, logger="chinjeol.charter.pdf"):
        data = pdf.report_pdf(report)
    assert data.startswith(b"%PDF-") and b"HYSMyeongJo-Medium" in data
    assert "fonts-nanum" in caplog.text
