"""Compress public HTML only: BREACH-safe by leaving out every page with a secret on it.

BREACH recovers a secret from a compressed HTTPS response when the same response also
reflects something an attacker chose (a search query, say). Every page of a signed-in person
holds their own words and, in the header's log-out form, a CSRF token; the log-in and sign-up
forms hold a token too. Those go out uncompressed. What is left, the public pages without a
form (home, About, Privacy, Safety, the error pages), carries nothing secret, so gzip there is
safe and saves most of their bytes. Static files are compressed ahead of time by WhiteNoise
(gzip and Brotli) and never pass through here.
"""

from django.middleware.gzip import GZipMiddleware

CSRF_FIELD = b'name="csrfmiddlewaretoken"'


class PublicGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        user = getattr(request, "user", None)
        if (
            response.streaming
            or not response.get("Content-Type", "").startswith("text/html")
            or (user is not None and user.is_authenticated)
            or CSRF_FIELD in response.content
        ):
            return response
        return super().process_response(request, response)
