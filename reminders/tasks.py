"""Background work, on Django's tasks framework (the database queue by default, see
settings.TASKS). `manage.py crontask` enqueues `dispatch_reminders` every minute;
`manage.py db_worker` runs what is queued."""

from crontask import cron
from django.tasks import task

from . import services


@cron("* * * * *")
@task
def dispatch_reminders() -> int:
    """Find who is due a reminder now, in their own time, and queue one task per reminder."""
    return services.dispatch()


@task
def send_reminder(reminder_id: int) -> str:
    return services.send(reminder_id)
