from __future__ import annotations

from django.http import JsonResponse

from .access import READ_ONLY_MESSAGE, forbidden, may_write

STRICT = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; font-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'"
)
# The API's interactive documentation (served locally) styles elements inline.
API_DOCS = STRICT.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")


class ContentSecurityPolicyMiddleware:
    """Everything comes from the app itself: no CDN, no inline script, on every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            policy = API_DOCS if request.path.startswith(("/api/v1/docs", "/admin/")) else STRICT
            response["Content-Security-Policy"] = policy
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response


API_PREFIX = "/api/"


class ApiErrorEnvelopeMiddleware:
    """Under /api/, every error is JSON `{code, message, field}` in Korean — also those that never reach the
    API's own handlers: a path that does not exist (404), a method an operation does not take (405, the
    Allow header kept), Django's 400/403/500 pages. Answers already in JSON pass through unchanged."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code < 400
            or not request.path.startswith(API_PREFIX)
            or response.get("Content-Type", "").startswith("application/json")
        ):
            return response
        from chinjeol.api.errors import error_body

        envelope = JsonResponse(
            error_body(response.status_code, message=_api_message(response)),
            status=response.status_code,
            json_dumps_params={"ensure_ascii": False},
        )
        for header in ("Allow", "WWW-Authenticate", "Retry-After"):
            if header in response:
                envelope[header] = response[header]
        return envelope


def _api_message(response) -> str | None:
    if response.status_code == 404:
        return "없는 API 주소입니다. 주소와 /api/v1/docs의 문서를 확인해 주세요."
    if response.status_code == 405 and "Allow" in response:
        allowed = ", ".join(sorted(m.strip() for m in response["Allow"].split(",")))
        return f"이 주소는 {allowed} 요청만 받습니다."
    return None


class ReadOnlyRoleMiddleware:
    """Refuses every write (POST, PUT, PATCH, DELETE) of a signed-in read-only account (the auditor) before
    any view runs: pages get the Korean 403 page, the API its JSON error. Signing in and out and changing its own password stay open.
    Bearer-token API calls are refused by the API's authentication with the same rule (`may_write`)."""

    SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in self.SAFE_METHODS and not self._exempt(request.path_info):
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated and not may_write(user):
                return self.refuse(request)
        return self.get_response(request)

    @staticmethod
    def _exempt(path: str) -> bool:
        from django.urls import reverse

        own_account = ("login", "logout", "admin:login", "admin:logout", "admin:password_change")
        return path in {reverse(name) for name in own_account}

    @staticmethod
    def refuse(request):
        if request.path_info.startswith("/api/"):
            return JsonResponse(
                {"code": "read_only", "message": READ_ONLY_MESSAGE, "field": None},
                status=403,
                json_dumps_params={"ensure_ascii": False},
            )
        return forbidden(request, READ_ONLY_MESSAGE)
