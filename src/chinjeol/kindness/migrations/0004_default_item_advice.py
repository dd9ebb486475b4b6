"""Clearer advice texts for the six default items (only where the agency has not changed them)."""

from django.db import migrations

# code: (first text, revised text)
ADVICE = {
    "phone": (
        "전화응대 기본 과정(친절 교육 1단계)을 듣고 333 캠페인(3번 울리기 전, 3분 안, 3초 뒤)을 지켜 보세요.",
        "‘전화응대 기본’ 교육 과정을 듣고 333 친절전화(3번 울리기 전에 받기, 3분 안에 끝내기, 3초 기다렸다 내려놓기)와 소속·이름을 밝히는 첫인사를 지켜 보세요.",
    ),
    "survey": (
        "민원 처리 뒤 결과를 쉽게 설명하고, 해피콜 만족도를 높이는 응대 과정을 들어 보세요.",
        "‘민원 응대와 결과 설명’ 과정을 들어 보세요. 처리 결과를 쉬운 말로 설명하고 처리 예정일을 미리 알려 드리면 해피콜 만족도가 오릅니다.",
    ),
    "praise": (
        "고객만족방의 칭찬 사례를 읽고 부서 친절 시책에 참여해 보세요.",
        "고객만족방의 칭찬 사례를 읽어 보고, 부서의 ‘1부서 1친절시책’에 함께해 보세요.",
    ),
    "unkind": (
        "고객 응대 매뉴얼과 감정노동 대응 교육을 듣고, 재발 방지 대책을 부서장과 점검하세요.",
        "‘고객 응대 매뉴얼’과 ‘감정노동·불만 고객 응대’ 과정을 듣고, 부서장과 재발 방지 대책을 함께 점검하세요.",
    ),
    "smile": (
        "동료를 스마일 릴레이로 추천하고 추천받은 사례를 나누어 보세요.",
        "스마일 릴레이에서 동료를 추천하고 추천받은 사례를 나누어 보세요.",
    ),
    "training": (
        "올해 친절 교육 과정을 모두 이수하세요. 미이수 과정은 교육 화면에서 볼 수 있습니다.",
        "올해 친절 교육 과정을 모두 이수하세요. 암행 평가에서 부족했던 점은 부서 CS리더와 함께 점검하세요.",
    ),
}


def _swap(apps, old: int, new: int) -> None:
    Item = apps.get_model("kindness", "EvaluationItem")
    for code, texts in ADVICE.items():
        Item.objects.filter(code=code, advice=texts[old]).update(advice=texts[new])


def forwards(apps, schema_editor):
    _swap(apps, 0, 1)


def backwards(apps, schema_editor):
    _swap(apps, 1, 0)


class Migration(migrations.Migration):
    dependencies = [("kindness", "0003_snapshots_settings_and_totals_indexes")]

    operations = [migrations.RunPython(forwards, backwards)]
