"""Leaving without a trace: what the quick exit (and a logout, or an account deletion, in
exback.privacy) tells the browser to forget, how the quick exit ends the session, and where
it goes."""

from django.apps import apps
from django.conf import settings
from django.contrib.auth import logout

# Drop this site's local storage (drafts) and HTTP cache. A logout ends the session itself,
# and its own response sets the cookies it needs (the next page's messages).
CLEAR_SITE_DATA = '"cache", "storage"'
# The quick exit ends the session anyway: cookies go too, so nothing of the visit is left.
EXIT_CLEAR_SITE_DATA = '"cache", "cookies", "storage"'


def clear_site_data(response, value=CLEAR_SITE_DATA):
    response["Clear-Site-Data"] = value
    return response


def end_session(request) -> None:
    """Sign the person out on the server, now: their allauth session row (the Sessions page's
    list) is deleted too, so nothing of this session is left to show or to resume."""
    key = request.session.session_key
    if key and apps.is_installed("allauth.usersessions"):
        from allauth.usersessions.models import UserSession

        UserSession.objects.filter(session_key=key).delete()
    # Django's logout deletes the session row and sends the cookie's deletion; allauth's
    # adapter only calls it.
    logout(request)


def quick_exit_context(request):
    """The neutral page the quick-exit button leaves for, on every page (base.html)."""
    return {"QUICK_EXIT_URL": settings.QUICK_EXIT_URL}
