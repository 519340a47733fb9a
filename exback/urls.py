from django.contrib import admin
from django.urls import include, path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("account/", views.account, name="account"),
    path("about/", views.about, name="about"),
    path("privacy/", views.privacy, name="privacy"),
    path("safety/", views.safety, name="safety"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/", include("allauth.urls")),
    path("stages/", include("stages.urls")),
    path("journal/", include("journal.urls")),
    path("admin/", admin.site.urls),
]
