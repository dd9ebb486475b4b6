from __future__ import annotations

from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from chinjeol.core.errors import DomainError

from .auth import BearerToken, Session

api = NinjaAPI(
    title="친절 API",
    version="1.0.0",
    description=(
        "친절(chinjeol) 연계 API. 통합(국민신문고 연계, 채팅 게이트웨이, CTI 등)은 Bearer 토큰으로, "
        "브라우저는 로그인 세션으로 인증합니다. 오류는 `{code, message, field}` JSON으로 돌려줍니다."
    ),
    auth=[BearerToken(), Session()],
    urls_namespace="api-1.0.0",
    docs_url="/docs",
)

FIELD_LABELS = {"query": "", "body": "", "path": "", "form": ""}


def _field_of(loc) -> str | None:
    parts = [str(p) for p in loc if str(p) not in FIELD_LABELS and str(p) != "payload"]
    return ".".join(parts) or None


def _message_for(error: dict) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx", {}) or {}
    messages = {
        "missing": "필수 항목입니다.",
        "int_parsing": "정수를 입력해야 합니다.",
        "int_type": "정수를 입력해야 합니다.",
        "float_parsing": "숫자를 입력해야 합니다.",
        "bool_parsing": "참/거짓(true/false) 값이어야 합니다.",
        "string_type": "문자열이어야 합니다.",
        "string_too_short": "너무 짧습니다.",
        "string_too_long": f"{ctx.get('max_length', '')}자 이하로 입력해야 합니다.",
        "greater_than_equal": f"{ctx.get('ge', '')} 이상이어야 합니다.",
        "less_than_equal": f"{ctx.get('le', '')} 이하여야 합니다.",
        "greater_than": f"{ctx.get('gt', '')}보다 커야 합니다.",
        "literal_error": f"허용되는 값: {ctx.get('expected', '')}",
        "enum": f"허용되는 값: {ctx.get('expected', '')}",
        "datetime_parsing": "날짜·시각 형식이 올바르지 않습니다 (ISO 8601, 예: 2026-11-23T09:30:00+09:00).",
        "datetime_from_date_parsing": "날짜·시각 형식이 올바르지 않습니다 (ISO 8601, 예: 2026-11-23T09:30:00+09:00).",
        "date_parsing": "날짜 형식이 올바르지 않습니다 (예: 2026-11-23).",
        "date_from_datetime_parsing": "날짜 형식이 올바르지 않습니다 (예: 2026-11-23).",
        "value_error": str(ctx.get("error", "")) or "값이 올바르지 않습니다.",
        "json_invalid": "JSON 형식이 올바르지 않습니다.",
        "model_attributes_type": "객체(JSON) 형식이어야 합니다.",
        "dict_type": "객체(JSON) 형식이어야 합니다.",
        "list_type": "목록(배열) 형식이어야 합니다.",
    }
    return messages.get(kind) or "값이 올바르지 않습니다."


@api.exception_handler(ValidationError)
def on_validation_error(request, exc: ValidationError):
    errors = [{"field": _field_of(e.get("loc", ())), "message": _message_for(e)} for e in exc.errors]
    first = errors[0] if errors else {"field": None, "message": "입력값이 올바르지 않습니다."}
    label = f"'{first['field']}': " if first["field"] else ""
    return api.create_response(
        request,
        {
            "code": "invalid",
            "message": f"입력값이 올바르지 않습니다. {label}{first['message']}",
            "field": first["field"],
            "errors": errors,
        },
        status=422,
    )


@api.exception_handler(DomainError)
def on_domain_error(request, exc: DomainError):
    return api.create_response(request, exc.as_dict(), status=exc.status)


@api.exception_handler(AuthenticationError)
def on_auth_error(request, exc):
    response = api.create_response(
        request,
        {
            "code": "unauthorized",
            "message": "인증이 필요합니다. 유효한 API 토큰(Authorization: Bearer …)을 보내거나 로그인하세요.",
            "field": None,
        },
        status=401,
    )
    response["WWW-Authenticate"] = 'Bearer realm="chinjeol"'
    return response


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return api.create_response(
        request, {"code": "not_found", "message": "찾을 수 없습니다.", "field": None}, status=404
    )


@api.exception_handler(HttpError)
def on_http_error(request, exc: HttpError):
    return api.create_response(
        request, {"code": "error", "message": str(exc), "field": None}, status=exc.status_code
    )


from .routers import cases, charter, community, kindness, organization  # noqa: E402

api.add_router("/", organization.router)
api.add_router("/charter", charter.router)
api.add_router("/cases", cases.router)
api.add_router("/kindness", kindness.router)
api.add_router("/community", community.router)
from .routers import knowledge  # noqa: E402

api.add_router("/knowledge", knowledge.router)
