"""The API's error envelope for answers that never reached the API's own handlers."""

from __future__ import annotations

from django.http import JsonResponse

from .errors import error_body

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
