"""How a page answers a broken business rule (`core.errors.DomainError`), in one place.

- A view that lets the error escape gets the Korean error page with the error's status
  (`DomainErrorPageMiddleware`, or `domain_error_page` directly).
- `@domain_errors(back=...)` on a view that posts and redirects: the error's message is flashed and the
  browser goes back to the page it came from (or `back`), as a successful post would.
- `with form_errors(form): ...` around the service call of a view that shows its form again: the message
  lands on the form's field (`error.field`), else above the form, and the view goes on to render the form.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from functools import wraps
from itertools import combinations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse

from .errors import DomainError

# A missing or forbidden thing is not something to try again on the page one came from.
PAGE_STATUSES = (403, 404)


def domain_error_page(request, error: DomainError):
    """The page for a broken business rule: its Korean message with its status (400, 403, 404, 409, 422)."""
    return render(request, "core/forbidden.html", {"message": error.message}, status=error.status)


def domain_errors(
    back: str | Callable[..., str] | None = None, *, pages: Collection[int] = PAGE_STATUSES
) -> Callable:
    """View decorator: a `DomainError` raised by a POST is flashed (`messages.error`) and the browser is sent
    to `back`, where the page shows the message:

    - `back=None`: the page that was posted from (`request.get_full_path()`);
    - `back="app:name"`: that URL, reversed with those of the view's own keyword arguments it takes
      (`@domain_errors(back="cases:detail")` on `act(request, pk, action)` goes to the case's page);
    - `back=callable`: `back(request, **view_kwargs)` returns the address.

    Errors whose status is in `pages` (by default 403 and 404), errors of any other method and errors of an
    htmx request answer the error page with the error's status instead (htmx leaves a 4xx unswapped, so the
    fragment on screen stays as it was)."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            try:
                return view(request, *args, **kwargs)
            except DomainError as error:
                if request.method != "POST" or error.status in pages or getattr(request, "htmx", False):
                    return domain_error_page(request, error)
                messages.error(request, error.message)
                return redirect(_address(back, request, kwargs))

        return wrapper

    return decorator


def _address(back, request, kwargs: dict) -> str:
    if back is None:
        return request.get_full_path()
    if callable(back):
        return back(request, **kwargs)
    for size in range(len(kwargs), -1, -1):  # the most of the view's arguments the URL takes
        for names in combinations(kwargs, size):
            try:
                return reverse(back, kwargs={name: kwargs[name] for name in names})
            except NoReverseMatch:
                continue
    raise NoReverseMatch(f"{back} takes none of the view's arguments {sorted(kwargs)}")


def form_error(
    form, error: DomainError, *, aliases: dict[str, str] | None = None, fallback: str | None = None
) -> None:
    """Put `error.message` on the form: on `error.field` (renamed by `aliases` when the service names it
    otherwise, e.g. `customer.phone` → `phone`) if the form has that field, else on `fallback` if given,
    else above the form (a non-field error)."""
    field = (aliases or {}).get(error.field or "", error.field)
    if field not in form.fields:
        field = fallback
    form.add_error(field, error.message)


@contextmanager
def form_errors(form, *, aliases: dict[str, str] | None = None, fallback: str | None = None) -> Iterator:
    """`with form_errors(form): ...` — a `DomainError` inside goes onto the form (`form_error`) and the view
    carries on after the block, to show the form again with it."""
    try:
        yield
    except DomainError as error:
        form_error(form, error, aliases=aliases, fallback=fallback)
