"""Plausible Korean names, deterministic from a seeded random generator."""

from __future__ import annotations

import random

# Surnames with rough frequencies (통계청 인구주택총조사 순위를 따른 대략의 비율).
SURNAMES = [
    ("김", 215),
    ("이", 147),
    ("박", 84),
    ("최", 47),
    ("정", 44),
    ("강", 24),
    ("조", 21),
    ("윤", 21),
    ("장", 20),
    ("임", 17),
    ("한", 15),
    ("오", 15),
    ("서", 15),
    ("신", 15),
    ("권", 14),
    ("황", 14),
    ("안", 14),
    ("송", 14),
    ("류", 12),
    ("전", 11),
    ("홍", 11),
    ("고", 9),
    ("문", 9),
    ("양", 9),
    ("손", 9),
    ("배", 8),
    ("백", 8),
    ("허", 7),
    ("유", 7),
    ("남", 6),
    ("심", 6),
    ("노", 6),
]
FIRST = "민서지수현영준예도하주성은재우시윤채승정동혜경소유진태상보다희나연가인아석"
SECOND = "준서민윤우연진현호아은영수희원빈혁율훈경지성하린주환미정숙철석슬솔별"


def korean_name(rng: random.Random) -> str:
    surname = rng.choices([s for s, _ in SURNAMES], weights=[w for _, w in SURNAMES])[0]
    first = rng.choice(FIRST)
    second = rng.choice(SECOND)
    while second == first:
        second = rng.choice(SECOND)
    return surname + first + second
