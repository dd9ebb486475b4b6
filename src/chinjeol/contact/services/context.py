"""What turning a CDR row into a call record needs, read once per import: extensions → staff, queues →
departments, the charter versions in force, the calendar and the settings."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import NamedTuple

from django.db import connection

from chinjeol.charter.calendar import BusinessCalendar

from .. import rules
from ..cdr import CdrRow
from ..conf import ContactSettings, contact_settings, number_identity

PHONE_RINGS = "PHONE_RINGS"
CALLBACK_ABSENT = "CALLBACK_ABSENT"


@dataclass
class Versions:
    """A standard's versions by valid_from, to pick the one in force at a moment without a query."""

    starts: list[datetime] = field(default_factory=list)
    rows: list[tuple[int, int]] = field(default_factory=list)  # (version id, target)

    def at(self, moment: datetime, default: int) -> tuple[int | None, int]:
        i = bisect.bisect_right(self.starts, moment) - 1
        if i < 0:
            return None, default
        return self.rows[i]

    def local(self, tz) -> Versions:
        """The same versions with naive local start times, to compare with a file's wall-clock times."""
        starts = [s.astimezone(tz).replace(tzinfo=None) for s in self.starts]
        return Versions(starts, list(self.rows))


def _versions(code: str) -> Versions:
    from chinjeol.charter.models import ServiceStandardVersion

    out = Versions()
    for pk, valid_from, target in (
        ServiceStandardVersion.objects.filter(standard__code=code)
        .order_by("valid_from", "version")
        .values_list("pk", "valid_from", "target")
    ):
        out.starts.append(valid_from)
        out.rows.append((pk, int(target)))
    return out


@dataclass
class Person:
    staff_id: int
    department_id: int


class ImportContext:
    def __init__(self, *, conf: ContactSettings | None = None, calendar: BusinessCalendar | None = None):
        from chinjeol.charter.queries import calendar_for
        from chinjeol.organization.models import Staff

        from ..models import Queue

        self.conf = conf or contact_settings()
        self.calendar = calendar or calendar_for()
        self.people: dict[str, Person] = {
            ext.strip(): Person(pk, dept)
            for pk, ext, dept in Staff.objects.filter(is_active=True)
            .exclude(extension="")
            .values_list("pk", "extension", "department_id")
        }
        self.queues: dict[str, tuple[int, int | None]] = {
            name: (pk, dept) for pk, name, dept in Queue.objects.values_list("pk", "name", "department_id")
        }
        self.phone = _versions(PHONE_RINGS)
        self.callback = _versions(CALLBACK_ABSENT)
        self.phone_local = self.phone.local(self.conf.tz)
        sqlite = connection.vendor == "sqlite"
        self.db_time: Callable[[datetime | None], object] = _sqlite_time if sqlite else _as_is
        self._business: dict = {}

    def business_day(self, day) -> bool:
        """Whether a day (a date, or its ISO text) is a business day, cached per day."""
        hit = self._business.get(day)
        if hit is None:
            as_date = day if isinstance(day, date) else date.fromisoformat(day)
            hit = self._business[day] = self.calendar.is_business_day(as_date)
        return hit

    def person(self, extension: str) -> Person | None:
        return self.people.get(extension) if extension else None

    def measure(self, row: CdrRow) -> Measured:
        """Every measured column of the call record for one CDR row (pure given the context).

        The row's times are either aware or — as the staged import reads them, to spare a time zone
        conversion per row — naive wall-clock times of the PBX; the record's times are of the same kind."""
        conf = self.conf
        src, dst = row.src, row.dst
        queue = self.queues.get(dst)
        max_len = conf.extension_max_len
        if queue is not None and not rules.is_extension(src, max_len):
            direction = "inbound"
        else:
            direction = rules.direction_of(src, dst, max_len=max_len)
        answer = row.answer
        answered = answer is not None and row.disposition == "ANSWERED"
        outside = src if direction == "inbound" else dst if direction == "outbound" else ""
        number_hash, number_masked = number_identity(outside) if outside else ("", "")
        extension = src if direction == "outbound" else "" if queue is not None else dst
        answered_ext = ""
        if answered and direction != "outbound":
            answered_ext = rules.extension_of_channel(row.dstchannel) or extension
        people = self.people
        intended = people.get(extension) if extension else None
        credited = people.get(answered_ext) if answered_ext else None
        person = credited or intended
        department = person.department_id if person else (queue[1] if queue else None)
        start = row.start
        ring_s = int((answer - start).total_seconds()) if answered and answer is not None else None
        judged = direction == "inbound" and answered and bool(answered_ext or extension)
        version_id = None
        within = False
        if judged:
            versions = self.phone_local if start.tzinfo is None else self.phone
            version_id, rings = versions.at(start, rules.DEFAULT_RINGS)
            within = rules.within_standard(ring_s, rings=rings, cadence_s=conf.cadence_s)
        naive = start.tzinfo is None
        local = start if naive else start.astimezone(conf.tz)
        clock = local.time()
        answered_at: datetime | str | None = answer if answered else None
        ended: datetime | str = row.end
        started: datetime | str = start
        day: date | str
        if naive:  # the staged import: times as the file's own text when it is already ISO (no adapter)
            started_text, answer_text, end_text = row.texts
            started = started_text if _iso(started_text) else start.isoformat(" ")
            if answer is not None and answered:
                answered_at = answer_text if _iso(answer_text) else answer.isoformat(" ")
            ended = end_text if _iso(end_text) else row.end.isoformat(" ")
            day = started[:10]
        else:
            day = local.date()
        in_hours = conf.opening <= clock < conf.closing and self.business_day(day)
        missed = (
            direction == "inbound"
            and bool(extension)
            and bool(number_hash)
            and row.disposition in rules.MISSED_DISPOSITIONS
        )
        return Measured(
            row.key,
            row.linkedid,
            direction,
            number_hash,
            number_masked,
            extension,
            answered_ext,
            person.staff_id if person else None,
            intended.staff_id if intended else None,
            department,
            queue[0] if queue else None,
            started,
            answered_at,
            ended,
            day,
            local.hour,
            in_hours,
            row.duration,
            row.billsec,
            row.disposition,
            ring_s,
            judged,
            within,
            version_id,
            answered and row.billsec > conf.talk_limit_s,
            missed,
            queue is not None and not answered,
        )

    def callback_for(self, m: Measured) -> dict | None:
        """The call-back obligation a missed call creates (None when it creates none)."""
        if not m.missed:
            return None
        return self.obligation(
            m.key, m.ended_at, m.number_hash, m.number_masked, m.intended_staff_id, m.department_id
        )

    def obligation(
        self,
        key: str,
        ended: datetime | str,
        number_hash: str,
        number_masked: str,
        staff_id: int | None,
        department_id: int | None,
    ) -> dict:
        """The call-back obligation of a missed call that ended at `ended` (aware, or the PBX's wall clock)."""
        if isinstance(ended, str):
            ended = datetime.fromisoformat(ended)
        if ended.tzinfo is None:
            ended = ended.replace(tzinfo=self.conf.tz)
        version_id, minutes = self.callback.at(ended, rules.DEFAULT_CALLBACK_MINUTES)
        return {
            "call_key": key,
            "number_hash": number_hash,
            "number_masked": number_masked,
            "staff_id": staff_id,
            "department_id": department_id,
            "missed_at": ended,
            "due_at": rules.callback_due(ended, self.calendar, minutes),
            "version_id": version_id,
        }


class Measured(NamedTuple):
    key: str
    linkedid: str
    direction: str
    number_hash: str
    number_masked: str
    extension: str
    answered_extension: str
    staff_id: int | None
    intended_staff_id: int | None
    department_id: int | None
    queue_id: int | None
    started_at: datetime | str  # text (naive, the PBX's wall clock) in the staged import
    answered_at: datetime | str | None
    ended_at: datetime | str
    local_date: date | str
    local_hour: int
    in_hours: bool
    duration: int
    billsec: int
    disposition: str
    ring_s: int | None
    judged: bool
    within_standard: bool
    phone_version_id: int | None
    over_3_min: bool
    missed: bool
    abandoned: bool


def _iso(text: str) -> bool:
    """Already the ISO text SQLite stores and PostgreSQL reads (2026-01-02 08:30:00)."""
    return len(text) == 19 and text[10] == " "


def _as_is(dt: datetime | None) -> datetime | None:
    return dt


def _sqlite_time(dt: datetime | None) -> str | None:
    """The text Django's SQLite backend stores for an aware datetime (naive UTC, ISO with a space)."""
    if dt is None:
        return None
    return dt.astimezone(UTC).isoformat(" ")[:-6]
