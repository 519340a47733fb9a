"""Requests the site refuses with a page of its own rather than an error: a NUL character in
the URL (400) and a body larger than DATA_UPLOAD_MAX_MEMORY_SIZE (413). Form fields refuse
NUL themselves, next to the field (Django's CharField and ModelChoiceField validators)."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.shortcuts import render
from django.views import defaults

# How much of an oversized body is read (and thrown away) so that the browser, still sending
# it, receives the 413 page: a server that answers and closes while the body is still coming
# resets the connection, and the browser shows a network error instead. Beyond this much the
# sender is not a person with a long text, and the connection may close.
DRAIN_LIMIT = 32 * 1024 * 1024


class RejectNullCharactersMiddleware:
    """No link exback makes holds a NUL character, and PostgreSQL refuses one in text: a path
    or query string with one gets the 400 page before any view can look it up."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            return render(request, "400.html", status=400)
        return self.get_response(request)


def bad_request(request, exception):
    """The site's 400 handler (config/urls.py): Django's, except that a body over the upload
    limit gets the 413 page, which says what happened and that nothing was saved."""
    if not isinstance(exception, RequestDataTooBig):
        return defaults.bad_request(request, exception)
    remaining = DRAIN_LIMIT
    try:
        while remaining > 0 and (chunk := request.read(min(remaining, 64 * 1024))):
            remaining -= len(chunk)
    except OSError:
        pass  # the sender went away
    limit_mb = settings.DATA_UPLOAD_MAX_MEMORY_SIZE / (1024 * 1024)
    return render(request, "413.html", {"limit_mb": f"{limit_mb:g}"}, status=413)
