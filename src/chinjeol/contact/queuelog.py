"""Asterisk queue_log lines, parsed as the PBX writes them (pure: no ORM).

``epoch|callid|queue|agent|EVENT|data1|data2|…`` with the event's parameters:

- ENTERQUEUE(url|callerid)
- CONNECT(holdtime|bridgedchanneluniqueid|ringtime)
- COMPLETEAGENT(holdtime|calltime|origposition)   — the agent hung up first
- COMPLETECALLER(holdtime|calltime|origposition)  — the caller hung up first
- ABANDON(position|origposition|waittime)
- RINGNOANSWER(ringtime in milliseconds)
- TRANSFER(extension|context|holdtime|calltime|origposition)
- PAUSE(reason) / UNPAUSE(reason), ADDMEMBER / REMOVEMEMBER (agent is the member's channel)

Other events (EXITWITHTIMEOUT, AGENTDUMP, …) are kept with their raw data.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from .cdr import RowError

KNOWN_EVENTS = frozenset(
    {
        "ENTERQUEUE",
        "CONNECT",
        "COMPLETEAGENT",
        "COMPLETECALLER",
        "ABANDON",
        "RINGNOANSWER",
        "TRANSFER",
        "PAUSE",
        "UNPAUSE",
        "PAUSEALL",
        "UNPAUSEALL",
        "ADDMEMBER",
        "REMOVEMEMBER",
        "EXITWITHTIMEOUT",
        "EXITWITHKEY",
        "EXITEMPTY",
        "AGENTDUMP",
        "AGENTLOGIN",
        "AGENTLOGOFF",
        "CONFIGRELOAD",
        "QUEUESTART",
        "SYSCOMPAT",
        "ATTENDEDTRANSFER",
        "BLINDTRANSFER",
    }
)


@dataclass(frozen=True, slots=True)
class QueueLine:
    at: datetime
    callid: str
    queue: str
    agent: str
    event: str
    data: tuple[str, ...] = field(default_factory=tuple)

    def _int(self, index: int) -> int | None:
        try:
            return int(self.data[index])
        except (IndexError, ValueError):
            return None

    @property
    def holdtime(self) -> int | None:
        """Seconds the caller waited (CONNECT, COMPLETE*, TRANSFER) or ABANDON's wait time."""
        if self.event in ("CONNECT", "COMPLETEAGENT", "COMPLETECALLER"):
            return self._int(0)
        if self.event == "ABANDON":
            return self._int(2)
        if self.event == "TRANSFER":
            return self._int(2)
        return None

    @property
    def ringtime(self) -> int | None:
        """Seconds the agent's phone rang before answering (CONNECT); RINGNOANSWER's milliseconds → s."""
        if self.event == "CONNECT":
            return self._int(2)
        if self.event == "RINGNOANSWER":
            ms = self._int(0)
            return None if ms is None else ms // 1000
        return None

    @property
    def calltime(self) -> int | None:
        if self.event in ("COMPLETEAGENT", "COMPLETECALLER"):
            return self._int(1)
        if self.event == "TRANSFER":
            return self._int(3)
        return None

    @property
    def bridged_uniqueid(self) -> str:
        return self.data[1] if self.event == "CONNECT" and len(self.data) > 1 else ""

    @property
    def caller_hung_up_first(self) -> bool | None:
        return {"COMPLETECALLER": True, "COMPLETEAGENT": False}.get(self.event)


def parse_line(text: str) -> QueueLine:
    parts = text.rstrip("\r\n").split("|")
    if len(parts) < 5:
        raise ValueError(f"항목 수가 {len(parts)}개입니다 (시각|통화ID|큐|상담원|이벤트… 5개 이상).")
    epoch, callid, queue, agent, event, *data = parts
    try:
        at = datetime.fromtimestamp(int(epoch.split(".")[0]), UTC)
    except (ValueError, OverflowError, OSError):
        raise ValueError(f"시각(epoch)이 올바르지 않습니다: '{epoch[:20]}'") from None
    event = event.strip().upper()
    if not event:
        raise ValueError("이벤트 이름이 비어 있습니다.")
    return QueueLine(at, callid.strip(), queue.strip(), agent.strip(), event, tuple(data))


def read_lines(lines: Iterable[str]) -> Iterator[tuple[int, QueueLine | RowError]]:
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        try:
            yield number, parse_line(text)
        except ValueError as exc:
            yield number, RowError(number, str(exc))
