"""What turning a CDR row into a call record needs, read once per import: extensions → staff, queues →
departments, the charter versions in force, the calendar and the settings."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import UTC, datetime

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
        sqlite = connection.vendor == "sqlite"
        self.db_time = _sqlite_time if sqlite else (lambda dt: dt)
        self._business: dict = {}

    def business_day(self, day) -> bool:
        hit = self._business.get(day)
        if hit is None:
            hit = self._business[day] = self.calendar.is_business_day(day)
        return hit

    def person(self, extension: str) -> Person | None:
        return self.people.get(extension) if extension else None

    def measure(self, row: CdrRow) -> dict:
        """Every column of the call record for one CDR row (pure given the context)."""
        conf = self.conf
        queue = self.queues.get(row.dst)
        if queue is not None and not rules.is_extension(row.src, conf.extension_max_len):
            direction = "inbound"
        else:
            direction = rules.direction_of(row.src, row.dst, max_len=conf.extension_max_len)
        answered = row.answer is not None and row.disposition == "ANSWERED"
        outside = row.src if direction == "inbound" else row.dst if direction == "outbound" else ""
        number_hash, number_masked = number_identity(outside) if outside else ("", "")
        extension = row.src if direction == "outbound" else "" if queue is not None else row.dst
        answered_ext = ""
        if answered and direction != "outbound":
            answered_ext = rules.extension_of_channel(row.dstchannel) or extension
        intended = self.person(extension)
        credited = self.person(answered_ext) if answered_ext else intended
        person = credited or intended
        department = person.department_id if person else (queue[1] if queue else None)
        ring_s = rules.ring_seconds(row.start, row.answer) if answered else None
        version_id, rings = self.phone.at(row.start, rules.DEFAULT_RINGS)
        judged = direction == "inbound" and answered and bool(answered_ext or extension)
        within = judged and rules.within_standard(ring_s, rings=rings, cadence_s=conf.cadence_s)
        local = row.start.astimezone(conf.tz)
        missed = (
            direction == "inbound"
            and bool(extension)
            and bool(number_hash)
            and rules.is_missed(row.disposition)
        )
        return {
            "key": row.key,
            "linkedid": row.linkedid,
            "direction": direction,
            "number_hash": number_hash,
            "number_masked": number_masked,
            "extension": extension,
            "answered_extension": answered_ext,
            "staff_id": person.staff_id if person else None,
            "intended_staff_id": intended.staff_id if intended else None,
            "department_id": department,
            "queue_id": queue[0] if queue else None,
            "started_at": row.start,
            "answered_at": row.answer if answered else None,
            "ended_at": row.end,
            "local_date": local.date(),
            "local_hour": local.hour,
            "in_hours": rules.in_operating_hours(
                local, hours=(conf.opening, conf.closing), business_day=self.business_day(local.date())
            ),
            "duration": row.duration,
            "billsec": row.billsec,
            "disposition": row.disposition,
            "ring_s": ring_s,
            "judged": judged,
            "within_standard": within,
            "phone_version_id": version_id if judged else None,
            "over_3_min": answered and rules.over_talk_limit(row.billsec, conf.talk_limit_s),
            "missed": missed,
            "abandoned": queue is not None and not answered,
        }

    def callback_for(self, record: dict) -> dict | None:
        """The call-back obligation a missed call creates (None when it creates none)."""
        if not record["missed"]:
            return None
        version_id, minutes = self.callback.at(record["ended_at"], rules.DEFAULT_CALLBACK_MINUTES)
        return {
            "call_key": record["key"],
            "number_hash": record["number_hash"],
            "number_masked": record["number_masked"],
            "staff_id": record["intended_staff_id"],
            "department_id": record["department_id"],
            "missed_at": record["ended_at"],
            "due_at": rules.callback_due(record["ended_at"], self.calendar, minutes),
            "version_id": version_id,
        }


def _sqlite_time(dt: datetime | None) -> str | None:
    if dt is None:
        return None
    return dt.astimezone(UTC).replace(tzinfo=None).isoformat(" ")
