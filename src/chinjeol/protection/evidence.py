"""The evidence package of an incident (support for legal action, 민원처리법 시행령 §4①8): a PDF with the
incident's facts, the call or conversation ids, the timeline and the masked excerpts, in the project's
Korean font (charter.pdf)."""

from __future__ import annotations

import io
from datetime import datetime
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from chinjeol.charter.calendar import format_dt_ko
from chinjeol.charter.pdf import HEAD, INK, LINE, MUTED, korean_fonts

from .models import Incident


def _p(text: str, style) -> Paragraph:
    return Paragraph(escape(text or "—").replace("\n", "<br/>"), style)


def evidence_pdf(incident: Incident, *, messages, generated_at: datetime, agency: str = "") -> bytes:
    """`messages`: the conversation's messages (masked) as (moment, author, text, labels) — empty for a call."""
    regular, bold = korean_fonts()
    styles = {
        "title": ParagraphStyle("t", fontName=bold, fontSize=16, leading=22, textColor=INK),
        "h2": ParagraphStyle("h", fontName=bold, fontSize=12, leading=16, spaceBefore=10, spaceAfter=4),
        "body": ParagraphStyle("b", fontName=regular, fontSize=9.5, leading=14, textColor=INK),
        "cell": ParagraphStyle("c", fontName=regular, fontSize=8.5, leading=11.5, textColor=INK),
        "small": ParagraphStyle("s", fontName=regular, fontSize=7.8, leading=11, textColor=MUTED),
    }
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=16 * mm, rightMargin=16 * mm, topMargin=16 * mm,
                            bottomMargin=16 * mm, title=f"폭언 사건 증거 자료 #{incident.pk}")  # fmt: skip

    def table(rows, widths):
        data = [[_p(str(c), styles["cell"]) for c in row] for row in rows]
        t = Table(data, colWidths=widths, repeatRows=1)
        t.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.4, LINE), ("BACKGROUND", (0, 0), (-1, 0), HEAD),
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, 0), bold),
        ]))  # fmt: skip
        return t

    staff = incident.staff
    facts = [
        ["항목", "내용"],
        ["사건 번호", f"#{incident.pk}"],
        ["발생 시각", format_dt_ko(incident.occurred_at)],
        ["경로", incident.get_channel_display()],
        ["분류", incident.get_category_display()],
        [
            "통화·상담 ID",
            incident.call_key or (f"상담 #{incident.conversation_id}" if incident.conversation_id else "—"),
        ],
        ["상대 번호(가림)", incident.number_masked or "—"],
        ["응대한 상담사", f"{staff.name} ({staff.department.name})" if staff else "—"],
        ["경고 횟수", f"{incident.warnings_given}회"],
        ["응대 종료", "예 (응대 절차에 따라 종료)" if incident.ended else "아니요"],
    ]
    story = [
        _p(f"{agency} 폭언 사건 증거 자료".strip(), styles["title"]),
        _p(f"만든 시각 {format_dt_ko(generated_at)} · 개인정보는 가려서 적었습니다.", styles["small"]),
        Spacer(1, 4 * mm),
        _p("사건 개요", styles["h2"]),
        table(facts, [45 * mm, 133 * mm]),
        _p("경과 (시간순)", styles["h2"]),
        table(
            [["시각", "구분", "내용"]]
            + [[format_dt_ko(e.at), e.get_kind_display(), e.note] for e in incident.events.all()],
            [32 * mm, 28 * mm, 118 * mm],
        ),
    ]
    if messages:
        story += [
            _p("대화 기록 (가림)", styles["h2"]),
            table(
                [["시각", "보낸 쪽", "내용", "분류"]]
                + [[format_dt_ko(at), who, text, labels or ""] for at, who, text, labels in messages],
                [32 * mm, 20 * mm, 100 * mm, 26 * mm],
            ),
        ]
    story += [_p("발언 발췌 (가림)", styles["h2"]), _p(incident.excerpt, styles["body"])]

    def footer(canvas, document):
        canvas.saveState()
        canvas.setFont(regular, 7.5)
        canvas.setFillColor(colors.HexColor("#5b6472"))
        canvas.drawString(16 * mm, 10 * mm, f"폭언 사건 #{incident.pk} 증거 자료")
        canvas.drawRightString(A4[0] - 16 * mm, 10 * mm, f"{document.page}쪽")
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
