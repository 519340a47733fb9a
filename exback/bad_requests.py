"""Requests the site refuses with a page of its own rather than an error: a NUL character in
the URL (400), a body in a character set other than UTF-8 (400), and a body larger than
DATA_UPLOAD_MAX_MEMORY_SIZE (413). Form fields refuse NUL themselves, next to the field
(Django's CharField and ModelChoiceField validators)."""

import codecs

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


# What a request may declare its body to be in: UTF-8, and ASCII, which is part of it.
READABLE_CHARSETS = {"utf-8", "ascii"}
FOREIGN_CHARSET = (
    "It was sent in a character set other than UTF-8, which exback does not read, so nothing "
    "was saved."
)


def _codec(charset: str) -> str | None:
    try:
        return codecs.lookup(charset).name
    except (LookupError, ValueError):
        return None


class RejectForeignCharsetsMiddleware:
    """exback reads what is sent as UTF-8, as browsers send forms. A request whose Content-Type
    names another charset got an empty 500: Django refuses such a form body by raising
    BadRequest from request.POST, and its 400 and 500 pages read request.POST again (to check
    the CSRF token) and fail the same way; a charset Python knows as a codec that is not text
    (rot13) raised LookupError wherever the body or query string was decoded. So any charset
    but UTF-8 or ASCII, known to Python or not, gets the 400 page here, before anything reads
    the request; ASCII is read as UTF-8."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        charset = request.content_params.get("charset")
        if charset is not None:
            if _codec(charset) not in READABLE_CHARSETS:
                return render(request, "400.html", {"reason": FOREIGN_CHARSET}, status=400)
            request.encoding = "utf-8"
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
