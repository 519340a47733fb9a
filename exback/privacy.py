"""What the browser keeps of a person's visit: nothing private in its cache, nothing at all
after a logout, a quick exit or an account deletion (someone may share the device)."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponseRedirect
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

# Drop this site's local storage (drafts) and HTTP cache. Not cookies: a quick exit must not
# log anyone out visibly, and logout ends the session itself.
CLEAR_SITE_DATA = '"cache", "storage"'
CLEARING_VIEWS = {"account_logout", "account_delete"}


def clear_site_data(response):
    response["Clear-Site-Data"] = CLEAR_SITE_DATA
    return response


class PrivatePagesMiddleware:
    """Every response to a signed-in person is `Cache-Control: no-store` (unless the view set
    its own caching), and a successful logout or account deletion clears the site's data."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        signed_in = request.user.is_authenticated
        response = self.get_response(request)
        if signed_in and not response.has_header("Cache-Control"):
            add_never_cache_headers(response)
        match = request.resolver_match
        if (
            request.method == "POST"
            and match is not None
            and match.url_name in CLEARING_VIEWS
            and response.status_code in (301, 302, 303)
        ):
            clear_site_data(response)
        return response


@login_not_required
@require_safe
def quick_exit(request):
    """The quick-exit link without JavaScript: clear what the browser holds and leave for
    a neutral page (static/js/quick-exit.js does the same at once, replacing the history
    entry)."""
    return clear_site_data(HttpResponseRedirect(settings.QUICK_EXIT_URL))


def quick_exit_context(request):
    return {"QUICK_EXIT_URL": settings.QUICK_EXIT_URL}


def site_name_context(request):
    """The site's name as this person's pages give it: the neutral DISCREET_NAME in discreet
    mode (User.site_name), for the tab title."""
    user = getattr(request, "user", None)
    return {"site_name": getattr(user, "site_name", settings.SITE_NAME)}
