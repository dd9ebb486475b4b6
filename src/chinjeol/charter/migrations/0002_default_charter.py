from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db import migrations

# The service charter of seed 002 (고객서비스헌장 · 서비스 이행표준).
DEFAULTS = [
    ("PHONE_RINGS", "전화는 벨이 3번 울리기 전에 받겠습니다", "", "3", "rings"),
    ("CALLBACK_ABSENT", "담당자가 자리에 없으면 대신 받고 1시간 안에 다시 연락드리겠습니다", "", "60", "minutes"),
    ("VISIT_GUIDE", "방문하신 고객을 5분 안에 담당자에게 안내하겠습니다", "", "5", "minutes"),
    ("FIELD_VISIT_NOTICE", "현장 방문은 하루 전에 소속·성명·목적을 알리고 약속한 시간에 찾아뵙겠습니다", "", "1", "days"),
    ("WEB_REPLY", "홈페이지 질의·건의는 7일 안에 답변드리겠습니다", "web", "7", "days"),
    ("EPEOPLE_REPLY", "국민신문고로 이송된 민원은 7일 안에 처리하겠습니다", "epeople", "7", "days"),
    ("DISCLOSURE_DECISION", "정보공개 청구는 10일 안에 공개 여부를 결정하겠습니다", "disclosure", "10", "days"),
    ("COMPENSATION", "약속을 지키지 못하면 1만 원 상당의 보상을 드리겠습니다", "", "10000", "won"),
]
START = datetime(2020, 1, 1, tzinfo=ZoneInfo("Asia/Seoul"))


def create(apps, schema_editor):
    Standard = apps.get_model("charter", "ServiceStandard")
    Version = apps.get_model("charter", "ServiceStandardVersion")
    for order, (code, name, channel, target, unit) in enumerate(DEFAULTS, start=1):
        standard = Standard.objects.create(code=code, name=name, channel=channel, sort_order=order)
        Version.objects.create(
            standard=standard, version=1, target=Decimal(target), unit=unit, valid_from=START, note="서비스헌장 최초 제정"
        )


def remove(apps, schema_editor):
    Standard = apps.get_model("charter", "ServiceStandard")
    Version = apps.get_model("charter", "ServiceStandardVersion")
    codes = [d[0] for d in DEFAULTS]
    Version.objects.filter(standard__code__in=codes, version=1).delete()
    Standard.objects.filter(code__in=codes, versions__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("charter", "0001_initial")]
    operations = [migrations.RunPython(create, remove)]
