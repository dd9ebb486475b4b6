"""Roles of PRODUCT.md and what each may reach."""

from __future__ import annotations

from django.db import models


class Role(models.TextChoices):
    STAFF = "staff", "직원·상담사"
    CS_LEADER = "cs_leader", "부서 CS리더"
    DEPT_HEAD = "dept_head", "부서장"
    CS_OFFICER = "cs_officer", "고객만족 담당관"
    EVALUATOR = "evaluator", "외부 평가기관"
    AUDITOR = "auditor", "감사"


# Roles that act on a department (and its sub-departments) rather than on the whole agency.
SCOPED_ROLES = frozenset({Role.CS_LEADER, Role.DEPT_HEAD})
# Roles that read the whole organisation.
ORG_WIDE_READERS = frozenset({Role.CS_OFFICER, Role.AUDITOR})
# Roles that read and never write: an account holding one acts only through it (no staff role from its
# Staff record, no other assignment), and every write — page, API, back office — is refused
# (`chinjeol.core.access.may_write`).
READ_ONLY_ROLES = frozenset({Role.AUDITOR})
# Roles that may see a person's mobile number and e-mail (each view is logged).
CONTACT_READERS = frozenset({Role.CS_OFFICER, Role.AUDITOR, Role.DEPT_HEAD, Role.CS_LEADER})

# Korean names accepted in the org-chart file's 역할 column.
ROLE_ALIASES: dict[str, Role] = {
    "직원": Role.STAFF,
    "상담사": Role.STAFF,
    "직원·상담사": Role.STAFF,
    "cs리더": Role.CS_LEADER,
    "부서cs리더": Role.CS_LEADER,
    "부서장": Role.DEPT_HEAD,
    "고객만족담당관": Role.CS_OFFICER,
    "cs담당관": Role.CS_OFFICER,
    "담당관": Role.CS_OFFICER,
    "외부평가기관": Role.EVALUATOR,
    "평가기관": Role.EVALUATOR,
    "외부평가": Role.EVALUATOR,
    "감사": Role.AUDITOR,
}
for _role in Role:
    ROLE_ALIASES[_role.value] = _role


def parse_role(text: str) -> Role | None:
    key = "".join(text.split()).lower()
    return ROLE_ALIASES.get(key)
