"""The community's sources of mileage: reports, praise posts and smile selections, each linked back."""

from __future__ import annotations

from django.urls import reverse

from chinjeol.core.access import has_role
from chinjeol.kindness.sources import MileageSource, register

from .queries import REPORT_READERS


def _report_links(entries: list, user) -> dict[int, str]:
    if not has_role(user, *REPORT_READERS):
        return {}
    return {
        e.pk: reverse("community:report_detail", args=[int(e.source_id)])
        for e in entries
        if e.source_id.isdigit()
    }


def _page_links(url_name: str):
    def links(entries: list, user) -> dict[int, str]:
        url = reverse(url_name)
        return {e.pk: url for e in entries}

    return links


def register_sources() -> None:
    register(MileageSource("kindness_report", "친절·불친절 신고", _report_links))
    register(MileageSource("praise_post", "칭찬합시다 게시판", _page_links("community:praise_list")))
    register(MileageSource("smile_selection", "이달의 스마일 직원", _page_links("community:smile")))
