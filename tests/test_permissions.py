"""Permission matrix: every page, back-office page and API operation × every role × read/write, with the
expected answer written down in one table (`EXPECTED`), on objects of the home department and of another.

Roles, in the order of each row's letters: CS officer, auditor, dept head (home), CS leader (home),
counsellor (staff in home), external evaluator, head of another department (outsider), anonymous citizen.

Letters:  y allowed (the page, a redirect after the action, or a form/validation error: the role got through)
          f refused (403)     l sent to log in (401 for the API)     n not found (404: not theirs or absent)
          m method not allowed (405)     - not asked (an API operation answers its own method only)

Another department's case answers 404 like an absent one (its number is not revealed); another department's
people, scores and plans, which the directory shows anyway, answer 403 with the reason. The auditor's every
write is 403, wherever it is sent. An id of nothing (no such object in the demo data) answers 404.

A row is `key: (read, write)`; read is GET, write is POST with an empty form (pages) or, for an API operation,
its own method with the valid JSON body of `API_BODIES` (an empty object where it has none). `key@other` rows
are the same address with an object of another department. A route or API operation without a row fails
`test_every_route_has_a_row`; a changed answer fails the matrix.
"""

from __future__ import annotations

import json
import os
import re
from http.cookies import SimpleCookie

import pytest
from django.db import transaction

from tests import routes

pytestmark = pytest.mark.django_db

ROLES = routes.ROLES
ROUTES = routes.all_routes()
PAGES = [r for r in ROUTES if r.kind != "admin"]
ADMIN = [r for r in ROUTES if r.kind == "admin"]
# The admin site turns away every role but the CS officer and the auditor before any page code runs; the
# auditor is checked on every back-office address, the other roles on one model's addresses of each kind.
ADMIN_SAMPLE_MODEL = "cases.Case"

# fmt: off
EXPECTED: dict[str, tuple[str, str]] = {
    #                                            read        write      (O A H L S E X -)
    "home":                                     ("yyyyyyyl", "yfyyyyyl"),
    "login":                                    ("yyyyyyyy", "yyyyyyyy"),
    "logout":                                   ("mmmmmmmm", "llllllll"),
    "area":                                     ("yyyyyyyl", "yfyyyyyl"),
    "access_log":                               ("yyfffffl", "yffffffl"),
    "organization:directory":                   ("yyyyyyyl", "yfyyyyyl"),
    "organization:department":                  ("yyyyyyyl", "yfyyyyyl"),
    "organization:department@other":            ("yyyyyyyl", "yfyyyyyl"),
    "organization:staff":                       ("yyyyyyyl", "yfyyyyyl"),
    "organization:staff@other":                 ("yyyyyyyl", "yfyyyyyl"),
    "organization:import":                      ("yffffffl", "yffffffl"),
    "organization:import_template":             ("yffffffl", "yffffffl"),
    "charter:charter":                          ("yyyyyyyl", "yfyyyyyl"),
    "charter:standard":                         ("yyyyyyyl", "yffffffl"),
    "charter:calendar":                         ("yyyyyyyl", "yffffffl"),
    "charter:calendar_remove":                  ("mmmmmmmm", "yffffffl"),
    "charter:statutory":                        ("yyyyyyyl", "yffffffl"),
    "charter:statutory_change":                 ("mmmmmmmm", "yffffffl"),
    "charter:reports/":                         ("yyyyyyyy", "yfyyyyyy"),
    "charter:reports/<str:period>/":            ("yyyyyyyy", "yfyyyyyy"),
    "charter:reports/<str:period>/pdf/":        ("yyyyyyyy", "yfyyyyyy"),
    "cases:queue":                              ("yyyyyfyl", "yfyyyfyl"),
    "cases:citizen_new":                        ("yyyyyyyy", "yfyyyyyy"),
    "cases:citizen_status":                     ("yyyyyyyy", "yfyyyyyy"),
    "cases:staff_new":                          ("yfyyyfyl", "yfyyyfyl"),
    "cases:messages":                           ("yyfffffl", "yffffffl"),
    "cases:detail":                             ("yyyynfnl", "yfyynfnl"),
    "cases:detail@other":                       ("yynnnfyl", "yfnnnfyl"),
    "cases:act":                                ("mmmmmmmm", "yfyynfnl"),
    "cases:act@other":                          ("mmmmmmmm", "yfnnnfyl"),
    "compensation:ledger":                      ("yyyfffyl", "yfyfffyl"),
    "compensation:report":                      ("yyyfffyl", "yfyfffyl"),
    "compensation:approve":                     ("mmmmmmmm", "yffffffl"),
    "compensation:approve@other":               ("mmmmmmmm", "yffffffl"),
    "compensation:hand_over":                   ("mmmmmmmm", "yffffffl"),
    "compensation:hand_over@other":             ("mmmmmmmm", "yffffffl"),
    "kindness:organisation":                    ("yyyyyfyl", "yfyyyfyl"),
    "kindness:me":                              ("yfyyyfyl", "yfyyyfyl"),
    "kindness:staff":                           ("yyyyfffl", "yfyyfffl"),
    "kindness:staff@other":                     ("yyffffyl", "yfffffyl"),
    "kindness:department":                      ("yyyyfffl", "yfyyfffl"),
    "kindness:department@other":                ("yyffffyl", "yfffffyl"),
    "kindness:register":                        ("yffyfyfl", "yffyfyfl"),
    "kindness:upload":                          ("yffyfyfl", "yffyfyfl"),
    "kindness:upload_template":                 ("yffyfyfl", "yffyfyfl"),
    "kindness:reverse":                         ("mmmmmmmm", "yffffffl"),
    "kindness:reverse@other":                   ("mmmmmmmm", "yffffffl"),
    "kindness:settings":                        ("yyfffffl", "yffffffl"),
    "kindness:item_new":                        ("yffffffl", "yffffffl"),
    "kindness:item_edit":                       ("yyfffffl", "yffffffl"),
    "kindness:score_settings":                  ("yffffffl", "yffffffl"),
    "kindness:snapshots":                       ("yyfffffl", "yffffffl"),
    "kindness:snapshot":                        ("yyfffffl", "yffffffl"),
    "kindness:publish":                         ("mmmmmmmm", "yffffffl"),
    "community:hub":                            ("yyyyyyyy", "yfyyyyyy"),
    "community:report_new":                     ("yyyyyyyy", "yfyyyyyy"),
    "community:report_done":                    ("yyyyyyyy", "yfyyyyyy"),
    "community:report_list":                    ("yyfffffl", "yffffffl"),
    "community:report_from_case":               ("yffffffl", "yffffffl"),
    "community:report_from_case@other":         ("yffffffl", "yffffffl"),
    "community:report_detail":                  ("yyfffffl", "yffffffl"),
    "community:evidence_file":                  ("nnfffffl", "nffffffl"),
    "community:report_act":                     ("mmmmmmmm", "yffffffl"),
    "community:tasks":                          ("yyyyyfyl", "yfyyyfyl"),
    "community:tasks_all":                      ("yyfffffl", "yffffffl"),
    "community:task_detail":                    ("yyyffffl", "yfyffffl"),
    "community:task_detail@other":              ("nnnnnfnl", "nfnnnfnl"),
    "community:task_complete":                  ("mmmmmmmm", "ffyffffl"),
    "community:task_complete@other":            ("mmmmmmmm", "nfnnnfnl"),
    "community:relay":                          ("yyyyyfyl", "yfyyyfyl"),
    "community:smile":                          ("yyyyyfyl", "yfyyyfyl"),
    "community:smile_select":                   ("mmmmmmmm", "yffffffl"),
    "community:best_list":                      ("yyyyyfyl", "yfyyyfyl"),
    "community:best_new":                       ("yfyyyfyl", "yfyyyfyl"),
    "community:best_detail":                    ("yyyyyfyl", "yfyyyfyl"),
    "community:best_moderate":                  ("mmmmmmmm", "yffffffl"),
    "community:praise_list":                    ("yyyyyyyy", "yfyyyyyy"),
    "community:praise_new":                     ("yyyyyyyy", "yfyyyyyy"),
    "community:praise_done":                    ("yyyyyyyy", "yfyyyyyy"),
    "community:praise_manage":                  ("yyfffffl", "yffffffl"),
    "community:praise_moderate":                ("mmmmmmmm", "yffffffl"),
    "community:broadcast":                      ("yyyyyfyl", "yfyyyfyl"),
    "community:broadcast_decide":               ("mmmmmmmm", "yffffffl"),
    "community:initiatives":                    ("yyyyffyl", "yfyyffyl"),
    "community:initiative_new":                 ("ffyyffyl", "ffyyffyl"),
    "community:initiative_detail":              ("yyyyfffl", "yfyyfffl"),
    "community:initiative_detail@other":        ("yyffffyl", "yfffffyl"),
    "community:initiative_evidence":            ("nnnnfffl", "nfnnfffl"),
    "community:initiative_evidence@other":      ("nnffffnl", "nfffffnl"),
    "community:initiative_act":                 ("mmmmmmmm", "ffyyfffl"),
    "community:initiative_act@other":           ("mmmmmmmm", "ffffffyl"),
    "reports:charter_list":                     ("yyyyyyyy", "yfyyyyyy"),
    "reports:charter_publish":                  ("mmmmmmmm", "yffffffl"),
    "reports:charter_report":                   ("yyyyyyyy", "yfyyyyyy"),
    "reports:charter_report_pdf":               ("yyyyyyyy", "yfyyyyyy"),
    "api:openapi-json":                         ("yyyyyyyy", "yfyyyyyy"),
    "api:openapi-view":                         ("yyyyyyyy", "yfyyyyyy"),
    "api GET /departments":                     ("yyyyyyyl", "--------"),
    "api GET /staff":                           ("yyyyyyyl", "--------"),
    "api GET /charter/deadline":                ("yyyyyyyl", "--------"),
    "api GET /charter/compliance":              ("yyyyyyyl", "--------"),
    "api POST /cases":                          ("--------", "yfyyyfyl"),
    "api GET /cases":                           ("yyyyyfyl", "--------"),
    "api GET /cases/{case_id}":                 ("yyyynfnl", "--------"),
    "api GET /cases/{case_id}@other":           ("yynnnfyl", "--------"),
    "api GET /kindness/departments":            ("yyyyffyl", "--------"),
    "api GET /kindness/staff/{staff_id}":       ("yyyyfffl", "--------"),
    "api GET /kindness/staff/{staff_id}@other": ("yyffffyl", "--------"),
    "api POST /kindness/entries":               ("--------", "yffyfyfl"),
    "api POST /community/reports":              ("--------", "yfyyyfyl"),
    "api GET /community/reports/{report_id}":   ("yyfffffl", "--------"),
    "api:api-root":                             ("nnnnnnnn", "nfnnnnnn"),
    "contact:console":                          ("yyyyyfyl", "yfyyyfyl"),
    "contact:console_live":                     ("yyyyyfyl", "yfyyyfyl"),
    "contact:callbacks":                        ("yyyyyfyl", "yfyyyfyl"),
    "contact:wallboard":                        ("yyyyyfyl", "yfyyyfyl"),
    "contact:wallboard_live":                   ("yyyyyfyl", "yfyyyfyl"),
    "contact:dashboard_333":                    ("yyyyyfyl", "yfyyyfyl"),
    "contact:volumes":                          ("yyyyyfyl", "yfyyyfyl"),
    "contact:extensions":                       ("yyfffffl", "yffffffl"),
    "knowledge:browse":                         ("yyyyyfyl", "yfyyyfyl"),
    "knowledge:results":                        ("yyyyyfyl", "yfyyyfyl"),
    "knowledge:embed":                          ("yyyyyfyl", "yfyyyfyl"),
    "knowledge:create":                         ("yfyyffyl", "yfyyffyl"),
    "knowledge:read":                           ("yyyyyfyl", "yfyyyfyl"),
    "knowledge:edit":                           ("yfyyfffl", "yfyyfffl"),
    "knowledge:edit@other":                     ("yfffffyl", "yfffffyl"),
    "knowledge:use":                            ("mmmmmmmm", "yfyyyfyl"),
    "knowledge:attach":                         ("mmmmmmmm", "yfyyfffl"),
    "knowledge:file":                           ("yyyyyfyl", "yfyyyfyl"),
    "knowledge:synonyms":                       ("yffffffl", "yffffffl"),
    "knowledge:synonym_delete":                 ("mmmmmmmm", "yffffffl"),
    "knowledge:report_uses":                    ("yffffffl", "yffffffl"),
    "knowledge:report_misses":                  ("yffffffl", "yffffffl"),
    "knowledge:overdue":                        ("yfyyffyl", "yfyyffyl"),
    "api POST /cases/{case_id}/assign":         ("--------", "yfyynfnl"),
    "api POST /cases/{case_id}/assign@other":   ("--------", "yfnnnfyl"),
    "api POST /cases/{case_id}/start":          ("--------", "yfyynfnl"),
    "api POST /cases/{case_id}/start@other":    ("--------", "yfnnnfyl"),
    "api POST /cases/{case_id}/interim":        ("--------", "yfyynfnl"),
    "api POST /cases/{case_id}/interim@other":  ("--------", "yfnnnfyl"),
    "api POST /cases/{case_id}/extend":         ("--------", "yfyfnfnl"),
    "api POST /cases/{case_id}/extend@other":   ("--------", "yfnnnfyl"),
    "api POST /cases/{case_id}/transfer":       ("--------", "yfyynfnl"),
    "api POST /cases/{case_id}/transfer@other": ("--------", "yfnnnfyl"),
    "api POST /cases/{case_id}/withdraw":       ("--------", "yfyynfnl"),
    "api POST /cases/{case_id}/withdraw@other": ("--------", "yfnnnfyl"),
    "api POST /cases/{case_id}/answer":         ("--------", "yfyynfnl"),
    "api POST /cases/{case_id}/answer@other":   ("--------", "yfnnnfyl"),
    "api POST /kindness/entries/{entry_id}/reverse": ("--------", "yffffffl"),
    "api POST /kindness/entries/{entry_id}/reverse@other": ("--------", "yffffffl"),
    "api POST /community/reports/{report_id}/investigate": ("--------", "yffffffl"),
    "api POST /community/reports/{report_id}/officials": ("--------", "yffffffl"),
    "api DELETE /community/reports/{report_id}/officials/{staff_id}": ("--------", "yffffffl"),
    "api POST /community/reports/{report_id}/substantiate": ("--------", "yffffffl"),
    "api POST /community/reports/{report_id}/unsubstantiate": ("--------", "yffffffl"),
    "api GET /compensation":                    ("yyyfffyl", "--------"),
    "api POST /compensation/{entry_id}/approve": ("--------", "yffffffl"),
    "api POST /compensation/{entry_id}/approve@other": ("--------", "nffffffl"),
    "api POST /compensation/{entry_id}/hand-over": ("--------", "yffffffl"),
    "api POST /compensation/{entry_id}/hand-over@other": ("--------", "nffffffl"),
    # checks a text and stores nothing: a reading POST, open to the auditor (core.access.READING_POSTS)
    "api POST /text/check":                     ("--------", "yyyyyfyl"),
    "api GET /calls":                           ("yyyyyfyl", "--------"),
    "api GET /calls/metrics":                   ("yyyyyfyl", "--------"),
    "api GET /callbacks":                       ("yyyyyfyl", "--------"),
    "api POST /callbacks":                      ("--------", "yfyyyfyl"),
    "api POST /callbacks/{callback_id}/done":   ("--------", "yfyynfnl"),
    "api POST /callbacks/{callback_id}/done@other": ("--------", "yfnnnfyl"),
    "api POST /cti/events":                     ("--------", "yfyyyfyl"),
    "api GET /knowledge/search":                ("yyyyyfyl", "--------"),
    "api POST /knowledge/articles/{article_id}/uses": ("--------", "yfyyyfyl"),
    # --- quality ---
    # the staff picker of 평가 입력 and 점검 결과 등록 shows what the directory already shows
    "organization:staff_pick":                  ("yyyyyyyl", "yfyyyyyl"),
    "quality:evaluations":                      ("yyyyyyyl", "yfyyyyyl"),
    "quality:evaluate":                         ("yffyfyfl", "yffyfyfl"),
    # the official sees their own, the head and CS leader their departments', the evaluator what it entered
    "quality:evaluation":                       ("yyyyfyfl", "yfyyfyfl"),
    "quality:evaluation@other":                 ("yyfffyyl", "yffffyyl"),
    # the evaluated official and their head dispute; the CS officer reviews
    "quality:dispute":                          ("mmmmmmmm", "ffyffffl"),
    "quality:dispute@other":                    ("mmmmmmmm", "ffffffyl"),
    "quality:review":                           ("mmmmmmmm", "yffffffl"),
    "quality:review@other":                     ("mmmmmmmm", "yffffffl"),
    "quality:action_new":                       ("mmmmmmmm", "yffyfffl"),
    "quality:action_new@other":                 ("mmmmmmmm", "yffffffl"),
    "quality:scorecards":                       ("yyyyyyyl", "yfyyyyyl"),
    "quality:import":                           ("yffffyfl", "yffffyfl"),
    "quality:import_template":                  ("yffffyfl", "yffffyfl"),
    "quality:mystery":                          ("yyfffyfl", "yffffyfl"),
    "quality:plan_new":                         ("mmmmmmmm", "yffffffl"),
    "quality:action_status":                    ("mmmmmmmm", "yffffffl"),
    "quality:meeting_new":                      ("mmmmmmmm", "yffffffl"),
    "quality:calibrations":                     ("yyfffffl", "yffffffl"),
    "quality:calibration":                      ("yyfffffl", "yffffffl"),
    "quality:sqi":                              ("yyyyffyl", "yfyyffyl"),
    "api GET /scorecards":                      ("yyyyyyyl", "--------"),
    "api POST /evaluations":                    ("--------", "yffyfyfl"),
    "api GET /evaluations":                     ("yyyyyyyl", "--------"),
    # --- worklists ---
    "compensation:approve_many":                ("mmmmmmmm", "yffffffl"),
    "cases:answer_templates":                   ("yyfffffl", "yffffffl"),
    "cases:answer_template_edit":               ("yyfffffl", "yffffffl"),
    # --- navigation ---
    "citizen_home":                             ("yyyyyyyy", "mfmmmmmm"),
    "citizen_charter":                          ("yyyyyyyy", "mfmmmmmm"),
    # a lookup: the POST reads (receipt number and the phone's last 4 digits), like cases:citizen_status
    "community:report_status":                  ("yyyyyyyy", "yfyyyyyy"),
    # --- surveys ---
    # Happy-call results: the CS office, and heads and CS leaders for their departments; the phone list is the
    # happy-call team's (CS office); catch-calls are the department heads'; surveys are built by the CS officer.
    "surveys:happy_results":                    ("yyyyffyl", "yfyyffyl"),
    "surveys:phone_list":                       ("yyfffffl", "yffffffl"),
    "surveys:phone_entry":                      ("yyfffffl", "yffffffl"),
    "surveys:catch_calls":                      ("yyyfffyl", "yfyfffyl"),
    "surveys:happy_answer":                     ("yyyyyyyy", "yfyyyyyy"),
    "surveys:list":                             ("yyfffffl", "yffffffl"),
    "surveys:new":                              ("yffffffl", "yffffffl"),
    "surveys:detail":                           ("yyfffffl", "yffffffl"),
    "surveys:qr":                               ("yyfffffl", "yffffffl"),
    "surveys:print":                            ("yyfffffl", "yffffffl"),
    "surveys:results":                          ("yyfffffl", "yffffffl"),
    "surveys:publish":                          ("mmmmmmmm", "yffffffl"),
    "surveys:answer":                           ("yyyyyyyy", "yfyyyyyy"),
    "surveys:public_list":                      ("yyyyyyyy", "yfyyyyyy"),
    "surveys:public_detail":                    ("yyyyyyyy", "yfyyyyyy"),
    "api GET /happy-calls/results":             ("yyyyffyl", "--------"),
    "api GET /surveys":                         ("yyfffffl", "--------"),
    "api GET /surveys/{survey_id}/results":     ("yyfffffl", "--------"),
    # --- protection ---
    # Conversations: everyone of the call centre sees the unassigned ones and their own; heads and leaders
    # those of their departments' people. Incidents alike; only the supervisor (head) or the CS officer approves
    # support (the CS leader and the counsellor read but do not approve). Exposure: heads, CS officer, auditor.
    "contact:conversations":                    ("yyyyyfyl", "yfyyyfyl"),
    "contact:conversation":                     ("yyyyyfnl", "yfyyyfnl"),
    "contact:conversation@other":               ("yynnnfyl", "yfnnnfyl"),
    "contact:conversation_live":                ("yyyyyfnl", "yfyyyfnl"),
    "contact:conversation_live@other":          ("yynnnfyl", "yfnnnfyl"),
    "protection:incidents":                     ("yyyyyfyl", "yfyyyfyl"),
    "protection:incident":                      ("yyyyyfnl", "yfyfffnl"),
    "protection:incident@other":                ("yynnnfyl", "yfnnnfyl"),
    "protection:evidence":                      ("yyyyyfnl", "mfmmmfml"),
    "protection:evidence@other":                ("yynnnfyl", "mfmmmfml"),
    "protection:exposure":                      ("yyyfffyl", "mfmfffml"),
    "protection:report_call":                   ("mfmmmfml", "yfyyyfyl"),
    "api POST /messages/inbound":               ("--------", "yfyyyfyl"),
    # --- visits ---
    "visits:log":                               ("yyyyyfyl", "yfyyyfyl"),
    "visits:counter":                           ("yyyyyfyl", "yfyyyfyl"),
    "visits:counter_live":                      ("yyyyyfyl", "yfyyyfyl"),
    "visits:board":                             ("yyyyyfyl", "yfyyyfyl"),
    "visits:board_live":                        ("yyyyyfyl", "yfyyyfyl"),
    "visits:guide":                             ("mmmmmmmm", "yfyyyfyl"),
    "visits:cancel":                            ("mmmmmmmm", "yfyyyfyl"),
    "visits:field_list":                        ("yyyyyfyl", "yfyyyfyl"),
    "visits:field_new":                         ("yfyyyfyl", "yfyyyfyl"),
    "visits:field_detail":                      ("yyyynfnl", "yfyynfnl"),
    "visits:field_detail@other":                ("yynnnfyl", "yfnnnfyl"),
    "visits:field_act":                         ("mmmmmmmm", "yfyynfnl"),
    "visits:field_act@other":                   ("mmmmmmmm", "yfnnnfyl"),
    "visits:consult":                           ("yyyyyyyy", "yfyyyyyy"),
    "visits:consult_done":                      ("yyyyyyyy", "yfyyyyyy"),
    "visits:experts":                           ("yyyyyfyl", "yfyyyfyl"),
    "visits:slot_new":                          ("mmmmmmmm", "yffffffl"),
    "visits:slot_allocate":                     ("mmmmmmmm", "yffffffl"),
    "visits:booking_new":                       ("yfyyyfyl", "yfyyyfyl"),
    "visits:booking_detail":                    ("yyyyyfyl", "yfyyyfyl"),
    "visits:booking_act":                       ("mmmmmmmm", "yfyyyfyl"),
    "visits:meetings":                          ("yyyyyfyl", "yfyyffyl"),
    "api POST /visits":                         ("--------", "yfyyyfyl"),
    "api GET /visits":                          ("yyyyyfyl", "--------"),
    # --- training ---
    "training:mine":                            ("yyyyyfyl", "yfyyyfyl"),
    "training:courses":                         ("yyyyyfyl", "yfyyyfyl"),
    "training:course_new":                      ("yffffffl", "yffffffl"),
    "training:course":                          ("yyyyyfyl", "yfyyyfyl"),
    "training:quiz":                            ("yyyyyfyl", "yfyyyfyl"),
    "training:course_manage":                   ("yffffffl", "yffffffl"),
    "training:material_add":                    ("mmmmmmmm", "yffffffl"),
    "training:question_add":                    ("mmmmmmmm", "yffffffl"),
    "training:material_file":                   ("yyyyyfyl", "mfmmmmmm"),
    "training:assign":                          ("yfyyffyl", "yfyyffyl"),
    "training:progress":                        ("yyyyffyl", "yfyyffyl"),
    "training:gaps":                            ("yyyyffyl", "yfyyffyl"),
    "training:chase":                           ("mmmmmmmm", "yfyyffyl"),
    "training:sessions":                        ("yyyyyfyl", "yfyyffyl"),
    # a department's session: its people (and those of its teams) read it, its leader and head record attendance
    "training:session":                         ("yyyyyfnl", "yfyyffnl"),
    "training:session@other":                   ("yynnnfyl", "yfnnnfyl"),
    "training:statements":                      ("yyfffffl", "yffffffl"),
    "api GET /training/completion":             ("yyyyffyl", "--------"),
    "api GET /training/statements":             ("yyfffffl", "--------"),
    # --- reports ---
    "reports:compliance":                       ("yyyyffyl", "yfyyffyl"),
    "reports:compliance_cases":                 ("yyyyffyl", "yfyyffyl"),
    "reports:compliance_recount":               ("mmmmmmmm", "yffffffl"),
    # the compliance pages' old addresses redirect (with their query string) for everyone
    "charter:compliance/":                      ("yyyyyyyy", "yfyyyyyy"),
    "charter:compliance/cases/":                ("yyyyyyyy", "yfyyyyyy"),
}
# Back office: the site"s own pages by name, a model"s pages by kind (the same answers for every model).
ADMIN_EXPECTED: dict[str, tuple[str, str]] = {
    "admin:index":                     ("yyllllll", "yfllllll"),
    "admin:login":                     ("yyyyyyyy", "yyyyyyyy"),
    "admin:logout":                    ("mmyyyyyy", "llyyyyyy"),
    "admin:password_change":           ("yyllllll", "yyllllll"),
    "admin:password_change_done":      ("yyllllll", "mfllllll"),
    "admin:autocomplete":              ("ffllllll", "mfllllll"),
    "admin:jsi18n":                    ("yyllllll", "mfllllll"),
    "admin:view_on_site":              ("nnllllll", "nfllllll"),
    "admin:auth_user_password_change": ("yfllllll", "yfllllll"),
    "admin:app_list":                  ("yyllllll", "yfllllll"),
    "admin:(?P<url>.*)$":              ("nnllllll", "nfllllll"),
    "model:changelist":                ("yyllllll", "yfllllll"),
    "model:add":                       ("yfllllll", "yfllllll"),
    "model:history":                   ("yyllllll", "yfllllll"),
    "model:delete":                    ("yfllllll", "yfllllll"),
    "model:change":                    ("yyllllll", "yfllllll"),
    "model:redirect":                  ("yyllllll", "yfllllll"),
}
# fmt: on


@pytest.fixture(scope="module", params=["full"])
def world(request, django_db_setup, django_db_blocker):
    yield from routes.world_fixture(request, django_db_setup, django_db_blocker)


def outcome(response) -> str:
    code = response.status_code
    if code in (301, 302) and "/login/" in response.get("Location", ""):
        return "l"
    return {401: "l", 403: "f", 404: "n", 405: "m"}.get(code, "y" if code < 500 else f"!{code}")


# A valid body for each API operation that writes, so that the answer is the role's and not the schema's.
API_BODIES = {
    "api POST /cases": {
        "channel": "epeople",
        "kind": "grievance",
        "title": "소음 민원",
        "body": "공사 소음이 심합니다.",
        "customer": {"name": "최민원", "phone": "01099998888", "email": "choi@example.com"},
        "received_at": "2026-11-23T09:30:00+09:00",
    },
    "api POST /kindness/entries": {"entries": []},
    "api POST /community/reports": {
        "kind": "unkind",
        "official_name": "김민원",
        "department_name": "민원여권과",
        "body": "국민신문고로 접수된 불친절 신고입니다.",
        "reporter": {"name": "최시민", "phone": "01077778888"},
    },
    # A body may name objects of the world: a callable receives it.
    "api POST /cases/{case_id}/assign": lambda w: {"assignee": w.users["staff"].staff_id},
    "api POST /cases/{case_id}/interim": {
        "progress": "현장 확인을 마치고 서류를 검토하고 있습니다.",
        "expected_at": "2026-12-10T10:00:00+09:00",
    },
    "api POST /cases/{case_id}/extend": {
        "days": 7,
        "reason": "관계 기관 협의가 필요합니다.",
        "customer_consent": True,
    },
    "api POST /cases/{case_id}/transfer": lambda w: {
        "reason": "담당 부서가 다릅니다.",
        "department": w.other.pk,
    },
    "api POST /cases/{case_id}/withdraw": {"reason": "민원인이 취하했습니다."},
    "api POST /cases/{case_id}/answer": {"answer": "요청하신 보도 정비를 마쳤습니다."},
    "api POST /kindness/entries/{entry_id}/reverse": {"reason": "중복 입력을 정정합니다."},
    "api POST /community/reports/{report_id}/officials": lambda w: {"staff": w.users["staff"].staff_id},
    "api POST /community/reports/{report_id}/substantiate": lambda w: {
        "finding": "응대 과정에서 불친절한 언행이 확인되었습니다.",
        "prevention": {
            "measure": "응대 교육 이수",
            "responsible": w.users["staff"].staff_id,
            "due_on": "2026-12-31",
        },
    },
    "api POST /community/reports/{report_id}/unsubstantiate": {"finding": "사실이 확인되지 않았습니다."},
    "api POST /compensation/{entry_id}/approve": {"approve": True, "note": "승인합니다."},
    "api POST /compensation/{entry_id}/hand-over": {"on": "2026-12-01", "handed_by": "고담당"},
    "api POST /text/check": {"text": "연락처는 010-1234-5678입니다. 빨리 처리해 주세요."},
    "api POST /callbacks": {"number": "01012345678", "outcome": "서류 확인 후 회신"},
    "api POST /callbacks/{callback_id}/done": {"outcome": "안내를 마쳤습니다."},
    "api POST /cti/events": {
        "event": "newCall",
        "callId": "matrix-1",
        "from": "01012345678",
        "to": "120",
        "direction": "in",
        "extension": "2101",
    },  # fmt: skip
    "api POST /knowledge/articles/{article_id}/uses": {
        "subject_type": "call",
        "subject_id": "1",
        "resolved": True,
    },
    # --- protection ---
    "api POST /messages/inbound": {
        "from": "01012345678",
        "to": "120",
        "text": "여권 재발급은 어디서 하나요?",
        "channel": "sms",
        "provider": "matrix",
        "provider_message_id": "matrix-1",
    },
    # --- visits ---
    "api POST /visits": lambda w: _visit_body(w),
    # --- quality ---
    "api POST /evaluations": lambda w: {
        "scorecard": "seoul-phone",
        "employee_no": w.users["staff"].staff.employee_no,
        "evaluated_at": "2026-11-03T10:00:00+09:00",
        "kind": "phone",
        "scores": {
            "speed": 10,
            "greeting": 10,
            "transfer": None,
            "language": 10,
            "listening": 10,
            "guidance": 10,
            "attitude": 10,
            "closing": 15,
            "hangup": 5,
            "overall": 10,
        },
        "note": "소속과 이름을 밝힘",
    },  # fmt: skip
}


def _visit_body(w) -> dict:
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    return {
        "department": w.home.pk,
        "arrived_at": (now - timedelta(minutes=4)).isoformat(),
        "guided_at": (now - timedelta(minutes=1)).isoformat(),
        "purpose": "여권 재발급",
    }


# Required query parameters of API reads, so that a read's answer is the role's and not the schema's.
API_QUERIES = {
    "api GET /calls/metrics": "?date_from=2026-11-01&date_to=2026-11-30",
    "api GET /knowledge/search": "?q=여권 재발급",
    # --- visits ---
    "api GET /visits": "?date_from=2026-11-01&date_to=2026-11-30",
}


def request(world, route, role: str, write: bool, scope: str = "home") -> str:
    """One request; "-" when it does not apply (an API operation answers one method: its own)."""
    client = world.clients[role]
    url = route.url(world, scope)
    if route.key.startswith("api ") and write != (route.method != "GET"):
        return "-"
    if not write:
        return outcome(client.get(url + API_QUERIES.get(route.key, "")))
    cookies = SimpleCookie(client.cookies)
    with transaction.atomic():  # whatever a write does is undone
        if route.key.startswith("api "):
            body = API_BODIES.get(route.key, {})
            body = body(world) if callable(body) else body
            response = client.generic(route.method, url, json.dumps(body), "application/json")
        else:
            response = client.post(url, {})
        transaction.set_rollback(True)
    client.cookies = cookies  # a sign-out was rolled back with the rest: the session is still there
    return outcome(response)


def admin_kind(route) -> str:
    if route.model_admin is None:
        return route.key
    if route.key.endswith("/<path:object_id>/"):  # unnamed app/model/<id>/ → its change page
        return "model:redirect"
    name = route.key.split(":", 1)[1]
    prefix = f"{route.model_admin.model._meta.app_label}_{route.model_admin.model._meta.model_name}_"
    return "model:" + name.removeprefix(prefix)


def rows():
    """(row key, route, scope, roles) for every row the matrix runs."""
    for route in PAGES:
        yield route.key, route, "home", ROLES
        if route.scoped:
            yield f"{route.key}@other", route, "other", ROLES
    for route in ADMIN:
        sample = route.model_admin is None or route.model_admin.model._meta.label == ADMIN_SAMPLE_MODEL
        yield route.key, route, "home", ROLES if sample else ("auditor",)


def expected_for(key: str, route) -> tuple[str, str] | None:
    if route.kind == "admin":
        return ADMIN_EXPECTED.get(admin_kind(route))
    return EXPECTED.get(key)


ROWS = list(rows())


def test_every_route_has_a_row():
    missing = [key for key, route, _scope, _roles in ROWS if expected_for(key, route) is None]
    assert not missing, "no row in EXPECTED / ADMIN_EXPECTED for:\n" + "\n".join(missing)


@pytest.mark.parametrize(("key", "route", "scope", "roles"), ROWS, ids=[r[0] for r in ROWS])
def test_matrix(world, key, route, scope, roles):
    observed_read = "".join(
        request(world, route, role, False, scope) if role in roles else "." for role in ROLES
    )
    observed_write = "".join(
        request(world, route, role, True, scope) if role in roles else "." for role in ROLES
    )
    if os.environ.get("CHINJEOL_MATRIX_PRINT"):
        print(f"ROW {key!r}: ({observed_read!r}, {observed_write!r}),")
        return
    expected = expected_for(key, route)
    assert expected is not None, f"no row for {key}"
    want_read, want_write = (
        "".join(e if role in roles else "." for e, role in zip(want, ROLES, strict=True)) for want in expected
    )
    assert (observed_read, observed_write) == (want_read, want_write), (
        f"{key}: roles {' '.join(ROLES)}\n"
        f"read  expected {want_read} got {observed_read}\nwrite expected {want_write} got {observed_write}"
    )


POST_FORM = re.compile(r"<form\b[^>]*\bmethod=[\"']?post", re.IGNORECASE)
LOGOUT_FORM = re.compile(r"<form\b[^>]*action=[\"'][^\"']*/logout/", re.IGNORECASE)
# Pages for signed-in people (a citizen's public forms stay what they are for everybody).
AUDITOR_PAGES = [
    r for r in PAGES if r.method == "GET" and r.kind == "page" and EXPECTED.get(r.key, ("",))[0][-1:] != "y"
]


@pytest.mark.parametrize("route", AUDITOR_PAGES, ids=[r.key for r in AUDITOR_PAGES])
def test_the_auditor_is_shown_no_form_that_writes(world, route):
    """Every page the auditor can read offers no form that would change something (signing out aside)."""
    response = world.clients["auditor"].get(route.url(world))
    if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
        return
    html = response.content.decode()
    forms = len(POST_FORM.findall(html)) - len(LOGOUT_FORM.findall(html))
    assert forms == 0, f"{route.key}: {forms} form(s) that write shown to the auditor"
    refused = sorted({href for href in HREF.findall(html) if _auditor_refused(href)})
    assert not refused, f"{route.key}: links to pages the auditor may not use: {refused}"


HREF = re.compile(r"""href=["'](/[^"'#?]*)""")


def _auditor_refused(path: str) -> bool:
    from django.urls import Resolver404, resolve

    try:
        match = resolve(path)
    except Resolver404:
        return False
    key = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    expected = EXPECTED.get(key)
    return expected is not None and expected[0][1] == "f"
