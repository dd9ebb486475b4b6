"""The behaviour standard (I CARE-like) and the two default sheets: Seoul's phone-kindness sheet
`seoul-phone` (10 items, 100 points) and a visitor-kindness sheet `visit-kindness`."""

from django.db import migrations

BANDS = [
    {"min": 90, "label": "매우우수", "mileage": 3},
    {"min": 80, "label": "우수", "mileage": 2},
    {"min": 70, "label": "보통", "mileage": 1},
    {"min": 0, "label": "미흡", "mileage": -1},
]
BEHAVIOURS = [
    ("connect", "Connect · 연결", "고객을 빠르고 반갑게 맞아 필요한 사람에게 이어 줍니다."),
    ("answer", "Answer · 응답", "고객의 말을 끝까지 듣고 정확한 말로 답합니다."),
    ("represent", "Represent · 대표", "기관을 대표한다는 마음으로 적극 안내하고 책임 있게 응대합니다."),
    ("exceed", "Exceed · 기대 이상", "끝인사까지 고객의 기대보다 한 걸음 더 나아갑니다."),
]
# code, name, points, behaviour, kind, critical, allow_na, guide
SEOUL_PHONE = [
    ("speed", "접속신속", 10, "connect", "base", False, False, "벨이 3번 울리기 전에 받음"),
    ("greeting", "맞이인사", 10, "connect", "base", False, False, "인사말과 소속·이름을 밝힘"),
    ("transfer", "연결태도", 10, "connect", "base", False, True, "다른 담당자에게 연결할 때 안내하고 기다리게 하지 않음"),
    ("language", "언어표현", 10, "answer", "base", False, False, "존댓말, 알아듣기 쉬운 말"),
    ("listening", "경청태도", 10, "answer", "base", False, False, "말을 끊지 않고 맞장구·확인"),
    ("guidance", "적극안내", 10, "represent", "base", False, False, "필요한 것을 먼저 챙겨 안내"),
    ("attitude", "응대태도", 10, "represent", "base", False, False, "성의 있고 친절한 목소리"),
    ("closing", "종료인사", 15, "exceed", "base", False, False, "더 필요한 것을 묻고 끝인사"),
    ("hangup", "통화종료", 5, "exceed", "base", False, False, "고객이 끊은 뒤 수화기를 내려놓음"),
    ("overall", "전체만족", 10, "exceed", "base", False, False, "통화 전체의 만족도"),
]
VISIT = [
    ("welcome", "맞이인사", 10, "connect", "base", False, False, "눈을 맞추고 먼저 인사"),
    ("guide", "담당자 안내", 15, "connect", "base", False, False, "5분 안에 담당자에게 안내"),
    ("appearance", "용모·복장", 10, "represent", "base", False, False, "명찰, 단정한 복장"),
    ("listening", "경청태도", 15, "answer", "base", False, False, "끝까지 듣고 확인"),
    ("explain", "설명명확", 15, "answer", "base", False, False, "절차·서류를 쉬운 말로 설명"),
    ("attitude", "응대태도", 15, "represent", "base", True, False, "불친절·무시하는 태도가 없음 (핵심 항목)"),
    ("seeing-off", "배웅인사", 10, "exceed", "base", False, False, "더 필요한 것을 묻고 배웅"),
    ("overall", "전체만족", 10, "exceed", "base", False, False, "방문 전체의 만족도"),
    ("praise", "칭찬 사례", 5, "exceed", "bonus", False, True, "고객이 칭찬한 응대가 있으면 가점"),
]


def create(apps, schema_editor):
    Behaviour = apps.get_model("quality", "Behaviour")
    Scorecard = apps.get_model("quality", "Scorecard")
    Item = apps.get_model("quality", "ScorecardItem")
    if Scorecard.objects.exists():
        return
    behaviours = {}
    for order, (code, name, description) in enumerate(BEHAVIOURS, start=1):
        behaviours[code] = Behaviour.objects.create(code=code, name=name, description=description, sort_order=order)
    for code, name, channel, item, rows in (
        ("seoul-phone", "전화친절도 평가표 (서울형)", "phone", "phone", SEOUL_PHONE),
        ("visit-kindness", "방문 친절도 평가표", "visit", "survey", VISIT),
    ):
        sheet = Scorecard.objects.create(code=code, name=name, channel=channel, bands=BANDS, mileage_item=item)
        for order, (c, n, points, behaviour, kind, critical, na, guide) in enumerate(rows, start=1):
            Item.objects.create(
                scorecard=sheet, code=c, name=n, max_points=points, behaviour=behaviours[behaviour], kind=kind,
                critical=critical, allow_na=na, guide=guide, sort_order=order,
            )


def remove(apps, schema_editor):
    apps.get_model("quality", "Scorecard").objects.filter(code__in=["seoul-phone", "visit-kindness"]).delete()
    apps.get_model("quality", "Behaviour").objects.filter(code__in=[b[0] for b in BEHAVIOURS]).delete()


class Migration(migrations.Migration):
    dependencies = [("quality", "0001_initial")]
    operations = [migrations.RunPython(create, remove)]
