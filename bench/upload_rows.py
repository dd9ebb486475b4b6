"""How fast a spreadsheet far over the row limit is refused: a 1,048,000-row XLSX (built cheaply, see
tests/uploads/bigsheet.py) and a CSV of the same rows, through `organization.tables.read_table` with the
kindness limit (5,000 rows) and the organisation limit (50,000 rows). Run: python bench/upload_rows.py"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chinjeol.settings")
os.environ.setdefault("CHINJEOL_ENV", "test")

import django  # noqa: E402

django.setup()

import openpyxl  # noqa: E402, F401  (imported before timing: the first import alone takes a second)
from tests.uploads.bigsheet import big_xlsx  # noqa: E402

from chinjeol.core.errors import DomainError  # noqa: E402
from chinjeol.organization.tables import read_table  # noqa: E402

ROWS = 1_048_000


def refuse(name: str, data: bytes, limit: int) -> float:
    started = time.perf_counter()
    try:
        read_table(name, data, max_rows=limit)
    except DomainError as error:
        assert error.code == "too_many_rows", error.code
    else:
        raise AssertionError("not refused")
    return time.perf_counter() - started


def main() -> None:
    xlsx = big_xlsx(ROWS, ["사번", "점수"])
    csv = ("사번,점수\n" + "".join(f"{n},1\n" for n in range(ROWS))).encode()
    print(f"XLSX {len(xlsx) / 1e6:.1f} MB, CSV {len(csv) / 1e6:.1f} MB, {ROWS:,} rows")
    for limit in (5_000, 50_000):
        print(
            f"limit {limit:>6,}: XLSX refused in {refuse('big.xlsx', xlsx, limit):.2f} s, "
            f"CSV refused in {refuse('big.csv', csv, limit):.2f} s"
        )


if __name__ == "__main__":
    main()
