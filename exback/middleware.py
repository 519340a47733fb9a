"""Deny by default: with Django's LoginRequiredMiddleware before it, every view needs a
signed-in person unless it says `login_not_required`; this adds the one rule the site has
on top, a verified email address, so no app has to remember it."""

import time

from allauth.account.models import EmailAddress
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.shortcuts import redirect
from django.utils import timezone

from . import timezones

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


SEEN_SESSION_KEY = "_usersession_seen"
SEEN_EVERY = 5 * 60  # seconds


class UserSessionsMiddleware:
    """allauth's activity tracking (USERSESSIONS_TRACK_ACTIVITY: each session's browser,
    address and when it was last seen, for the Sessions page), at most once every five minutes
    per session: allauth's own middleware writes the row on every request, three queries a page.
    Noted after the view, so that the request which logs in starts the five minutes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated and request.session.session_key:
            now = int(time.time())
            if now - request.session.get(SEEN_SESSION_KEY, 0) >= SEEN_EVERY:
                UserSession.objects.create_from_request(request)
                request.session[SEEN_SESSION_KEY] = now
        return response


class LocalTimeMiddleware:
    """Dates and times in the signed-in person's own zone (User.time_zone): "today" for the
    check-in and streaks, the mood chart, cooling-off times, journal dates. Everyone else,
    and anyone who chose none, gets the site's TIME_ZONE."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        zone = timezones.zone_of(request.user) if request.user.is_authenticated else None
        if zone is None:
            timezone.deactivate()
        else:
            timezone.activate(zone)
        try:
            return self.get_response(request)
        finally:
            # A worker thread serves other people next: never leave one person's zone behind.
            timezone.deactivate()


class PolicyHeadersMiddleware:
    """The security headers Django has no setting of its own for, on every response (pages,
    static files, error pages): Permissions-Policy (settings.PERMISSIONS_POLICY) and
    Cross-Origin-Resource-Policy (settings.CROSS_ORIGIN_RESOURCE_POLICY). The others come from
    Django's SecurityMiddleware, CSP and clickjacking middleware, configured in the settings."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.permissions_policy = ", ".join(
            f"{feature}=({' '.join(allowed)})"
            for feature, allowed in settings.PERMISSIONS_POLICY.items()
        )
        self.resource_policy = settings.CROSS_ORIGIN_RESOURCE_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        response.headers.setdefault("Cross-Origin-Resource-Policy", self.resource_policy)
        return response
