from __future__ import annotations

from django.http import JsonResponse

from .access import READ_ONLY_MESSAGE, READING_POSTS, forbidden, may_write

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
        return path in READING_POSTS or path in {reverse(name) for name in own_account}

    @staticmethod
    def refuse(request):
        if request.path_info.startswith("/api/"):
            return JsonResponse(
                {"code": "read_only", "message": READ_ONLY_MESSAGE, "field": None},
                status=403,
                json_dumps_params={"ensure_ascii": False},
            )
        return forbidden(request, READ_ONLY_MESSAGE)


class DomainErrorPageMiddleware:
    """A page view that lets a `DomainError` escape answers with the Korean error page and the error's status,
    never a 500 (the API maps the same errors to its JSON envelope itself)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from .errors import DomainError
        from .pages import domain_error_page

        if isinstance(exception, DomainError) and not request.path_info.startswith("/api/"):
            return domain_error_page(request, exception)
        return None
