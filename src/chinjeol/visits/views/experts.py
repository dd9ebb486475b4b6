"""The expert consultation room [C15]: the public booking page, staff bookings on the phone, the slots and
their allocation, the consultation record and satisfaction."""

from __future__ import annotations

from datetime import datetime

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from chinjeol.core.access import forbidden, has_role, role_required
from chinjeol.core.errors import NotFound
from chinjeol.core.pages import domain_errors, form_errors
from chinjeol.core.roles import Role
from chinjeol.korean.pii import mask_name, mask_phone

from .. import queries, services
from ..forms import BookingForm, RecordForm, SlotForm, StaffBookingForm
from ..models import Booking
from ..services.experts import BookingIntake
from .http import area

SESSION_RECEIPT = "visits_booking_receipt"


def _intake(data, channel: str) -> BookingIntake:
    return BookingIntake(
        slot_id=data["slot"],
        citizen_name=data["citizen_name"],
        citizen_phone=data["citizen_phone"],
        topic=data["topic"],
        group_id=data["group"],
        channel=channel,
    )


@require_http_methods(["GET", "POST"])
def consult(request):
    """The public page: a citizen asks for an expert's time slot (no account)."""
    now = timezone.now()
    slots = list(queries.open_slots(now))
    form = BookingForm(request.POST or None, slots=slots, groups=queries.priority_groups())
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["website"]:  # a robot filled the hidden field: look accepted, store nothing
            request.session[SESSION_RECEIPT] = {"receipt_no": "", "status": ""}
            return redirect("visits:consult_done")
        if _throttled(request):
            form.add_error(None, "짧은 시간에 너무 많이 신청하셨습니다. 10분 뒤에 다시 시도해 주세요.")
        else:
            with form_errors(form):
                booking = services.booking_request(
                    intake=_intake(form.cleaned_data, Booking.Channel.WEB), by=None, now=now
                )
                request.session[SESSION_RECEIPT] = {
                    "receipt_no": booking.receipt_no,
                    "status": booking.get_status_display(),
                }
                return redirect("visits:consult_done")
    return render(
        request,
        "visits/consult.html",
        {"form": form, "slots": slots, "groups": queries.priority_groups()},
        status=400 if form.errors else 200,
    )


def _throttled(request) -> bool:
    from datetime import timedelta

    from chinjeol.cases import throttle
    from chinjeol.core.privacy import request_ip

    key = f"expert-booking:{request_ip(request) or 'unknown'}"
    return not throttle.hit(key, limit=5, window=timedelta(minutes=10), now=timezone.now())


def consult_done(request):
    receipt = request.session.get(SESSION_RECEIPT)
    if not receipt:
        return redirect("visits:consult")
    return render(request, "visits/consult_done.html", {"receipt": receipt})


@role_required(*queries.READERS)
def experts(request):
    area(request)
    now = timezone.now()
    slots = list(queries.slots_with_bookings(now))
    rows = [
        {
            "slot": s,
            "bookings": [
                {"b": b, "name": mask_name(b.citizen_name), "phone": mask_phone(b.citizen_phone)}
                for b in sorted(
                    s.bookings.all(), key=lambda b: (b.status != Booking.Status.CONFIRMED, b.requested_at)
                )
            ],
        }
        for s in slots
    ]
    officer = has_role(request.user, Role.CS_OFFICER) and queries.writes(request.user)
    return render(
        request,
        "visits/experts.html",
        {
            "rows": rows,
            "writes": queries.writes(request.user),
            "officer": officer,
            "slot_form": SlotForm(experts=queries.experts()) if officer else None,
            "satisfaction": queries.satisfaction_figures(),
            "groups": queries.priority_groups(),
            "now": now,
        },
    )


@role_required(*queries.PEOPLE)
@require_http_methods(["GET", "POST"])
def booking_new(request):
    """Staff book for a citizen on the phone or at the counter."""
    area(request)
    if not queries.writes(request.user):
        return forbidden(request, "조회만 할 수 있습니다.")
    now = timezone.now()
    form = StaffBookingForm(
        request.POST or None, slots=list(queries.open_slots(now)), groups=queries.priority_groups()
    )
    if request.method == "POST" and form.is_valid():
        with form_errors(form):
            booking = services.booking_request(
                intake=_intake(form.cleaned_data, form.cleaned_data["channel"]), by=request.user, now=now
            )
            messages.success(
                request, f"{booking.receipt_no} 신청을 받았습니다 ({booking.get_status_display()})."
            )
            return redirect("visits:booking_detail", pk=booking.pk)
    return render(request, "visits/booking_new.html", {"form": form}, status=400 if form.errors else 200)


@role_required(*queries.READERS)
def booking_detail(request, pk: int):
    area(request)
    booking = queries.get_booking(pk)
    return render(
        request,
        "visits/booking_detail.html",
        {
            "booking": booking,
            "name": mask_name(booking.citizen_name),
            "phone": mask_phone(booking.citizen_phone),
            "writes": queries.writes(request.user),
            "record_form": RecordForm(),
            "now": timezone.now(),
        },
    )


@require_POST
@role_required(*queries.PEOPLE)
@domain_errors(back="visits:booking_detail")
def booking_act(request, pk: int, action: str):
    booking = queries.get_booking(pk)
    if not queries.writes(request.user):
        return forbidden(request, "조회만 할 수 있습니다.")
    now = timezone.now()
    if action == "cancel":
        services.booking_cancel(booking=booking, now=now)
        messages.success(request, "예약을 취소했습니다.")
    elif action == "record":
        form = RecordForm(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            services.booking_record(
                booking=booking,
                attended=d["attended"],
                record=d["record"],
                satisfaction=d["satisfaction"],
                now=now,
            )
            messages.success(request, "상담 결과를 기록했습니다.")
        else:
            messages.error(request, "입력한 내용을 확인해 주세요.")
    else:
        raise NotFound("없는 처리입니다.")
    return redirect("visits:booking_detail", pk=booking.pk)


@require_POST
@role_required(Role.CS_OFFICER)
@domain_errors(back="visits:experts")
def slot_new(request):
    form = SlotForm(request.POST, experts=queries.experts())
    if form.is_valid():
        d = form.cleaned_data
        starts_at = timezone.make_aware(datetime.combine(d["day"], d["clock"]))
        services.slot_open(
            expert=d["expert"],
            starts_at=starts_at,
            minutes=d["minutes"],
            seats=d["seats"],
            now=timezone.now(),
        )
        messages.success(request, "상담 시간을 열었습니다.")
    else:
        messages.error(
            request,
            "상담 시간을 확인해 주세요: " + "; ".join(e for errs in form.errors.values() for e in errs),
        )
    return redirect("visits:experts")


@require_POST
@role_required(Role.CS_OFFICER)
@domain_errors(back="visits:experts")
def slot_allocate(request, pk: int):
    slot = queries.get_slot(pk)
    services.slot_allocate(slot=slot, now=timezone.now())
    messages.success(request, "우선 배정 대상부터 자리를 배정했습니다.")
    return redirect("visits:experts")
