"""One domain error, mapped in one place for the API (api/errors.py) and for pages (core/pages.py)."""

from __future__ import annotations


class DomainError(Exception):
    """A rule of the business was broken. `message` is shown to the user as it is (Korean)."""

    status = 400

    def __init__(self, code: str, message: str, *, field: str | None = None, status: int | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
        if status is not None:
            self.status = status

    def as_dict(self) -> dict:
        return {"code": self.code, "message": self.message, "field": self.field}


class PermissionDenied(DomainError):
    status = 403

    def __init__(
        self,
        message: str = "이 작업을 할 권한이 없습니다.",
        *,
        code: str = "forbidden",
        field: str | None = None,
    ):
        super().__init__(code, message, field=field)


class NotFound(DomainError):
    status = 404

    def __init__(
        self, message: str = "찾을 수 없습니다.", *, code: str = "not_found", field: str | None = None
    ):
        super().__init__(code, message, field=field)
