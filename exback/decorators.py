from functools import wraps

from allauth.account.models import EmailAddress
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect


def verified_login_required(view):
    """Signed in and with a verified email address, or sent to log in / verify first.

    allauth already refuses to log in an unverified account; this also covers sessions
    created any other way, so no private page is ever shown to an unverified account.
    The answer is remembered in the session to spare a query on every page.
    """

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.session.get("_email_verified"):
            if not EmailAddress.objects.filter(user=request.user, verified=True).exists():
                return redirect("account_email_verification_sent")
            request.session["_email_verified"] = True
        return view(request, *args, **kwargs)

    return wrapped
