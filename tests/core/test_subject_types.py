"""Every line of the personal-data access log names a registered kind of data subject."""

import pytest
from django.test import RequestFactory

from chinjeol.core import privacy
from chinjeol.core.models import PersonalDataAccess


def test_every_app_registers_the_subjects_it_logs():
    assert {
        "user",
        "staff",
        "case",
        "case_customer",
        "report",
        "praisepost",
        "kindness_reporter",
        "compensationentry",
        "staff_kindness",
        "caller_history",
    } <= set(privacy.SUBJECT_TYPES)
    assert all(label and label.isascii() is False for label in privacy.SUBJECT_TYPES.values())  # Korean names


@pytest.mark.django_db
def test_an_unregistered_subject_type_is_refused_and_nothing_is_written(org):
    request = RequestFactory().get("/")
    request.user = org.officer
    with pytest.raises(ValueError, match="등록되지 않은 정보주체 유형"):
        privacy.personal_access_log(
            request, action="view", subject_type="nobody", subject_label="홍길동", fields="전화번호"
        )
    assert not PersonalDataAccess.objects.exists()
    entry = privacy.personal_access_log(
        request, action="view", subject_type="case_customer", subject_label="홍길동", fields="전화번호"
    )
    assert entry.get_subject_type_display() == "민원인 연락처"
