from django.conf import settings
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

urlpatterns: list[URLPattern | URLResolver] = [
    path("", include("exback.urls")),
    path("accounts/", include("allauth.urls")),
    path("stages/", include("stages.urls")),
    path("journal/", include("journal.urls")),
    path("admin/", admin.site.urls),
]

if settings.BENCH_FLOOR:
    from exback.views import floor

    urlpatterns.append(path("bench/floor", floor))
