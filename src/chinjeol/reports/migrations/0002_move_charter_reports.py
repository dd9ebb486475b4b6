"""Published half-year reports move from the charter app to this one, in the report format of this app."""

from django.db import migrations


def _line(key, label, judged, met, rate, previous_rate=None):
    return {
        "key": key,
        "label": label,
        "judged": judged,
        "met": met,
        "missed": judged - met,
        "rate": None if rate is None else str(rate),
        "previous_rate": None if previous_rate is None else str(previous_rate),
        "previous_judged": 0,
        "change": None,
        "rank": None,
    }


def _convert(old: dict) -> dict:
    if "total" in old:
        return old
    standards = []
    for s in old.get("standards", []):
        line = _line(
            s.get("code"),
            s.get("name", ""),
            s.get("judged", 0),
            s.get("met", 0),
            s.get("rate"),
            s.get("previous_rate"),
        )
        line["versions"] = []
        line["legal"] = False
        standards.append(line)
    departments = [
        _line(None, d.get("name", ""), d.get("judged", 0), d.get("met", 0), d.get("rate"))
        for d in old.get("departments", [])
    ]
    compensation = old.get("compensation", {})
    return {
        "version": 1,
        "period": old.get("period", ""),
        "label": old.get("label", ""),
        "previous_label": "",
        "agency": "",
        "computed_at": "",
        "basis": "",
        "legal_label": "",
        "total": _line(None, "전체", old.get("judged", 0), old.get("met", 0), old.get("rate")),
        "standards": standards,
        "departments": departments,
        "compensation": {
            "count": compensation.get("count", 0),
            "amount": compensation.get("amount", 0),
            "handed_over": 0,
            "reasons": [],
            "previous_count": 0,
            "previous_amount": 0,
        },
    }


def forwards(apps, schema_editor):
    Old = apps.get_model("charter", "ComplianceReport")
    New = apps.get_model("reports", "ComplianceReport")
    for report in Old.objects.all():
        New.objects.update_or_create(
            period=report.period,
            defaults={
                "published_at": report.published_at,
                "published_by_id": report.published_by_id,
                "improvements": report.improvements,
                "snapshot": _convert(report.snapshot),
            },
        )


def backwards(apps, schema_editor):
    Old = apps.get_model("charter", "ComplianceReport")
    New = apps.get_model("reports", "ComplianceReport")
    for report in New.objects.all():
        Old.objects.update_or_create(
            period=report.period,
            defaults={
                "published_at": report.published_at,
                "published_by_id": report.published_by_id,
                "improvements": report.improvements,
                "snapshot": report.snapshot,
            },
        )


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("charter", "0003_compliance_report"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
