from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

SEOUL = ZoneInfo("Asia/Seoul")


def kst(h, m, s=0, day=2, month=12):
    """2026-12-02 (a Wednesday) in Asia/Seoul, or another day of 2026."""
    return datetime(2026, month, day, h, m, s, tzinfo=SEOUL)


def cdr(uid, src, dst, start, answer, end, billsec, disposition, dstchannel="", clid=""):
    """One Master.csv line exactly as cdr_csv writes it (loguniqueid on)."""

    def q(text):
        return '"' + text.replace('"', '""') + '"'

    fmt = "%Y-%m-%d %H:%M:%S"
    duration = int((end - start).total_seconds())
    fields = [
        q(""),
        q(src),
        q(dst),
        q("from-pstn"),
        q(clid or f'"" <{src}>'),
        q("SIP/trunk-00000001"),
        q(dstchannel),
        q("Dial"),
        q(f"SIP/{dst},30"),
        q(start.strftime(fmt)),
        q(answer.strftime(fmt) if answer else ""),
        q(end.strftime(fmt)),
        str(duration),
        str(billsec),
        q(disposition),
        q("DOCUMENTATION"),
        q(uid),
        q(""),
    ]
    return ",".join(fields) + "\n"


def qlog(at, callid, queue, agent, event, *data):
    return "|".join([str(int(at.timestamp())), callid, queue, agent, event, *data]) + "\n"


@pytest.fixture
def centre(org):
    """민원팀 counsellors 2001 (김민원) and 2003 (이동료), 민원과 2002 (리더임), 세무과 3001; queue q120 → 민원과."""
    from chinjeol.contact.models import Queue

    for user, ext in ((org.clerk, "2001"), (org.leader, "2002"), (org.outsider, "3001")):
        user.staff.extension = ext
        user.staff.save()
    for user in org.people.values():
        if user.staff_id and user not in (org.clerk, org.leader, org.outsider):
            user.staff.extension = ""
            user.staff.save()
    from tests.factories import make_staff

    org.mate = make_staff(department=org.team, name="이동료", extension="2003")
    org.queue = Queue.objects.create(name="q120", label="120 상담", department=org.civil)
    return org


def day_files(day: int = 2, month: int = 12):
    """A real-shaped day: Master.csv and queue_log of 2026-12-02, hand-checked in test_import."""
    from datetime import timedelta as td

    def k(h, m, s=0):
        return kst(h, m, s, day=day, month=month)

    n = {i: f"0101111{i:04d}" for i in range(1, 10)}
    rows = [
        cdr("u1", n[1], "2001", k(10, 0), k(10, 0, 5), k(10, 3, 5), 180, "ANSWERED", "SIP/2001-00000001"),
        cdr(
            "u2",
            n[2],
            "2001",
            k(10, 10),
            k(10, 10, 6),
            k(10, 13, 7),
            181,
            "ANSWERED",
            "SIP/2001-00000002",
        ),
        cdr("u3", n[3], "2001", k(10, 20), None, k(10, 20, 20), 0, "NO ANSWER", "SIP/2001-00000003"),
        cdr(
            "u4",
            "2003",
            n[3],
            k(10, 20, 20) + td(minutes=59),
            k(11, 19, 30),
            k(11, 21),
            90,
            "ANSWERED",
            "SIP/trunk-0000000a",
        ),
        cdr("u5", n[4], "2001", k(10, 30), None, k(10, 30, 2), 0, "BUSY", "SIP/2001-00000005"),
        cdr(
            "u6",
            "2001",
            n[4],
            k(10, 30, 2) + td(minutes=61),
            k(11, 31, 10),
            k(11, 33),
            110,
            "ANSWERED",
            "SIP/trunk-0000000b",
        ),
        cdr(
            "u7",
            n[5],
            "2001",
            k(10, 35),
            k(10, 35, 3),
            k(10, 36, 3),
            60,
            "ANSWERED",
            "SIP/2002-00000007",
        ),
        cdr("u8", n[1], "q120", k(10, 40), k(10, 40), k(10, 45), 300, "ANSWERED", "SIP/2001-00000008"),
        cdr("u9", n[6], "q120", k(10, 50), None, k(10, 50, 25), 0, "NO ANSWER"),
        cdr("u10", n[7], "2999", k(11, 0), k(11, 0, 2), k(11, 1), 58, "ANSWERED", "SIP/2999-0000000c"),
        '"broken","row"\n',
    ]
    queue = [
        qlog(k(10, 40), "u8", "q120", "NONE", "ENTERQUEUE", "", n[1], "1"),
        qlog(k(10, 40, 12), "u8", "q120", "SIP/2001", "CONNECT", "12", "u8.1", "4"),
        qlog(k(10, 45), "u8", "q120", "SIP/2001", "COMPLETECALLER", "12", "288", "1"),
        qlog(k(10, 50), "u9", "q120", "NONE", "ENTERQUEUE", "", n[6], "1"),
        qlog(k(10, 50, 25), "u9", "q120", "NONE", "ABANDON", "1", "1", "25"),
        qlog(k(9, 0), "NONE", "q120", "SIP/2001", "ADDMEMBER", ""),
        qlog(k(12, 0), "NONE", "q120", "SIP/2001", "PAUSE", "점심"),
    ]
    return "".join(rows), "".join(queue)
