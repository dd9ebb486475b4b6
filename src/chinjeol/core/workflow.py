"""What every workflow app does the same way: lock the row it changes, move its status by the app's rule,
and append the event that says so (see `core.events.Event`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from django.db import models

from .errors import DomainError

M = TypeVar("M", bound=models.Model)


def locked(model: type[M], pk, *, related: Iterable[str] = (), missing: str = "찾을 수 없습니다.") -> M:
    """The row `pk` of `model`, locked until the transaction ends (only that row: PostgreSQL refuses
    FOR UPDATE across nullable joins). A missing row is a Korean 404."""
    query = model._default_manager.select_for_update(of=("self",))
    related = tuple(related)
    if related:
        query = query.select_related(*related)
    try:
        return query.get(pk=pk)
    except model.DoesNotExist as exc:  # type: ignore[attr-defined]
        raise DomainError("not_found", missing, status=404) from exc


def transition(
    subject: models.Model, target: str, *, problem: Callable[[str, str], str | None], field: str = "status"
) -> str:
    """Move `subject.<field>` to `target` when the app's rule `problem(current, target)` has nothing against
    it (else a Korean DomainError with the rule's words). Returns the status it had before."""
    before = getattr(subject, field)
    message = problem(before, target)
    if message:
        raise DomainError("state", message)
    setattr(subject, field, target)
    return before
