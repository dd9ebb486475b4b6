from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db import migrations, models

# Seed 002's yearly promises (고객의견 수렴, 고객만족도 조사): judged by counting logged events in the year.
DEFAULTS = [
    (
        "STAKEHOLDER_MEETINGS",
        "유관 단체·고객과의 간담회를 매년 3회 이상 열어 의견을 듣고 반영하겠습니다",
        "3",
        9,
    ),
    (
        "SATISFACTION_SURVEY",
        "매년 1회 이상 고객만족도 조사를 실시하여 결과를 발표하겠습니다",
        "1",
        10,
    ),
]
START = datetime(2020, 1, 1, tzinfo=ZoneInfo("Asia/Seoul"))


def create(apps, schema_editor):
    Standard = apps.get_model("charter", "ServiceStandard")
    Version = apps.get_model("charter", "ServiceStandardVersion")
    for code, name, target, order in DEFAULTS:
        if Standard.objects.filter(code=code).exists():
            continue
        standard = Standard.objects.create(code=code, name=name, channel="", sort_order=order)
        Version.objects.create(
            standard=standard,
            version=1,
            target=Decimal(target),
            unit="per_year",
            valid_from=START,
            note="서비스헌장 최초 제정",
        )


def remove(apps, schema_editor):
    Standard = apps.get_model("charter", "ServiceStandard")
    Version = apps.get_model("charter", "ServiceStandardVersion")
    codes = [d[0] for d in DEFAULTS]
    Version.objects.filter(standard__code__in=codes, version=1).delete()
    Standard.objects.filter(code__in=codes, versions__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("charter", "0006_statutory_period_unit")]
    operations = [
        migrations.AlterField(
            model_name="servicestandardversion",
            name="unit",
            field=models.CharField(
                choices=[
                    ("rings", "회(벨)"),
                    ("seconds", "초"),
                    ("minutes", "분"),
                    ("working_hours", "근무시간"),
                    ("days", "일"),
                    ("won", "원"),
                    ("percent", "%"),
                    ("per_year", "회(연간)"),
                ],
                max_length=20,
                verbose_name="단위",
            ),
        ),
        migrations.RunPython(create, remove),
    ]
