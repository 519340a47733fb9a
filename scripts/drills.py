"""Fault drills on loopback: restart PostgreSQL, or stop Redis, while people save journal
entries, and check that nothing they were told was saved is lost.

    .venv/bin/python scripts/drills.py postgres   # restart PostgreSQL under load
    .venv/bin/python scripts/drills.py redis      # stop Redis under load, then restart it

Needs root, the machine's own PostgreSQL cluster (pg_ctlcluster) and Redis, as on the
development machines and in CI; it starts either if it is down and creates the `exback` role
if it is missing. It uses its own database (exback_drill), starts granian (the production server) on
127.0.0.1 only, sends a bounded number of requests for a bounded time, prints a JSON report,
and exits non-zero if a drill's promise is broken.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.servers.gunicorn import NoRedirect, free_port, wait_until_healthy  # noqa: E402

DB_NAME = "exback_drill"
DATABASE_URL = f"postgres://exback@127.0.0.1:5432/{DB_NAME}"
REDIS_URL = "redis://127.0.0.1:6379/13"
EMAIL = "drill@example.com"
PASSWORD = "drill-passphrase-long-enough"  # noqa: S105
CLIENTS = 4
DURATION = 14.0  # seconds of load
OUTAGE_AT = 4.0  # seconds into the load
OUTAGE_LENGTH = 3.0  # seconds the service stays down
MAX_REQUESTS = 2_000  # a hard bound on saves attempted
RECOVERY_LIMIT = 5.0  # seconds the site may take to serve again
REDIS_START = [
    "redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "-::1", "--port", "6379",
    "--save", "", "--appendonly", "no", "--dir", "/var/lib/redis",
    "--logfile", "/var/log/redis/ci.log",
]  # fmt: skip


def run(*args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs)


def pg_cluster(action):
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    run("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action)


def psql(sql):
    run("psql", "-h", "127.0.0.1", "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-q", "-c", sql)


def ensure_services():
    """On a fresh machine: PostgreSQL and Redis running, and the `exback` role the drills
    connect as (.ci/run creates it too, but `make drills` may come first)."""
    if subprocess.run(["pg_isready", "-h", "127.0.0.1", "-q"], check=False).returncode != 0:
        pg_cluster("start")
        for _ in range(30):
            if subprocess.run(["pg_isready", "-h", "127.0.0.1", "-q"], check=False).returncode == 0:
                break
            time.sleep(1)
    if subprocess.run(["redis-cli", "ping"], capture_output=True, check=False).returncode != 0:
        Path("/var/lib/redis").mkdir(parents=True, exist_ok=True)
        Path("/var/log/redis").mkdir(parents=True, exist_ok=True)
        run(*REDIS_START)
    psql(
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'exback') "
        "THEN CREATE ROLE exback LOGIN CREATEDB; END IF; END $$"
    )


def app_env():
    from cryptography.fernet import Fernet

    key_file = ROOT / "test-artifacts" / "drill-journal-key"
    if not key_file.exists():
        key_file.write_text(Fernet.generate_key().decode())
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="false",
        HTTPS="false",
        SECRET_KEY="drill-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEF",
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=DATABASE_URL,
        REDIS_URL=REDIS_URL,
        ENCRYPTION_KEYS=key_file.read_text().strip(),
        STATIC_ROOT=str(ROOT / "test-artifacts" / "staticfiles"),
        LOG_LEVEL="WARNING",
    )
    return env


def manage(env, *args):
    return run(sys.executable, "manage.py", *args, cwd=ROOT, env=env)


def prepare(env):
    # A clean cache: rate-limit counters from an earlier drill must not refuse these logins.
    run("redis-cli", "-n", REDIS_URL.rsplit("/", 1)[1], "flushdb")
    psql(f"DROP DATABASE IF EXISTS {DB_NAME}")
    psql(f"CREATE DATABASE {DB_NAME} OWNER exback")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    manage(
        env,
        "shell",
        "-c",
        "from allauth.account.models import EmailAddress\n"
        "from exback.models import User\n"
        f"u = User.objects.create_user({EMAIL!r}, {PASSWORD!r})\n"
        "EmailAddress.objects.create(user=u, email=u.email, primary=True, verified=True)\n",
    )


class Client:
    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(CookieJar()), NoRedirect()
        )

    def request(self, path, data=None, timeout=5):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body)  # noqa: S310
        try:
            with self.opener.open(request, timeout=timeout) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    def form(self, path):
        """The hidden inputs of the page's main form (CSRF token, submission token, …)."""
        status, _, html = self.request(path)
        if status != 200:
            return None
        form = html[html.find("<form", html.find('id="main"')) :]
        form = form[: form.find("</form>")]
        return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))

    def log_in(self):
        fields = self.form("/accounts/login/")
        if fields is None:
            raise RuntimeError("log in failed: no form")
        # A production password hash takes about 1.5 s of CPU; four at once on two cores
        # (with the server's other work) can take longer than a page's usual time-out.
        status, headers, _ = self.request(
            "/accounts/login/", {**fields, "login": EMAIL, "password": PASSWORD}, timeout=30
        )
        if status != 302:
            raise RuntimeError(f"log in failed: HTTP {status}")


# Logins use the cache (allauth's rate limits), so the clients log in again now and then to
# cross the outage; 4 clients every 6 s stay well under allauth's 30 logins a minute per IP.
RELOGIN_EVERY = 6.0


def first_log_in(base):
    """Log in before the outage starts, trying again a few times if the server is busy."""
    for attempt in range(5):
        client = Client(base)
        try:
            client.log_in()
            return client
        except (RuntimeError, urllib.error.URLError, ConnectionError, TimeoutError):
            if attempt == 4:
                raise
            time.sleep(1 + attempt)
    raise AssertionError("unreachable")


def load(base, stop_at, results, lock, counter):
    client = first_log_in(base)
    logged_in_at = time.monotonic()
    while time.monotonic() < stop_at:
        if time.monotonic() - logged_in_at > RELOGIN_EVERY:
            try:
                client = Client(base)
                client.log_in()
                results.append({"n": None, "ok": True, "login": True, "at": time.monotonic()})
            except (RuntimeError, urllib.error.URLError, ConnectionError, TimeoutError) as error:
                results.append(
                    {
                        "n": None,
                        "ok": False,
                        "login": True,
                        "why": str(error),
                        "at": time.monotonic(),
                    }
                )
                time.sleep(1)
                continue
            logged_in_at = time.monotonic()
        with lock:
            if counter[0] >= MAX_REQUESTS:
                return
            counter[0] += 1
            n = counter[0]
        body = f"drill entry {n}: the words survive a restart"
        try:
            fields = client.form("/journal/new/")
            if fields is None:
                results.append({"n": n, "ok": False, "why": "form unavailable"})
                time.sleep(0.1)
                continue
            status, headers, _ = client.request(
                "/journal/new/", {**fields, "title": f"drill {n}", "body": body}
            )
        except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
            results.append({"n": n, "ok": False, "why": type(error).__name__})
            time.sleep(0.1)
            continue
        location = headers.get("Location", "") if status == 302 else ""
        match = re.search(r"/journal/([0-9a-f-]{36})/", location)
        if match:
            results.append({"n": n, "ok": True, "id": match.group(1), "body": body})
        else:
            results.append({"n": n, "ok": False, "why": f"HTTP {status}"})
            time.sleep(0.1)


def watch_health(base, stop_at, samples):
    while time.monotonic() < stop_at:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=1) as response:  # noqa: S310
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            status = 0
        samples.append((time.monotonic(), status))
        time.sleep(0.1)


def verify(env, acknowledged):
    """Every acknowledged entry is in the database with the text that was sent, indexed."""
    expected = {item["id"]: item["body"] for item in acknowledged}
    code = (
        "import json, sys\n"
        "from journal.models import Entry\n"
        f"expected = json.loads({json.dumps(json.dumps(expected))})\n"
        "found = {str(e.pk): e.body for e in Entry.objects.filter(pk__in=list(expected))}\n"
        "missing = [k for k in expected if k not in found]\n"
        "changed = [k for k in expected if k in found and found[k] != expected[k]]\n"
        "unindexed = Entry.objects.filter(tokens__isnull=True).count()\n"
        "print(json.dumps({'found': len(found), 'missing': missing, 'changed': changed,\n"
        "    'total_rows': Entry.objects.count(), 'unindexed_rows': unindexed}))\n"
    )
    return json.loads(manage(env, "shell", "-c", code).stdout.strip().splitlines()[-1])


def drill(kind):
    env = app_env()
    prepare(env)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(ROOT / "test-artifacts" / f"drill-{kind}.log", "w")  # noqa: SIM115
    # The production server (docs/deploy.md): granian, chosen by `make bench`.
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "granian"), "--interface", "wsgi",
         "--host", "127.0.0.1", "--port", str(port), "--workers", "2",
         "--blocking-threads", "2", "--backpressure", "2", "--no-ws",
         "--respawn-failed-workers", "--log-level", "warning", "config.wsgi:application"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        wait_until_healthy(base, 60, server, f"test-artifacts/drill-{kind}.log")
        start = time.monotonic()
        stop_at = start + DURATION
        results, samples, lock, counter = [], [], threading.Lock(), [0]
        threads = [
            threading.Thread(target=load, args=(base, stop_at, results, lock, counter))
            for _ in range(CLIENTS)
        ]
        threads.append(threading.Thread(target=watch_health, args=(base, stop_at, samples)))
        for thread in threads:
            thread.start()
        time.sleep(OUTAGE_AT)
        down_at = time.monotonic()
        if kind == "postgres":
            pg_cluster("stop")
        else:
            run("redis-cli", "-h", "127.0.0.1", "-p", "6379", "shutdown", "nosave")
        # One log-in in the middle of the outage, for certain: it goes through the cache.
        time.sleep(OUTAGE_LENGTH / 2)
        outage_login = {"login": True, "during_outage": True, "at": time.monotonic()}
        try:
            Client(base).log_in()
            outage_login["ok"] = True
        except (RuntimeError, OSError) as error:
            outage_login.update(ok=False, why=str(error))
        results.append(outage_login)
        time.sleep(max(0.0, OUTAGE_LENGTH / 2 - (time.monotonic() - outage_login["at"])))
        if kind == "postgres":
            pg_cluster("start")
        else:
            run(*REDIS_START)
        up_at = time.monotonic()
        for thread in threads:
            thread.join()
    finally:
        server.terminate()
        server.wait(timeout=15)
        log.close()

    logins = [r for r in results if r.get("login")]
    results = [r for r in results if not r.get("login")]
    acknowledged = [r for r in results if r["ok"]]
    failed = [r for r in results if not r["ok"]]
    check = verify(env, acknowledged)
    during = [s for t, s in samples if down_at + 0.5 <= t <= up_at]
    after = [(t, s) for t, s in samples if t >= up_at]
    first_ok = next((t for t, s in after if s == 200), None)
    recovery = round(first_ok - up_at, 2) if first_ok else None
    log_text = (ROOT / "test-artifacts" / f"drill-{kind}.log").read_text()
    report = {
        "drill": kind,
        "saves_attempted": len(results),
        "saves_acknowledged": len(acknowledged),
        "saves_refused_or_failed": len(failed),
        "logins_during_drill": len(logins),
        "logins_failed": sum(1 for r in logins if not r["ok"]),
        "login_during_outage_worked": any(r.get("during_outage") and r["ok"] for r in logins),
        "acknowledged_found_afterwards": check["found"],
        "acknowledged_missing": len(check["missing"]),
        "acknowledged_with_changed_text": len(check["changed"]),
        "rows_without_search_index": check["unindexed_rows"],
        "healthz_during_outage": sorted(set(during)),
        "seconds_to_recover": recovery,
        "redis_degradation_logged": "Redis unavailable" in log_text,
    }
    problems = []
    if check["missing"] or check["changed"]:
        problems.append("an acknowledged save is missing or changed")
    if check["unindexed_rows"]:
        problems.append("half-saved rows (entries without their search index)")
    if recovery is None or recovery > RECOVERY_LIMIT:
        problems.append(f"the site did not serve again within {RECOVERY_LIMIT}s")
    if not acknowledged:
        problems.append("no save succeeded at all")
    if report["logins_failed"] and kind == "postgres":
        # Logins may fail while PostgreSQL is down; afterwards they must work again.
        late = [r for r in logins if not r["ok"] and r.get("at", 0) > up_at + RECOVERY_LIMIT]
        if late:
            problems.append("logins still failed after the database was back")
    if kind == "postgres" and 503 not in during:
        problems.append("/healthz did not report 503 while PostgreSQL was down")
    if kind == "redis":
        if failed or report["logins_failed"]:
            problems.append("saves or logins failed while Redis was down")
        if not report["redis_degradation_logged"]:
            problems.append("the log does not say that Redis was unavailable")
    report["problems"] = problems
    print(json.dumps(report, indent=2))
    out = ROOT / "test-artifacts" / f"drill-{kind}.json"
    out.write_text(json.dumps(report, indent=2))
    return not problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=["postgres", "redis", "all"])
    args = parser.parse_args()
    (ROOT / "test-artifacts").mkdir(exist_ok=True)
    ensure_services()
    kinds = ["postgres", "redis"] if args.kind == "all" else [args.kind]
    ok = all([drill(kind) for kind in kinds])
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
