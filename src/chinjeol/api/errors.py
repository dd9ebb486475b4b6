"""The API's one error envelope `{code, message, field}` in Korean: its schemas (documented once, referenced by
every operation), the handlers that produce it, and the request parser that refuses what cannot be read.

Every failure the API can give goes through `error_body`: ninja's exception handlers (validation, domain
errors, authentication, 404, bodies too large, unhandled exceptions), and — for what never reaches ninja
(a path under the API that does not exist, a method an operation does not take) — `core.error_pages`."""

from __future__ import annotations

import json
import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig
from django.http import Http404
from ninja import Field, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.parser import Parser

from chinjeol.core.errors import DomainError
from chinjeol.core.uploads import size_label

logger = logging.getLogger("chinjeol.api")

# A page number beyond this is refused with 422 instead of reaching the database as an OFFSET.
MAX_PAGE = 100_000
# Received/occurred moments outside these years are refused (typing mistakes, the year 1).
MIN_YEAR, MAX_YEAR = 2000, 2100


class ErrorOut(Schema):
    """Every API error: a stable code, a Korean message, and the field it concerns (null if none)."""

    code: str = Field(..., description="오류 코드 (invalid, unauthorized, forbidden, not_found …)")
    message: str = Field(..., description="한국어 오류 메시지")
    field: str | None = Field(None, description="문제가 된 항목 (없으면 null)")


class RowErrorOut(Schema):
    row: int | None = Field(None, description="일괄 등록이면 entries 안의 순번 (1부터, 0은 전체)")
    field: str | None = Field(None, description="문제가 된 항목")
    message: str = Field(..., description="한국어 오류 메시지")


class InvalidOut(ErrorOut):
    """422: the input was read but is not acceptable; `errors` lists every field or row at fault."""

    errors: list[RowErrorOut] = Field(default_factory=list, description="항목·행별 오류")


ERROR_MESSAGES = {
    400: ("bad_request", "요청을 처리할 수 없습니다. 요청 형식을 확인해 주세요."),
    401: (
        "unauthorized",
        "인증이 필요합니다. 유효한 API 토큰(Authorization: Bearer …)을 보내거나 로그인하세요.",
    ),
    403: ("forbidden", "이 작업을 할 권한이 없습니다."),
    404: ("not_found", "찾을 수 없습니다."),
    405: ("method_not_allowed", "이 주소에서 받지 않는 요청 방식입니다."),
    413: ("too_large", "요청 본문이 너무 큽니다."),
    422: ("invalid", "입력값이 올바르지 않습니다."),
    429: ("too_many_requests", "요청이 너무 많습니다. 잠시 뒤 다시 시도해 주세요."),
    500: (
        "server_error",
        "서버에서 오류가 났습니다. 잠시 뒤 다시 시도하고, 계속되면 관리자에게 알려 주세요.",
    ),
}
# Documented on every operation (401: every operation needs a token or a session; 500 is never meant to
# happen, but if it does the answer is still the envelope).
DOCUMENTED = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: InvalidOut, 500: ErrorOut}
# Documented besides on every operation that writes: a step on something already past it, a body too large.
DOCUMENTED_ON_WRITES = {409: ErrorOut, 413: ErrorOut}
WRITES = {"post", "put", "patch", "delete"}
DOCUMENTED_LABELS = {
    400: "잘못된 요청 (읽을 수 없는 JSON, UTF-8이 아닌 본문, 규칙 위반)",
    401: "인증 필요",
    403: "권한 없음",
    404: "없음",
    409: "상태 충돌 (이미 처리했거나 끝난 것에 다시 한 요청)",
    413: "요청 본문이 너무 큼",
    422: "입력값 오류 (항목·행별 errors)",
    500: "서버 오류 (기록되며 관리자가 확인합니다)",
}


def error_body(status: int, *, message: str | None = None, code: str | None = None, field=None) -> dict:
    default_code, default_message = ERROR_MESSAGES.get(status, ERROR_MESSAGES[400 if status < 500 else 500])
    return {"code": code or default_code, "message": message or default_message, "field": field}


def too_large_message() -> str:
    return f"요청 본문이 너무 큽니다. {size_label(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)} 이하로 보내 주세요."


# --- reading the request --------------------------------------------------------------------------
class UnreadableBody(ValueError):
    """The body is not UTF-8 JSON; `code`/`message` say which."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


class NulInText(ValueError):
    def __init__(self, field: str):
        super().__init__(field)
        self.field = field


def nul_path(value: Any, path: tuple = ()) -> tuple | None:
    """The path to the first text holding a NUL character (which PostgreSQL cannot store), or None."""
    if isinstance(value, str):
        return path if "\x00" in value else None
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return None
    for key, item in items:
        if isinstance(key, str) and "\x00" in key:
            return (*path, key)
        found = nul_path(item, (*path, key))
        if found is not None:
            return found
    return None


def _dotted(path: tuple) -> str:
    return ".".join(str(p) for p in path)


class StrictParser(Parser):
    """UTF-8 JSON only (json.loads would guess UTF-16/32 from the bytes), and no NUL in any text."""

    def parse_body(self, request):
        try:
            text = request.body.decode("utf-8")
        except UnicodeDecodeError:
            raise UnreadableBody(
                "not_utf8", "요청 본문을 읽을 수 없습니다. UTF-8로 인코딩한 JSON을 보내 주세요."
            ) from None
        try:
            data = json.loads(text)
        except ValueError:
            raise UnreadableBody("invalid_json", "요청 본문이 올바른 JSON이 아닙니다.") from None
        if not isinstance(data, dict):
            raise UnreadableBody("invalid_json", "요청 본문은 JSON 객체({ … })여야 합니다.")
        found = nul_path(data)
        if found is not None:
            raise NulInText(_dotted(found) or "body")
        return data

    def parse_querydict(self, data, list_fields, request):
        for key, values in data.lists():
            if "\x00" in key or any("\x00" in v for v in values):
                raise ValidationError([{"loc": ("query", key.replace("\x00", "")), "type": "nul_char"}])
        return super().parse_querydict(data, list_fields, request)


# --- validation messages --------------------------------------------------------------------------
FIELD_LABELS = {"query", "body", "path", "form", "header", "cookie", "file", "payload"}


def field_of(loc) -> str | None:
    parts = [str(p) for p in loc if str(p) not in FIELD_LABELS]
    return ".".join(parts) or None


def message_for(error: dict) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx", {}) or {}
    datetime_hint = "날짜·시각 형식이 올바르지 않습니다 (ISO 8601, 예: 2026-11-23T09:30:00+09:00)."
    date_hint = "날짜 형식이 올바르지 않습니다 (예: 2026-11-23)."
    messages = {
        "missing": "필수 항목입니다.",
        "nul_char": "글자 NUL(\\u0000)은 쓸 수 없습니다.",
        "int_parsing": "정수를 입력해야 합니다.",
        "int_type": "정수를 입력해야 합니다.",
        "int_from_float": "정수를 입력해야 합니다.",
        "float_parsing": "숫자를 입력해야 합니다.",
        "float_type": "숫자를 입력해야 합니다.",
        "finite_number": "유한한 숫자여야 합니다.",
        "decimal_parsing": "숫자를 입력해야 합니다.",
        "bool_parsing": "참/거짓(true/false) 값이어야 합니다.",
        "bool_type": "참/거짓(true/false) 값이어야 합니다.",
        "string_type": "문자열이어야 합니다.",
        "string_too_short": "너무 짧습니다.",
        "string_too_long": f"{ctx.get('max_length', '')}자 이하로 입력해야 합니다.",
        "string_pattern_mismatch": "형식이 올바르지 않습니다.",
        "greater_than_equal": f"{ctx.get('ge', '')} 이상이어야 합니다.",
        "less_than_equal": f"{ctx.get('le', '')} 이하여야 합니다.",
        "greater_than": f"{ctx.get('gt', '')}보다 커야 합니다.",
        "less_than": f"{ctx.get('lt', '')}보다 작아야 합니다.",
        "literal_error": f"허용되는 값: {ctx.get('expected', '')}",
        "enum": f"허용되는 값: {ctx.get('expected', '')}",
        "datetime_parsing": datetime_hint,
        "datetime_from_date_parsing": datetime_hint,
        "datetime_type": datetime_hint,
        "date_parsing": date_hint,
        "date_from_datetime_parsing": date_hint,
        "date_from_datetime_inexact": date_hint,
        "date_type": date_hint,
        "time_parsing": "시각 형식이 올바르지 않습니다 (예: 14:30).",
        "time_type": "시각 형식이 올바르지 않습니다 (예: 14:30).",
        "value_error": str(ctx.get("error", "")).removeprefix("Value error, ") or "값이 올바르지 않습니다.",
        "assertion_error": str(ctx.get("error", "")) or "값이 올바르지 않습니다.",
        "json_invalid": "JSON 형식이 올바르지 않습니다.",
        "model_attributes_type": "객체(JSON) 형식이어야 합니다.",
        "model_type": "객체(JSON) 형식이어야 합니다.",
        "dict_type": "객체(JSON) 형식이어야 합니다.",
        "list_type": "목록(배열) 형식이어야 합니다.",
        "too_long": f"{ctx.get('max_length', '')}개 이하여야 합니다.",
    }
    return messages.get(kind) or "값이 올바르지 않습니다."


def invalid_body(errors: list[dict]) -> dict:
    first = errors[0] if errors else {"field": None, "message": "입력값이 올바르지 않습니다."}
    label = f"'{first['field']}': " if first["field"] else ""
    return {
        **error_body(
            422, message=f"입력값이 올바르지 않습니다. {label}{first['message']}", field=first["field"]
        ),
        "errors": errors,
    }


# --- handlers -------------------------------------------------------------------------------------
def install(api) -> None:
    """Register the handlers on the NinjaAPI `api`."""

    def respond(request, body: dict, status: int):
        return api.create_response(request, body, status=status)

    @api.exception_handler(ValidationError)
    def on_validation_error(request, exc: ValidationError):
        errors = [{"field": field_of(e.get("loc", ())), "message": message_for(e)} for e in exc.errors]
        return respond(request, invalid_body(errors), 422)

    @api.exception_handler(DomainError)
    def on_domain_error(request, exc: DomainError):
        body = exc.as_dict()
        if exc.status == 422:
            body.setdefault("errors", [{"field": exc.field, "message": exc.message}])
        return respond(request, body, exc.status)

    @api.exception_handler(AuthenticationError)
    def on_auth_error(request, exc):
        response = respond(request, error_body(401), 401)
        response["WWW-Authenticate"] = 'Bearer realm="chinjeol"'
        return response

    @api.exception_handler(Http404)
    def on_not_found(request, exc):
        return respond(request, error_body(404), 404)

    @api.exception_handler(DjangoPermissionDenied)
    def on_forbidden(request, exc):
        return respond(request, error_body(403), 403)

    @api.exception_handler(RequestDataTooBig)
    def on_too_big(request, exc):
        return respond(request, error_body(413, message=too_large_message()), 413)

    @api.exception_handler(HttpError)
    def on_http_error(request, exc: HttpError):
        cause = exc.__cause__
        if isinstance(cause, NulInText):
            body = invalid_body([{"field": cause.field, "message": message_for({"type": "nul_char"})}])
            return respond(request, body, 422)
        if isinstance(cause, UnreadableBody):
            return respond(request, error_body(400, code=cause.code, message=cause.message), 400)
        if isinstance(cause, RequestDataTooBig):
            return on_too_big(request, cause)
        status = exc.status_code
        message = None
        if status == 403 and "CSRF" in str(exc):
            message = "보안 토큰(CSRF)이 없거나 맞지 않습니다. 화면을 새로 고친 뒤 다시 시도해 주세요."
        return respond(request, error_body(status, message=message, code="csrf" if message else None), status)

    @api.exception_handler(Exception)
    def on_unhandled(request, exc: Exception):
        logger.error("API 처리 중 오류: %s %s", request.method, request.path, exc_info=exc)
        return respond(request, error_body(500), 500)


def document(schema: dict) -> dict:
    """Add the error schemas once under components and reference them from every operation, with every
    status the handlers above can give it."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for model in (ErrorOut, InvalidOut):
        generated = model.model_json_schema(ref_template="#/components/schemas/{model}")
        components.update(generated.pop("$defs", {}))
        components[model.__name__] = generated
    for operations in schema.get("paths", {}).values():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            documented = {**DOCUMENTED, **(DOCUMENTED_ON_WRITES if method.lower() in WRITES else {})}
            for status, model in sorted(documented.items()):
                if status in responses or str(status) in responses:
                    continue
                responses.setdefault(
                    status,
                    {
                        "description": DOCUMENTED_LABELS[status],
                        "content": {
                            "application/json": {"schema": {"$ref": f"#/components/schemas/{model.__name__}"}}
                        },
                    },
                )
    return schema
