"""Who is due for which reminder, claiming its slot, and sending it once.

`dispatch` runs every minute (tasks.dispatch_reminders). For each person with a reminder on,
it reads the clock in their own time zone, skips quiet hours, and for each reminder due
inserts a SentReminder row (the unique constraint on person, kind and slot lets one
dispatcher win) and queues `send_reminder` for it in the same transaction. `send` lets one
worker move the row from pending to sending, sends, and on failure puts it back with a later
try, up to MAX_ATTEMPTS. Logs name reminders by id and kind, never anyone's address or words.
"""

import datetime
import logging
from collections.abc import Iterator
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from journal.models import Entry
from progress.models import HeldMessage, SelfCareCheckIn, Urge
from stages.program import program_for

from . import emails
from .models import Kind, ReminderSettings, SentReminder, user_zone

logger = logging.getLogger(__name__)

# A daily reminder is due from its minute for this long, so a dispatcher that was down for a
# few minutes still sends it; never later the same day than that.
DAILY_GRACE = datetime.timedelta(hours=1)
# A held message that became ready within this long ago still gets its note (say, after
# quiet hours).
HELD_LOOKBACK = datetime.timedelta(days=1)
MAX_ATTEMPTS = 4
RETRY_AFTER = [
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=30),
]


@dataclass(frozen=True)
class Due:
    kind: str
    slot: str
    held_message: HeldMessage | None = None


def due_for(prefs: ReminderSettings, now: datetime.datetime) -> Iterator[Due]:
    """The reminders due for one person at `now`, read in their own time zone."""
    user = prefs.user
    zone = user_zone(user)
    local = now.astimezone(zone)
    if prefs.is_quiet(local.time()):
        return
    if prefs.daily_enabled and prefs.daily_time is not None:
        # Yesterday's too: a 23:30 reminder is still due at 00:10.
        today = local.date()
        for day in (today, today - datetime.timedelta(days=1)):
            at = datetime.datetime.combine(day, prefs.daily_time, tzinfo=zone)
            checkins = SelfCareCheckIn.objects.for_user(user)
            # Today's check-in may be dated ahead of today (made before the zone moved west).
            checked_in = (
                checkins.filter(date__gte=day) if day == today else checkins.filter(date=day)
            ).exists
            if at <= now < at + DAILY_GRACE and not checked_in():
                yield Due(Kind.DAILY, day.isoformat())
    # Held messages are set aside for a person for whom reconnecting is unsafe: a note that
    # one is "ready to look at again" would coach contact, so none is sent.
    if prefs.held_ready_enabled and program_for(user).set_aside("held_messages") is None:
        ready = HeldMessage.objects.filter(
            user=user,
            status=HeldMessage.Status.HELD,
            ready_at__lte=now,
            ready_at__gt=now - HELD_LOOKBACK,
        ).only("pk", "ready_at", "user_id")
        for message in ready:
            # A message held again (rewritten) is ready again later: a new slot.
            yield Due(Kind.HELD, f"{message.pk}@{message.ready_at:%Y%m%dT%H%M%S}", message)
    if (
        prefs.weekly_enabled
        and local.weekday() == ReminderSettings.WEEKLY_WEEKDAY
        and local.time() >= ReminderSettings.WEEKLY_FROM
    ):
        year, week, _ = local.isocalendar()
        yield Due(Kind.WEEKLY, f"{year}-W{week:02d}")


def _taken(user, due: Due) -> bool:
    """Spares the insert (and the database's error) for the slots taken minutes ago."""
    return SentReminder.objects.filter(user=user, kind=due.kind, slot=due.slot).exists()


def claim(user, due: Due) -> SentReminder | None:
    """Insert the reminder's row and queue its sending, in one transaction; None when the
    slot is taken (another dispatcher, or this one a minute ago)."""
    from .tasks import send_reminder

    if _taken(user, due):
        return None
    try:
        with transaction.atomic():
            reminder = SentReminder.objects.create(
                user=user, kind=due.kind, slot=due.slot, held_message=due.held_message
            )
            send_reminder.enqueue(reminder.pk)
    except IntegrityError:
        return None
    return reminder


def dispatch(now: datetime.datetime | None = None) -> int:
    """Claim and queue every reminder due now; how many were queued."""
    now = now or timezone.now()
    queued = 0
    people = ReminderSettings.objects.with_any_on().filter(user__is_active=True)
    for prefs in people.select_related("user").iterator(chunk_size=500):
        for due in due_for(prefs, now):
            if claim(prefs.user, due) is not None:
                queued += 1
    if queued:
        logger.info("Reminders: %d queued", queued)
    return queued


def weekly_counts(user, now: datetime.datetime) -> dict:
    """The last seven days in the person's own zone, in numbers only."""
    zone = user_zone(user)
    today = now.astimezone(zone).date()
    first = today - datetime.timedelta(days=6)
    since = datetime.datetime.combine(first, datetime.time(), tzinfo=zone)
    checkins = SelfCareCheckIn.objects.filter(user=user)
    return {
        # Up to today, and any dated ahead of it: today's, made before the zone moved west.
        "checkins": checkins.filter(date__gte=first).count(),
        "streak": checkins.streak(today),
        "entries": Entry.objects.filter(user=user, created_at__gte=since).count(),
        "urges_resisted": Urge.objects.filter(user=user, created_at__gte=since).resisted().count(),
        "let_go": HeldMessage.objects.filter(
            user=user, status=HeldMessage.Status.LET_GO, decided_at__gte=since
        ).count(),
    }


def _context(reminder: SentReminder, now: datetime.datetime) -> dict:
    if reminder.kind == Kind.DAILY:
        return {"action_url": emails.absolute(reverse("progress:checkin_today"))}
    if reminder.kind == Kind.HELD:
        path = reverse("progress:message_detail", args=[reminder.held_message_id])
        return {"action_url": emails.absolute(path)}
    counts = weekly_counts(reminder.user, now)
    return {
        "counts": counts,
        "quiet_week": not (counts["checkins"] or counts["entries"] or counts["urges_resisted"]),
        "action_url": emails.absolute(reverse("dashboard")),
    }


def _still_wanted(reminder: SentReminder) -> bool:
    """Turned off, or the message decided, since the slot was claimed: not sent."""
    if not reminder.user.is_active:
        return False
    if not ReminderSettings.for_user(reminder.user).is_on(reminder.kind):
        return False
    if reminder.kind == Kind.HELD:
        message = reminder.held_message
        return message is not None and message.status == HeldMessage.Status.HELD
    return True


def send(reminder_id: int) -> str:
    """Send one claimed reminder, once. Returns what happened (the task's result)."""
    from .tasks import send_reminder

    # Only one worker moves the row from pending to sending: a second run, or a second
    # worker given the same task, finds nothing to do.
    taken = SentReminder.objects.filter(pk=reminder_id, status=SentReminder.Status.PENDING)
    if not taken.update(status=SentReminder.Status.SENDING, attempts=F("attempts") + 1):
        return "nothing to send"
    reminder = SentReminder.objects.select_related("user", "held_message").get(pk=reminder_id)
    if not _still_wanted(reminder):
        reminder.delete()
        logger.info("Reminder %s (%s) no longer wanted: not sent", reminder_id, reminder.kind)
        return "not wanted"
    now = timezone.now()
    try:
        emails.build(reminder, _context(reminder, now)).send()
    except Exception as exc:
        # The exception's class only: its message can hold an address.
        if reminder.attempts >= MAX_ATTEMPTS:
            reminder.status = SentReminder.Status.FAILED
            reminder.save(update_fields=["status"])
            logger.error(
                "Reminder %s (%s) not sent after %d attempts: %s",
                reminder_id,
                reminder.kind,
                reminder.attempts,
                type(exc).__name__,
            )
            return "failed"
        wait = RETRY_AFTER[min(reminder.attempts, len(RETRY_AFTER)) - 1]
        with transaction.atomic():
            reminder.status = SentReminder.Status.PENDING
            reminder.save(update_fields=["status"])
            send_reminder.using(run_after=now + wait).enqueue(reminder_id)
        logger.warning(
            "Reminder %s (%s) not sent (attempt %d of %d): %s; trying again in %s",
            reminder_id,
            reminder.kind,
            reminder.attempts,
            MAX_ATTEMPTS,
            type(exc).__name__,
            wait,
        )
        return "will retry"
    reminder.status = SentReminder.Status.SENT
    reminder.sent_at = now
    reminder.save(update_fields=["status", "sent_at"])
    logger.info("Reminder %s (%s) sent", reminder_id, reminder.kind)
    return "sent"
