"""Managing training: courses and their materials and questions (CS officer), assignments, completion rates,
gaps and chasing (CS leaders, heads, CS officer), offline sessions with attendance, the xAPI export."""

from __future__ import annotations

import json

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from chinjeol.core.access import has_role, role_required
from chinjeol.core.exports import export_response
from chinjeol.core.pages import domain_errors, form_errors
from chinjeol.core.roles import Role
from chinjeol.core.uploads import larger_uploads, size_label, upload_limit

from .. import queries, rules, services
from ..forms import VIDEO_LIMIT_SETTING, AssignForm, CourseForm, MaterialForm, QuestionForm, SessionForm
from ..queries import MANAGERS, READERS
from .learning import _area

OFFICER = (Role.CS_OFFICER,)
OVERSEERS = (Role.CS_LEADER, Role.DEPT_HEAD, Role.CS_OFFICER, Role.AUDITOR)


def _items() -> list[tuple[str, str]]:
    return queries.kindness_items()


# ── Courses ─────────────────────────────────────────────────────────────────────────────────────────


@role_required(*OFFICER)
def course_new(request):
    _area(request)
    form = CourseForm(request.POST or None, items=_items())
    if request.method == "POST" and form.is_valid():
        with form_errors(form):
            created = services.course_create(**form.cleaned_data, now=timezone.now())
            messages.success(request, "과정을 만들었습니다. 자료와 평가 문항을 더해 주세요.")
            return redirect("training:course_manage", code=created.code)
    return render(request, "training/course_new.html", {"form": form})


def _manage_page(request, course, material_form=None, question_form=None, status=200):
    return render(
        request,
        "training/course_manage.html",
        {
            "course": course,
            "materials": list(course.materials.all()),
            "questions": list(course.questions.all()),
            "material_form": material_form or MaterialForm(),
            "question_form": question_form or QuestionForm(),
            "video_limit": size_label(int(getattr(settings, VIDEO_LIMIT_SETTING))),
            "file_limit": size_label(upload_limit()),
        },
        status=status,
    )


@role_required(*OFFICER)
def course_manage(request, code: str):
    _area(request)
    return _manage_page(request, queries.get_course(code))


@require_POST
@larger_uploads(VIDEO_LIMIT_SETTING)
@role_required(*OFFICER)
def material_add(request, code: str):
    _area(request)
    course = queries.get_course(code)
    form = MaterialForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        with form_errors(form):
            services.material_add(
                course=course, kind=data["kind"], title=data["title"], body=data["body"], upload=data["file"],
                by=request.user, now=timezone.now(),
            )  # fmt: skip
            messages.success(request, "학습 자료를 더했습니다.")
            return redirect("training:course_manage", code=code)
    return _manage_page(request, course, material_form=form, status=400)


@require_POST
@role_required(*OFFICER)
def question_add(request, code: str):
    _area(request)
    course = queries.get_course(code)
    form = QuestionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        with form_errors(form):
            services.question_add(
                course=course, text=data["text"], choices=data["choices"].splitlines(), answer=data["answer"] - 1,
                explanation=data["explanation"],
            )  # fmt: skip
            messages.success(request, "평가 문항을 더했습니다.")
            return redirect("training:course_manage", code=code)
    return _manage_page(request, course, question_form=form, status=400)


# ── Assignments ─────────────────────────────────────────────────────────────────────────────────────


def _target(data: dict) -> rules.Target:
    kind = rules.TargetKind(data["target"])
    if kind == rules.TargetKind.DEPARTMENT:
        from chinjeol.core import rules as core_rules
        from chinjeol.core.access import department_parent_map

        ids = core_rules.subtree_ids([int(data["department"])], department_parent_map())
        return rules.Target(kind, department_ids=frozenset(ids))
    if kind == rules.TargetKind.PERSON:
        return rules.Target(kind, staff_ids=frozenset({int(data["staff"])}))
    return rules.Target(kind, role=data.get("role") or "", item_code=data.get("item") or "")


@role_required(*MANAGERS)
def assign(request):
    _area(request)
    scope = queries.scope_for(request.user)
    form = AssignForm(
        request.POST or None,
        courses=list(queries.active_courses()),
        roles=[(r.value, r.label) for r in (Role.STAFF, Role.CS_LEADER, Role.DEPT_HEAD)],
        departments=queries.departments_in(scope),
        items=_items(),
        staff=queries.staff_in(scope),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with form_errors(form):
            created = services.assign(
                course=queries.get_course(data["course"]), target=_target(data), due_on=data["due_on"],
                by=request.user, now=timezone.now(), scope=scope, note=data["note"],
            )  # fmt: skip
            if created:
                messages.success(request, f"{len(created)}명에게 배정했습니다.")
            else:
                messages.info(request, "새로 배정할 사람이 없습니다 (대상이 없거나 올해 이미 배정됨).")
            return redirect("training:progress")
    return render(request, "training/assign.html", {"form": form})


# ── Completion rates and gaps ───────────────────────────────────────────────────────────────────────


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@role_required(*OVERSEERS)
def progress(request):
    _area(request)
    today = timezone.localdate()
    scope = queries.scope_for(request.user)
    year = _int(request.GET.get("year")) or today.year
    department_id = _int(request.GET.get("department"))
    if department_id is not None and scope is not None and department_id not in scope:
        department_id = None
    departments = queries.department_rates(scope, year, today)
    people = queries.person_rates(scope, year, today, department_id)
    fmt = request.GET.get("format")
    if fmt in ("xlsx", "csv"):
        rows = people if request.GET.get("by") == "person" else departments
        return export_response(
            fmt,
            name=f"training-{year}",
            title="교육 이수 현황",
            headers=["이름", "배정", "이수", "기한 경과", "이수율(%)"],
            rows=[
                [r.name, r.assigned, r.done, r.overdue, float(r.rate) if r.rate is not None else ""]
                for r in rows
            ],
        )
    return render(
        request,
        "training/progress.html",
        {
            "year": year,
            "years": [today.year - 1, today.year],
            "departments": departments,
            "total": queries.total_rate(departments),
            "people": people,
            "department_id": department_id,
            "department_choices": queries.departments_in(scope),
        },
    )


@role_required(*OVERSEERS)
def gaps(request):
    _area(request)
    today = timezone.localdate()
    scope = queries.scope_for(request.user)
    rows = queries.gaps(scope, today, only_overdue=request.GET.get("all") != "1")
    return render(
        request,
        "training/gaps.html",
        {
            "rows": rows,
            "show_all": request.GET.get("all") == "1",
            "may_chase": has_role(request.user, *MANAGERS),
        },
    )


@require_POST
@role_required(*MANAGERS)
def chase(request):
    sent = services.gaps_chase(scope=queries.scope_for(request.user), now=timezone.now())
    if sent:
        messages.success(request, f"미이수자 {sent}명에게 독촉 알림을 보냈습니다.")
    else:
        messages.info(request, "보낼 독촉 알림이 없습니다 (이번 주에 이미 보냈거나 연락처가 없습니다).")
    return redirect("training:gaps")


# ── Sessions ────────────────────────────────────────────────────────────────────────────────────────


@role_required(*READERS)
def sessions(request):
    _area(request)
    scope = queries.scope_for(request.user)
    may_create = has_role(request.user, *MANAGERS)
    form = None
    if may_create:
        form = SessionForm(
            request.POST or None,
            departments=queries.departments_in(scope),
            courses=list(queries.active_courses()),
        )
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            department_id = _int(data["department"])
            if department_id is None and scope is not None:
                form.add_error("department", "담당 부서를 골라 주세요.")
            else:
                created = services.session_create(
                    kind=data["kind"], title=data["title"], starts_at=data["starts_at"], place=data["place"],
                    by=request.user,
                    course=queries.get_course(data["course"]) if data["course"] else None,
                    department=next((d for d in queries.departments_in(scope) if d.pk == department_id), None),
                )  # fmt: skip
                messages.success(request, "교육 일정을 등록했습니다. 교육이 끝나면 출석을 기록하세요.")
                return redirect("training:session", pk=created.pk)
    elif request.method == "POST":
        return render(
            request, "core/forbidden.html", {"message": "교육 일정을 등록할 권한이 없습니다."}, status=403
        )
    context = {"sessions": queries.sessions(queries.reading_scope(request.user)), "form": form}
    return render(request, "training/sessions.html", context)


@role_required(*READERS)
@domain_errors(back="training:session")
def session_detail(request, pk: int):
    _area(request)
    scope = queries.scope_for(request.user)
    session = queries.get_session(pk, queries.reading_scope(request.user))
    may_record = has_role(request.user, *MANAGERS) and (
        scope is None or (session.department_id is not None and session.department_id in scope)
    )
    candidates = queries.session_candidates(session, scope) if may_record else []
    if request.method == "POST":
        if not may_record:
            return render(
                request, "core/forbidden.html", {"message": "출석을 기록할 권한이 없습니다."}, status=403
            )
        present = {int(v) for v in request.POST.getlist("present") if v.isdigit()}
        n = services.attendance_record(
            session=session,
            present_ids=present,
            candidates=candidates,
            by=request.user,
            now=timezone.now(),
        )
        messages.success(request, f"출석을 기록했습니다 (참석 {n}명).")
        return redirect("training:session", pk=pk)
    return render(
        request,
        "training/session.html",
        {
            "session": session,
            "candidates": candidates,
            "attendance": queries.attendance_of(session),
            "may_record": may_record,
            "is_past": session.starts_at <= timezone.now(),
        },  # fmt: skip
    )


# ── xAPI ────────────────────────────────────────────────────────────────────────────────────────────


@role_required(Role.CS_OFFICER, Role.AUDITOR)
def statements(request):
    rows = [services.as_xapi(s) for s in queries.statements(queries.scope_for(request.user))]
    response = HttpResponse(
        json.dumps(rows, ensure_ascii=False, indent=1), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="training-statements.json"'
    response["X-Experience-API-Version"] = "1.0.3"
    return response
