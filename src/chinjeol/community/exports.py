"""The report centre's and the boards' lists as Excel/CSV: Korean headers, real dates, and the reporter's or
writer's contact masked unless the role may see it (the CS officer: the download is then access-logged)."""

from __future__ import annotations

from chinjeol.core.access import has_role
from chinjeol.core.exports import PersonalData
from chinjeol.core.roles import Role
from chinjeol.korean.pii import mask_name, mask_phone

REPORT_HEADERS = ["접수번호", "구분", "접수 시각", "있었던 날", "신고된 직원", "부서", "확인된 직원", "접수 경로",
                  "상태", "판정 시각", "신고인", "신고인 전화"]  # fmt: skip
BEST_HEADERS = ["제목", "부서", "작성자", "상태", "등록 시각", "게시 시각"]
PRAISE_HEADERS = ["제목", "칭찬할 직원", "확인된 직원", "부서", "작성자", "작성자 전화", "상태", "작성 시각"]


def sees_contacts(user) -> bool:
    """Who may read a reporter's or writer's contact in full: the CS officer."""
    return has_role(user, Role.CS_OFFICER)


class ContactRows:
    """Rows with a contact column pair; counts the rows shown in full for one access-log entry."""

    def __init__(self, user, subject_type: str, label: str):
        self.full_view = sees_contacts(user)
        self.subject_type, self.label = subject_type, label
        self.full = 0

    def contact(self, name: str, phone: str) -> tuple[str, str]:
        if self.full_view:
            self.full += 1 if (name or phone) else 0
            return name, phone
        return mask_name(name), mask_phone(phone)

    def personal(self) -> PersonalData:
        return PersonalData(self.subject_type, self.label, "이름, 전화", self.full)


def report_rows(reports, contacts: ContactRows) -> list[list]:
    out = []
    for r in reports:
        name, phone = contacts.contact(r.reporter_name, r.reporter_phone)
        department = r.department.name if r.department else r.department_text
        out.append(
            [
                r.receipt_no,
                r.get_kind_display(),
                r.received_at,
                r.occurred_on,
                r.official_name,
                department,
                ", ".join(s.name for s in r.officials.all()),
                r.get_source_display(),
                r.get_status_display(),
                r.decided_at,
                name,
                phone,
            ]  # fmt: skip
        )
    return out


def best_rows(posts) -> list[list]:
    return [
        [
            p.title,
            p.department.name if p.department else "",
            p.author.display_name if p.author else "",
            p.get_status_display(),
            p.submitted_at,
            p.published_at,
        ]  # fmt: skip
        for p in posts
    ]


def praise_rows(posts, contacts: ContactRows) -> list[list]:
    out = []
    for p in posts:
        name, phone = contacts.contact(p.writer_name, p.writer_phone)
        department = p.department.name if p.department else p.department_text
        out.append(
            [
                p.title,
                p.official_name,
                p.official.name if p.official else "",
                department,
                name,
                phone,
                p.get_status_display(),
                p.posted_at,
            ]  # fmt: skip
        )
    return out


TASK_HEADERS = ["구분", "제목", "담당 부서", "담당자", "기한", "상태", "완료 시각", "결과"]


def task_rows(tasks) -> list[list]:
    return [
        [
            t.get_kind_display(),
            t.title,
            t.assignee_department.name if t.assignee_department else "",
            t.assignee_user.display_name if t.assignee_user else "",
            t.due_at,
            t.get_status_display(),
            t.done_at,
            t.outcome,
        ]  # fmt: skip
        for t in tasks.select_related("assignee_department", "assignee_user", "assignee_user__staff")
    ]
