import pytest
from django.urls import reverse

from chinjeol.core.models import PersonalDataAccess


@pytest.mark.django_db
def test_directory_lists_departments_and_staff(client_for, org):
    body = client_for(org.clerk).get(reverse("organization:directory")).content.decode()
    assert "행정국" in body and "민원팀" in body and "김민원" in body


@pytest.mark.django_db
def test_directory_search_htmx_fragment(client_for, org):
    response = client_for(org.clerk).get(
        reverse("organization:directory"), {"q": "박세무"}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert "<html" not in body and "박세무" in body and "김민원" not in body


@pytest.mark.django_db
def test_contact_hidden_from_colleague_in_other_department(client_for, org):
    body = (
        client_for(org.outsider)
        .get(reverse("organization:staff", args=[org.clerk.staff.pk]))
        .content.decode()
    )
    assert org.clerk.staff.mobile not in body
    assert not PersonalDataAccess.objects.exists()


@pytest.mark.django_db
def test_head_sees_contact_in_scope_and_it_is_logged(client_for, org):
    staff = org.clerk.staff  # 민원팀, under the head's 민원과
    body = client_for(org.head).get(reverse("organization:staff", args=[staff.pk])).content.decode()
    assert staff.mobile in body
    entry = PersonalDataAccess.objects.get()
    assert entry.username == "head" and entry.subject_id == str(staff.pk) and entry.ip == "127.0.0.1"


@pytest.mark.django_db
def test_head_does_not_see_contact_out_of_scope(client_for, org):
    staff = org.outsider.staff  # 세무과
    body = client_for(org.head).get(reverse("organization:staff", args=[staff.pk])).content.decode()
    assert staff.mobile not in body


@pytest.mark.django_db
def test_own_contact_visible_without_log(client_for, org):
    staff = org.clerk.staff
    body = client_for(org.clerk).get(reverse("organization:staff", args=[staff.pk])).content.decode()
    assert staff.mobile in body
    assert not PersonalDataAccess.objects.exists()


@pytest.mark.django_db
def test_access_log_search(client_for, org):
    client_for(org.officer).get(reverse("organization:staff", args=[org.outsider.staff.pk]))
    body = client_for(org.auditor).get(reverse("access_log"), {"username": "officer"}).content.decode()
    assert "박세무" in body
    body = client_for(org.auditor).get(reverse("access_log"), {"username": "nobody"}).content.decode()
    assert "조건에 맞는 기록이 없습니다" in body


@pytest.mark.django_db
def test_unknown_staff_is_404(client_for, org):
    assert client_for(org.clerk).get(reverse("organization:staff", args=[999999])).status_code == 404


@pytest.mark.django_db
def test_directory_query_count_does_not_grow_with_staff(client_for, org, django_assert_max_num_queries):
    from tests.factories import make_staff

    client = client_for(org.clerk)
    client.get(reverse("organization:directory"))
    for i in range(25):
        make_staff(department=org.tax, name=f"직원{i}")
    with django_assert_max_num_queries(10):
        response = client.get(reverse("organization:directory"))
    assert response.status_code == 200
