from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("charter", "0003_compliance_report"),
        ("reports", "0002_move_charter_reports"),
    ]

    operations = [
        migrations.DeleteModel(name="ComplianceReport"),
    ]
