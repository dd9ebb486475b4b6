"""The published half-year report as a PDF with an embedded Korean font."""

from __future__ import annotations

import io
import logging
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

log = logging.getLogger("chinjeol.charter")
FONT_CANDIDATES = [
    Path("/usr/share/fonts/truetype/nanum/NanumGothic.ttf"),
    Path("/usr/share/fonts/truetype/nanum/NanumBarunGothic.ttf"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
]


def korean_font() -> str:
    """Register and return a Korean font: an embedded TrueType font when the system has one
    (Debian package fonts-nanum), else reportlab's built-in CID font."""
    if "ChinjeolKorean" in pdfmetrics.getRegisteredFontNames():
        return "ChinjeolKorean"
    for path in FONT_CANDIDATES:
        if path.exists() and path.suffix == ".ttf":
            pdfmetrics.registerFont(TTFont("ChinjeolKorean", str(path)))
            return "ChinjeolKorean"
    log.warning("한글 TrueType 글꼴이 없어 내장 CID 글꼴을 씁니다 (apt-get install fonts-nanum 권장).")
    if "HYGothic-Medium" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("HYGothic-Medium"))
    return "HYGothic-Medium"


def _rate(value) -> str:
    return "—" if value is None else f"{value:.1f}%"


def report_pdf(report, agency_name: str) -> bytes:
    font = korean_font()
    title = ParagraphStyle("title", fontName=font, fontSize=18, leading=24, spaceAfter=6)
    h2 = ParagraphStyle("h2", fontName=font, fontSize=13, leading=18, spaceBefore=10, spaceAfter=4)
    body = ParagraphStyle("body", fontName=font, fontSize=10, leading=15)
    snap = report.snapshot
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=f"{agency_name} 서비스헌장 이행 점검 결과 {snap['label']}",
    )

    def table(rows, widths):
        t = Table(rows, colWidths=widths, repeatRows=1)
        t.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), font),
                    ("FONTSIZE", (0, 0), (-1, -1), 9),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e7eef9")),
                    ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#b7c0cc")),
                    ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ]
            )
        )
        return t

    published = report.published_at
    story = [
        Paragraph(f"{agency_name} 고객서비스헌장 이행 점검 결과", title),
        Paragraph(f"{snap['label']} · 공개 {published.year}. {published.month}. {published.day}.", body),
        Spacer(1, 6),
        Paragraph(
            f"판정 {snap['judged']:,}건 중 {snap['met']:,}건 약속 이행 (이행률 {_rate(snap['rate'])}). "
            f"보상 {snap['compensation']['count']:,}건, {snap['compensation']['amount']:,}원.",
            body,
        ),
        Paragraph("이행표준별 결과", h2),
        table(
            [["이행표준", "판정", "이행", "미이행", "이행률", "직전 반기"]]
            + [
                [
                    Paragraph(s["name"], body),
                    f"{s['judged']:,}",
                    f"{s['met']:,}",
                    f"{s['missed']:,}",
                    _rate(s["rate"]),
                    _rate(s["previous_rate"]),
                ]
                for s in snap["standards"]
            ],
            [70 * mm, 18 * mm, 18 * mm, 18 * mm, 20 * mm, 20 * mm],
        ),
        Paragraph("부서별 결과", h2),
        table(
            [["부서", "판정", "이행", "미이행", "이행률"]]
            + [
                [d["name"], f"{d['judged']:,}", f"{d['met']:,}", f"{d['missed']:,}", _rate(d["rate"])]
                for d in snap["departments"]
            ],
            [70 * mm, 22 * mm, 22 * mm, 22 * mm, 24 * mm],
        ),
        Paragraph("부족한 점과 개선 조치", h2),
        *[Paragraph(line or "&nbsp;", body) for line in report.improvements.splitlines()],
    ]
    doc.build(story)
    return buffer.getvalue()
