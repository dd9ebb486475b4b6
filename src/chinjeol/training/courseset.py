"""The "명품 고객응대" course set: four courses from the basic greeting to difficult customers, with a short
video (shipped: demo_assets/greeting.webm, made by scripts/make_training_video.py), readings and quizzes.
Used by the demo and by tests; written through the services like any course."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from .models import Course, Material
from .services import course_create, material_add, question_add

VIDEO = Path(__file__).parent / "demo_assets" / "greeting.webm"

GREETING_TEXT = """민원인이 들어오면 먼저 일어나 눈을 맞추고 밝게 인사합니다. "안녕하십니까, 민원여권과 김친절입니다."처럼 소속과 이름을 먼저 밝히면 민원인은 누구에게 말하는지 알고 안심합니다.

말을 끊지 않고 끝까지 듣습니다. 들은 요점을 "○○ 때문에 오셨다는 말씀이시지요?"처럼 다시 말해 확인하면 잘못 안내하는 일이 줄어듭니다.

전화는 세 번 울리기 전에 받고(3), 용건은 3분 안에 마치며(3), 끝인사 뒤 고객이 먼저 끊을 때까지 3초 기다립니다(3)."""

SITUATION_TEXT = """결과를 알릴 때는 결론을 먼저, 이유와 근거를 다음에, 민원인이 할 수 있는 일을 마지막에 말합니다.

처리할 수 없는 요청이라도 "안 됩니다"로 끝내지 않습니다. 안 되는 이유와 함께 대신 할 수 있는 방법(다른 제도, 담당 기관, 이의 신청 절차)을 안내합니다.

다른 부서로 넘길 때는 담당자 이름과 전화번호를 알려 주고, 가능하면 직접 연결합니다."""

DIFFICULT_TEXT = """화가 난 민원인에게는 먼저 감정을 인정합니다. "많이 불편하셨겠습니다."라고 말한 뒤 사실을 확인합니다.

폭언·욕설이 이어지면 한 번 정중히 중단을 요청하고, 그래도 계속되면 "계속 폭언을 하시면 상담을 마치겠습니다."라고 알린 뒤 종료할 수 있습니다. 혼자 감당하지 말고 부서장과 CS리더에게 알리세요.

불친절 신고가 인정된 직원은 이 과정을 30일 안에 이수합니다(친절서비스 보증)."""

COURSES = [
    # code, title, stage, order, item, for_unkind, minutes, summary
    ("myungpum-1", "명품 고객응대 1. 첫인사와 경청", Course.Stage.BASIC, 1, "praise", False, 20,
     "모든 직원이 처음 듣는 과정: 일어나 맞이하기, 소속·이름 밝히기, 끝까지 듣고 되묻기."),
    ("phone-333", "전화응대 기본 (333 친절전화)", Course.Stage.BASIC, 2, "phone", False, 15,
     "3번 울리기 전에 받고, 3분 안에 마치고, 3초 기다렸다 내려놓기."),
    ("myungpum-2", "명품 고객응대 2. 결과를 알기 쉽게 설명하기", Course.Stage.SITUATIONS, 1, "survey", False, 30,
     "결론부터 말하기, 안 되는 일에는 대안 안내, 다른 부서로 넘길 때 직접 연결."),
    ("myungpum-3", "명품 고객응대 3. 불만·폭언 고객 응대", Course.Stage.DIFFICULT, 1, "unkind", True, 40,
     "감정 인정, 사실 확인, 폭언 중단 요청과 종료, 감정노동 보호 절차."),
]  # fmt: skip

QUIZZES = {
    "myungpum-1": [
        ("민원인이 창구에 왔을 때 가장 먼저 할 일은?", ["서류를 달라고 한다", "일어나 눈을 맞추고 인사한다", "번호표를 가리킨다"], 1),
        ("첫인사에 꼭 들어가야 하는 것은?", ["소속과 이름", "처리 기한", "민원인의 주소"], 0),
        ("민원인의 말이 길어질 때 바른 태도는?", ["요점만 말해 달라고 한다", "끝까지 듣고 요점을 되물어 확인한다", "다른 일을 하며 듣는다"], 1),
        ("전화응대 333에서 끝의 3은?", ["3분 안에 끝내기", "3번 울리기 전에 받기", "고객이 끊을 때까지 3초 기다리기"], 2),
    ],
    "phone-333": [
        ("전화는 몇 번 울리기 전에 받나요?", ["3번", "5번", "7번"], 0),
        ("담당자가 없을 때 바른 응대는?", ["나중에 다시 하라고 한다", "용건과 연락처를 메모해 회신을 약속한다", "아무 내선으로 돌린다"], 1),
        ("통화를 마칠 때는?", ["바로 끊는다", "끝인사 뒤 고객이 먼저 끊을 때까지 기다린다", "말없이 끊는다"], 1),
    ],
    "myungpum-2": [
        ("결과를 알릴 때 순서로 알맞은 것은?", ["이유 → 근거 → 결론", "결론 → 이유 → 할 수 있는 일", "할 수 있는 일 → 결론"], 1),
        ("처리할 수 없는 요청에는?", ["안 된다고만 말한다", "이유와 대안을 함께 안내한다", "답하지 않는다"], 1),
        ("다른 부서로 넘길 때는?", ["부서 이름만 알려 준다", "담당자와 전화번호를 알려 주고 가능하면 직접 연결한다", "민원인이 알아서 찾게 한다"], 1),
    ],
    "myungpum-3": [
        ("화가 난 민원인에게 먼저 할 말은?", ["진정하세요", "많이 불편하셨겠습니다", "규정이 그렇습니다"], 1),
        ("폭언이 이어질 때 바른 절차는?", ["같이 언성을 높인다", "중단을 요청하고, 계속되면 알린 뒤 종료한다", "참고 끝까지 듣는다"], 1),
        ("폭언을 겪은 뒤에는?", ["혼자 참는다", "부서장과 CS리더에게 알린다", "민원인에게 항의 전화를 한다"], 1),
        ("불친절 신고가 인정된 직원이 이 과정을 이수할 기한은?", ["7일", "30일", "1년"], 1),
    ],
}  # fmt: skip


def build_course_set(*, now: datetime, by=None) -> dict[str, Course]:
    """Create the course set (once); returns code → course."""
    existing = {c.code: c for c in Course.objects.filter(code__in=[row[0] for row in COURSES])}
    if len(existing) == len(COURSES):
        return existing
    out = {}
    for code, title, stage, order, item, for_unkind, minutes, summary in COURSES:
        course = existing.get(code) or course_create(
            code=code, title=title, stage=stage, order=order, kindness_item=item, for_unkind=for_unkind,
            minutes=minutes, summary=summary, pass_mark=75, now=now,
        )  # fmt: skip
        out[code] = course
        if code == "myungpum-1":
            upload = SimpleUploadedFile(
                "명품고객응대-첫인사.webm", VIDEO.read_bytes(), content_type="video/webm"
            )
            material_add(course=course, kind=Material.Kind.VIDEO, title="영상: 첫인사와 소속·이름", upload=upload,
                         body="16초 분량의 요약 영상입니다.", now=now, by=by)  # fmt: skip
            material_add(course=course, kind=Material.Kind.TEXT, title="읽을거리: 맞이하기와 경청",
                         body=GREETING_TEXT, now=now, by=by)  # fmt: skip
        elif code == "myungpum-2":
            material_add(course=course, kind=Material.Kind.TEXT, title="읽을거리: 결과 설명의 순서",
                         body=SITUATION_TEXT, now=now, by=by)  # fmt: skip
        elif code == "myungpum-3":
            material_add(course=course, kind=Material.Kind.TEXT, title="읽을거리: 불만·폭언 응대 절차",
                         body=DIFFICULT_TEXT, now=now, by=by)  # fmt: skip
        else:
            material_add(course=course, kind=Material.Kind.TEXT, title="읽을거리: 333 친절전화",
                         body=GREETING_TEXT.split("\n\n")[-1], now=now, by=by)  # fmt: skip
        for text, choices, answer in QUIZZES[code]:
            question_add(course=course, text=text, choices=choices, answer=answer)
    return out
