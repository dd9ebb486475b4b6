from __future__ import annotations

from django.conf import settings

from .access import may_write, primary_role
from .navigation import area, areas_for, grouped_menus_for, locate

# The agency's name on every page comes from `chinjeol.organization.context.agency`.


def navigation(request):
    user = getattr(request, "user", None)
    context = {"chinjeol_env": settings.ENV}
    if user is not None and user.is_authenticated:
        role = primary_role(user)
        current, menu = locate(user, request.path, getattr(request, "area", None))
        context.update(
            nav_areas=areas_for(user),
            nav_role_label=role.label if role else "",
            may_write=may_write(user),
            current_area=current,
            nav_area=area(current) if current else None,
            nav_menu=menu,
            nav_side=grouped_menus_for(user, current) if current else [],
        )
    return context
