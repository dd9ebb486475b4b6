"""`chinjeol import-kb FILE [--category NAME] [--dry-run]`."""

from __future__ import annotations

import sys
from pathlib import Path

from django.utils import timezone

from chinjeol.core.errors import DomainError

from .importer import kb_import


def import_kb(path: Path, *, category: str = "", dry_run: bool = False) -> int:
    if not path.is_file():
        print(f"파일이 없습니다: {path}", file=sys.stderr)
        return 2
    try:
        result = kb_import(
            filename=path.name,
            data=path.read_bytes(),
            by=None,
            now=timezone.now(),
            default_category=category,
            dry_run=dry_run,
        )
    except DomainError as error:
        print(f"가져올 수 없습니다: {error.message}", file=sys.stderr)
        return 1
    if not result.ok:
        print("오류가 있어 아무것도 반영하지 않았습니다.", file=sys.stderr)
        for error in result.errors[:200]:
            print(f"  {error}", file=sys.stderr)
        return 1
    verb = "검사 결과(반영하지 않음)" if dry_run else "반영했습니다"
    print(
        f"{verb}: 새 문서 {len(result.created)}건, 바뀐 문서 {len(result.updated)}건, 그대로 {len(result.unchanged)}건"
    )
    return 0
