from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core import signing
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import emails
from .forms import ReminderSettingsForm
from .models import Kind, ReminderSettings, SentReminder, user_zone

require_get_post = require_http_methods(["GET", "HEAD", "POST"])

ENABLED_FIELD = {
    Kind.DAILY: "daily_enabled",
    Kind.HELD: "held_ready_enabled",
    Kind.WEEKLY: "weekly_enabled",
}


@require_get_post
def settings(request):
    # Bound on every POST: a form with every box unticked and no times may send nothing.
    data = request.POST if request.method == "POST" else None
    form = ReminderSettingsForm(data, instance=ReminderSettings.for_user(request.user))
    if request.method == "POST" and form.is_valid():
        form.save_for(request.user)
        messages.success(request, "Your reminder choices are saved.")
        return redirect("reminders:settings")
    return render(
        request,
        "reminders/settings.html",
        {"form": form, "zone": user_zone(request.user).key},
    )


def _reminder_for(token: str) -> tuple[SentReminder | None, str]:
    """The reminder an unsubscribe link names, and the link's state: "ok", "used",
    "expired", "invalid" (tampered with, or cut short) or "gone" (the account is deleted)."""
    try:
        pk = emails.reminder_from_token(token)
    except signing.SignatureExpired:
        return None, "expired"
    except signing.BadSignature:
        return None, "invalid"
    reminder = SentReminder.objects.filter(pk=pk).first()
    if reminder is None:
        return None, "gone"
    return reminder, "used" if reminder.unsubscribed_at else "ok"


# RFC 8058: a mail program unsubscribes with a POST that carries no cookie and no CSRF token;
# the signed, single-use token in the URL is the proof, and the POST can do nothing else.
@csrf_exempt
@login_not_required
@never_cache
@require_get_post
def unsubscribe(request, token):
    reminder, state = _reminder_for(token)
    if request.method == "POST" and reminder is not None and state == "ok":
        with transaction.atomic():
            first = SentReminder.objects.filter(pk=reminder.pk, unsubscribed_at=None).update(
                unsubscribed_at=timezone.now()
            )
            if first:
                ReminderSettings.objects.filter(user_id=reminder.user_id).update(
                    **{ENABLED_FIELD[Kind(reminder.kind)]: False}, updated_at=timezone.now()
                )
        if request.POST.get("List-Unsubscribe") == "One-Click":
            # The mail program's own request: a short answer, no redirect to follow.
            return render(
                request, "reminders/unsubscribe.html", {"state": "done", **_kind(reminder)}
            )
        return redirect("reminders:unsubscribe", token=token)
    status = 400 if state in {"invalid", "expired", "gone"} else 200
    context = {"state": state, "token": token, **(_kind(reminder) if reminder else {})}
    return render(request, "reminders/unsubscribe.html", context, status=status)


def _kind(reminder: SentReminder) -> dict:
    return {"kind_label": Kind(reminder.kind).label}
