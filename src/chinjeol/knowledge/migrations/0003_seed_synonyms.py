"""The everyday-words table starts with the packaged list (the CS officer edits it afterwards)."""

from django.db import migrations
from django.utils import timezone


def seed(apps, schema_editor):
    from chinjeol.knowledge.seed import synonym_rows

    Synonym = apps.get_model("knowledge", "Synonym")
    now = timezone.now()
    for phrase, terms in synonym_rows():
        Synonym.objects.get_or_create(phrase=phrase, defaults={"terms": terms, "updated_at": now})


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0002_fulltext")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
