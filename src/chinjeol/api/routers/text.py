"""텍스트 검사 API: personal data masked and located, profanity, threats and sexual harassment located."""

from __future__ import annotations

from typing import Literal

from ninja import Field, Router, Schema
from pydantic import field_validator

from chinjeol.core.access import has_role
from chinjeol.core.errors import PermissionDenied
from chinjeol.core.roles import Role
from chinjeol.korean.abuse.textcheck import check_text

router = Router(tags=["텍스트 검사"])

MAX_LENGTH = 5000
# Everyone who talks with citizens or reviews what they said; not the external evaluator.
CHECK_ROLES = (Role.STAFF, Role.CS_LEADER, Role.DEPT_HEAD, Role.CS_OFFICER, Role.AUDITOR)


class TextIn(Schema):
    text: str = Field(..., max_length=MAX_LENGTH, description=f"검사할 글 ({MAX_LENGTH:,}자 이하)")

    @field_validator("text")
    @classmethod
    def not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("검사할 내용을 입력하세요.")
        return value


class PiiOut(Schema):
    type: str = Field(..., description="개인정보 종류: rrn, phone, email, card, account, passport, car_plate")
    start: int = Field(..., description="원문에서 시작 위치 (문자 단위, 0부터)")
    end: int = Field(..., description="원문에서 끝 위치 (포함하지 않음)")


class AbuseSpanOut(Schema):
    label: Literal["profanity", "threat", "sexual"] = Field(
        ..., description="profanity 욕설·모욕, threat 신변 위협, sexual 성희롱"
    )
    start: int = Field(..., description="원문에서 시작 위치")
    end: int = Field(..., description="원문에서 끝 위치 (포함하지 않음)")


class AbuseOut(Schema):
    labels: list[Literal["profanity", "threat", "sexual"]] = Field(..., description="찾은 분류")
    severity: Literal["none", "low", "medium", "high"] = Field(..., description="전체 심각도")
    spans: list[AbuseSpanOut]


class TextCheckOut(Schema):
    masked: str = Field(..., description="개인정보를 가린 글")
    pii: list[PiiOut]
    abuse: AbuseOut


@router.post(
    "/check",
    response=TextCheckOut,
    summary="글의 개인정보·욕설·위협·성희롱 검사",
    description="민원인이 말하거나 쓴 글을 검사합니다. 띄어쓰기, 자모(ㅅㅂ), 숫자·기호 끼워 넣기, 영문 자판으로 친 "
    "한글(tlqkf) 같은 변형도 찾습니다. 위치(start, end)는 모두 보낸 원문 기준입니다. 글은 저장하지 않습니다. "
    "직원·상담사, CS리더, 부서장, 고객만족 담당관, 감사가 쓸 수 있습니다.",
)
def check(request, payload: TextIn):
    if not has_role(request.auth, *CHECK_ROLES):
        raise PermissionDenied("글을 검사할 권한이 없습니다.")
    return check_text(payload.text).as_dict()
