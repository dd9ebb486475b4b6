from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from . import navigation
from .access import has_role
from .forms import LoginForm

# The first page (`home`) and the access log are the `workspace` app's: they read the organisation.


class LoginView(auth_views.LoginView):
    template_name = "core/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


@login_required
def area(request, slug: str):
    found = navigation.area(slug)
    if found is None:
        raise Http404
    if not has_role(request.user, *found.roles):
        from .access import forbidden

        return forbidden(request)
    groups = navigation.grouped_menus_for(request.user, slug)
    if not groups:
        raise Http404
    request.area = slug
    return render(request, "core/area.html", {"area": found, "groups": groups})
