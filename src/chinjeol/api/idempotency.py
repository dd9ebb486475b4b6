"""`Idempotency-Key` for API operations that create something: one line, `@idempotent`, under `@router.post`.

A request sent with the header runs in one transaction together with the record of its answer
(`core.IdempotencyRecord`, unique per key, caller and path). So:

- a retry with the same key (same caller, same path, same body) gets the first answer back, status and body,
  with `Idempotent-Replayed: true`, and creates nothing;
- the same key with a different body is refused (422);
- when the first request's answer never reached the client (the connection or the server died after the
  commit), the retry still finds the record, because it was committed with the case itself;
- two requests with the same key at the same moment: SQLite runs write transactions one after the other, so
  the second finds the record; on PostgreSQL the second waits on the unique index until the first commits,
  then its own work is rolled back and it answers with the first one's answer.

Only successful answers (2xx) are kept; an error leaves nothing behind, so the client may fix and retry.
Records expire after `TTL` and are removed by the worker's periodic job (`records_purge`)."""

from __future__ import annotations

import functools
import hashlib
import inspect
import json
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.http import HttpResponse, JsonResponse
from django.utils import timezone

from chinjeol.core.errors import DomainError
from chinjeol.core.models import IdempotencyRecord

HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
TTL = timedelta(hours=24)
_KEY = re.compile(r"[\x21-\x7e]{1,255}")  # visible ASCII, as a UUID or any token a client generates

OPENAPI_PARAMETER = {
    "in": "header",
    "name": HEADER,
    "required": False,
    "schema": {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[!-~]{1,255}$"},
    "description": (
        "다시 보내도 한 번만 처리되게 하는 키(예: UUID). 같은 키로 다시 보내면 처음 응답(상태·본문)을 그대로 "
        "돌려주고(`Idempotent-Replayed: true`) 새로 만들지 않습니다. 같은 키에 다른 본문이면 422. "
        f"키는 {int(TTL.total_seconds() // 3600)}시간 보관합니다."
    ),
}


@dataclass
class _Pending:
    key: str
    path: str
    fingerprint: str
    caller: str = ""
    replay: IdempotencyRecord | None = None


class _Conflict(Exception):
    """Another request with the same key committed first: roll this one back and answer with its answer."""


def idempotent(func):
    """Make an API operation that creates something honour `Idempotency-Key` (place it under `@router.post`)."""

    @functools.wraps(func)
    def view(request, *args, **kwargs):
        pending: _Pending | None = getattr(request, "_chinjeol_idempotency", None)
        if pending is not None:
            pending.caller = _caller(request)
            stored = _stored(pending)
            if stored is not None:
                pending.replay = stored
                raise _Replay()
        return func(request, *args, **kwargs)

    # ninja reads the signature through the wrapper; resolve the annotations where the operation was written.
    view.__signature__ = inspect.signature(func, eval_str=True)
    view._ninja_contribute_to_operation = [*getattr(func, "_ninja_contribute_to_operation", []), _contribute]
    return view


class _Replay(Exception):
    """Raised inside the operation to stop it; the outer wrapper answers with the stored response."""


def _contribute(operation) -> None:
    extra = dict(operation.openapi_extra or {})
    extra["parameters"] = [*extra.get("parameters", []), OPENAPI_PARAMETER]
    operation.openapi_extra = extra
    # Like ninja's decorate_view: wrap `run`, and remember it so a cloned operation is wrapped the same way.
    operation.run = _around_run(operation.run)
    operation._run_decorators = [*getattr(operation, "_run_decorators", []), _around_run]


def _around_run(run):
    @functools.wraps(run)
    def wrapped(request, *args, **kwargs):
        key = request.headers.get(HEADER)
        if key is None:
            return run(request, *args, **kwargs)
        if not _KEY.fullmatch(key):
            return _error(
                "invalid",
                f"{HEADER}는 1~255자의 영문·숫자·기호여야 합니다 (예: UUID).",
                status=422,
            )
        pending = _Pending(key=key, path=request.path[:300], fingerprint=_fingerprint(request))
        request._chinjeol_idempotency = pending
        try:
            with transaction.atomic():
                response = run(request, *args, **kwargs)
                if pending.replay is not None:
                    return _replayed(pending, pending.replay)
                if not (200 <= response.status_code < 300) or not pending.caller:
                    transaction.set_rollback(True)  # nothing half-written, nothing remembered
                    return response
                try:
                    with transaction.atomic():
                        _remember(pending, response, now=timezone.now())
                except IntegrityError as exc:
                    raise _Conflict() from exc
                return response
        except _Replay:  # an exception handler for everything would turn it into a response instead
            return _replayed(pending, pending.replay)
        except _Conflict:
            stored = _stored(pending)
            if stored is None:  # pragma: no cover - the unique index said it exists
                raise
            return _replayed(pending, stored)

    return wrapped


def _caller(request) -> str:
    user = getattr(request, "auth", None)
    pk = getattr(user, "pk", None)
    return f"user:{pk}" if pk is not None else ""


def _fingerprint(request) -> str:
    """The body's hash; JSON is compared by meaning (key order and spacing do not matter)."""
    raw = request.body
    try:
        canonical = json.dumps(json.loads(raw), sort_keys=True, ensure_ascii=False).encode()
    except (ValueError, UnicodeDecodeError):
        canonical = raw
    return hashlib.sha256(request.method.encode() + b"\0" + canonical).hexdigest()


def _stored(pending: _Pending) -> IdempotencyRecord | None:
    return IdempotencyRecord.objects.filter(key=pending.key, caller=pending.caller, path=pending.path).first()


def _remember(pending: _Pending, response, *, now: datetime) -> None:
    IdempotencyRecord.objects.create(
        key=pending.key,
        caller=pending.caller,
        path=pending.path,
        fingerprint=pending.fingerprint,
        status=response.status_code,
        body=response.content.decode("utf-8", errors="replace"),
        content_type=response.get("Content-Type", "application/json"),
        created_at=now,
        expires_at=now + TTL,
    )


def _replayed(pending: _Pending, record: IdempotencyRecord | None) -> HttpResponse:
    if record is None or record.fingerprint != pending.fingerprint:
        return _error(
            "idempotency_key_reused",
            f"이 {HEADER}는 다른 내용의 요청에 이미 쓰였습니다. 새 요청에는 새 키를 쓰세요.",
            status=422,
        )
    response = HttpResponse(record.body, status=record.status, content_type=record.content_type)
    response[REPLAYED_HEADER] = "true"
    return response


def _error(code: str, message: str, *, status: int) -> JsonResponse:
    error = DomainError(code, message, field=HEADER, status=status)
    return JsonResponse(error.as_dict(), status=status, json_dumps_params={"ensure_ascii": False})


def records_purge(*, now: datetime) -> int:
    """Remove the records whose retry window has passed; returns how many."""
    deleted, _ = IdempotencyRecord.objects.filter(expires_at__lte=now).delete()
    return deleted
