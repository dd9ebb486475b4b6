"""The published half-year charter report as a PDF, with an embedded Korean TrueType font.

The font comes from the Debian package `fonts-nanum` (NanumGothic). Without it the PDF falls back to
reportlab's built-in CID font HYSMyeongJo-Medium (not embedded; readers substitute a Korean font) and a
warning is logged."""

from __future__ import annotations

import io
import logging
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from django.utils import timezone
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .calendar import format_date_ko

log = logging.getLogger("chinjeol.charter.pdf")
FONT_DIRS = [Path("/usr/share/fonts/truetype/nanum"), Path("/usr/local/share/fonts")]
REGULAR, BOLD = "NanumGothic", "NanumGothicBold"
FALLBACK = "HYSMyeongJo-Medium"
INK = colors.HexColor("#1d2430")
MUTED = colors.HexColor("#5b6472")
LINE = colors.HexColor("#b7c0cc")
HEAD = colors.HexColor("#e7eef9")
PRIMARY = colors.HexColor("#1c4f9c")
ERROR = colors.HexColor("#b42318")


def _find(filename: str) -> Path | None:
    return next((d / filename for d in FONT_DIRS if (d / filename).is_file()), None)


def korean_fonts() -> tuple[str, str]:
    """(regular, bold) font names, registered once per process."""
    registered = pdfmetrics.getRegisteredFontNames()
    if REGULAR in registered:
        return REGULAR, BOLD if BOLD in registered else REGULAR
    regular = _find("NanumGothic.ttf")
    if regular is not None:
        pdfmetrics.registerFont(TTFont(REGULAR, str(regular)))
        bold = _find("NanumGothicBold.ttf")
        if bold is not None:
            pdfmetrics.registerFont(TTFont(BOLD, str(bold)))
            return REGULAR, BOLD
        return REGULAR, REGULAR
    log.warning(
        "한글 TrueType 글꼴(NanumGothic.ttf)이 없어 PDF에 내장 CID 글꼴 %s를 씁니다. "
        "글꼴을 PDF에 넣으려면 'apt-get install fonts-nanum'으로 설치하세요.",
        FALLBACK,
    )
    if FALLBACK not in registered:
        pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK))
    return FALLBACK, FALLBACK


def _rate(value) -> str:
    return "—" if value in (None, "") else f"{value}%"


def _change(value) -> str:
    if value in (None, ""):
        return "—"
    number = float(value)
    if number > 0:
        return f"▲ {value}%p"
    if number < 0:
        return f"▼ {value.lstrip('-')}%p"
    return "변동 없음"


def _num(value) -> str:
    return f"{int(value or 0):,}"


def _ko_date(moment: datetime) -> str:
    return format_date_ko(timezone.localtime(moment).date())


def _bar(rate, font: str, width: float = 38 * mm, height: float = 4.2 * mm) -> Drawing:
    """A horizontal bar for a rate with its value written beside it (colour is never the only signal)."""
    drawing = Drawing(width, height)
    inner = width - 11 * mm
    drawing.add(
        Rect(0, 0.6 * mm, inner, height - 1.2 * mm, fillColor=colors.HexColor("#eef1f5"), strokeColor=None)
    )
    if rate not in (None, ""):
        drawing.add(
            Rect(
                0, 0.6 * mm, inner * float(rate) / 100, height - 1.2 * mm, fillColor=PRIMARY, strokeColor=None
            )
        )
    drawing.add(String(inner + 1.2 * mm, 1.1 * mm, _rate(rate), fontName=font, fontSize=7, fillColor=INK))
    return drawing


def report_pdf(report) -> bytes:
    regular, bold = korean_fonts()
    snap = report.snapshot
    styles = {
        "title": ParagraphStyle("title", fontName=bold, fontSize=17, leading=23, textColor=INK, spaceAfter=2),
        "sub": ParagraphStyle(
            "sub", fontName=regular, fontSize=10, leading=14, textColor=MUTED, spaceAfter=8
        ),
        "h2": ParagraphStyle("h2", fontName=bold, fontSize=12.5, leading=17, spaceBefore=12, spaceAfter=5),
        "body": ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=15, textColor=INK),
        "cell": ParagraphStyle("cell", fontName=regular, fontSize=8.5, leading=11.5, textColor=INK),
        "small": ParagraphStyle("small", fontName=regular, fontSize=7.8, leading=11, textColor=MUTED),
        "lead": ParagraphStyle(
            "lead", fontName=regular, fontSize=10.5, leading=16, textColor=INK, spaceAfter=4
        ),
    }
    agency = snap.get("agency") or ""
    title = f"{agency} 고객서비스헌장 이행 점검 결과".strip()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=16 * mm,
        rightMargin=16 * mm,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=f"{title} ({snap['label']})",
        author=agency,
        subject="서비스헌장 이행 점검 결과",
    )

    def table(rows, widths, *, numeric_from=1, extra=()):
        t = Table(rows, colWidths=widths, repeatRows=1)
        t.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), regular),
                    ("FONTNAME", (0, 0), (-1, 0), bold),
                    ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                    ("TEXTCOLOR", (0, 0), (-1, -1), INK),
                    ("BACKGROUND", (0, 0), (-1, 0), HEAD),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.8, LINE),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.3, LINE),
                    ("ALIGN", (numeric_from, 0), (-1, -1), "RIGHT"),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                    *extra,
                ]
            )
        )
        return t

    total = snap["total"]
    previous = (
        f" 직전 반기({snap['previous_label']}) {_rate(total['previous_rate'])}, {_change(total['change'])}."
        if total.get("previous_rate")
        else ""
    )
    story = [
        Paragraph(escape(title), styles["title"]),
        Paragraph(
            f"{escape(snap['label'])} · 공개 {_ko_date(report.published_at)} · 집계 기준 시각 "
            f"{_ko_date(datetime.fromisoformat(snap['computed_at']))}",
            styles["sub"],
        ),
        Paragraph(
            f"판정 {_num(total['judged'])}건 가운데 <b>{_num(total['met'])}건</b>을 약속대로 처리했습니다 "
            f"(이행률 <b>{_rate(total['rate'])}</b>, 미이행 {_num(total['missed'])}건).{previous}",
            styles["lead"],
        ),
        Paragraph("이행표준별 결과", styles["h2"]),
    ]
    rows = [["이행표준", "판정", "이행", "미이행", "이행률", "직전 반기", "증감"]]
    sub_rows = []
    for s in snap["standards"]:
        versions = s.get("versions", [])
        label = escape(s["label"])
        if len(versions) == 1 and not s.get("legal"):
            label += f"<br/><font size=7.5 color='#5b6472'>{escape(versions[0]['label'])} 기준</font>"
        rows.append(
            [
                Paragraph(label, styles["cell"]),
                _num(s["judged"]),
                _num(s["met"]),
                _num(s["missed"]),
                _rate(s["rate"]),
                _rate(s["previous_rate"]),
                _change(s["change"]),
            ]
        )
        if len(versions) > 1:
            for v in versions:
                sub_rows.append(len(rows))
                rows.append(
                    [
                        Paragraph(f"└ {escape(v['label'])} 기준", styles["small"]),
                        _num(v["judged"]),
                        _num(v["met"]),
                        _num(v["missed"]),
                        _rate(v["rate"]),
                        "",
                        "",
                    ]
                )
    if len(rows) == 1:
        rows.append(["판정한 민원이 없습니다.", "", "", "", "", "", ""])
    extra = [("TEXTCOLOR", (1, r), (-1, r), MUTED) for r in sub_rows] + [
        ("FONTSIZE", (1, r), (-1, r), 7.8) for r in sub_rows
    ]
    story.append(table(rows, [68 * mm, 16 * mm, 16 * mm, 16 * mm, 17 * mm, 19 * mm, 26 * mm], extra=extra))
    story.append(Spacer(1, 2 * mm))
    story.append(Paragraph(escape(snap["basis"]), styles["small"]))

    if snap.get("counts"):
        story.append(Paragraph("연간 횟수 약속", styles["h2"]))
        rows = [["이행표준", "목표", "센 기간", "실적", "판정"]]
        for c in snap["counts"]:
            rows.append(
                [
                    Paragraph(escape(c["label"]), styles["cell"]),
                    escape(c["target"]),
                    escape(c.get("span", "")),
                    "—" if c["count"] is None else f"{_num(c['count'])}회",
                    escape(c["status_label"]),
                ]
            )
        story.append(table(rows, [74 * mm, 24 * mm, 38 * mm, 16 * mm, 26 * mm], numeric_from=3))

    story.append(Paragraph("부서별 결과 (이행률 순)", styles["h2"]))
    rows = [["순위", "부서", "판정", "이행", "미이행", "이행률", "직전 반기"]]
    for d in snap["departments"]:
        rows.append(
            [
                str(d["rank"] or "—"),
                Paragraph(escape(d["label"]), styles["cell"]),
                _num(d["judged"]),
                _num(d["met"]),
                _num(d["missed"]),
                _bar(d["rate"], regular),
                _rate(d["previous_rate"]),
            ]
        )
    if len(rows) == 1:
        rows.append(["", "판정한 민원이 없습니다.", "", "", "", "", ""])
    story.append(
        table(
            rows,
            [12 * mm, 50 * mm, 17 * mm, 17 * mm, 17 * mm, 42 * mm, 23 * mm],
            numeric_from=2,
            extra=[("ALIGN", (0, 0), (0, -1), "CENTER"), ("ALIGN", (5, 0), (5, -1), "LEFT")],
        )
    )

    comp = snap["compensation"]
    comp_rows = [["사유", "건수", "금액"]]
    comp_rows += [
        [Paragraph(escape(r["reason"]), styles["cell"]), _num(r["count"]), f"{_num(r['amount'])}원"]
        for r in comp["reasons"]
    ]
    comp_rows.append(["합계", _num(comp["count"]), f"{_num(comp['amount'])}원"])
    story.append(
        KeepTogether(
            [
                Paragraph("약속을 지키지 못해 드린 보상", styles["h2"]),
                Paragraph(
                    f"{escape(snap['label'])}에 보상 {_num(comp['count'])}건, {_num(comp['amount'])}원이 "
                    f"발생했습니다(지급 완료 {_num(comp['handed_over'])}건). 직전 반기 {_num(comp['previous_count'])}건, "
                    f"{_num(comp['previous_amount'])}원.",
                    styles["body"],
                ),
                Spacer(1, 2 * mm),
                table(comp_rows, [100 * mm, 30 * mm, 40 * mm], extra=[("FONTNAME", (0, -1), (-1, -1), bold)]),
            ]
        )
    )
    story.append(Paragraph("부족한 점과 개선 조치", styles["h2"]))
    for paragraph in report.improvements.splitlines():
        story.append(Paragraph(escape(paragraph) or "&nbsp;", styles["body"]))

    def footer(canvas, document):
        canvas.saveState()
        canvas.setFont(regular, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(16 * mm, 10 * mm, f"{title} · {snap['label']}")
        canvas.drawRightString(A4[0] - 16 * mm, 10 * mm, f"{document.page}쪽")
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
