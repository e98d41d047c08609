from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from permitportal.core import views as core_views
from permitportal.core.api import TokenView

api_v1 = [
    path("auth/token/", TokenView.as_view(), name="api-token"),
    path("", include("applications.api.urls")),
    path("", include("dialogueteam.api_urls")),
    path("predialogue/", include("predialogue.api_urls")),
    path("", include("satisfaction.api_urls")),
    path("", include("hearings.api.urls")),
]

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("accounts/", include("permitportal.accounts.urls")),
    path("accounts/national-login/", include("mozilla_django_oidc.urls")),
    path("", include("applications.urls")),
    path("dialogue/", include("dialogueteam.urls")),
    path("predialogue/", include("predialogue.urls")),
    path("satisfaction/", include("satisfaction.urls")),
    path("hearings/", include("hearings.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
]
