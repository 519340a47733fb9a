"""Every account email allauth can send here, and sending one the way allauth does."""

from allauth.account.adapter import get_adapter
from allauth.core.context import request_context
from django.core import mail
from django.test import RequestFactory

LINK = "http://testserver/accounts/confirm-email/" + "MQ:1vAbCd:" + "x" * 90 + "/"


# Every email allauth (account and mfa) can send here, with what its template is given.
NOTIFICATION = {"ip": "192.0.2.1", "user_agent": "Firefox", "timestamp": None}
EMAILS = {
    "account/email/email_confirmation_signup": {"code": "482913"},
    "account/email/email_confirmation": {"activate_url": LINK},
    "account/email/password_reset_key": {"password_reset_url": LINK},
    "account/email/password_reset_code": {"code": "482913"},
    "account/email/login_code": {"code": "482913"},
    "account/email/account_already_exists": {"password_reset_url": LINK},
    "account/email/unknown_account": {"signup_url": LINK},
    "account/email/email_confirm": NOTIFICATION,
    "account/email/email_changed": {**NOTIFICATION, "from_email": "a@x.org", "to_email": "b@x.org"},
    "account/email/email_deleted": {**NOTIFICATION, "deleted_email": "old@x.org"},
    "account/email/password_changed": NOTIFICATION,
    "account/email/password_set": NOTIFICATION,
    "account/email/password_reset": NOTIFICATION,
    "mfa/email/totp_activated": NOTIFICATION,
    "mfa/email/totp_deactivated": NOTIFICATION,
    "mfa/email/recovery_codes_generated": NOTIFICATION,
    "mfa/email/webauthn_added": NOTIFICATION,
    "mfa/email/webauthn_removed": NOTIFICATION,
}


def send(template_prefix, user, **extra):
    """Send one email the way allauth does: through our adapter, during a request."""
    request = RequestFactory().get("/")
    with request_context(request):
        context = {**EMAILS[template_prefix], **extra}
        if user is not None:
            context["user"] = user
        if "timestamp" in context:
            from django.utils import timezone

            context["timestamp"] = timezone.now()
        get_adapter(request).send_mail(template_prefix, user.email if user else "x@x.org", context)
    return mail.outbox[-1]


def html_of(message):
    (html, mimetype) = message.alternatives[0]
    assert mimetype == "text/html"
    return html
