import pytest

from chinjeol.community import queries
from chinjeol.community.models import Report, Task
from chinjeol.compensation.models import CompensationEntry
from chinjeol.core.models import User
from chinjeol.demo import demo_load
from chinjeol.kindness.models import DepartmentDeduction, MileageEntry


@pytest.mark.django_db
def test_demo_community_is_consistent_and_has_work_waiting():
    demo_load(scale=0.05)
    head = User.objects.get(username="head")
    open_calls = queries.my_tasks(head).open().filter(kind=Task.Kind.APOLOGY_CALL)
    assert open_calls.exists()
    assert Report.objects.filter(status=Report.Status.INVESTIGATING).exists()  # csadmin's open investigation
    assert queries.open_baton(User.objects.get(username="counsellor").staff_id) is not None

    unkind = Report.objects.unkind().substantiated()
    assert unkind.exists()
    for report in unkind:
        officials = report.reportofficial_set.count()
        source = {"source_type": "kindness_report", "source_id": str(report.pk)}
        assert MileageEntry.objects.filter(item__code="unkind", **source).count() == officials
        assert CompensationEntry.objects.filter(amount=10_000, **source).count() == officials
        assert DepartmentDeduction.objects.filter(**source).exists()
        assert report.tasks.filter(kind=Task.Kind.APOLOGY_CALL).exists()
    praised = Report.objects.praise().substantiated().count()
    assert MileageEntry.objects.filter(source_type="kindness_report", item__code="praise").count() == praised
    assert MileageEntry.objects.filter(source_type="smile_selection").count() >= 20
