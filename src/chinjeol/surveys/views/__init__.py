from .happy import catch_calls, happy_answer, happy_results, phone_entry, phone_list
from .surveys import (
    public_detail,
    public_list,
    survey_answer,
    survey_detail,
    survey_list,
    survey_new,
    survey_print,
    survey_publish,
    survey_qr,
    survey_results,
)

__all__ = [
    "catch_calls",
    "happy_answer",
    "happy_results",
    "phone_entry",
    "phone_list",
    "public_detail",
    "public_list",
    "survey_answer",
    "survey_detail",
    "survey_list",
    "survey_new",
    "survey_print",
    "survey_publish",
    "survey_qr",
    "survey_results",
]
