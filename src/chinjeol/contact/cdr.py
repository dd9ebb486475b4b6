"""Call detail record files, parsed row by row as the PBX writes them (pure: no ORM).

Asterisk ``cdr_csv`` (Master.csv): no header line; strings and times quoted with ``""`` escaping,
integers bare, an unanswered call's answer time empty (``""``). Columns: accountcode, src, dst, dcontext,
clid, channel, dstchannel, lastapp, lastdata, start, answer, end, duration, billsec, disposition,
amaflags, then — when ``loguniqueid`` / ``loguserfield`` are on — uniqueid and userfield, and in newer
versions peeraccount, linkedid, sequence. Times are local wall-clock times of the PBX.

FreeSWITCH ``mod_cdr_csv`` with its default ("example") template: caller_id_name, caller_id_number,
destination_number, context, start_stamp, answer_stamp, end_stamp, duration, billsec, hangup_cause,
uuid, bleg_uuid, accountcode, read_codec, write_codec — every field quoted.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple
from zoneinfo import ZoneInfo

SEOUL = ZoneInfo("Asia/Seoul")

ASTERISK_COLUMNS = (
    "accountcode",
    "src",
    "dst",
    "dcontext",
    "clid",
    "channel",
    "dstchannel",
    "lastapp",
    "lastdata",
    "start",
    "answer",
    "end",
    "duration",
    "billsec",
    "disposition",
    "amaflags",
)
ASTERISK_OPTIONAL = ("uniqueid", "userfield", "peeraccount", "linkedid", "sequence")
FREESWITCH_COLUMNS = (
    "caller_id_name",
    "caller_id_number",
    "destination_number",
    "context",
    "start_stamp",
    "answer_stamp",
    "end_stamp",
    "duration",
    "billsec",
    "hangup_cause",
    "uuid",
    "bleg_uuid",
    "accountcode",
    "read_codec",
    "write_codec",
)
FORMATS = ("asterisk", "freeswitch")

# FreeSWITCH hangup causes → the Asterisk dispositions the measurements use.
FS_DISPOSITIONS = {
    "NORMAL_CLEARING": "ANSWERED",
    "USER_BUSY": "BUSY",
    "NO_ANSWER": "NO ANSWER",
    "NO_USER_RESPONSE": "NO ANSWER",
    "ORIGINATOR_CANCEL": "NO ANSWER",
    "ALLOTTED_TIMEOUT": "NO ANSWER",
    "CALL_REJECTED": "BUSY",
}
DISPOSITIONS = frozenset({"ANSWERED", "NO ANSWER", "BUSY", "FAILED", "CONGESTION"})


class CdrRow(NamedTuple):
    key: str  # uniqueid, or a hash of the row when the file has none
    uniqueid: str
    linkedid: str
    src: str
    dst: str
    clid: str
    channel: str
    dstchannel: str
    lastapp: str
    start: datetime
    answer: datetime | None
    end: datetime
    duration: int
    billsec: int
    disposition: str
    userfield: str
    texts: tuple[str, str, str] = ("", "", "")  # start, answer and end as the file wrote them


@dataclass(frozen=True, slots=True)
class RowError:
    line: int
    message: str


def _time(text: str, tz: ZoneInfo | None, label: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
        if tz is None and moment.tzinfo is None:
            return moment
        return moment.replace(tzinfo=tz)
    except ValueError:
        raise ValueError(f"{label} 시각 형식이 올바르지 않습니다: '{text[:30]}'") from None


def _int(text: str, label: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise ValueError(f"{label}이(가) 정수가 아닙니다: '{text[:20]}'") from None
    if value < 0:
        raise ValueError(f"{label}이(가) 음수입니다: {value}")
    return value


def _row_hash(fields: list[str]) -> str:
    return "h:" + hashlib.blake2b("\x1f".join(fields).encode(), digest_size=16).hexdigest()


def _check(start: datetime, answer: datetime | None, end: datetime, duration: int, billsec: int) -> None:
    if end < start:
        raise ValueError("종료 시각이 시작 시각보다 이릅니다.")
    if answer is not None and not start <= answer <= end:
        raise ValueError("응답 시각이 시작·종료 시각 사이에 있지 않습니다.")
    if billsec > duration:
        raise ValueError(f"통화 시간(billsec {billsec})이 전체 시간(duration {duration})보다 깁니다.")


def parse_asterisk(fields: list[str], tz: ZoneInfo | None = SEOUL) -> CdrRow:
    n = len(fields)
    if n < 16 or n > 21:
        raise ValueError(f"열 수가 {n}개입니다 (Asterisk Master.csv는 16~21개).")
    start = _time(fields[9], tz, "시작")
    answer = _time(fields[10], tz, "응답") if fields[10] else None
    end = _time(fields[11], tz, "종료")
    duration = _int(fields[12], "duration")
    billsec = _int(fields[13], "billsec")
    disposition = fields[14].strip().upper()
    if disposition not in DISPOSITIONS:
        raise ValueError(f"알 수 없는 처리 결과(disposition)입니다: '{fields[14][:20]}'")
    if disposition == "ANSWERED" and answer is None:
        raise ValueError("응답(ANSWERED)인데 응답 시각이 없습니다.")
    _check(start, answer, end, duration, billsec)
    uniqueid = fields[16] if n > 16 else ""
    return CdrRow(
        key=uniqueid or _row_hash(fields),
        uniqueid=uniqueid,
        linkedid=fields[19] if n > 19 else "",
        src=fields[1],
        dst=fields[2],
        clid=fields[4],
        channel=fields[5],
        dstchannel=fields[6],
        lastapp=fields[7],
        start=start,
        answer=answer,
        end=end,
        duration=duration,
        billsec=billsec,
        disposition=disposition,
        userfield=fields[17] if n > 17 else "",
        texts=(fields[9], fields[10], fields[11]),
    )


def parse_freeswitch(fields: list[str], tz: ZoneInfo | None = SEOUL) -> CdrRow:
    n = len(fields)
    if n < 13:
        raise ValueError(f"열 수가 {n}개입니다 (FreeSWITCH 기본 양식은 15개).")
    start = _time(fields[4], tz, "시작")
    answer = _time(fields[5], tz, "응답") if fields[5] else None
    end = _time(fields[6], tz, "종료")
    duration = _int(fields[7], "duration")
    billsec = _int(fields[8], "billsec")
    cause = fields[9].strip().upper()
    disposition = "ANSWERED" if answer is not None else FS_DISPOSITIONS.get(cause, "FAILED")
    if disposition == "ANSWERED" and cause in ("USER_BUSY",):
        disposition = "BUSY"
    _check(start, answer, end, duration, billsec)
    uuid = fields[10]
    return CdrRow(
        key=uuid or _row_hash(fields),
        uniqueid=uuid,
        linkedid="",
        src=fields[1],
        dst=fields[2],
        clid=f'"{fields[0]}" <{fields[1]}>' if fields[0] else fields[1],
        channel="",
        dstchannel="",
        lastapp="",
        start=start,
        answer=answer,
        end=end,
        duration=duration,
        billsec=billsec,
        disposition=disposition,
        userfield="",
        texts=(fields[4], fields[5], fields[6]),
    )


PARSERS = {"asterisk": parse_asterisk, "freeswitch": parse_freeswitch}


def read_rows(
    lines: Iterable[str], *, fmt: str = "asterisk", tz: ZoneInfo | None = SEOUL
) -> Iterator[tuple[int, CdrRow | RowError]]:
    """(line number, row or error) for each record of a CDR file, streaming. Quoted fields may span
    lines; the number given is the line the record starts on. `tz=None` gives naive wall-clock times."""
    if fmt not in PARSERS:
        raise ValueError(f"알 수 없는 형식입니다: {fmt} (asterisk 또는 freeswitch)")
    parse = PARSERS[fmt]
    reader = csv.reader(lines, strict=True)
    line = 1
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield line, RowError(line, f"CSV 형식 오류: {exc}")
            line = reader.line_num + 1
            continue
        start_line, line = line, reader.line_num + 1
        if not fields or fields == [""]:
            continue
        try:
            yield start_line, parse(fields, tz)
        except ValueError as exc:
            yield start_line, RowError(start_line, str(exc))
