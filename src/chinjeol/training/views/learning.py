"""Learning pages: my training, the curricula, a course with its materials, the quiz, and the material files
(served with byte ranges, so a video seeks)."""

from __future__ import annotations

from urllib.parse import quote

from django.contrib import messages
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from chinjeol.core.access import has_role, may_write, role_required
from chinjeol.core.pages import domain_errors
from chinjeol.core.roles import Role

from .. import queries, rules, services
from ..models import Material
from ..queries import READERS


def _area(request) -> None:
    request.area = "training"


def _staff(request):
    return request.user.staff if request.user.staff_id else None


@role_required(*READERS)
def home(request):
    _area(request)
    today = timezone.localdate()
    staff = _staff(request)
    rows = queries.my_assignments(staff, today) if staff else []
    return render(
        request,
        "training/home.html",
        {
            "staff": staff,
            "open_rows": [r for r in rows if r.assignment.completed_at is None],
            "done_rows": [r for r in rows if r.assignment.completed_at is not None],
            "completions": queries.my_completions(staff) if staff else [],
            "curricula": queries.curricula(),
            "may_manage": queries.may_manage(request.user),
        },
    )


@role_required(*READERS)
def courses(request):
    _area(request)
    return render(request, "training/courses.html", {"curricula": queries.curricula()})


@role_required(*READERS)
def course(request, code: str):
    _area(request)
    found = queries.get_course(code)
    today = timezone.localdate()
    materials = list(found.materials.all())
    return render(
        request,
        "training/course.html",
        {
            "course": found,
            "materials": materials,
            "n_questions": found.questions.count(),
            "status": queries.course_status(_staff(request), found, today),
            "may_take": _staff(request) is not None and may_write(request.user),
            "may_edit": has_role(request.user, Role.CS_OFFICER),
        },
    )


@role_required(*READERS)
@domain_errors(back="training:course")
def quiz(request, code: str):
    _area(request)
    found = queries.get_course(code)
    questions = list(found.questions.all())
    staff = _staff(request)
    attempt = None
    answers: dict[int, int | None] = {}
    if request.method == "POST":
        if staff is None:
            messages.error(request, "직원으로 등록된 계정만 평가를 볼 수 있습니다.")
            return redirect("training:course", code=code)
        for q in questions:
            raw = request.POST.get(f"q{q.pk}")
            answers[q.pk] = int(raw) if raw and raw.isdigit() else None
        attempt = services.quiz_submit(staff=staff, course=found, answers=answers, now=timezone.now())
    return render(
        request,
        "training/quiz.html",
        {
            "course": found,
            "questions": questions,
            "attempt": attempt,
            "answers": answers,
            "may_take": staff is not None and may_write(request.user),
        },
    )


@require_safe
@role_required(*READERS)
def material_file(request, pk: int):
    material = queries.get_material(pk)
    size = material.file.size
    try:
        wanted = rules.byte_range(request.headers.get("Range"), size)
    except rules.RangeNotSatisfiable:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return response
    staff = _staff(request)
    if staff is not None and (wanted is None or wanted[0] == 0):
        services.material_viewed(staff=staff, material=material, now=timezone.now())
    content_type = material.content_type or "application/octet-stream"
    handle = material.file.open("rb")
    if wanted is None:
        response = FileResponse(handle, content_type=content_type)
        response["Content-Length"] = str(size)
    else:
        first, last = wanted
        handle.seek(first)
        data = handle.read(last - first + 1)
        handle.close()
        response = HttpResponse(data, status=206, content_type=content_type)
        response["Content-Range"] = f"bytes {first}-{last}/{size}"
        response["Content-Length"] = str(len(data))
    response["Accept-Ranges"] = "bytes"
    response["Cache-Control"] = "private, max-age=3600"
    disposition = "inline" if material.kind == Material.Kind.VIDEO else "attachment"
    response["Content-Disposition"] = f"{disposition}; filename*=UTF-8''{quote(material.file_name or 'file')}"
    return response
