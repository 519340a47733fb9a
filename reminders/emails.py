"""Reminder emails: a neutral subject, the person's own name for the site (neutral in
discreet mode), plain text and HTML, and a one-click unsubscribe (RFC 8058)."""

import email.policy
from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from .models import Kind, SentReminder

UNSUBSCRIBE_SALT = "reminders.unsubscribe"
# How long an unsubscribe link works; the settings page works for ever.
UNSUBSCRIBE_MAX_AGE = 60 * 60 * 24 * 90

SUBJECTS = {
    Kind.DAILY: "A moment for today's check-in",
    Kind.HELD: "Something you set aside is ready to look at again",
    Kind.WEEKLY: "Your week, in a few numbers",
}


class ReminderEmail(EmailMultiAlternatives):
    """Headers and lines are kept whole up to RFC 5322's limit of 998 characters. Python's
    default of 78 folds the List-Unsubscribe header into encoded words, which mail programs
    do not read as a link, and cuts the links in the console's copy of the email with `=`."""

    def message(self, *, policy=email.policy.default):
        return super().message(policy=policy.clone(max_line_length=998))


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def unsubscribe_token(reminder: SentReminder) -> str:
    return signing.dumps(reminder.pk, salt=UNSUBSCRIBE_SALT, compress=False)


def reminder_from_token(token: str) -> int:
    """The reminder id in a token; signing.BadSignature when tampered with (or expired:
    signing.SignatureExpired, a subclass)."""
    value = signing.loads(token, salt=UNSUBSCRIBE_SALT, max_age=UNSUBSCRIBE_MAX_AGE)
    if not isinstance(value, int) or isinstance(value, bool):
        raise signing.BadSignature("not a reminder id")
    return value


def build(reminder: SentReminder, context: dict) -> ReminderEmail:
    user = reminder.user
    unsubscribe_url = absolute(reverse("reminders:unsubscribe", args=[unsubscribe_token(reminder)]))
    context = {
        **context,
        "site_name": user.site_name,
        "kind": reminder.kind,
        "kind_label": Kind(reminder.kind).label,
        "settings_url": absolute(reverse("reminders:settings")),
        "unsubscribe_url": unsubscribe_url,
    }
    template = f"reminders/email/{reminder.kind}"
    sender = formataddr((user.site_name, parseaddr(settings.DEFAULT_FROM_EMAIL)[1]))
    message = ReminderEmail(
        subject=SUBJECTS[Kind(reminder.kind)],
        body=render_to_string(f"{template}.txt", context),
        from_email=sender,
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    return message
