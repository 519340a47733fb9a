"""Reminders a person chooses (all off until they turn them on), and the one row per
reminder per slot that makes sending them idempotent."""

import datetime
import zoneinfo

from django.conf import settings
from django.db import models
from django.utils import timezone


def user_zone(user) -> zoneinfo.ZoneInfo:
    """The person's own time zone; the site's TIME_ZONE when they chose none (or an unknown
    name slipped in)."""
    try:
        return zoneinfo.ZoneInfo(user.time_zone or settings.TIME_ZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(settings.TIME_ZONE)


class Kind(models.TextChoices):
    DAILY = "daily", "daily check-in reminder"
    HELD = "held", "note when something you set aside is ready"
    WEEKLY = "weekly", "weekly note"


class ReminderSettingsQuerySet(models.QuerySet):
    def with_any_on(self):
        return self.filter(
            models.Q(daily_enabled=True)
            | models.Q(held_ready_enabled=True)
            | models.Q(weekly_enabled=True)
        )


class ReminderSettings(models.Model):
    """What a person asked to be reminded of. Times are wall-clock times in their own zone."""

    # The weekly note goes out on the person's Sunday, from this local time on.
    WEEKLY_WEEKDAY = 6  # Sunday (Monday is 0)
    WEEKLY_FROM = datetime.time(10, 0)

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_settings"
    )
    daily_enabled = models.BooleanField("Remind me to check in each day", default=False)
    daily_time = models.TimeField("At", null=True, blank=True)
    held_ready_enabled = models.BooleanField(
        "Tell me when a message I held back is ready to look at again", default=False
    )
    weekly_enabled = models.BooleanField("Send me a weekly note", default=False)
    quiet_start = models.TimeField("Quiet from", null=True, blank=True)
    quiet_end = models.TimeField("Quiet until", null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReminderSettingsQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "reminder settings"

    def __str__(self):
        return f"Reminder settings of user {self.user_id}"

    @classmethod
    def for_user(cls, user) -> "ReminderSettings":
        """The person's settings, unsaved defaults (everything off) when they have none yet."""
        return cls.objects.filter(user=user).first() or cls(user=user)

    def as_data(self) -> dict:
        """For the person's data export."""
        times = {
            name: value.strftime("%H:%M") if value else None
            for name, value in (
                ("daily_time", self.daily_time),
                ("quiet_start", self.quiet_start),
                ("quiet_end", self.quiet_end),
            )
        }
        return {
            "daily_enabled": self.daily_enabled,
            "held_ready_enabled": self.held_ready_enabled,
            "weekly_enabled": self.weekly_enabled,
            **times,
            "sent": self.user.sent_reminders.filter(sent_at__isnull=False).count(),
        }

    def is_on(self, kind: str) -> bool:
        return {
            Kind.DAILY: self.daily_enabled,
            Kind.HELD: self.held_ready_enabled,
            Kind.WEEKLY: self.weekly_enabled,
        }[Kind(kind)]

    def is_quiet(self, moment: datetime.time) -> bool:
        """Whether a local time falls in quiet hours; 22:00–07:00 wraps past midnight."""
        start, end = self.quiet_start, self.quiet_end
        if start is None or end is None or start == end:
            return False
        moment = moment.replace(second=0, microsecond=0, tzinfo=None)
        if start < end:
            return start <= moment < end
        return moment >= start or moment < end


class SentReminder(models.Model):
    """One reminder for one person in one slot (a local date, an ISO week, a held message's
    hold). Inserted before anything is sent: the unique constraint lets only one dispatcher
    claim a slot, and the status lets only one worker send it."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sent_reminders"
    )
    kind = models.CharField(max_length=8, choices=Kind.choices)
    slot = models.CharField(max_length=64)
    # For a held-message reminder: which message (the email links to it, never quotes it).
    held_message = models.ForeignKey(
        "progress.HeldMessage", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    # Set when its unsubscribe link is used: each link works once.
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "slot"], name="reminders_one_per_person_kind_slot"
            )
        ]
        indexes = [models.Index(fields=["status", "created_at"], name="reminders_status_created")]

    def __str__(self):
        return f"{self.kind} reminder {self.slot} ({self.status})"
