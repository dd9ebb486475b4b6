from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from chinjeol.contact.cdr import CdrRow, RowError, read_rows
from chinjeol.contact.queuelog import QueueLine, read_lines

SEOUL = ZoneInfo("Asia/Seoul")

ANSWERED = (
    '"","01012345678","2001","from-pstn","""홍길동"" <01012345678>","SIP/trunk-00000001",'
    '"SIP/2001-00000002","Dial","SIP/2001,30","2026-12-02 10:00:00","2026-12-02 10:00:05",'
    '"2026-12-02 10:03:05",185,180,"ANSWERED","DOCUMENTATION","1764637200.1","",""  ,"1764637200.1",7'
)
MISSED = (
    '"","01099998888","2002","from-pstn","""김"" <01099998888>","SIP/trunk-00000003",'
    '"SIP/2002-00000004","Dial","SIP/2002,20","2026-12-02 10:05:00","","2026-12-02 10:05:20",20,0,'
    '"NO ANSWER","DOCUMENTATION"'
)


def rows(text, **kw):
    return list(read_rows(text.splitlines(keepends=True), **kw))


def test_asterisk_master_csv_as_written():
    (n1, a), (n2, m) = rows(ANSWERED.replace('""  ,', '"",') + "\n" + MISSED + "\n")
    assert (n1, n2) == (1, 2)
    assert isinstance(a, CdrRow) and a.key == "1764637200.1" and a.linkedid == "1764637200.1"
    assert a.clid == '"홍길동" <01012345678>'
    assert a.start == datetime(2026, 12, 2, 1, 0, tzinfo=UTC)
    assert (a.answer - a.start).total_seconds() == 5
    assert (a.duration, a.billsec, a.disposition, a.dstchannel) == (185, 180, "ANSWERED", "SIP/2001-00000002")
    assert m.answer is None and m.disposition == "NO ANSWER" and m.uniqueid == ""
    assert m.key.startswith("h:") and m.key == rows(MISSED)[0][1].key  # same row, same hash


def test_bad_rows_are_reported_by_line_and_good_ones_kept():
    bad_time = MISSED.replace('"2026-12-02 10:05:00"', '"02/12/2026"')
    bad_int = MISSED.replace(",20,0,", ",x,0,")
    text = "\n".join([MISSED, bad_time, '"a","b"', bad_int, MISSED.replace("NO ANSWER", "MAYBE")]) + "\n"
    out = rows(text)
    assert isinstance(out[0][1], CdrRow)
    errors = [(n, r.message) for n, r in out if isinstance(r, RowError)]
    assert [n for n, _ in errors] == [2, 3, 4, 5]
    assert "시작 시각 형식" in errors[0][1]
    assert "열 수가 2개" in errors[1][1]
    assert "duration" in errors[2][1]
    assert "disposition" in errors[3][1]


def test_quoted_newline_keeps_line_numbers():
    multi = MISSED.replace('"Dial"', '"Di\nal"')
    out = rows(multi + "\n" + MISSED + "\n")
    assert [n for n, _ in out] == [1, 3]


def test_inconsistent_times_refused():
    swapped = MISSED.replace('"2026-12-02 10:05:20"', '"2026-12-02 10:04:00"')
    ((_, r),) = rows(swapped)
    assert isinstance(r, RowError) and "종료 시각" in r.message


def test_freeswitch_default_template():
    line = (
        '"홍길동","01012345678","2001","default","2026-12-02 10:00:00","2026-12-02 10:00:04",'
        '"2026-12-02 10:02:04","124","120","NORMAL_CLEARING","a1b2","c3d4","","PCMU","PCMU"\n'
        '"","01011112222","2002","default","2026-12-02 10:10:00","","2026-12-02 10:10:30","30","0",'
        '"NO_ANSWER","e5f6","","","PCMU","PCMU"\n'
    )
    (_, a), (_, m) = rows(line, fmt="freeswitch")
    assert a.key == "a1b2" and a.disposition == "ANSWERED" and a.billsec == 120
    assert m.disposition == "NO ANSWER" and m.answer is None


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30))
def test_any_quoted_clid_round_trips(name):
    quoted = '"' + name.replace('"', '""') + '"'
    line = MISSED.replace('"""김"" <01099998888>"', quoted)
    ((_, r),) = rows(line + "\n")
    assert isinstance(r, CdrRow) and r.clid == name


def test_queue_log_events():
    text = (
        "1764637200|1764637200.1|q120|NONE|ENTERQUEUE||01012345678|1\n"
        "1764637208|1764637200.1|q120|SIP/2001|RINGNOANSWER|15000\n"
        "1764637212|1764637200.1|q120|SIP/2002|CONNECT|12|1764637212.5|4\n"
        "1764637400|1764637200.1|q120|SIP/2002|COMPLETECALLER|12|188|1\n"
        "1764637500|1764637300.2|q120|NONE|ABANDON|1|2|3\n"
        "1764637600|NONE|q120|SIP/2001|PAUSE|점심\n"
        "broken line\n"
        "1764637700|1764637300.3|q120|SIP/2001|TRANSFER|2005|from-internal|7|60|1\n"
    )
    out = list(read_lines(text.splitlines(keepends=True)))
    lines = [r for _, r in out if isinstance(r, QueueLine)]
    errors = [n for n, r in out if isinstance(r, RowError)]
    assert errors == [7]
    enter, noanswer, connect, complete, abandon, pause, transfer = lines
    assert enter.at == datetime.fromtimestamp(1764637200, UTC)
    assert noanswer.ringtime == 15
    assert (connect.holdtime, connect.ringtime, connect.bridged_uniqueid) == (12, 4, "1764637212.5")
    assert (complete.calltime, complete.caller_hung_up_first) == (188, True)
    assert abandon.holdtime == 3
    assert pause.event == "PAUSE" and pause.data == ("점심",)
    assert (transfer.holdtime, transfer.calltime) == (7, 60)


def test_numbers_are_normalised_hashed_and_masked():
    from chinjeol.contact.conf import normalize_number, number_identity

    assert normalize_number("+82 10-1234-5678") == "01012345678" == normalize_number("01012345678")
    digest, masked = number_identity("010-1234-5678")
    assert (digest, masked) == number_identity("+82 10 1234 5678")
    assert masked == "010-1234-****" and len(digest) == 32 and "01012345678" not in digest
    assert number_identity("02-123-4567")[1] == "02-123-****"
    assert number_identity("") == ("", "")
