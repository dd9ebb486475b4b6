"""A message concerns any object, not only a case: the case foreign key becomes (about_type, about_id,
about_text), filled from the case for every existing message; notice kinds become registered choices."""

from django.db import migrations, models
from django.db.models import F, OuterRef, Subquery, Value
from django.db.models.functions import Concat

import chinjeol.notify.kinds


def case_to_about(apps, schema_editor):
    Message = apps.get_model("notify", "Message")
    Case = apps.get_model("cases", "Case")
    receipt = Subquery(Case.objects.filter(pk=OuterRef("case_id")).values("receipt_no")[:1])
    Message.objects.filter(case__isnull=False).update(
        about_type="cases.case", about_id=F("case_id"), about_text=Concat(Value("민원 "), receipt)
    )


def about_to_case(apps, schema_editor):
    Message = apps.get_model("notify", "Message")
    Message.objects.filter(about_type="cases.case").update(case_id=F("about_id"))


class Migration(migrations.Migration):
    dependencies = [
        ("notify", "0004_message_delivery_keys"),
        ("cases", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="message",
            name="about_id",
            field=models.PositiveBigIntegerField(blank=True, null=True, verbose_name="대상 번호"),
        ),
        migrations.AddField(
            model_name="message",
            name="about_text",
            field=models.CharField(blank=True, max_length=100, verbose_name="대상"),
        ),
        migrations.AddField(
            model_name="message",
            name="about_type",
            field=models.CharField(blank=True, max_length=60, verbose_name="대상 종류"),
        ),
        migrations.RunPython(case_to_about, about_to_case),
        migrations.RemoveField(model_name="message", name="case"),
        migrations.AlterField(
            model_name="message",
            name="kind",
            field=models.CharField(
                choices=chinjeol.notify.kinds.kind_choices, max_length=30, verbose_name="통지 종류"
            ),
        ),
        migrations.AddIndex(
            model_name="message",
            index=models.Index(fields=["about_type", "about_id"], name="message_about"),
        ),
    ]
