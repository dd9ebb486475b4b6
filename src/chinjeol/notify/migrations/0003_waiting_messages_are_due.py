"""Messages that were waiting before the sender existed are due at once."""

from django.db import migrations
from django.db.models import F


def waiting_are_due(apps, schema_editor):
    Message = apps.get_model("notify", "Message")
    Message.objects.filter(status="queued", next_attempt_at__isnull=True).update(next_attempt_at=F("created_at"))


class Migration(migrations.Migration):
    dependencies = [("notify", "0002_message_next_attempt")]

    operations = [migrations.RunPython(waiting_are_due, migrations.RunPython.noop)]
