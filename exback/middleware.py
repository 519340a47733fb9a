"""Deny by default: with Django's LoginRequiredMiddleware before it, every view needs a
signed-in person unless it says `login_not_required`; this adds the one rule the site has
on top, a verified email address, so no app has to remember it."""

from allauth.account.models import EmailAddress
from django.shortcuts import redirect

VERIFIED_SESSION_KEY = "_email_verified"
# allauth's own pages are how an unverified person verifies, and the admin has its own gate.
EXEMPT_MODULES = ("allauth.", "django.contrib.admin.")


class VerifiedEmailMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not getattr(view_func, "login_required", True) or not request.user.is_authenticated:
            return None
        if view_func.__module__.startswith(EXEMPT_MODULES):
            return None
        # allauth refuses to log in an unverified account; this also covers sessions made any
        # other way. The answer is remembered in the session to spare a query on every page.
        if request.session.get(VERIFIED_SESSION_KEY):
            return None
        if EmailAddress.objects.filter(user=request.user, verified=True).exists():
            request.session[VERIFIED_SESSION_KEY] = True
            return None
        return redirect("account_email_verification_sent")
