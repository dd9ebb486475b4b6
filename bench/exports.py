"""How long a list download takes at the row limit: `core.exports.export_response` writing N rows of the case
list's 13 columns (text, numbers, Seoul date-times) as XLSX and as CSV, with the file size.

    PYTHONPATH=src CHINJEOL_ENV=test python bench/exports.py [--rows 100000]
"""

from __future__ import annotations

import argparse
import os
import time
from datetime import UTC, datetime, timedelta

os.environ.setdefault("CHINJEOL_ENV", "test")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chinjeol.settings")


def main() -> None:
    import django

    django.setup()
    from chinjeol.cases.listing import HEADERS
    from chinjeol.core.exports import export_response

    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    rows_n = parser.parse_args().rows
    start = datetime(2026, 1, 2, 0, 30, tzinfo=UTC)
    rows = [
        [
            f"2026-{n:07d}",
            start + timedelta(minutes=n),
            "홈페이지",
            "질의(제도·절차)",
            f"주차 단속 문의 {n}",
            "홍길동",
            "010-1234-****",
            "민원여권과",
            "김민원",
            "처리중",
            start + timedelta(days=7, minutes=n),
            None,
            n % 40,
        ]  # fmt: skip
        for n in range(rows_n)
    ]
    for fmt in ("csv", "xlsx"):
        began = time.perf_counter()
        response = export_response(fmt, name="bench", title="민원 목록", headers=HEADERS, rows=rows)
        took = time.perf_counter() - began
        print(f"{fmt}: {rows_n:,} rows in {took:.1f} s, {len(response.content) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
