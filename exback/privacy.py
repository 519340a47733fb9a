"""What the browser keeps of a person's visit: nothing private in its cache, nothing at all
after a logout, a quick exit or an account deletion (someone may share the device)."""

from django.conf import settings
from django.utils.cache import add_never_cache_headers

from safety.exit import clear_site_data

# The quick exit (safety.views.quick_exit) clears the same data itself, without signing out.
CLEARING_VIEWS = {"account_logout", "account_delete"}


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


def site_name_context(request):
    """The site's name as this person's pages give it: the neutral DISCREET_NAME in discreet
    mode (User.site_name). Every page says the site's name with it, never "exback" as such:
    the tab title, the description, the header's brand, the footer and the text
    (tests/exback/test_privacy.py)."""
    user = getattr(request, "user", None)
    return {"site_name": getattr(user, "site_name", settings.SITE_NAME)}
