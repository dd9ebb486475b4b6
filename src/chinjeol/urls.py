from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from chinjeol.api.api import api
from chinjeol.charter import public as charter_public
from chinjeol.core import views as core_views

urlpatterns = [
    path("", include("chinjeol.workspace.urls")),
    path("login/", core_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("area/<slug:slug>/", core_views.area, name="area"),
    path("citizen/", charter_public.citizen_home, name="citizen_home"),
    path("citizen/charter/", charter_public.citizen_charter, name="citizen_charter"),
    path("org/", include("chinjeol.organization.urls")),
    path("charter/", include("chinjeol.charter.urls")),
    path("cases/", include("chinjeol.cases.urls")),
    path("compensation/", include("chinjeol.compensation.urls")),
    path("kindness/", include("chinjeol.kindness.urls")),
    path("community/", include("chinjeol.community.urls")),
    path("reports/", include("chinjeol.reports.urls")),
    path("callcenter/", include("chinjeol.contact.urls")),
    path("knowledge/", include("chinjeol.knowledge.urls")),
    path("surveys/", include("chinjeol.surveys.urls")),
    path("protection/", include("chinjeol.protection.urls")),
    path("visits/", include("chinjeol.visits.urls")),
    path("quality/", include("chinjeol.quality.urls")),
    path("training/", include("chinjeol.training.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]
