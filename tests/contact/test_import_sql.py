"""The import measures in SQL what `ImportContext.measure` measures in Python: compared row by row on a file
with every shape the parser accepts (odd times, lowercase dispositions, channels of all kinds, FreeSWITCH)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest
from django.db import connection
from hypothesis import given, settings
from hypothesis import strategies as st

from chinjeol.contact import rules
from chinjeol.contact.cdr import RowError, read_rows
from chinjeol.contact.models import CallbackObligation, CallRecord
from chinjeol.contact.services import cdr_import
from chinjeol.contact.services.cdr_sql import LAYOUTS, Measures
from chinjeol.contact.services.context import ImportContext, Measured

from .conftest import SEOUL, kst

pytestmark = pytest.mark.django_db
NOW = kst(18, 0, day=20)
CHANNELS = [
    "SIP/{e}-0000001a",
    "PJSIP/{e}-00000abc",
    "PJSIP/{e}",
    "Local/{e}@from-queue-00000001;1",
    "SIP/trunk/{e}-ff",
    "{e}",
    "SIP/{e}-",
    "SIP/{e}-xyz",
    "",
    "IAX2/{e}-1@ctx",
]


def q(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def asterisk_file(n: int, seed: int = 3) -> str:
    """Rows of every kind, with some odd but valid spellings the Python parser accepts."""
    rng = random.Random(seed)
    t = datetime(2026, 12, 4, 7, 55)  # a Friday; the file runs over the weekend
    out = []
    for i in range(n):
        t += timedelta(minutes=rng.randint(1, 30), seconds=rng.randint(0, 59))
        ext = rng.choice(["2001", "2002", "2003", "3001", "2999", " 2001", "20011"])
        number = rng.choice(["01011112222", "+82 10-3333-4444", "0517778888", "", "abc"])
        kind = rng.random()
        if kind < 0.15:
            src, dst = ext, number
        elif kind < 0.25:
            src, dst = ext, rng.choice(["2002", "q120"])
        else:
            src, dst = number, rng.choice([ext, "q120", "q999"])
        status = rng.choice(["ANSWERED"] * 6 + ["NO ANSWER", "BUSY", "FAILED", "answered ", "CONGESTION"])
        ring = rng.choice([0, 4, 5, 6, 7, 12])
        talk = rng.choice([0, 60, 180, 181, 400])
        answered = status.strip().upper() == "ANSWERED" or rng.random() < 0.1
        answer = t + timedelta(seconds=ring) if answered else None
        end = t + timedelta(seconds=ring + talk)
        fmt = rng.choice(["%Y-%m-%d %H:%M:%S"] * 5 + ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S+09:00"])
        channel = rng.choice(CHANNELS).format(e=ext.strip())
        fields = [
            q(""), q(src), q(dst), q("from-pstn"), q(f'"" <{src}>'), q("SIP/trunk-1"), q(channel), q("Dial"),
            q(""), q(t.strftime(fmt)), q(answer.strftime(fmt) if answer else ""), q(end.strftime(fmt)),
            str(ring + talk), rng.choice([str(talk), f" {talk}"]), q(status), q("DOCUMENTATION"),
        ]  # fmt: skip
        width = rng.choice([16, 17, 18, 20, 21])
        extra = [q(f"x{i}" if rng.random() < 0.8 else ""), q(""), q(""), q(f"L{i}"), str(i)]
        out.append(",".join(fields + extra[: width - 16]) + "\n")
    return "".join(out)


def freeswitch_file() -> str:
    rows = [
        (
            "홍길동",
            "01012345678",
            "2001",
            "10:00:00",
            "10:00:04",
            "10:02:04",
            124,
            120,
            "NORMAL_CLEARING",
            "fa",
        ),
        ("", "01011112222", "2002", "10:10:00", "", "10:10:30", 30, 0, "NO_ANSWER", "fb"),
        ("", "01011112223", "2002", "10:11:00", "10:11:02", "10:11:30", 30, 28, "USER_BUSY", "fc"),
        ("", "01011112224", "q120", "10:12:00", "", "10:12:30", 30, 0, "SOMETHING_ELSE", ""),
        ("", "2001", "01011112225", "10:13:00", "10:13:03", "10:15:00", 120, 117, "normal_clearing", "fe"),
    ]
    out = []
    for name, src, dst, s, a, e, dur, bill, cause, uuid in rows:
        day = "2026-12-07 "
        fields = [
            name,
            src,
            dst,
            "default",
            day + s,
            day + a if a else "",
            day + e,
            str(dur),
            str(bill),
            cause,
        ]
        out.append(",".join([*map(q, fields), q(uuid), q(""), q(""), q("PCMU"), q("PCMU")]) + "\n")
    return "".join(out)


def python_measures(text: str, fmt: str) -> tuple[dict[str, Measured], list[tuple[int, str]]]:
    ctx = ImportContext()
    measured, errors = {}, []
    for line, item in read_rows(text.splitlines(keepends=True), fmt=fmt, tz=SEOUL):
        if isinstance(item, RowError):
            errors.append((line, item.message))
        else:
            measured.setdefault(item.key, ctx.measure(item))
    return measured, errors


def second(value):
    return value.replace(microsecond=0) if isinstance(value, datetime) else value


@pytest.mark.parametrize("fmt", ["asterisk", "freeswitch"])
def test_sql_measures_equal_the_python_rule_row_by_row(centre, fmt):
    text = asterisk_file(400) if fmt == "asterisk" else freeswitch_file()
    text += '"only","two"\n' + text.splitlines(keepends=True)[0].replace("2026-12", "2026-13", 1)
    expected, errors = python_measures(text, fmt)
    result = cdr_import(text.splitlines(keepends=True), fmt=fmt, now=NOW)
    assert [(e.line, e.message) for e in result.errors] == errors and result.error_count == len(errors)
    assert result.inserted == len(expected) and result.read == len(text.splitlines())
    stored = {r.key: r for r in CallRecord.objects.all()}
    assert set(stored) == set(expected)
    for key, m in expected.items():
        record = stored[key]
        for name in Measured._fields:
            got = getattr(record, name)
            want = getattr(m, name)
            assert second(got) == second(want), (key, name, got, want)
    missed = {k for k, m in expected.items() if m.missed}
    assert set(CallbackObligation.objects.values_list("call_id", flat=True)) == missed
    assert cdr_import(text.splitlines(keepends=True), fmt=fmt, now=NOW).inserted == 0


def test_errors_keep_their_lines_across_quoted_newlines_and_csv_errors(centre):
    good = asterisk_file(3).splitlines(keepends=True)
    multi = good[0].replace('"from-pstn"', '"from\npstn"')
    broken = '"unterminated,"x"y\n'
    text = multi + good[1] + "\n" + broken + good[2].replace('"DOCUMENTATION"', '"DOC"', 1)
    _expected, errors = python_measures(text, "asterisk")
    result = cdr_import(text.splitlines(keepends=True), now=NOW)
    assert [(e.line, e.message) for e in result.errors] == errors


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="SIPJLocal/-@;0123456789abcdefXYZ ", max_size=24))
def test_channel_extension_in_sql_is_the_rule(channel):
    dialect = Measures(ImportContext(), LAYOUTS["asterisk"])
    dialect.register()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {dialect.channel_extension('c')} FROM (SELECT CAST(%s AS text) AS c) t", [channel]
        )
        (got,) = cursor.fetchone()
    assert got == rules.extension_of_channel(channel)
