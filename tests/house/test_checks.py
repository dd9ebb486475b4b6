"""Each house rule with a good and a bad example, so a rule that stops catching anything fails here."""

from __future__ import annotations

import textwrap

import pytest

from . import checks


def src(text: str) -> str:
    return textwrap.dedent(text).lstrip()


class TestUpwardImports:
    @pytest.mark.parametrize(
        "module, source",
        [
            ("chinjeol.cases.services", "from chinjeol.charter import rules\n"),
            ("chinjeol.cases.services", "from ..organization.models import Staff\n"),
            ("chinjeol.reports.queries", "from chinjeol.cases.models import Case\n"),
            ("chinjeol.community.views", "from chinjeol.cases import queries as case_queries\n"),
            ("chinjeol.core.models", "from django.db import models\nfrom . import roles\n"),
            ("chinjeol.api.routers.cases", "from chinjeol.community import services\n"),
        ],
    )
    def test_downward_and_sideways_pass(self, module, source):
        assert checks.upward_imports(source, module) == []

    @pytest.mark.parametrize(
        "module, source, expected",
        [
            ("chinjeol.core.views", "from chinjeol.organization.models import Staff\n", "organization"),
            ("chinjeol.cases.views", "from chinjeol.community import services\n", "community"),
            ("chinjeol.charter.views", "def f():\n    from chinjeol.reports import pdf\n", "reports"),
            ("chinjeol.charter.compliance.queries", "from ...cases.models import Case\n", "cases"),
        ],
    )
    def test_upward_imports_are_found(self, module, source, expected):
        found = checks.upward_imports(source, module)
        assert len(found) == 1 and expected in found[0][1]

    def test_relative_import_inside_a_package_resolves_from_the_package(self):
        source = "from .models import Case\nfrom ..community import rules\n"
        found = checks.upward_imports(source, "chinjeol.cases", is_package=True)
        assert [line for line, _ in found] == [2]


class TestPureLibrary:
    def test_standard_library_and_itself_pass(self):
        assert (
            checks.pure_library_imports("import re\nfrom chinjeol.korean import pii\nfrom . import x\n") == []
        )

    @pytest.mark.parametrize(
        "source", ["from django.conf import settings\n", "import django\n", "from chinjeol.core import x\n"]
    )
    def test_django_and_the_apps_are_found(self, source):
        assert len(checks.pure_library_imports(source)) == 1


class TestOrmCalls:
    def test_service_and_query_calls_pass(self):
        good = src(
            """
            def case_detail(request, case_id):
                case = queries.case_for_user(request.user, case_id)
                services.case_start(case_id=case.pk, by=request.user, now=now())
                value = request.GET.get("q")
            """
        )
        assert checks.orm_calls(good) == []

    def test_manager_use_and_shortcuts_are_found(self):
        bad = src(
            """
            def case_detail(request, case_id):
                case = get_object_or_404(Case, pk=case_id)
                events = CaseEvent.objects.filter(case=case)
            """
        )
        assert [line for line, _ in checks.orm_calls(bad)] == [2, 3]


class TestRawSql:
    def test_orm_queries_pass(self):
        assert checks.raw_sql("Case.objects.filter(pk=1).update(status='closed')\nrows.execute()\n") == []

    @pytest.mark.parametrize(
        "source",
        [
            "Case.objects.extra(where=['1=1'])\n",
            "Case.objects.raw('select 1')\n",
            "cursor.execute('select 1')\n",
            "connection.cursor().executemany(sql, rows)\n",
            "qs.annotate(x=RawSQL('1', []))\n",
        ],
    )
    def test_raw_sql_is_found(self, source):
        assert len(checks.raw_sql(source)) == 1


class TestImpureRules:
    def test_pure_rules_pass(self):
        good = src(
            """
            from datetime import datetime, timedelta

            def due_at(received_at: datetime, days: int) -> datetime:
                return received_at + timedelta(days=days)
            """
        )
        assert checks.impure_rules(good) == []

    @pytest.mark.parametrize(
        "source",
        [
            "from django.utils import timezone\nx = timezone.now()\n",
            "from datetime import date\nx = date.today()\n",
            "from django.db import models\n",
            "def f():\n    return Case.objects.count()\n",
            "from datetime import datetime\nx = datetime.now()\n",
        ],
    )
    def test_clock_and_database_are_found(self, source):
        assert len(checks.impure_rules(source)) == 1


class TestModuleLength:
    def test_a_short_module_passes(self):
        assert checks.too_long("x = 1\n" * checks.MAX_MODULE_LINES) == []

    def test_a_long_module_is_found(self):
        assert checks.too_long("x = 1\n" * (checks.MAX_MODULE_LINES + 1))


class TestDomainErrorHandlers:
    def test_the_decorator_and_the_form_helper_pass(self):
        good = src(
            """
            @domain_errors(back="cases:detail")
            def act(request, pk):
                services.case_start(case_id=pk, by=request.user, now=now())
                return redirect("cases:detail", pk=pk)

            def new(request):
                form = CaseForm(request.POST or None)
                if form.is_valid():
                    with form_errors(form):
                        return redirect("cases:detail", pk=services.case_register(form.cleaned_data).pk)
                try:
                    day = date.fromisoformat(request.GET["day"])
                except (KeyError, ValueError):
                    day = None
                return render(request, "cases/new.html", {"form": form, "day": day})
            """
        )
        assert checks.domain_error_handlers(good) == []

    def test_handlers_of_it_are_found(self):
        bad = src(
            """
            def act(request, pk):
                try:
                    services.case_start(case_id=pk)
                except DomainError as error:
                    messages.error(request, error.message)
                try:
                    services.case_close(case_id=pk)
                except (ValueError, errors.DomainError):
                    pass
                return redirect("cases:detail", pk=pk)
            """
        )
        assert [line for line, _ in checks.domain_error_handlers(bad)] == [4, 8]
