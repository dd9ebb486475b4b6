"""The CS officer's knowledge pages: the everyday-words table and the usage lists."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from chinjeol.core.access import role_required
from chinjeol.core.errors import DomainError
from chinjeol.core.roles import Role

from . import queries, services
from .forms import SynonymForm
from .models import Synonym


@role_required(Role.CS_OFFICER)
def synonyms(request):
    request.area = "knowledge"
    form = SynonymForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.synonym_save(**form.cleaned_data, by=request.user, now=timezone.now())
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, "생활 용어를 저장했습니다.")
            return redirect("knowledge:synonyms")
    rows = Synonym.objects.all()
    return render(request, "knowledge/synonyms.html", {"form": form, "rows": rows})


@require_POST
@role_required(Role.CS_OFFICER)
def synonym_delete(request, pk: int):
    services.synonym_delete(synonym_id=pk)
    messages.success(request, "생활 용어를 지웠습니다.")
    return redirect("knowledge:synonyms")


@role_required(Role.CS_OFFICER)
def report_uses(request):
    request.area = "knowledge"
    return render(request, "knowledge/report_uses.html", {"rows": queries.resolving_articles()})


@role_required(Role.CS_OFFICER)
def report_misses(request):
    request.area = "knowledge"
    return render(request, "knowledge/report_misses.html", {"rows": queries.missed_searches()})


@role_required(Role.CS_OFFICER, Role.CS_LEADER, Role.DEPT_HEAD)
def overdue(request):
    request.area = "knowledge"
    today = timezone.localdate()
    return render(request, "knowledge/overdue.html", {"rows": queries.overdue_articles(request.user, today)})
