from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db import migrations

START = datetime(2020, 1, 1, tzinfo=ZoneInfo("Asia/Seoul"))
# code, name, sign, points per event, cap per period, advice
ITEMS = [
    ("phone", "전화응대 점검", 1, "2", "8", "전화응대 기본 과정(친절 교육 1단계)을 듣고 333 캠페인(3번 울리기 전, 3분 안, 3초 뒤)을 지켜 보세요."),
    ("survey", "고객만족도 조사", 1, "1", "6", "민원 처리 뒤 결과를 쉽게 설명하고, 해피콜 만족도를 높이는 응대 과정을 들어 보세요."),
    ("praise", "친절 사례", 1, "3", "6", "고객만족방의 칭찬 사례를 읽고 부서 친절 시책에 참여해 보세요."),
    ("unkind", "불친절 사례", -1, "10", "30", "고객 응대 매뉴얼과 감정노동 대응 교육을 듣고, 재발 방지 대책을 부서장과 점검하세요."),
    ("smile", "스마일 직원 선정", 1, "5", "5", "동료를 스마일 릴레이로 추천하고 추천받은 사례를 나누어 보세요."),
    ("training", "교육 이수·암행 평가", 1, "2", "5", "올해 친절 교육 과정을 모두 이수하세요. 미이수 과정은 교육 화면에서 볼 수 있습니다."),
]


def create(apps, schema_editor):
    Item = apps.get_model("kindness", "EvaluationItem")
    Version = apps.get_model("kindness", "EvaluationItemVersion")
    Settings = apps.get_model("kindness", "ScoreSettings")
    for order, (code, name, sign, points, cap, advice) in enumerate(ITEMS, start=1):
        item = Item.objects.create(code=code, name=name, sign=sign, advice=advice, sort_order=order)
        Version.objects.create(item=item, version=1, points_per_event=Decimal(points), cap=Decimal(cap), weight=1,
                               valid_from=START, note="최초 설정")
    Settings.objects.create(version=1, base=75, blue=90, green=80, yellow=70, orange=65, valid_from=START, note="최초 설정")


def remove(apps, schema_editor):
    apps.get_model("kindness", "EvaluationItemVersion").objects.filter(version=1).delete()
    apps.get_model("kindness", "ScoreSettings").objects.filter(version=1).delete()
    apps.get_model("kindness", "EvaluationItem").objects.filter(code__in=[i[0] for i in ITEMS]).delete()


class Migration(migrations.Migration):
    dependencies = [("kindness", "0001_initial")]
    operations = [migrations.RunPython(create, remove)]
