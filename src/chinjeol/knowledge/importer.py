"""`chinjeol import-kb FILE`: articles from CSV (UTF-8 or CP949), TSV or XLSX, matched by code.

Columns code,title,body and optionally category,tags (or 코드/제목/본문/분류/태그). All rows are checked
first; one bad row and nothing is written. Importing the same file again changes nothing."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.db import transaction

from chinjeol.core.errors import DomainError
from chinjeol.organization.tables import read_table

from .models import Article
from .services import ArticleInput, article_save, validate

HEADERS = {
    "code": "code", "코드": "code", "문서코드": "code",
    "title": "title", "제목": "title",
    "body": "body", "본문": "body", "내용": "body",
    "category": "category", "분류": "category", "카테고리": "category",
    "tags": "tags", "태그": "tags", "키워드": "tags",
}  # fmt: skip
LABELS = {"code": "코드", "title": "제목", "body": "본문", "category": "분류", "tags": "태그"}
REQUIRED = ("code", "title", "body")


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.row}행 [{self.column}] {self.message}"


@dataclass
class ImportResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


def _read_tsv(data: bytes) -> tuple[list[str], list[tuple[int, list]]]:
    for encoding in ("utf-8-sig", "cp949"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise DomainError(
            "encoding", "파일의 문자 인코딩을 읽을 수 없습니다 (UTF-8 또는 CP949로 저장해 주세요)."
        )
    rows = list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows:
        raise DomainError("empty_file", "파일에 내용이 없습니다.", field="file")
    return [c.strip() for c in rows[0]], [(n, r) for n, r in enumerate(rows[1:], start=2)]


def read_rows(filename: str, data: bytes) -> tuple[list[str], list[tuple[int, list]]]:
    if Path(filename).suffix.lower() == ".tsv":
        return _read_tsv(data)
    if Path(filename).suffix.lower() not in {".csv", ".txt", ".xlsx", ".xlsm"}:
        raise DomainError("file_type", "CSV, TSV 또는 XLSX 파일만 가져올 수 있습니다.", field="file")
    return read_table(filename, data)


def _text(value) -> str:
    return "" if value is None else str(value).replace("\\n", "\n").strip()


def parse(
    filename: str, data: bytes, *, default_category: str = ""
) -> tuple[list[tuple[int, ArticleInput]], list[RowError]]:
    header, rows = read_rows(filename, data)
    columns: dict[str, int] = {}
    for position, name in enumerate(header):
        key = HEADERS.get("".join(name.split()).lower())
        if key and key not in columns:
            columns[key] = position
    missing = [LABELS[k] for k in REQUIRED if k not in columns]
    if missing:
        raise DomainError(
            "header", f"열 제목에 {', '.join(missing)}이(가) 없습니다 (code,title,body 또는 코드,제목,본문)."
        )
    items: list[tuple[int, ArticleInput]] = []
    errors: list[RowError] = []
    seen: dict[str, int] = {}
    for number, row in rows:
        cells = {key: _text(row[i]) if i < len(row) else "" for key, i in columns.items()}
        if not any(cells.values()):
            continue
        data_in = ArticleInput(
            code=cells["code"],
            title=cells["title"],
            body=cells["body"],
            category=cells.get("category") or default_category,
            tags=cells.get("tags", ""),
        )
        for column, message in validate(data_in):
            if column == "category" and not data_in.category:
                message = "분류가 비어 있습니다 (분류 열을 채우거나 --category로 정해 주세요)."
            errors.append(RowError(number, LABELS.get(column, column), message))
        if data_in.code in seen:
            errors.append(
                RowError(number, "코드", f"{seen[data_in.code]}행과 코드가 같습니다: {data_in.code}")
            )
        seen.setdefault(data_in.code, number)
        items.append((number, data_in))
    if not items and not errors:
        raise DomainError("empty_file", "가져올 행이 없습니다.", field="file")
    return items, errors


def kb_import(
    *, filename: str, data: bytes, by, now: datetime, default_category: str = "", dry_run: bool = False
) -> ImportResult:
    """Check every row, then (unless dry_run) save them all in one transaction."""
    items, errors = parse(filename, data, default_category=default_category)
    result = ImportResult(errors=errors, dry_run=dry_run)
    if errors:
        return result
    if dry_run:
        existing = {
            a.code: a
            for a in Article.objects.filter(code__in=[i.code for _n, i in items]).select_related("category")
        }
        for _number, item in items:
            article = existing.get(item.code)
            if article is None:
                result.created.append(item.code)
            elif (article.title, article.body, article.category.name) == (
                item.title,
                item.body.replace("\r\n", "\n"),
                item.category,
            ):
                result.unchanged.append(item.code)
            else:
                result.updated.append(item.code)
        return result
    with transaction.atomic():
        for _number, item in items:
            _article, what = article_save(
                data=item, by=by, now=now, note="파일에서 가져옴", check_permission=False
            )
            getattr(result, what).append(item.code)
    return result
