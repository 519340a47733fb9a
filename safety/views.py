"""The safety pages: one function per URL, with the URL's name (see urls.py). The safety check,
the danger check and the safety plan are for anyone signed in, whatever their answers; the
Safety page and the quick exit are public."""

from typing import cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from keep import drafts
from keep.versions import Conflict

from . import content, helplines, services
from .exit import EXIT_CLEAR_SITE_DATA, clear_site_data, end_session
from .forms import DangerCheckForm, SafetyCheckForm, SafetyPlanForm
from .models import DangerCheck, SafetyPlan

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
        except Conflict as changed:
            conflict = form.lost_to(changed.current)
        else:
            messages.success(
                request, "Thank you. Your answers are saved, and only you can see them."
            )
            # After a yes, the program's overview first (it leads with help), wherever
            # the person was going.
            if saved.any_yes:
                return redirect("progress:index")
            return redirect(next_url or "progress:index")
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
def danger_check(request, *, stage=None):
    """The danger check. For a person whose safety answers suggest abuse it is also the
    program's "are you sure?" page (progress.views.readiness renders it there, with its part of
    the program as `stage`), so it saves back to the address it was opened at. What was saved
    decides what leads the page: after a sign of serious danger, the emergency number and the
    country's abuse line, above everything else."""
    form = DangerCheckForm.for_user(request.user, request.POST or None)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.danger_check_save(user=request.user, form=form)
        except Conflict as changed:
            saved = cast(DangerCheck, changed.current)
            # The same answers sent twice (a double click) are saved already.
            if saved.answers != form.answers():
                conflict = form.lost_to(saved)
        if conflict is None:
            # After a sign of serious danger nothing goes above the urgent next step, not
            # even this message: the answers shown in the form say they were kept.
            if not saved.urgent:
                messages.success(request, "Your answers are saved. Only you can see them.")
            return redirect(request.path)
    check = form.instance
    urgent = check is not None and check.urgent
    return render(
        request,
        "safety/danger_check.html",
        {
            "form": form,
            "check": check,
            "urgent": urgent,
            "help": helplines.for_danger_check(request) if urgent else None,
            "conflict": conflict,
            "stage": stage,
            "text": content,
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
        except Conflict as changed:
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
@never_cache
@require_get_post
def quick_exit(request):
    """Leave at once, signed out. static/js/quick-exit.js posts here (a keepalive request,
    with the CSRF token) as it leaves for the neutral page; without JavaScript the button is
    a link here, so a GET signs out too, and then redirects to the neutral page. A GET that
    changes something is usually wrong; here it is the point: the one way out that works
    everywhere must end the session, and the worst a link on another site can do with it is
    sign someone out, which is safe. Either way the browser is told to forget this site's
    cookies, storage and cache (Clear-Site-Data)."""
    end_session(request)
    if request.method == "POST":
        response = HttpResponse(status=204)  # fetch() would follow a redirect off the site
    else:
        response = HttpResponseRedirect(settings.QUICK_EXIT_URL)
    return clear_site_data(response, EXIT_CLEAR_SITE_DATA)
