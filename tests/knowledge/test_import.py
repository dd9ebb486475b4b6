"""`import-kb`: CSV (UTF-8, CP949), TSV and XLSX; Korean headers; idempotent by code; all-or-nothing."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from chinjeol.core.errors import DomainError
from chinjeol.knowledge.importer import kb_import
from chinjeol.knowledge.models import Article, ArticleVersion
from chinjeol.knowledge.search import search
from tests.factories import at

NOW = at(2026, 11, 23)
CSV = (
    "code,title,body,category,tags\n"
    'A-1,여권 재발급,"여권을 잃어버렸으면 분실신고 후 재발급을 신청합니다.",여권,"여권, 재발급"\n'
    "A-2,재산세 납부,재산세는 7월과 9월에 냅니다.,세금,\n"
)


def _import(data: bytes, filename: str = "kb.csv", **kwargs):
    return kb_import(filename=filename, data=data, by=None, now=NOW, **kwargs)


@pytest.mark.django_db
def test_csv_creates_articles_versions_and_index():
    result = _import(CSV.encode())
    assert result.ok and result.created == ["A-1", "A-2"]
    article = Article.objects.get(code="A-1")
    assert article.category.name == "여권" and article.tag_list == ["여권", "재발급"]
    assert article.versions.count() == 1
    assert [h.code for h in search("여권 잃어버렸어요")][0] == "A-1"


@pytest.mark.django_db
def test_reimport_is_idempotent_and_a_change_makes_one_new_version():
    _import(CSV.encode())
    again = _import(CSV.encode())
    assert again.unchanged == ["A-1", "A-2"] and not again.created and not again.updated
    assert ArticleVersion.objects.count() == 2
    changed = _import(CSV.replace("7월과 9월", "7월·9월").encode())
    assert changed.updated == ["A-2"] and changed.unchanged == ["A-1"]
    article = Article.objects.get(code="A-2")
    assert article.version == 2 and "7월·9월" in article.body
    assert list(article.versions.values_list("number", flat=True)) == [2, 1]
    assert [h.code for h in search("재산세")][0] == "A-2"


@pytest.mark.django_db
def test_cp949_csv_with_korean_headers_and_default_category():
    text = "코드,제목,본문\nB-1,대형폐기물 배출,소파는 배출 신고 후 스티커를 붙여 내놓습니다.\n"
    result = _import(text.encode("cp949"), default_category="청소")
    assert result.ok and Article.objects.get(code="B-1").category.name == "청소"


@pytest.mark.django_db
def test_tsv_and_xlsx():
    tsv = "code\ttitle\tbody\tcategory\nC-1\t가로등 고장\t가로등이 꺼지면 신고하세요.\\n관리번호를 알려 주세요.\t도로\n"
    assert _import(tsv.encode(), "kb.tsv").created == ["C-1"]
    assert "\n" in Article.objects.get(code="C-1").body
    book = Workbook()
    sheet = book.active
    sheet.append(["코드", "제목", "본문", "분류", "태그"])
    sheet.append(["D-1", "수도요금 납부", "수도요금은 두 달마다 고지됩니다.", "상하수도", "수도세"])
    buffer = io.BytesIO()
    book.save(buffer)
    assert _import(buffer.getvalue(), "kb.xlsx").created == ["D-1"]


@pytest.mark.django_db
def test_row_errors_name_the_row_and_nothing_is_written():
    text = CSV + "A-3,,본문만 있음,여권,\nA-1,중복,중복 코드,여권,\nA-4,분류 없음,본문,,\n"
    result = _import(text.encode())
    assert not result.ok
    messages = [str(e) for e in result.errors]
    assert any(m.startswith("4행 [제목]") for m in messages)
    assert any(m.startswith("5행 [코드]") and "2행" in m for m in messages)
    assert any(m.startswith("6행 [분류]") for m in messages)
    assert Article.objects.count() == 0


@pytest.mark.django_db
def test_dry_run_writes_nothing():
    result = _import(CSV.encode(), dry_run=True)
    assert result.created == ["A-1", "A-2"] and Article.objects.count() == 0


@pytest.mark.django_db
def test_missing_columns_and_wrong_type_are_clear_errors():
    with pytest.raises(DomainError, match="본문"):
        _import(b"code,title\nX,Y\n")
    with pytest.raises(DomainError, match="CSV, TSV 또는 XLSX"):
        _import(b"whatever", "kb.pdf")


@pytest.mark.django_db
def test_cli_import(tmp_path, capsys):
    from chinjeol.cli import main

    path = tmp_path / "kb.csv"
    path.write_text(CSV, encoding="utf-8")
    assert main(["import-kb", str(path), "--dry-run"]) == 0
    assert Article.objects.count() == 0
    assert main(["import-kb", str(path)]) == 0
    assert "새 문서 2건" in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    bad.write_text("code,title,body,category\nZ,,본문,분류\n", encoding="utf-8")
    assert main(["import-kb", str(bad)]) == 1
    assert "2행 [제목]" in capsys.readouterr().err
