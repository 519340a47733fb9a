"""The admin site (exback.apps.AdminConfig makes it `admin.site`). It has no log-in form of its
own: staff sign in through the site's log-in, where rate limits and two-factor apply, and the
admin opens only for staff with an authenticator. Kept apart from exback/admin.py, whose
registrations need the site to exist first."""

from allauth.account.decorators import secure_admin_login
from allauth.account.utils import get_next_redirect_url
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache


def two_factor_gate(request):
    """Where a signed-in staff member lands on the admin's log-in URL: into the admin with an
    authenticator, or to a page that says how to set one up. Never a password form: the admin's
    own would sign people in around the site's rate limits and two-factor."""
    if not is_mfa_enabled(request.user):
        return render(request, "exback/admin_two_factor.html", status=403)
    return redirect(get_next_redirect_url(request) or "admin:index")


class AdminSite(admin.AdminSite):
    def has_permission(self, request):
        return super().has_permission(request) and is_mfa_enabled(request.user)

    @method_decorator(never_cache)
    @login_not_required
    def login(self, request, extra_context=None):
        # A visitor is sent to the site's log-in, someone signed in without staff rights gets
        # a 403; staff go through the two-factor gate.
        return secure_admin_login(two_factor_gate)(request)
