"""The background worker: the database queue really runs what is queued (on SQLite, and on
PostgreSQL when DATABASE_URL is set), the scheduler knows the minute dispatch, `make run`'s
Procfile starts all three processes, and the Redis backend is one setting away."""

import datetime as dt
import os
import runpy
import signal
import sys

import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.tasks import TaskResultStatus, task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from reminders.models import ReminderSettings, SentReminder
from reminders.tasks import dispatch_reminders
from tests.clock import frozen
from tests.factories import UserFactory
from tests.tools import ROOT


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


def test_make_run_starts_the_web_server_the_worker_and_the_scheduler():
    """make run migrates, then starts the site, the worker and the scheduler, so reminders send."""
    from honcho.environ import parse_procfile

    procfile = parse_procfile((ROOT / "Procfile").read_text())
    commands = procfile.processes
    assert set(commands) == {"web", "worker", "scheduler"}
    assert "manage.py runserver localhost:$PORT" in commands["web"]
    assert "manage.py db_worker" in commands["worker"]
    assert "manage.py crontask" in commands["scheduler"]
    makefile = (ROOT / "Makefile").read_text()
    run = makefile[makefile.index("\nrun:") : makefile.index("\nlint:")]
    assert run.index("manage.py migrate") < run.index("honcho start")


# Settings: the queue's backend ----------------------------------------------------------------
def settings_with(monkeypatch, **env) -> dict:
    """config.settings run afresh with these environment variables (the running Django
    settings are untouched)."""
    for name in ("TASKS_BACKEND", "TASKS_REDIS_URL", "REDIS_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(ROOT / "config" / "settings.py"))


def test_the_database_queue_is_the_default(monkeypatch):
    """Whoever runs the site needs no Redis for reminders: the database queues them by default."""
    loaded = settings_with(monkeypatch)
    assert loaded["TASKS"] == {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert "django_tasks_db" in loaded["INSTALLED_APPS"]


def test_redis_is_one_setting_away(monkeypatch):
    """Whoever runs the site can move reminders onto Redis with TASKS_BACKEND=rq alone."""
    modules_before = set(sys.modules)
    loaded = settings_with(
        monkeypatch, TASKS_BACKEND="rq", TASKS_REDIS_URL="redis://queue.internal:6379/1"
    )
    assert loaded["TASKS"] == {
        "default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}
    }
    assert loaded["RQ_QUEUES"] == {"default": {"URL": "redis://queue.internal:6379/1"}}
    assert "django_rq" in loaded["INSTALLED_APPS"]
    # Choosing it imports nothing: the package is installed only where it is used.
    assert not {m for m in set(sys.modules) - modules_before if m.startswith("django_tasks_rq")}

    # The cache's Redis serves when the queue has none of its own.
    loaded = settings_with(monkeypatch, TASKS_BACKEND="RQ", REDIS_URL="redis://cache:6379/0")
    assert loaded["RQ_QUEUES"]["default"]["URL"] == "redis://cache:6379/0"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"TASKS_BACKEND": "celery"}, "TASKS_BACKEND must be database or rq, not 'celery'."),
        ({"TASKS_BACKEND": "rq"}, "TASKS_BACKEND=rq needs Redis"),
    ],
)
def test_a_wrong_queue_setting_stops_start_up_with_a_clear_message(monkeypatch, env, message):
    """A wrong queue setting stops the site at start-up with a message saying what to fix."""
    with pytest.raises(ImproperlyConfigured, match=message.replace(".", r"\.")):
        settings_with(monkeypatch, **env)


def test_the_tests_use_the_database_queue_too():
    """The tests send reminders through the same database queue a default deployment uses."""
    assert os.environ.get("TASKS_BACKEND", "database") == "database"
    assert isinstance(task_backends["default"], DatabaseBackend)
