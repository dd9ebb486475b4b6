from __future__ import annotations

from ninja import NinjaAPI

from . import errors
from .auth import BearerToken, Session


class ChinjeolAPI(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        return errors.document(super().get_openapi_schema(*args, **kwargs))


api = ChinjeolAPI(
    title="친절 API",
    version="1.0.0",
    description=(
        "친절(chinjeol) 연계 API. 통합(국민신문고 연계, 채팅 게이트웨이, CTI 등)은 Bearer 토큰으로, "
        "브라우저는 로그인 세션으로 인증합니다. 오류는 모두 `{code, message, field}` JSON(ErrorOut)으로, "
        "입력값 오류(422)는 항목·행별 `errors`를 더해(InvalidOut) 한국어로 돌려줍니다."
    ),
    auth=[BearerToken(), Session()],
    urls_namespace="api-1.0.0",
    docs_url="/docs",
    parser=errors.StrictParser(),
)
errors.install(api)


from .routers import cases, charter, community, compensation, kindness, organization  # noqa: E402

api.add_router("/", organization.router)
api.add_router("/charter", charter.router)
api.add_router("/cases", cases.router)
api.add_router("/kindness", kindness.router)
api.add_router("/community", community.router)
api.add_router("/compensation", compensation.router)
api.add_router("/text", "chinjeol.api.routers.text.router")
api.add_router("/", "chinjeol.api.routers.contact.router")
api.add_router("/knowledge", "chinjeol.api.routers.knowledge.router")
api.add_router("/", "chinjeol.api.routers.surveys.router")
api.add_router("/messages", "chinjeol.api.routers.messages.router")
api.add_router("/", "chinjeol.api.routers.visits.router")
api.add_router("/", "chinjeol.api.routers.quality.router")
api.add_router("/training", "chinjeol.api.routers.training.router")
