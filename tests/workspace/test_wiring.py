"""What core no longer reads itself: the agency's name and the department tree come from the organisation."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from chinjeol.core import access
from chinjeol.organization import queries as org_queries
from chinjeol.organization.context import agency
from chinjeol.organization.models import Agency

pytestmark = pytest.mark.django_db


def test_the_agency_name_is_the_setting_when_given(settings):
    Agency.objects.create(name="행정안전부")
    settings.CHINJEOL = {**settings.CHINJEOL, "AGENCY_NAME": "시험시청"}
    assert agency(RequestFactory().get("/")) == {"agency_name": "시험시청"}


def test_the_agency_name_is_the_recorded_agency_otherwise(settings):
    settings.CHINJEOL = {**settings.CHINJEOL, "AGENCY_NAME": ""}
    assert agency(RequestFactory().get("/")) == {"agency_name": ""}
    Agency.objects.create(name="행정안전부")
    assert agency(RequestFactory().get("/")) == {"agency_name": "행정안전부"}


def test_every_page_shows_the_agency_name(client_for, org, settings):
    settings.CHINJEOL = {**settings.CHINJEOL, "AGENCY_NAME": "시험시청"}
    body = client_for(org.clerk).get("/").content.decode()
    assert "<title>처음 · 시험시청 친절</title>" in body


def test_core_walks_the_tree_the_organisation_registered(org):
    assert access.department_parent_map() == org_queries.department_parents()
    assert access.scoped_department_ids(org.head) == {org.civil.pk, org.team.pk}


def test_without_a_registered_tree_a_scoped_role_reaches_nothing(org, monkeypatch):
    monkeypatch.setattr(access, "_department_parents", dict)
    assert access.department_parent_map() == {}
    assert access.scoped_department_ids(org.head) == set()
    assert access.can_manage_department(org.officer, org.tax.pk)  # the agency-wide role needs no tree
    assert not access.can_manage_department(org.head, org.civil.pk)
