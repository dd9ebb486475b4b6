"""Every address of the project, enumerated from the URL resolver, with its path parameters filled from a world.

Shared by the crawl (tests/test_crawl.py) and the permission matrix (tests/test_permissions.py). A new view
appears here by itself; a path parameter nobody taught `FILLERS` to fill makes `Route.url` raise, and both
tests fail on it. API operations (method + path) come from the OpenAPI document of the same API.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.apps import apps
from django.db import models
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern

MISSING_ID = "987654321"  # a well-formed id of nothing: the object is absent (empty data) → expect 404
MISSING_TEXT = "없는값"


class UnfilledParameter(LookupError):
    pass


@dataclass(frozen=True)
class Route:
    key: str  # "cases:detail", "admin:cases_case_change", "charter:reports/<str:period>/", "api GET /cases"
    parts: tuple  # (pattern object, …) from the root to the view
    params: tuple[str, ...]
    kind: str  # "page", "admin" or "api"
    method: str = "GET"
    model_admin: object = field(default=None, compare=False, repr=False)

    @property
    def text(self) -> str:
        return "".join(str(p) for p in self.parts)

    def url(self, world, scope: str = "home") -> str:
        """The address with every parameter filled from `world` (objects of the `scope` department: "home"
        or "other"). Raises UnfilledParameter for a parameter nobody knows how to fill."""
        values = {name: str(fill(self, name, world, scope)) for name in self.params}
        out = []
        for part in self.parts:
            if isinstance(part, RoutePattern):
                out.append(re.sub(r"<(?:\w+:)?(\w+)>", lambda m: values[m.group(1)], str(part)))
            else:
                text = str(part).lstrip("^").rstrip("$").replace("\\Z", "")
                out.append(re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: values[m.group(1)], text))
        return "/" + "".join(out)

    @property
    def scoped(self) -> bool:
        """Whether a parameter names an object that belongs to a department (so "other" differs)."""
        return any((self.key, p) in SCOPED for p in self.params)


def _params(part) -> list[str]:
    if isinstance(part, RoutePattern):
        return list(part.converters)
    if isinstance(part, RegexPattern):
        return list(part.regex.groupindex)
    return []


def _walk(patterns, parts=(), namespace=None):
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from _walk(p.url_patterns, (*parts, p.pattern), p.namespace or namespace)
        elif isinstance(p, URLPattern):
            yield (*parts, p.pattern), p, namespace


def all_routes() -> list[Route]:
    """Pages, back office and API operations; each API path once per method it answers."""
    from chinjeol.api.api import api

    schema = api.get_openapi_schema()
    prefix = "/api/v1"
    seen_api: set[str] = set()
    routes: list[Route] = []
    for parts, pattern, namespace in _walk(get_resolver().url_patterns):
        text = "".join(str(p) for p in parts)
        params = tuple(name for part in parts for name in _params(part))
        if text.startswith("api/"):
            path = "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", text)
            api_path = path.removeprefix(prefix) or "/"
            if f"{prefix}{api_path}" not in schema["paths"] and api_path in seen_api:
                continue
            if f"{prefix}{api_path}" not in schema["paths"]:
                # the API's own pages: the OpenAPI document, its docs, the root
                routes.append(Route(f"api:{pattern.name}", parts, params, "api"))
                seen_api.add(api_path)
                continue
            if api_path in seen_api:
                continue
            seen_api.add(api_path)
            for method in schema["paths"][f"{prefix}{api_path}"]:
                routes.append(Route(f"api {method.upper()} {api_path}", parts, params, "api", method.upper()))
            continue
        name = pattern.name or text.removeprefix(str(parts[0]))
        key = f"{namespace}:{name}" if namespace else name
        kind = "admin" if namespace == "admin" else "page"
        routes.append(
            Route(key, parts, params, kind, model_admin=getattr(pattern.callback, "model_admin", None))
        )
    return routes


# --- filling parameters -------------------------------------------------------------------------------------
class World:
    """The objects of one database: `home` is the department the dept head and CS leader act on; `other` is a
    department outside it (the outsider head's)."""

    def __init__(self, *, home, other, users: dict):
        self.home = home
        self.other = other
        self.users = users
        self._subtree: dict[int, set[int]] = {}

    def departments(self, scope: str) -> set[int]:
        from chinjeol.core import rules
        from chinjeol.organization.models import Department

        root = self.home if scope == "home" else self.other
        if root.pk not in self._subtree:
            parents = dict(Department.objects.values_list("id", "parent_id"))
            self._subtree[root.pk] = rules.subtree_ids([root.pk], parents)
        return self._subtree[root.pk]

    @staticmethod
    def first(model, **filters):
        value = model._default_manager.filter(**filters).order_by("pk").values_list("pk", flat=True).first()
        return MISSING_ID if value is None else value

    @staticmethod
    def first_value(model, column, **filters):
        value = model._default_manager.filter(**filters).order_by("pk").values_list(column, flat=True).first()
        return MISSING_TEXT if value in (None, "") else value


def _m(label: str):
    return apps.get_model(label)


def _in(w: World, scope: str, path: str) -> dict:
    return {f"{path}__in": w.departments(scope)}


CASE_STEPS = ("assign", "start", "interim", "extend", "transfer", "withdraw", "answer")
REPORT_STEPS = ("investigate", "officials", "substantiate", "unsubstantiate")
QUALITY_EVALUATION_ROUTES = ("evaluation", "dispute", "review", "action_new")

# (route key, parameter) → fill(world, scope). Entries in SCOPED name department-bound objects.
FILLERS = {
    ("area", "slug"): lambda w, s: "cases",
    ("organization:department", "pk"): lambda w, s: w.home.pk if s == "home" else w.other.pk,
    ("organization:staff", "pk"): lambda w, s: w.first(_m("organization.Staff"), **_in(w, s, "department")),
    ("charter:standard", "code"): lambda w, s: w.first_value(_m("charter.ServiceStandard"), "code"),
    ("charter:calendar_remove", "pk"): lambda w, s: w.first(_m("charter.CalendarDay")),
    ("charter:statutory_change", "pk"): lambda w, s: w.first(_m("charter.StatutoryService")),
    ("charter:reports/<str:period>/", "period"): lambda w, s: _period(w),
    ("charter:reports/<str:period>/pdf/", "period"): lambda w, s: _period(w),
    ("reports:charter_report", "period"): lambda w, s: _period(w),
    ("reports:charter_report_pdf", "period"): lambda w, s: _period(w),
    ("cases:detail", "pk"): lambda w, s: _case(w, s),
    ("cases:act", "pk"): lambda w, s: _case(w, s),
    ("cases:act", "action"): lambda w, s: "start",
    ("compensation:approve", "pk"): lambda w, s: _compensation(w, s),
    ("compensation:hand_over", "pk"): lambda w, s: _compensation(w, s),
    ("kindness:staff", "pk"): lambda w, s: w.first(_m("organization.Staff"), **_in(w, s, "department")),
    ("kindness:department", "pk"): lambda w, s: w.home.pk if s == "home" else w.other.pk,
    ("kindness:reverse", "pk"): lambda w, s: w.first(
        _m("kindness.MileageEntry"), **_in(w, s, "staff__department")
    ),
    ("kindness:item_edit", "code"): lambda w, s: w.first_value(_m("kindness.EvaluationItem"), "code"),
    ("kindness:snapshot", "pk"): lambda w, s: w.first(_m("kindness.PeriodSnapshot")),
    ("community:report_from_case", "case_id"): lambda w, s: _case(w, s),
    ("community:report_detail", "pk"): lambda w, s: w.first(_m("community.Report")),
    ("community:evidence_file", "pk"): lambda w, s: _evidence(w)[0],
    ("community:evidence_file", "evidence_id"): lambda w, s: _evidence(w)[1],
    ("community:report_act", "pk"): lambda w, s: w.first(_m("community.Report")),
    ("community:report_act", "action"): lambda w, s: "investigate",
    ("community:task_detail", "pk"): lambda w, s: _task(w, s),
    ("community:task_complete", "pk"): lambda w, s: _task(w, s),
    ("community:best_detail", "pk"): lambda w, s: w.first(_m("community.BestCase")),
    ("community:best_moderate", "pk"): lambda w, s: w.first(_m("community.BestCase")),
    ("community:praise_moderate", "pk"): lambda w, s: w.first(_m("community.PraisePost")),
    ("community:praise_moderate", "action"): lambda w, s: "approve",
    ("community:broadcast_decide", "pk"): lambda w, s: w.first(_m("community.BroadcastRequest")),
    ("community:initiative_detail", "pk"): lambda w, s: _initiative(w, s),
    ("community:initiative_evidence", "pk"): lambda w, s: _initiative(w, s),
    ("community:initiative_act", "pk"): lambda w, s: _initiative(w, s),
    ("community:initiative_act", "action"): lambda w, s: "progress",
    ("api GET /cases/{case_id}", "case_id"): lambda w, s: _case(w, s),
    ("api GET /kindness/staff/{staff_id}", "staff_id"): lambda w, s: w.first(
        _m("organization.Staff"), **_in(w, s, "department")
    ),
    ("api GET /community/reports/{report_id}", "report_id"): lambda w, s: w.first(_m("community.Report")),
    **{(f"api POST /cases/{{case_id}}/{step}", "case_id"): lambda w, s: _case(w, s) for step in CASE_STEPS},
    ("api POST /kindness/entries/{entry_id}/reverse", "entry_id"): lambda w, s: w.first(
        _m("kindness.MileageEntry"), **_in(w, s, "staff__department")
    ),
    **{
        (f"api POST /community/reports/{{report_id}}/{step}", "report_id"): lambda w, s: _report(w)
        for step in REPORT_STEPS
    },  # fmt: skip
    ("api DELETE /community/reports/{report_id}/officials/{staff_id}", "report_id"): lambda w, s: _official(
        w
    )[0],
    ("api DELETE /community/reports/{report_id}/officials/{staff_id}", "staff_id"): lambda w, s: _official(w)[
        1
    ],
    ("api POST /compensation/{entry_id}/approve", "entry_id"): lambda w, s: _compensation(w, s),
    ("api POST /compensation/{entry_id}/hand-over", "entry_id"): lambda w, s: _compensation(w, s),
    ("api POST /callbacks/{callback_id}/done", "callback_id"): lambda w, s: _callback(w, s),
    ("api POST /knowledge/articles/{article_id}/uses", "article_id"): lambda w, s: w.first(
        _m("knowledge.Article"), is_active=True
    ),
    **{
        (f"knowledge:{name}", "code"): lambda w, s: _article(w, s)
        for name in ("read", "edit", "use", "attach")
    },
    ("knowledge:file", "pk"): lambda w, s: w.first(_m("knowledge.Attachment")),
    ("knowledge:synonym_delete", "pk"): lambda w, s: w.first(_m("knowledge.Synonym")),
    # --- worklists ---
    ("cases:answer_template_edit", "pk"): lambda w, s: w.first(_m("cases.AnswerTemplate")),
    # --- surveys ---
    ("surveys:phone_entry", "pk"): lambda w, s: w.first(_m("surveys.HappyCall"), status="waiting"),
    ("surveys:happy_answer", "token"): lambda w, s: w.first_value(
        _m("surveys.HappyCall"), "token", status="waiting", token__isnull=False
    ),
    **{
        (f"surveys:{name}", "pk"): lambda w, s: w.first(_m("surveys.Survey"))
        for name in ("detail", "qr", "print", "results", "publish")
    },
    ("surveys:answer", "token"): lambda w, s: w.first_value(_m("surveys.Survey"), "token"),
    ("surveys:public_detail", "pk"): lambda w, s: w.first(_m("surveys.Survey"), published_at__isnull=False),
    ("api GET /surveys/{survey_id}/results", "survey_id"): lambda w, s: w.first(_m("surveys.Survey")),
    # --- protection ---
    **{
        (f"contact:{name}", "pk"): lambda w, s: _conversation(w, s)
        for name in ("conversation", "conversation_live")
    },
    **{(f"protection:{name}", "pk"): lambda w, s: _incident(w, s) for name in ("incident", "evidence")},
    # --- visits ---
    ("visits:guide", "pk"): lambda w, s: _waiting_visit(w),
    ("visits:cancel", "pk"): lambda w, s: _waiting_visit(w),
    ("visits:field_detail", "pk"): lambda w, s: _field_visit(w, s),
    ("visits:field_act", "pk"): lambda w, s: _field_visit(w, s),
    ("visits:field_act", "action"): lambda w, s: "called",
    ("visits:slot_allocate", "pk"): lambda w, s: w.first(_m("visits.ExpertSlot"), allocated_at__isnull=True),
    ("visits:booking_detail", "pk"): lambda w, s: w.first(_m("visits.Booking")),
    ("visits:booking_act", "pk"): lambda w, s: w.first(_m("visits.Booking"), status="requested"),
    ("visits:booking_act", "action"): lambda w, s: "cancel",
    # --- quality ---
    **{(f"quality:{name}", "pk"): lambda w, s: _evaluation(w, s) for name in QUALITY_EVALUATION_ROUTES},
    ("quality:action_status", "pk"): lambda w, s: w.first(_m("quality.ImprovementAction")),
    ("quality:calibration", "pk"): lambda w, s: w.first(_m("quality.CalibrationSession")),
    # --- training ---
    **{
        (f"training:{name}", "code"): lambda w, s: w.first_value(
            _m("training.Course"), "code", is_active=True
        )
        for name in ("course", "quiz", "course_manage", "material_add", "question_add")
    },
    ("training:material_file", "pk"): lambda w, s: w.first(_m("training.Material"), kind="video"),
    ("training:session", "pk"): lambda w, s: w.first(_m("training.Session"), **_in(w, s, "department")),
}
SCOPED = {
    ("organization:department", "pk"),
    ("organization:staff", "pk"),
    ("cases:detail", "pk"),
    ("cases:act", "pk"),
    ("compensation:approve", "pk"),
    ("compensation:hand_over", "pk"),
    ("kindness:staff", "pk"),
    ("kindness:department", "pk"),
    ("kindness:reverse", "pk"),
    ("community:report_from_case", "case_id"),
    ("community:task_detail", "pk"),
    ("community:task_complete", "pk"),
    ("community:initiative_detail", "pk"),
    ("community:initiative_evidence", "pk"),
    ("community:initiative_act", "pk"),
    ("api GET /cases/{case_id}", "case_id"),
    ("api GET /kindness/staff/{staff_id}", "staff_id"),
    *((f"api POST /cases/{{case_id}}/{step}", "case_id") for step in CASE_STEPS),
    ("api POST /kindness/entries/{entry_id}/reverse", "entry_id"),
    ("api POST /compensation/{entry_id}/approve", "entry_id"),
    ("api POST /compensation/{entry_id}/hand-over", "entry_id"),
    ("api POST /callbacks/{callback_id}/done", "callback_id"),
    ("knowledge:edit", "code"),
    # --- protection ---
    ("contact:conversation", "pk"),
    ("contact:conversation_live", "pk"),
    ("protection:incident", "pk"),
    ("protection:evidence", "pk"),
    # --- visits ---
    ("visits:field_detail", "pk"),
    ("visits:field_act", "pk"),
    # --- quality ---
    *((f"quality:{name}", "pk") for name in QUALITY_EVALUATION_ROUTES),
    # --- training ---
    ("training:session", "pk"),
}


def _period(w: World):
    return w.first_value(_m("reports.ComplianceReport"), "period", published_at__isnull=False)


def _case(w: World, scope: str):
    return w.first(_m("cases.Case"), **_in(w, scope, "department"))


def _compensation(w: World, scope: str):
    return w.first(_m("compensation.CompensationEntry"), **_in(w, scope, "department"))


def _task(w: World, scope: str):
    return w.first(_m("community.Task"), **_in(w, scope, "assignee_department"))


def _initiative(w: World, scope: str):
    return w.first(_m("community.Initiative"), **_in(w, scope, "department"))


def _report(w: World):
    """A report still open to investigation (received), else any."""
    report = _m("community.Report")
    value = w.first(report, status=report.Status.RECEIVED)
    return value if value != MISSING_ID else w.first(report)


def _official(w: World):
    row = _m("community.ReportOfficial").objects.order_by("pk").values_list("report_id", "staff_id").first()
    return row or (_report(w), w.first(_m("organization.Staff")))


def _callback(w: World, scope: str):
    """An open call-back of the department (one that can still be marked done), else any of its own."""
    callback = _m("contact.CallbackObligation")
    value = w.first(callback, status=callback.Status.OPEN, **_in(w, scope, "department"))
    return value if value != MISSING_ID else w.first(callback, **_in(w, scope, "department"))


def _article(w: World, scope: str):
    """An article the department owns (its CS leader and head edit it)."""
    return w.first_value(_m("knowledge.Article"), "code", is_active=True, **_in(w, scope, "owner_department"))


def _evidence(w: World):
    row = _m("community.Evidence").objects.order_by("pk").values_list("report_id", "pk").first()
    return row or (MISSING_ID, MISSING_ID)


def _conversation(w: World, scope: str):
    """Home: a conversation of the demo counsellor; other: one of the other department's people."""
    if scope == "home":
        return w.first(_m("contact.Conversation"), staff=w.users["staff"].staff)
    return w.first(_m("contact.Conversation"), **_in(w, scope, "staff__department"))


def _incident(w: World, scope: str):
    if scope == "home":
        return w.first(_m("protection.Incident"), staff=w.users["staff"].staff)
    return w.first(_m("protection.Incident"), **_in(w, scope, "department"))


def _waiting_visit(w: World):
    visit = _m("visits.Visit")
    return w.first(visit, status=visit.Status.WAITING)


def _field_visit(w: World, scope: str):
    """A scheduled field visit of the department (one that can still be acted on), else any of its own."""
    field_visit = _m("visits.FieldVisit")
    value = w.first(field_visit, status=field_visit.Status.SCHEDULED, **_in(w, scope, "department"))
    return value if value != MISSING_ID else w.first(field_visit, **_in(w, scope, "department"))


def _evaluation(w: World, scope: str):
    """An evaluation of someone in the department (not a calibration sheet)."""
    return w.first(_m("quality.Evaluation"), calibration__isnull=True, **_in(w, scope, "department"))


def _admin_fill(route: Route, name: str, w: World):
    """The back office's parameters follow from the model of the page."""
    model_admin = route.model_admin
    if name in ("object_id", "id") and model_admin is not None:
        return w.first(model_admin.model)
    if name == "id":  # a user's password page
        return w.first(_m("core.User"))
    if name == "app_label":
        return "cases"
    if name == "url":  # the back office's catch-all for unknown addresses
        return "no-such-page/"
    if name == "content_type_id":
        from django.contrib.contenttypes.models import ContentType

        return ContentType.objects.get_for_model(_m("cases.Case")).pk
    if name == "object_id":  # view_on_site shortcut: r/<content_type_id>/<object_id>/
        return w.first(_m("cases.Case"))
    raise UnfilledParameter(f"{route.key}: {name}")


def fill(route: Route, name: str, world: World, scope: str = "home"):
    if route.kind == "admin":
        return _admin_fill(route, name, world)
    filler = FILLERS.get((route.key, name))
    if filler is None:
        raise UnfilledParameter(
            f"{route.key} ({route.text}): no way to fill <{name}>; add it to tests/routes.py FILLERS"
        )
    return filler(world, scope)


def model_of(route: Route) -> type[models.Model] | None:
    return getattr(route.model_admin, "model", None)


# --- the worlds ---------------------------------------------------------------------------------------------
# One signed-in account per role; "outsider" heads a department outside `home`, "anon" is a citizen.
ROLES = ("officer", "auditor", "head", "leader", "staff", "evaluator", "outsider", "anon")
DEMO_USERNAMES = {
    "officer": "csadmin",
    "auditor": "auditor",
    "head": "head",
    "leader": "cslead",
    "staff": "counsellor",
    "evaluator": "evaluator",
}
DEMO_SCALE = 0.02  # a fiftieth of the demo's year of history: every kind of object, in a couple of seconds


def build_world(full: bool) -> World:
    """Full: the demo agency (every kind of object). Empty: the same roles over an organisation with
    nothing in it yet."""
    from chinjeol.core.models import RoleAssignment, User
    from chinjeol.core.roles import Role
    from chinjeol.organization.models import Department
    from tests.factories import make_department, make_member, make_user

    if full:
        from chinjeol.demo import demo_load

        demo_load(scale=DEMO_SCALE)
        users = {role: User.objects.get(username=name) for role, name in DEMO_USERNAMES.items()}
        home = users["head"].role_assignments.get(role=Role.DEPT_HEAD).department
        other = Department.objects.get(name="세무과")
        outsider = make_member("outsider_head", department=other, roles=(Role.DEPT_HEAD,), name="나외부")
        _complete_demo(home, other, users["officer"])
    else:
        home = make_department("민원여권과")
        team = make_department("민원콜센터", parent=home, kind="team")
        other = make_department("세무과")
        users = {
            "officer": make_member("csadmin", department=home, roles=(Role.CS_OFFICER,), name="고담당"),
            "auditor": make_member("auditor", department=other, roles=(Role.AUDITOR,), name="감사원"),
            "head": make_member("head", department=home, roles=(Role.DEPT_HEAD,), name="부서장"),
            "leader": make_member("cslead", department=home, roles=(Role.CS_LEADER,), name="리더임"),
            "staff": make_member("counsellor", department=team, name="김상담"),
            "evaluator": make_user("evaluator", roles=(Role.EVALUATOR,)),
        }
        outsider = make_member("outsider_head", department=other, roles=(Role.DEPT_HEAD,), name="나외부")
    assert RoleAssignment.objects.filter(user=outsider, role=Role.DEPT_HEAD, department=other).exists()
    users["outsider"] = outsider
    users["anon"] = None
    world = World(home=home, other=other, users=users)
    world.full = full
    return world


def _complete_demo(home, other, officer) -> None:
    """Kinds of object the small demo lacks: an article's attachment, an article owned by the other
    department, an open call-back of the other department."""
    from django.utils import timezone

    from chinjeol.contact.services import callback_create
    from chinjeol.knowledge.models import Article
    from chinjeol.knowledge.services import attachment_add
    from chinjeol.organization.models import Staff

    now = timezone.now()
    article = Article.objects.filter(is_active=True, owner_department=home).order_by("pk").first()
    attachment_add(article=article, name="안내문.txt", content_type="text/plain", data="안내".encode(),
                   by=officer, now=now)  # fmt: skip
    Article.objects.filter(
        pk=Article.objects.filter(is_active=True, owner_department__isnull=True)
        .order_by("pk")
        .values("pk")[:1]
    ).update(owner_department=other)
    staff = Staff.objects.filter(department=other, is_active=True).order_by("pk").first()
    callback_create(call=None, staff=staff, now=now, number="01055556666", outcome="세무 상담 회신")
    # --- protection: a conversation and an incident of the other department ---
    from chinjeol.contact.services.conversations import conversation_take, message_receive

    got = message_receive(channel="sms", sender="01066667777", to="120", text="야 이 씨발놈아 빨리 처리해",
                          provider="matrix", provider_message_id="other-1", now=now)  # fmt: skip
    conversation_take(conversation_id=got.conversation.pk, staff=staff)
    _m("protection.Incident").objects.filter(conversation=got.conversation).update(
        staff=staff, department_id=staff.department_id
    )


def clients_for(world: World) -> dict:
    """One test client per role, signed in once."""
    from django.test import Client

    clients = {}
    for role in ROLES:
        client = Client(raise_request_exception=False)
        if world.users[role] is not None:
            client.force_login(world.users[role])
        clients[role] = client
    return clients


def world_fixture(request, django_db_setup, django_db_blocker):
    """Body of a module-scoped fixture: the world lives in one transaction rolled back at the end."""
    from django.db import transaction

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            world = build_world(request.param == "full")
            world.clients = clients_for(world)
            yield world
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
