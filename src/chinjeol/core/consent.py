"""The notice a citizen reads before agreeing to give personal data (개인정보 보호법 제15조 제2항, 제22조).

Every public form that collects a name or a phone number shows the same four things, each plainly: what for,
which items, how long they are kept, and that the person may refuse and what refusing means."""

from __future__ import annotations

from django.utils.html import format_html, format_html_join

LABEL = "아래 안내를 읽었으며 개인정보 수집·이용에 동의합니다 (필수)"


def consent_notice(*, purpose: str, items: str, retention: str, refusal: str):
    rows = (
        ("수집·이용 목적", purpose),
        ("수집 항목", items),
        ("보유·이용 기간", retention),
        ("동의를 거부할 권리", f"동의하지 않으실 수 있습니다. {refusal}"),
    )
    return format_html(
        '<span class="consent" role="group" aria-label="개인정보 수집·이용 안내">{}'
        '<span class="consent-law">개인정보 보호법 제15조·제22조에 따라 알려 드립니다.</span></span>',
        format_html_join("", '<span class="consent-row"><strong>{}</strong> {}</span>', rows),
    )
