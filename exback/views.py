import copy
import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from vault import health as vault_health

from .adapters import FIRST_SIGN_IN_SESSION_KEY
from .forms import AccountSettingsForm

logger = logging.getLogger(__name__)


@login_not_required
@require_safe
def home(request):
    if request.user.is_authenticated:
        return redirect("dashboard")
    return render(request, "exback/home.html")


@require_safe
def dashboard(request):
    from stages.reports import dashboard as program_dashboard

    context = program_dashboard(request.user)
    context["first_sign_in"] = request.session.get(FIRST_SIGN_IN_SESSION_KEY, False)
    return render(request, "exback/dashboard.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def account(request):
    # A copy: a form that fails leaves the signed-in user (and so this page's title) as stored.
    data = request.POST if request.method == "POST" else None  # all unticked is still a POST
    form = AccountSettingsForm(data, instance=copy.copy(request.user))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your settings are saved.")
        return redirect("account")
    return render(request, "exback/account.html", {"form": form})


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
