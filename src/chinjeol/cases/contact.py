"""The customer's contact details as one person may see them: in full for the roles that handle the case
(each such view written to the personal-data access log), masked for everyone else."""

from __future__ import annotations

from dataclasses import dataclass

from chinjeol.core.privacy import personal_access_log
from chinjeol.korean.pii import mask_email, mask_name, mask_phone

from .models import Case
from .queries import can_see_customer_contact


@dataclass(frozen=True)
class Contact:
    full: bool
    name: str
    phone: str
    email: str

    def as_dict(self) -> dict[str, str]:
        return {"name": self.name, "phone": self.phone, "email": self.email}


def masked_contact(case: Case) -> Contact:
    return Contact(
        False, mask_name(case.customer_name), mask_phone(case.customer_phone), mask_email(case.customer_email)
    )


def case_contact_for(request, case: Case, *, user, action: str) -> Contact:
    """The contact `user` may see on `case`; a full view of a phone or e-mail is logged (`action`: view, api)."""
    if not can_see_customer_contact(user, case):
        return masked_contact(case)
    if case.customer_phone or case.customer_email:
        personal_access_log(
            request,
            action=action,
            subject_type="case_customer",
            subject_id=str(case.pk),
            subject_label=f"{case.receipt_no} 민원인 {mask_name(case.customer_name)}",
            fields="이름, 전화, 이메일",
        )
    return Contact(True, case.customer_name, case.customer_phone, case.customer_email)
