from django.urls import path

from . import views

app_name = "safety"

# Included at the site's root: the paths are the ones these pages always had (the check and
# the plan under /stages/), so bookmarks and printed links keep working.
urlpatterns = [
    path("safety/", views.index, name="index"),
    path("stages/safety-check/", views.check, name="check"),
    path("stages/danger-check/", views.danger_check, name="danger_check"),
    path("stages/safety-plan/", views.plan, name="plan"),
    path("stages/safety-plan/print/", views.plan_print, name="plan_print"),
    path("exit/", views.quick_exit, name="quick_exit"),
]
