from django.conf import settings
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

urlpatterns: list[URLPattern | URLResolver] = [
    path("", include("exback.urls")),
    # The Safety page, the quick exit, and the safety check and plan under /stages/: before
    # the program's URLs, whose /stages/<slug>/ would otherwise take those two.
    path("", include("safety.urls")),
    path("accounts/", include("allauth.urls")),
    path("stages/", include("progress.urls")),
    path("journal/", include("journal.urls")),
    path("reminders/", include("reminders.urls")),
    path("admin/", admin.site.urls),
]

# A body over the upload limit gets a 413 page; every other bad request Django's 400 page.
handler400 = "exback.bad_requests.bad_request"

if settings.BENCH_FLOOR:
    from exback.views import floor, floor_signed_in

    urlpatterns += [
        path("bench/floor", floor),
        path("bench/floor-signed-in", floor_signed_in),
    ]
