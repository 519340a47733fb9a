"""People with reminders chosen, the instants they are due at, and running the queued sends."""

import datetime as dt

from django.core import mail
from django_tasks_db.models import DBTaskResult

from reminders import services
from reminders.models import ReminderSettings
from reminders.tasks import send_reminder
from tests.factories import UserFactory


def at(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)


def person(zone="", **prefs):
    user = UserFactory(time_zone=zone)
    if prefs:
        ReminderSettings.objects.create(user=user, **prefs)
    return user


def queued_sends() -> int:
    return DBTaskResult.objects.filter(task_path="reminders.tasks.send_reminder").count()


def run_queued() -> None:
    """Run every queued send, as the worker would (the worker itself: its own tests)."""
    for result in DBTaskResult.objects.ready().filter(task_path="reminders.tasks.send_reminder"):
        result.delete()
        send_reminder.call(*result.args_kwargs["args"])


def send_one(user) -> mail.EmailMessage:
    services.dispatch()
    run_queued()
    assert len(mail.outbox) == 1
    return mail.outbox[0]


def bodies(message) -> tuple[str, str]:
    html = next(content for content, kind in message.alternatives if kind == "text/html")
    return message.body, html
