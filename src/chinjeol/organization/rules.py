"""Pure rules for the organisation: validating an org-chart file before anything is written."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from chinjeol.core.roles import Role, parse_role
from chinjeol.korean.pii import normalize_phone

# Canonical header → accepted spellings (spaces ignored, case-insensitive).
HEADERS: dict[str, tuple[str, ...]] = {
    "부서": ("부서", "부서명", "소속", "소속부서"),
    "상위부서": ("상위부서", "상위부서명", "상위"),
    "사번": ("사번", "직원번호", "공무원번호"),
    "이름": ("이름", "성명"),
    "직위": ("직위", "직급", "직위·직급", "직위/직급"),
    "내선": ("내선", "내선번호", "전화", "사무실전화"),
    "휴대전화": ("휴대전화", "휴대폰", "핸드폰", "휴대전화번호"),
    "이메일": ("이메일", "전자우편", "e-mail", "email", "메일"),
    "역할": ("역할", "권한"),
}
REQUIRED_HEADERS = ("부서", "사번", "이름")
EMPLOYEE_NO = re.compile(r"^[A-Za-z0-9-]{2,20}$")
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
EXTENSION = re.compile(r"^[0-9-]{2,20}$")


@dataclass(frozen=True)
class RowError:
    row: int  # the row number as the spreadsheet shows it (header = 1)
    column: str
    message: str


@dataclass(frozen=True)
class StaffRecord:
    row: int
    employee_no: str
    name: str
    department: str
    position: str = ""
    extension: str = ""
    mobile: str = ""
    email: str = ""
    roles: tuple[Role, ...] | None = None  # None: the file has no 역할 column


@dataclass
class ImportPlan:
    departments: dict[str, str | None] = field(default_factory=dict)  # name → parent name
    staff: list[StaffRecord] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    header_errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and not self.header_errors


def normalise_header(text: str) -> str | None:
    key = "".join(str(text or "").split()).lower()
    for canonical, spellings in HEADERS.items():
        if key in {s.replace(" ", "").lower() for s in spellings}:
            return canonical
    return None


def department_kind(name: str) -> str:
    """실·국 / 과 / 팀 from the name's ending, as Korean agencies name them."""
    if name.endswith(("팀", "계", "반")):
        return "team"
    if name.endswith(("국", "실", "본부", "단")):
        return "bureau"
    if name.endswith(("과", "담당관", "관")):
        return "division"
    return "office"


def map_headers(header_row: Sequence[str]) -> tuple[dict[int, str], list[str]]:
    mapping: dict[int, str] = {}
    errors: list[str] = []
    for index, text in enumerate(header_row):
        canonical = normalise_header(text)
        if canonical is None:
            if str(text or "").strip():
                errors.append(f"알 수 없는 열 제목입니다: '{text}'")
            continue
        if canonical in mapping.values():
            errors.append(f"'{canonical}' 열이 두 번 있습니다.")
        mapping[index] = canonical
    missing = [h for h in REQUIRED_HEADERS if h not in mapping.values()]
    if missing:
        errors.append("필수 열이 없습니다: " + ", ".join(missing))
    return mapping, errors


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def plan_import(
    header_row: Sequence[str],
    rows: Iterable[tuple[int, Sequence]],
    *,
    existing_departments: Mapping[str, str | None] | None = None,
) -> ImportPlan:
    """Validate every row. `rows` are (row number, cells). Nothing is written here; the plan is
    applied only when it has no error at all."""
    plan = ImportPlan()
    mapping, plan.header_errors = map_headers(header_row)
    if plan.header_errors:
        return plan
    has_roles = "역할" in mapping.values()
    existing = dict(existing_departments or {})
    seen_employee: dict[str, int] = {}
    parent_seen_at: dict[str, tuple[str | None, int]] = {}

    def error(row: int, column: str, message: str) -> None:
        plan.errors.append(RowError(row, column, message))

    for row_no, cells in rows:
        values = {canonical: _cell(cells[i]) if i < len(cells) else "" for i, canonical in mapping.items()}
        if not any(values.values()):
            continue  # blank line
        before = len(plan.errors)
        employee_no = values.get("사번", "")
        name = values.get("이름", "")
        department = values.get("부서", "")
        parent = values.get("상위부서", "") or None
        if not employee_no:
            error(row_no, "사번", "사번이 비어 있습니다.")
        elif not EMPLOYEE_NO.match(employee_no):
            error(
                row_no,
                "사번",
                f"사번 '{employee_no}'에 쓸 수 없는 문자가 있습니다 (영문·숫자·하이픈 2~20자).",
            )
        elif employee_no in seen_employee:
            error(row_no, "사번", f"사번 '{employee_no}'이(가) {seen_employee[employee_no]}행과 중복됩니다.")
        else:
            seen_employee[employee_no] = row_no
        if not name:
            error(row_no, "이름", "이름이 비어 있습니다.")
        elif len(name) > 50:
            error(row_no, "이름", "이름은 50자 이하여야 합니다.")
        if not department:
            error(row_no, "부서", "부서가 비어 있습니다.")
        elif len(department) > 100:
            error(row_no, "부서", "부서명은 100자 이하여야 합니다.")
        elif parent == department:
            error(row_no, "상위부서", "부서가 자기 자신을 상위부서로 가질 수 없습니다.")
        elif "상위부서" in mapping.values():
            if department in parent_seen_at and parent_seen_at[department][0] != parent:
                other_parent, other_row = parent_seen_at[department]
                error(
                    row_no,
                    "상위부서",
                    f"'{department}'의 상위부서가 {other_row}행('{other_parent or '없음'}')과 다릅니다: '{parent or '없음'}'.",
                )
            else:
                parent_seen_at.setdefault(department, (parent, row_no))
        mobile = values.get("휴대전화", "")
        if mobile:
            try:
                mobile = normalize_phone(mobile)
            except ValueError:
                error(
                    row_no, "휴대전화", f"휴대전화 '{mobile}'의 형식이 올바르지 않습니다 (예: 010-1234-5678)."
                )
        email = values.get("이메일", "")
        if email and not EMAIL.match(email):
            error(row_no, "이메일", f"이메일 '{email}'의 형식이 올바르지 않습니다.")
        extension = values.get("내선", "")
        if extension and not EXTENSION.match(extension):
            error(row_no, "내선", f"내선 '{extension}'은(는) 숫자와 하이픈만 쓸 수 있습니다.")
        roles: tuple[Role, ...] | None = None
        if has_roles:
            parsed: list[Role] = []
            for part in re.split(r"[,/;·]\s*|\s{2,}", values.get("역할", "")):
                if not part.strip():
                    continue
                role = parse_role(part)
                if role is None:
                    error(
                        row_no,
                        "역할",
                        f"알 수 없는 역할입니다: '{part.strip()}' (직원, CS리더, 부서장, 고객만족담당관, 외부평가기관, 감사)",
                    )
                elif role not in parsed:
                    parsed.append(role)
            roles = tuple(parsed)
        if len(plan.errors) == before:
            plan.staff.append(
                StaffRecord(
                    row=row_no,
                    employee_no=employee_no,
                    name=name,
                    department=department,
                    position=values.get("직위", ""),
                    extension=extension,
                    mobile=mobile,
                    email=email,
                    roles=roles,
                )
            )

    # The department tree: file first, then what the agency already has.
    tree: dict[str, str | None] = dict(existing)
    for department, (parent, _row) in parent_seen_at.items():
        tree[department] = parent
    for record in plan.staff:
        tree.setdefault(record.department, None)
    for parent, _row in parent_seen_at.values():
        if parent is not None:
            tree.setdefault(parent, existing.get(parent))
    for department, (_parent, row_no) in parent_seen_at.items():
        if _has_cycle(department, tree):
            error(row_no, "상위부서", f"'{department}'의 상위부서 관계가 순환합니다.")
    plan.errors.sort(key=lambda e: (e.row, e.column))
    plan.departments = {
        name: parent for name, parent in tree.items() if name not in existing or existing[name] != parent
    }
    return plan


def _has_cycle(start: str, tree: Mapping[str, str | None]) -> bool:
    seen = {start}
    node = tree.get(start)
    while node is not None:
        if node in seen:
            return True
        seen.add(node)
        node = tree.get(node)
    return False
