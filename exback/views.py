import copy
import logging
from typing import cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse
from django.middleware.csp import get_nonce
from django.shortcuts import redirect, render
from django.utils.csp import CSP
from django.views.decorators.cache import never_cache
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_http_methods, require_safe

from keep.versions import Conflict
from safety import services as safety_services
from safety.forms import SafetyCheckForm
from safety.situation import situation_for
from stages.program import program_for
from vault import health as vault_health

from . import counsellor as counsellor_document_parts
from .adapters import FIRST_SIGN_IN_SESSION_KEY
from .forms import AccountSettingsForm, CounsellorForm

logger = logging.getLogger(__name__)


@login_not_required
@require_safe
def home(request):
    if request.user.is_authenticated:
        return redirect("dashboard")
    return render(request, "exback/home.html")


@require_safe
def dashboard(request):
    from progress.reports import dashboard as program_dashboard

    context = program_dashboard(request.user)
    context["first_sign_in"] = request.session.get(FIRST_SIGN_IN_SESSION_KEY, False)
    return render(request, "exback/dashboard.html", context)


# The account page has two forms; the situation's says so in a hidden field ("form").
SITUATION_FORM = "situation"


@require_http_methods(["GET", "HEAD", "POST"])
def account(request):
    posted = request.POST.get("form") if request.method == "POST" else None
    # All unticked is still a POST of the settings form.
    data = request.POST if request.method == "POST" and posted != SITUATION_FORM else None
    # A copy: a form that fails leaves the signed-in user (and so this page's title) as stored.
    form = AccountSettingsForm(data, instance=copy.copy(request.user))
    # Your situation: the safety check's own form, prefixed so that the page's ids stay unique.
    situation_form = SafetyCheckForm.for_user(
        request.user, request.POST if posted == SITUATION_FORM else None, prefix="situation"
    )
    conflict = None
    if data is not None and form.is_valid():
        form.save()
        messages.success(request, "Your settings are saved.")
        return redirect("account")
    if posted == SITUATION_FORM and situation_form.is_valid():
        try:
            safety_services.safety_check_save(user=request.user, form=situation_form)
        except Conflict as changed:
            conflict = situation_form.lost_to(changed.current)
        else:
            messages.success(request, "Your situation is saved. Only you can see it.")
            return redirect("account")
    return render(
        request,
        "exback/account.html",
        {"form": form, "situation_form": situation_form, "situation_conflict": conflict},
    )


def _counsellor_form(request, *, listing: bool):
    request.situation = situation_for(request.user)
    program = program_for(request.user, request.situation)
    texts = program.text("COUNSELLOR")
    form = CounsellorForm(request.user, request.GET or None, labels=texts["parts"], listing=listing)
    if form.is_bound and not form.is_valid() and form.foreign_entries:
        raise Http404("No such journal entry.")
    return program, texts, form


def _counsellor_choices(request, texts, form):
    start, end = form.dates()
    entries, more = counsellor_document_parts.listed_entries(request.user, start, end)
    chosen = set(form.data.getlist("entries")) if form.is_bound else set()
    # Entries ticked before the dates changed stay chosen, listed apart (all the person's own:
    # an id that is not is a 404 before this).
    listed_ids = {str(entry.pk) for entry in entries}
    elsewhere = [
        entry
        for entry in getattr(form, "cleaned_data", {}).get("entries") or []
        if str(entry.pk) not in listed_ids
    ]
    return render(
        request,
        "exback/counsellor.html",
        {
            "texts": texts,
            "form": form,
            "listed": [(entry, str(entry.pk) in chosen) for entry in entries],
            "elsewhere": elsewhere,
            "more": more,
            "listed_start": start,
            "listed_end": end,
            "listed_max": counsellor_document_parts.LISTED,
            "situation": request.situation,
        },
    )


@require_safe
def counsellor(request):
    """Choosing what goes into the counsellor document: the parts, the dates for the check-ins
    and insights, and journal entries from those dates ("Show entries" redraws the list for
    new dates, keeping every choice)."""
    _, texts, form = _counsellor_form(request, listing=True)
    return _counsellor_choices(request, texts, form)


# The document's one inline style (its paper, and its title and date in the page margins) is
# allowed by a nonce; everything else keeps the site's policy.
DOCUMENT_CSP = cast(
    dict[str, list[str] | str], {**settings.SECURE_CSP, "style-src": [CSP.SELF, CSP.NONCE]}
)


@csp_override(DOCUMENT_CSP)
@require_safe
def counsellor_document(request):
    """The document itself, holding exactly what was chosen: a clean page to print or save as
    a PDF, with the date and page numbers in the margins. A choice that does not hold goes back
    to the choosing page with the reason next to it."""
    program, texts, form = _counsellor_form(request, listing=False)
    if not form.is_valid():
        return _counsellor_choices(request, texts, form)
    return render(
        request,
        "exback/counsellor_document.html",
        {
            **counsellor_document_parts.document(request.user, program, form.cleaned_data),
            "texts": texts,
            "paper": form.cleaned_data["paper"],
            "stage_names": {section.slug: str(section) for section in program.sections},
            "situation": request.situation,
            "csp_nonce": get_nonce(request),
        },
    )


@login_not_required
@require_safe
def about(request):
    return render(request, "exback/about.html")


@login_not_required
@require_safe
def privacy(request):
    return render(request, "exback/privacy.html")


@login_not_required
@never_cache
@require_safe
def healthz(request):
    """For load balancers: 200 when this server can reach its database and its encryption
    keys can read what is stored; 503 (saying which) when not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.warning("healthz: the database is unreachable")
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    keys = vault_health.status()
    if not keys.ok:
        # The message names keys by position and fingerprint only.
        return HttpResponse(
            f"encryption keys: {keys.message}\n", status=503, content_type="text/plain"
        )
    return HttpResponse("ok\n", content_type="text/plain")


@login_not_required
def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)


@login_not_required
def floor(request):
    """The benchmark's floor: a trivial response through the full middleware stack.
    Routed only when BENCH_FLOOR is on (scripts/bench.py sets it)."""
    return HttpResponse("ok\n", content_type="text/plain")


def floor_signed_in(request):
    """The benchmark's signed-in floor: the same bare response behind sign-in. Naming the
    person loads the session and the user, as every signed-in page must, so what a page costs
    above this floor is the page's own work. Routed only when BENCH_FLOOR is on."""
    return HttpResponse(f"ok {request.user.pk}\n", content_type="text/plain")
