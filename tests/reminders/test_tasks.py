"""Queued reminders really go out through the worker, and the scheduler checks every minute."""

# The database queue really runs what is queued (on SQLite, and on PostgreSQL when
# DATABASE_URL is set).

import datetime as dt
import os
import signal

import pytest
from django.core import mail
from django.core.management import call_command
from django.tasks import TaskResultStatus, task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from reminders.models import ReminderSettings, SentReminder
from reminders.tasks import dispatch_reminders
from tests.clock import frozen
from tests.factories import UserFactory


@pytest.fixture
def signals_kept():
    """db_worker installs its own SIGINT/SIGTERM handlers: put pytest's back afterwards."""
    kept = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    yield
    for sig, handler in kept.items():
        signal.signal(sig, handler)


def run_worker():
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)


# On a transactional database: the worker, as in production, commits its own transactions and
# closes a connection it finds inside one (which pytest-django's per-test transaction is).
@frozen
def test_the_database_worker_runs_the_dispatch_and_the_sends_it_queues(
    transactional_db, signals_kept
):
    """A due daily reminder reaches the person's inbox once, however many workers run."""
    user = UserFactory()
    ReminderSettings.objects.create(user=user, daily_enabled=True, daily_time=dt.time(12, 0))

    result = dispatch_reminders.enqueue()
    assert isinstance(task_backends["default"], DatabaseBackend)
    assert result.status == TaskResultStatus.READY
    assert not mail.outbox  # nothing runs until a worker does

    run_worker()  # the dispatch, then the send it queued, then no more: --batch ends

    statuses = dict(DBTaskResult.objects.values_list("task_path", "status"))
    assert statuses == {
        "reminders.tasks.dispatch_reminders": TaskResultStatus.SUCCESSFUL,
        "reminders.tasks.send_reminder": TaskResultStatus.SUCCESSFUL,
    }
    result.refresh()
    assert result.return_value == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    assert SentReminder.objects.get(user=user).status == SentReminder.Status.SENT

    # The next minute's dispatch, and a second worker: still one email.
    dispatch_reminders.enqueue()
    run_worker()
    run_worker()
    assert len(mail.outbox) == 1


def test_the_scheduler_enqueues_the_dispatch_every_minute():
    """Reminders go out on the minute they are set for: the scheduler checks every minute."""
    from crontask import scheduler

    jobs = [job for job in scheduler.get_jobs() if job.func == dispatch_reminders.enqueue]
    assert len(jobs) == 1
    assert str(jobs[0].trigger).startswith(
        "cron[month='*', day='*', day_of_week='*', hour='*', minute='*'"
    )


def test_the_tests_use_the_database_queue_too():
    """The tests send reminders through the same database queue a default deployment uses."""
    assert os.environ.get("TASKS_BACKEND", "database") == "database"
    assert isinstance(task_backends["default"], DatabaseBackend)
