"""Leaving without a trace: what the quick exit (and a logout, or an account deletion, in
exback.privacy) tells the browser to forget, and where the quick exit goes."""

from django.conf import settings

# Drop this site's local storage (drafts) and HTTP cache. Not cookies: a quick exit must not
# log anyone out visibly, and logout ends the session itself.
CLEAR_SITE_DATA = '"cache", "storage"'


def clear_site_data(response):
    response["Clear-Site-Data"] = CLEAR_SITE_DATA
    return response


def quick_exit_context(request):
    """The neutral page the quick-exit button leaves for, on every page (base.html)."""
    return {"QUICK_EXIT_URL": settings.QUICK_EXIT_URL}
