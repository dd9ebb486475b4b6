"""The learning record: every learning event appended as an xAPI-style statement, and the statements as xAPI
JSON (https://github.com/adlnet/xAPI-Spec) for an agency's learning record store."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings

from ..models import Statement

VERB_IRIS = {
    Statement.Verb.ASSIGNED: "http://activitystrea.ms/schema/1.0/assign",
    Statement.Verb.EXPERIENCED: "http://adlnet.gov/expapi/verbs/experienced",
    Statement.Verb.ATTEMPTED: "http://adlnet.gov/expapi/verbs/attempted",
    Statement.Verb.PASSED: "http://adlnet.gov/expapi/verbs/passed",
    Statement.Verb.FAILED: "http://adlnet.gov/expapi/verbs/failed",
    Statement.Verb.COMPLETED: "http://adlnet.gov/expapi/verbs/completed",
    Statement.Verb.ATTENDED: "http://adlnet.gov/expapi/verbs/attended",
}
ACTIVITY_TYPES = {
    Statement.ObjectType.COURSE: "http://adlnet.gov/expapi/activities/course",
    Statement.ObjectType.MATERIAL: "http://adlnet.gov/expapi/activities/media",
    Statement.ObjectType.SESSION: "http://adlnet.gov/expapi/activities/meeting",
}


def statement_record(
    *,
    actor,
    verb: str,
    object_type: str,
    object_id,
    object_name: str,
    at: datetime,
    result: dict | None = None,
) -> Statement:
    return Statement.objects.create(
        actor=actor,
        verb=verb,
        object_type=object_type,
        object_id=str(object_id),
        object_name=object_name[:120],
        result=result,
        timestamp=at,
    )


def _base_iri() -> str:
    return getattr(settings, "CHINJEOL_XAPI_BASE", "urn:chinjeol:training").rstrip("/")


def as_xapi(statement: Statement) -> dict:
    """One statement in xAPI 1.0.3 form. The actor is identified by an account (the employee number) on the
    agency's home page, never by e-mail or name beyond what the LRS needs."""
    base = _base_iri()
    out = {
        "id": str(statement.uuid),
        "actor": {
            "objectType": "Agent",
            "name": statement.actor.name,
            "account": {"homePage": base, "name": statement.actor.employee_no},
        },
        "verb": {
            "id": VERB_IRIS[Statement.Verb(statement.verb)],
            "display": {"ko-KR": statement.get_verb_display()},
        },
        "object": {
            "objectType": "Activity",
            "id": f"{base}/{statement.object_type}/{statement.object_id}",
            "definition": {
                "type": ACTIVITY_TYPES[Statement.ObjectType(statement.object_type)],
                "name": {"ko-KR": statement.object_name},
            },
        },
        "timestamp": statement.timestamp.isoformat(),
    }
    if statement.result:
        out["result"] = statement.result
    return out
