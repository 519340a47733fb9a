from django.shortcuts import render

from .health import status

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}


class RefuseWritesMiddleware:
    """No write with keys that cannot read what is stored (vault/health.py): a POST gets a 503
    page that says what happened, and nothing is encrypted with the wrong key."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in SAFE_METHODS and not status().ok:
            return render(request, "503_keys.html", status=503)
        return self.get_response(request)
