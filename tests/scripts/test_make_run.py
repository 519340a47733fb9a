"""`make run` starts the site at http://localhost, its worker and scheduler, each log line once."""

import os
import runpy
import signal
import socket
import subprocess
import sys
import threading
import time

from tests.tools import ROOT

# The site at http://localhost -------------------------------------------------------------------
# Where browsers allow passkeys (they refuse WebAuthn for an IP address such as
# 127.0.0.1), links in its emails to that same address, and each log line once.


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def development_env(tmp_path, **extra):
    """The environment `make run` gives its processes: DEBUG on, nothing else configured
    (but a database of the test's own, so that the project's db.sqlite3 is left alone)."""
    dropped = {"DJANGO_SETTINGS_MODULE", "SITE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    database = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    return {**env, "DEBUG": "true", "PYTHONUNBUFFERED": "1", "DATABASE_URL": database, **extra}


def test_the_web_server_says_it_is_at_localhost(tmp_path):
    """The Procfile's web process, as honcho starts it, prints http://localhost:PORT/."""
    from honcho.environ import parse_procfile

    web = parse_procfile((ROOT / "Procfile").read_text()).processes["web"]
    port = free_port()
    server = subprocess.Popen(  # noqa: S602 (the Procfile's own command, run as honcho does)
        web,
        shell=True,
        cwd=ROOT,
        env=development_env(tmp_path, PORT=str(port)),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    printed: list[str] = []
    reader = threading.Thread(target=lambda: printed.extend(server.stdout or []), daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not any("Quit the server" in p for p in printed):
            time.sleep(0.1)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)
        reader.join(timeout=10)
    output = "".join(printed)
    assert f"development server at http://localhost:{port}/" in output, output


def test_make_run_opens_and_links_to_localhost():
    """`make help` and `make run` name http://localhost, and the emails' SITE_URL follows."""
    makefile = (ROOT / "Makefile").read_text()
    run = makefile[makefile.index("\nrun:") : makefile.index("\nlint:")]
    assert "SITE_URL=$${SITE_URL:-http://localhost:$(PORT)}" in run
    help_text = makefile[makefile.index("\nhelp:") : makefile.index("\ncheck")]
    assert "http://localhost:$(PORT)" in help_text
    assert "127.0.0.1" not in run


def test_site_url_defaults_to_localhost_in_development(monkeypatch):
    """With DEBUG on and no SITE_URL, links in emails point at http://localhost:8000."""
    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.setenv("DEBUG", "true")
    assert runpy.run_path(str(ROOT / "config" / "settings.py"))["SITE_URL"] == (
        "http://localhost:8000"
    )


def test_the_quick_start_opens_localhost():
    """The README's Quick start sends a newcomer to http://localhost:8000."""
    readme = (ROOT / "README.md").read_text()
    quick_start = readme[readme.index("## Quick start") :][:2000]
    assert "Open http://localhost:8000" in quick_start
    assert "Open http://127.0.0.1" not in quick_start


def test_each_log_line_prints_once_in_development(tmp_path):
    """In make run's terminal each log line prints once, in the site's format.

    With DEBUG on, Django's own "django" logger has a console handler of its own, and
    its records also reached the root's: the worker's task lines (django.tasks) and the
    development server's autoreloader printed twice in `make run`'s terminal. Each line
    prints once, in the site's format."""
    result = subprocess.run(  # noqa: S603
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "import logging; logging.getLogger('django.tasks').info('task line');"
            "logging.getLogger('django.utils.autoreload').info('reloader line');"
            "logging.getLogger('django.server').info('request line');"
            "logging.getLogger('reminders.tasks').info('reminder line')",
        ],
        cwd=ROOT,
        env=development_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    for line in ["task line", "reloader line", "request line", "reminder line"]:
        assert output.count(line) == 1, output
    assert "INFO django.tasks task line" in output


# The Procfile's three processes -----------------------------------------------------------------


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
