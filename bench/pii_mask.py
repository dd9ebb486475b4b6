"""Masking speed: `chinjeol.korean.pii.mask_pii` over the texts of the masking table
(`tests/korean/pii_table.txt`) and over a typical 민원 body of about 600 characters.

    .venv/bin/python bench/pii_mask.py            (--db is accepted and ignored: no database is used)
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from chinjeol.korean.pii import mask_pii  # noqa: E402

BODY = (
    "안녕하세요. 2026. 11. 22. 오후 2시 30분에 세종대로 110 민원실을 방문했습니다. 담당 직원이 "
    "120 다산콜센터와 1588-1234로 문의하라고 안내했는데 연결이 되지 않았습니다. 접수번호 2026-0001234, "
    "국민신문고 신청번호 1AA-2611-1234567 건과 같은 내용입니다. 보상금 10,000원과 과태료 1,234,567원 "
    "관련하여 다시 설명을 부탁드립니다. 저는 101동 1203호에 살고 6411번 버스를 타고 정류장 번호 23-456에서 "
    "내렸습니다. 연락은 010-1234-5678 또는 hong@example.com 으로 주시고, 주민번호 850315-1628453은 "
    "확인용으로만 써 주세요. 환불 계좌는 신한 110-123-456789입니다. 만족도 조사 결과 87.5%라는 "
    "설명도 들었습니다. 빠른 처리 부탁드립니다. 감사합니다."
)


def rate(texts: list[str], seconds: float) -> tuple[float, int]:
    done = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for text in texts:
            mask_pii(text)
        done += len(texts)
    return done / (time.perf_counter() - start), done


def main() -> None:
    parser = argparse.ArgumentParser(description="개인정보 가림 속도")
    parser.add_argument("--db", default="none", help="무시합니다 (데이터베이스를 쓰지 않습니다)")
    parser.add_argument("--seconds", type=float, default=3.0, help="측정마다 걸리는 시간(초)")
    args = parser.parse_args()
    table = [
        line.split("\t", 1)[1].replace("⟦", "").replace("⟧", "")
        for line in (ROOT / "tests/korean/pii_table.txt").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    short, count = rate(table, args.seconds)
    print(
        f"table texts ({len(table)}, mean {sum(map(len, table)) / len(table):.0f} chars): {short:,.0f} messages/s"
    )
    body, _ = rate([BODY], args.seconds)
    print(f"민원 body ({len(BODY)} chars, 5 findings): {body:,.0f} messages/s")


if __name__ == "__main__":
    main()
