"""A year of calls for the demo agency: the 민원콜센터 queue at about 1,400 calls a working day, calls to
department extensions, abandons, missed calls and their call-backs, colleagues picking up, a few
unmapped extensions. Rows go through the import's own writer (multi-row inserts), not the ORM per row."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from django.utils import timezone

from . import rules
from .conf import number_identity
from .models import Queue
from .services.context import ImportContext, Measured
from .services.imports import ImportResult, repeat_flags, store_records

SEED = 120
QUEUE_PER_DAY = 1400
DEPARTMENT_PER_DAY = 260
UNMAPPED = ("2901", "2902", "2903")
# Share of the day's queue calls in each hour (08–18 h; 08 starts at 08:30).
HOURS = {8: 3, 9: 12, 10: 14, 11: 12, 12: 7, 13: 11, 14: 12, 15: 11, 16: 9, 17: 6, 18: 3}


class _Gen:
    def __init__(self, ctx: ImportContext, rng: random.Random):
        self.ctx, self.rng = ctx, rng
        self.tz = ctx.conf.tz
        self.numbers = [f"010{rng.randint(20000000, 99999999)}" for _ in range(60000)]
        self.frequent = self.numbers[:800]
        self.seq = 0

    def number(self) -> str:
        rng = self.rng
        return rng.choice(self.frequent) if rng.random() < 0.12 else rng.choice(self.numbers)

    def key(self) -> str:
        self.seq += 1
        return f"demo-{self.seq}"

    def record(self, *, start, number, direction, extension, answered_ext, person, intended, department,
               queue_id, ring, wait, talk, disposition, abandoned=False, hung_up=None) -> tuple:  # fmt: skip
        ctx = self.ctx
        number_hash, masked = number_identity(number) if number else ("", "")
        answered = disposition == "ANSWERED"
        answer = start + timedelta(seconds=(wait or 0) + (ring or 0)) if answered else None
        end = (answer or start + timedelta(seconds=(wait or 0) + (ring or 20))) + timedelta(seconds=talk)
        local = start.astimezone(self.tz)
        judged = direction == "inbound" and answered and bool(answered_ext)
        version_id, rings = ctx.phone.at(start, rules.DEFAULT_RINGS) if judged else (None, 3)
        within = judged and rules.within_standard(ring, rings=rings, cadence_s=ctx.conf.cadence_s)
        measured = Measured(
            self.key(), "", direction, number_hash, masked, extension, answered_ext,
            person, intended, department, queue_id, start, answer, end, local.date(), local.hour,
            ctx.conf.opening <= local.time() < ctx.conf.closing and ctx.business_day(local.date()),
            int((end - start).total_seconds()), talk, disposition, ring if answered else None, judged, within,
            version_id, answered and talk > ctx.conf.talk_limit_s,
            direction == "inbound" and bool(extension) and not answered and not abandoned, abandoned,
        )  # fmt: skip
        return measured, wait, hung_up


def _talk(rng: random.Random) -> int:
    return max(15, min(1500, int(rng.lognormvariate(4.95, 0.55))))


def build(scale: float = 1.0) -> None:
    from chinjeol.organization.models import Department, Staff

    rng = random.Random(SEED)
    centre = Department.objects.filter(name="민원콜센터").first()
    if centre is None:
        return
    queue = Queue.objects.create(name="120", label="120 민원 상담", department=centre)
    ctx = ImportContext()
    gen = _Gen(ctx, rng)
    agents = list(Staff.objects.filter(department=centre, is_active=True).values_list("pk", "extension"))
    skill = {pk: rng.uniform(3.0, 5.6) for pk, _ext in agents}
    others = list(
        Staff.objects.filter(is_active=True)
        .exclude(department=centre)
        .exclude(extension="")
        .values_list("pk", "extension", "department_id")
    )
    by_dept: dict[int, list] = {}
    for row in others:
        by_dept.setdefault(row[2], []).append(row)
    now = timezone.now()
    today = now.astimezone(gen.tz).date()
    first_day = today - timedelta(days=364)
    per_day = max(1, int(QUEUE_PER_DAY * scale))
    dept_per_day = max(1, int(DEPARTMENT_PER_DAY * scale))
    extra: list[tuple] = []  # (key, wait, hung_up) for the columns the writer leaves empty

    def calls():
        day = first_day
        while day <= today:
            business = ctx.business_day(day)
            for hour, share in HOURS.items():
                n = per_day * share // 100 if business else per_day * share // 2000
                for _ in range(n):
                    minute = rng.randint(30, 59) if hour == 8 else rng.randint(0, 59)
                    start = datetime.combine(day, time(hour, minute, rng.randint(0, 59)), gen.tz)
                    if start > now:
                        continue
                    yield from _queue_call(gen, rng, start, queue, agents, skill, centre.pk, extra)
                    if rng.random() < dept_per_day / per_day:
                        yield from _department_call(gen, rng, start, by_dept, extra)
            day += timedelta(days=1)

    result = ImportResult()
    store_records(calls(), ctx=ctx, source="demo", result=result, now=now)
    _fill_queue_columns(extra)
    start = datetime.combine(first_day, time.min, gen.tz)
    repeat_flags(start, now)
    from .services.callbacks import callbacks_match

    callbacks_match(start, now=now)
    from .tallies import tallies_recount

    tallies_recount(first_day, today, now=now)


def _queue_call(gen, rng, start, queue, agents, skill, centre_id, extra):
    number = gen.number()
    wait = int(rng.expovariate(1 / 5))
    patience = rng.expovariate(1 / 180)
    if wait > patience:
        measured, w, h = gen.record(start=start, number=number, direction="inbound", extension="", answered_ext="",
                                    person=None, intended=None, department=centre_id, queue_id=queue.pk, ring=None,
                                    wait=int(patience), talk=0, disposition="NO ANSWER", abandoned=True)  # fmt: skip
        extra.append((measured.key, w, None))
        yield measured
        return
    pk, ext = rng.choice(agents)
    ring = max(1, min(25, int(rng.gauss(skill[pk], 1.8))))
    measured, w, h = gen.record(start=start, number=number, direction="inbound", extension="", answered_ext=ext,
                                person=pk, intended=None, department=centre_id, queue_id=queue.pk, ring=ring,
                                wait=wait, talk=_talk(rng), disposition="ANSWERED",
                                hung_up=rng.random() < 0.86)  # fmt: skip
    extra.append((measured.key, w, h))
    yield measured


def _department_call(gen, rng, start, by_dept, extra):
    number = gen.number()
    if rng.random() < 0.03:
        ext = rng.choice(UNMAPPED)
        measured, _w, _h = gen.record(start=start, number=number, direction="inbound", extension=ext,
                                      answered_ext=ext, person=None, intended=None, department=None,
                                      queue_id=None, ring=rng.randint(2, 12), wait=None, talk=_talk(rng),
                                      disposition="ANSWERED")  # fmt: skip
        yield measured
        return
    dept = rng.choice(list(by_dept))
    pk, ext, dept_id = rng.choice(by_dept[dept])
    roll = rng.random()
    if roll < 0.09:  # missed: a call-back obligation, usually met by the person or a colleague
        measured, _w, _h = gen.record(start=start, number=number, direction="inbound", extension=ext,
                                      answered_ext="", person=pk, intended=pk, department=dept_id, queue_id=None,
                                      ring=None, wait=None, talk=0,
                                      disposition=rng.choice(["NO ANSWER", "NO ANSWER", "BUSY"]))  # fmt: skip
        yield measured
        fate = rng.random()
        if fate < 0.93:
            delay = rng.randint(8, 58) if fate < 0.82 else rng.randint(62, 200)
            back_pk, back_ext, _d = rng.choice(by_dept[dept])
            back = measured.ended_at + timedelta(minutes=delay)
            if back < timezone.now():
                out, _w, _h = gen.record(start=back, number=number, direction="outbound", extension=back_ext,
                                         answered_ext="", person=back_pk, intended=back_pk, department=dept_id,
                                         queue_id=None, ring=rng.randint(3, 15), wait=None, talk=_talk(rng),
                                         disposition="ANSWERED")  # fmt: skip
                yield out
        return
    answered_pk, answered_ext = pk, ext
    if roll < 0.15 and len(by_dept[dept]) > 1:  # a colleague picks up
        answered_pk, answered_ext, _d = rng.choice(by_dept[dept])
    measured, _w, _h = gen.record(start=start, number=number, direction="inbound", extension=ext,
                                  answered_ext=answered_ext, person=answered_pk, intended=pk, department=dept_id,
                                  queue_id=None, ring=max(1, int(rng.gauss(6.5, 3))), wait=None, talk=_talk(rng),
                                  disposition="ANSWERED", hung_up=rng.random() < 0.7)  # fmt: skip
    extra.append((measured.key, None, _h))
    yield measured


def _fill_queue_columns(extra: list[tuple]) -> None:
    """Queue wait and who hung up first (what queue_log would have given) in a few bulk updates."""
    from django.db import connection

    table = "contact_callrecord"
    with connection.cursor() as cursor:
        for i in range(0, len(extra), 5000):
            chunk = extra[i : i + 5000]
            cursor.executemany(
                f"UPDATE {table} SET wait_s = %s, customer_hung_up_first = %s WHERE key = %s",  # noqa: S608
                [(w, h, k) for k, w, h in chunk],
            )
