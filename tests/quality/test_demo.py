"""The demo's quality programmes: monthly mystery shopping, two external evaluations, calibration."""

import time

import pytest

from chinjeol.kindness.models import MileageEntry
from chinjeol.quality.models import CalibrationSession, Dispute, Evaluation, MysteryPlan, ReviewMeeting

pytestmark = pytest.mark.django_db


def test_demo_quality_programmes(capsys):
    from chinjeol import demo

    timings = {}

    def progress(label):
        timings[label] = time.perf_counter()

    demo.demo_load(progress, scale=0.05)
    end = time.perf_counter()
    quality_label = next(s for s in timings if "암행" in s)
    with capsys.disabled():
        print(
            f"\nquality demo step: {end - timings[quality_label]:.1f}s of {end - min(timings.values()):.1f}s"
        )
    assert MysteryPlan.objects.count() == 12
    assert ReviewMeeting.objects.count() == 11
    imported = set(Evaluation.objects.filter(source="import").values_list("evaluator_name", flat=True))
    assert len(imported) == 2 and all("반기" in name for name in imported)
    assert CalibrationSession.objects.count() == 3
    assert Evaluation.objects.filter(calibration__isnull=False).count() == 12
    assert Evaluation.objects.filter(kind="recording", call__isnull=False, calibration__isnull=True).exists()
    assert Dispute.objects.exists()
    judged = Evaluation.objects.filter(calibration__isnull=True).count()
    assert MileageEntry.objects.filter(source_type="evaluation").count() == judged
