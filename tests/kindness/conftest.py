import pytest

from tests.factories import at, make_member, make_staff


@pytest.fixture
def record(org):
    """record(staff, item, day, points=None, **kw) → a ledger entry with a fresh source id."""
    from chinjeol.kindness import services

    counter = iter(range(1, 10**6))

    def make(staff, item_code, when=None, points=None, **extra):
        values = {
            "staff": staff,
            "item_code": item_code,
            "occurred_at": when or at(2026, 11, 2),
            "source_type": extra.pop("source_type", "inspection"),
            "source_id": extra.pop("source_id", next(counter)),
            "points": points,
        }
        values.update(extra)
        return services.mileage_record(**values)

    return make


@pytest.fixture
def civil_members(org):
    """Three more staff in 민원과 (so it is not shrunk as a small department)."""
    return [make_staff(department=org.civil, name=name) for name in ("가나다", "라마바", "사아자")]


__all__ = ["at", "make_member", "make_staff"]
