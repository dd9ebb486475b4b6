"""Paging of the API's lists, on ninja's pagination. An operation declares `response=list[ItemOut]`, is
decorated `@paginated(<style>, ...)` (ninja's `paginate`) and returns the whole queryset, or `Rows` to say how
a row becomes an item. ninja adds the style's query parameters, wraps the item schema in the style's envelope
(`Paged<ItemOut>` in the OpenAPI document) and hands the request's window to `paginate_queryset`, which reads
only that page and counts the rest.

The parameters and the envelope of each list are a contract with the integrations, so each style keeps the
names it was published with:

- `PageNumbers`: `page`, `page_size` → `{total, page, page_size, items}` (민원, 보상 대장, 부서, 직원)
- `LimitOffset`: `limit`, `offset` → `{count, items}` (통화 기록, 방문객 안내 기록)
- `FixedPages`: `page`, 100 a page → `{count, page, results}` (서비스 품질 평가)

Every bound is in the schema, so a value out of range (page 0, a page beyond `MAX_PAGE`, a size over the
endpoint's maximum, text instead of a number) is refused by validation with the API's Korean 422 naming the
parameter, never clamped silently and never reaching the database as a huge OFFSET. A page past the last one
is an empty page with the right total."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, get_type_hints

from django.db.models import QuerySet
from ninja import Field, Schema
from ninja.pagination import PaginationBase, paginate
from pydantic import create_model

from .types import PageNumber

MAX_OFFSET = 10_000_000


class Rows:
    """A queryset and how the page read from it becomes the response's items.

    `out` turns one row into its item (a dict or a schema); `on_page`, if given, sees the rows of the page
    before that (the staff list logs who read the contacts on it). Counting is the queryset's own COUNT."""

    def __init__(
        self,
        queryset: QuerySet,
        out: Callable[[Any], Any] | None = None,
        *,
        on_page: Callable[[list], None] | None = None,
    ):
        self.queryset = queryset
        self.out = out
        self.on_page = on_page

    def count(self) -> int:
        return self.queryset.count()

    def window(self, start: int, stop: int) -> list:
        rows = list(self.queryset[start:stop])
        if self.on_page is not None and rows:
            self.on_page(rows)
        return rows if self.out is None else [self.out(row) for row in rows]


def _rows(result) -> Rows:
    return result if isinstance(result, Rows) else Rows(result)


class _Paging(PaginationBase):
    """What the styles share: the window of a page of `Rows` and its envelope."""

    def window(self, pagination) -> tuple[int, int]:
        raise NotImplementedError

    def envelope(self, pagination, total: int, items: list) -> dict:
        raise NotImplementedError

    def paginate_queryset(self, queryset, pagination, request, **params) -> dict:
        rows = _rows(queryset)
        start, stop = self.window(pagination)
        items = rows.window(start, stop)
        return self.envelope(pagination, rows.count(), items)


def _input(name: str, **fields) -> type[Schema]:
    """The style's query parameters for one set of bounds. The OpenAPI document lists it as a component under
    `name`, so the name carries the bounds: lists with other bounds never share (and misdescribe) one."""
    return create_model(name, __base__=Schema, **fields)


class PageNumbers(_Paging):
    """`page` (1~MAX_PAGE) and `page_size` (1~`max_size`, `size` when left out) →
    `{total, page, page_size, items}`."""

    class Output(Schema):
        total: int = Field(..., description="조건에 맞는 전체 건수")
        page: int = Field(..., description="쪽 번호")
        page_size: int = Field(..., description="쪽당 건수")
        items: list[Any]

    def __init__(self, *, size: int = 50, max_size: int = 200, **kwargs):
        super().__init__(**kwargs)
        self.Input = _input(
            f"Page{size}Max{max_size}",
            page=(PageNumber, 1),
            page_size=(int, Field(size, ge=1, le=max_size, description=f"쪽당 건수 (1~{max_size})")),
        )

    def window(self, pagination) -> tuple[int, int]:
        start = (pagination.page - 1) * pagination.page_size
        return start, start + pagination.page_size

    def envelope(self, pagination, total: int, items: list) -> dict:
        return {"total": total, "page": pagination.page, "page_size": pagination.page_size, "items": items}


class LimitOffset(_Paging):
    """`limit` (1~`max_limit`, `size` when left out) and `offset` (0~MAX_OFFSET) → `{count, items}`."""

    class Output(Schema):
        count: int = Field(..., description="조건에 맞는 전체 건수")
        items: list[Any]

    def __init__(self, *, size: int = 100, max_limit: int = 1000, **kwargs):
        super().__init__(**kwargs)
        self.Input = _input(
            f"Limit{size}Max{max_limit}",
            limit=(int, Field(size, ge=1, le=max_limit, description=f"최대 건수 (1~{max_limit})")),
            offset=(int, Field(0, ge=0, le=MAX_OFFSET, description="건너뛸 건수 (0부터)")),
        )

    def window(self, pagination) -> tuple[int, int]:
        return pagination.offset, pagination.offset + pagination.limit

    def envelope(self, pagination, total: int, items: list) -> dict:
        return {"count": total, "items": items}


class FixedPages(_Paging):
    """`page` (1~MAX_PAGE), `size` a page → `{count, page, results}`."""

    items_attribute = "results"

    class Output(Schema):
        count: int = Field(..., description="조건에 맞는 전체 건수")
        page: int = Field(..., description="쪽 번호")
        results: list[Any]

    def __init__(self, *, size: int = 100, **kwargs):
        super().__init__(**kwargs)
        self.size = size
        self.Input = _input(f"Page{size}", page=(PageNumber, 1))

    def window(self, pagination) -> tuple[int, int]:
        start = (pagination.page - 1) * self.size
        return start, start + self.size

    def envelope(self, pagination, total: int, items: list) -> dict:
        return {"count": total, "page": pagination.page, "results": items}


def paginated(style: type[_Paging], **params) -> Callable:
    """ninja's `@paginate(style, **params)`, with the view's annotations resolved in the view's own module first:
    ninja reads them through its wrapper, whose module does not know the router's schemas, so with postponed
    annotations (`from __future__ import annotations`) `Query[SomeFilter]` would not resolve."""

    def decorate(func):
        func.__annotations__ = get_type_hints(func, include_extras=True)
        return paginate(style, **params)(func)

    return decorate
