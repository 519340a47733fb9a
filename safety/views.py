"""The safety pages: one function per URL, with the URL's name (see urls.py). The safety check
and the safety plan are for anyone signed in, whatever their answers; the Safety page and the
quick exit are public."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_safe

from . import content, drafts, helplines, services
from .exit import clear_site_data
from .forms import SafetyCheckForm, SafetyPlanForm
from .models import SafetyPlan

require_get_post = require_http_methods(["GET", "HEAD", "POST"])


@login_not_required
@require_safe
def index(request):
    return render(request, "safety/index.html", helplines.for_safety_page(request))


def _next_path(request) -> str:
    """Where to go after the safety check: a path on this site, or "" for anything else. A
    bare word would be taken by redirect() for a URL name (a 500 for an unknown one), so only
    a path starting with "/" is followed, and never one with control characters."""
    path = request.POST.get("next") or request.GET.get("next") or ""
    if (
        path.startswith("/")
        and path.isprintable()
        and url_has_allowed_host_and_scheme(path, {request.get_host()}, request.is_secure())
    ):
        return path
    return ""


@require_get_post
def check(request):
    form = SafetyCheckForm.for_user(request.user, request.POST or None)
    next_url = _next_path(request)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.safety_check_save(user=request.user, form=form)
        except services.Conflict as changed:
            conflict = form.lost_to(changed.current)
        else:
            messages.success(
                request, "Thank you. Your answers are saved, and only you can see them."
            )
            # After a yes, the program's overview first (it leads with help), wherever
            # the person was going.
            if saved.any_yes:
                return redirect("stages:index")
            return redirect(next_url or "stages:index")
    return render(
        request,
        "safety/check.html",
        {
            "form": form,
            "next": next_url,
            "retake": form.instance is not None,
            "conflict": conflict,
        },
    )


@require_get_post
def plan(request):
    """The safety plan: for anyone, whatever their safety answers, so no safety check first."""
    instance = SafetyPlan.objects.for_user(request.user).first()
    form = SafetyPlanForm(request.POST or None, instance=instance)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.safety_plan_save(user=request.user, form=form)
        except services.Conflict as changed:
            conflict = form.lost_to(changed.current)
        else:
            drafts.mark_saved(request)
            messages.success(request, "Your safety plan is saved. Only you can see it.")
            return redirect("safety:plan")
    return render(
        request,
        "safety/plan.html",
        {
            "form": form,
            "plan": instance,
            "conflict": conflict,
            "draft_key": drafts.draft_key(request),
            "saved_draft": drafts.pop_saved(request),
            "plan_sources": content.SAFETY_PLAN_SOURCES,
            "plan_parts": content.SAFETY_PLAN_SECTIONS,
        },
    )


@require_safe
def plan_print(request):
    """The plan as a clean page to print: every step, and the optional parts written in; with
    nothing written yet, a blank one with every part to fill in by hand."""
    instance = SafetyPlan.objects.for_user(request.user).first() or SafetyPlan()
    return render(
        request,
        "safety/plan_print.html",
        {
            "plan": instance,
            "blank": instance.is_empty(),
            "today": timezone.localdate(),
            "plan_sources": content.SAFETY_PLAN_SOURCES,
        },
    )


@login_not_required
@require_safe
def quick_exit(request):
    """The quick-exit link without JavaScript: clear what the browser holds and leave for
    a neutral page (static/js/quick-exit.js does the same at once, replacing the history
    entry)."""
    return clear_site_data(HttpResponseRedirect(settings.QUICK_EXIT_URL))
