from django.contrib import admin

from .access import has_role
from .roles import Role


class ChinjeolAdminSite(admin.AdminSite):
    site_header = "친절 관리자 화면"
    site_title = "친절 관리"
    index_title = "자료 관리"

    def has_permission(self, request):
        user = request.user
        return user.is_active and user.is_authenticated and has_role(user, Role.CS_OFFICER, Role.AUDITOR)
