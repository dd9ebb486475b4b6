# The happy-call answer moves to the surveys app (chinjeol.surveys.HappyCall), which takes over its table and
# rows (surveys 0001): here it only leaves the cases app's state; the table is not touched.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0006_answer_template"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="HappyCallAnswer")],
            database_operations=[],
        ),
    ]
