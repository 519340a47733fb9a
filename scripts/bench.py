"""exback's benchmark: seed demo data into PostgreSQL, serve it with gunicorn under
production settings, drive it with wrk from a separate process on 127.0.0.1, and report.

    make bench                     # or: .venv/bin/python scripts/bench.py [--duration 10]

Needs root for the local PostgreSQL cluster (or DATABASE_URL/BENCH_DATABASE_URL pointing at
a PostgreSQL it may drop and create `exback_bench` in) and wrk (`apt-get install wrk`).
Writes bench-results/report.md and bench-results/report.json (git-ignored).
"""

import argparse
import datetime
import gzip
import json
import os
import platform
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.servers.gunicorn import NoRedirect, free_port, wait_until_healthy  # noqa: E402

OUT = ROOT / "bench-results"
DB_NAME = "exback_bench"
REDIS_URL = "redis://127.0.0.1:6379/12"
WORKERS = 2  # one per core on the 2-core machine
THREADS = 4  # per worker: 8 threads, 8 PostgreSQL connections at most, far below 100
CONNECTIONS = 8  # wrk's concurrent connections, as the targets specify
DEMO_PASSWORD = "demo-password-for-the-benchmark"  # noqa: S105  (seed_demo's default)
TARGETS = {
    "share_of_floor": 0.20,  # dashboard and journal list: at least 20% of the floor's req/s
    "p99_ms": 60,  # dashboard and journal list at 8 connections
    "search_p95_ms": 100,  # heavy person's search
    "worker_rss_mb": 150,
    "dashboard_weight_kb": 120,
}


def run(*args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs)


def database_url():
    url = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        parts = urllib.parse.urlsplit(url)
        return urllib.parse.urlunsplit(parts._replace(path="/" + DB_NAME))
    return f"postgres://exback@127.0.0.1:5432/{DB_NAME}"


def ensure_services():
    if subprocess.run(["pg_isready", "-h", "127.0.0.1", "-q"], check=False).returncode != 0:
        version = sorted(os.listdir("/etc/postgresql"))[-1]
        run("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start")
        for _ in range(30):
            if subprocess.run(["pg_isready", "-h", "127.0.0.1", "-q"], check=False).returncode == 0:
                break
            time.sleep(1)
    if subprocess.run(["redis-cli", "ping"], capture_output=True, check=False).returncode != 0:
        run(
            "redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "--port", "6379",
            "--save", "", "--appendonly", "no",
        )  # fmt: skip
    run("redis-cli", "-n", REDIS_URL.rsplit("/", 1)[1], "flushdb")


def env_for(db_url):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="false",
        HTTPS="false",  # plain HTTP on loopback, for the benchmark only
        SECRET_KEY="bench-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGH",
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=db_url,
        REDIS_URL=REDIS_URL,
        ENCRYPTION_KEYS="YmVuY2gtb25seS1qb3VybmFsLWtleS0wMTIzNDU2Nzg=",
        STATIC_ROOT=str(OUT / "staticfiles"),
        BENCH_FLOOR="true",
        LOG_LEVEL="WARNING",
    )
    return env


def manage(env, *args):
    return run(sys.executable, "manage.py", *args, cwd=ROOT, env=env)


def prepare(env, people):
    db = urllib.parse.urlsplit(env["DATABASE_URL"])
    admin = urllib.parse.urlunsplit(db._replace(path="/postgres"))
    run("psql", admin, "-q", "-c", f"DROP DATABASE IF EXISTS {DB_NAME}")
    run("psql", admin, "-q", "-c", f"CREATE DATABASE {DB_NAME}")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    started = time.monotonic()
    manage(env, "seed_demo", "--people", str(people))
    return round(time.monotonic() - started, 1)


class Session:
    def __init__(self, base):
        self.base = base
        self.jar = CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )

    def get(self, path, headers=None):
        request = urllib.request.Request(self.base + path, headers=headers or {})  # noqa: S310
        try:
            with self.opener.open(request, timeout=10) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def form_fields(self, path):
        status, _, body = self.get(path)
        html = body.decode()
        main = html[html.find('id="main"') :]
        form = main[main.find("<form") : main.find("</form>")]
        return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))

    def log_in(self, email):
        fields = self.form_fields("/accounts/login/")
        data = urllib.parse.urlencode({**fields, "login": email, "password": DEMO_PASSWORD})
        request = urllib.request.Request(self.base + "/accounts/login/", data=data.encode())  # noqa: S310
        try:
            self.opener.open(request, timeout=10)
        except urllib.error.HTTPError as error:
            if error.code != 302:
                raise
        if "sessionid" not in self.cookie():
            raise RuntimeError(f"could not log in as {email}")

    def cookie(self):
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)

    def csrf(self):
        return next((c.value for c in self.jar if c.name == "csrftoken"), "")


def wrk(base, duration, method="GET", path="/", session=None, body="", token_field=""):
    env = {
        **os.environ,
        "BENCH_METHOD": method,
        "BENCH_PATH": path,
        "BENCH_COOKIE": session.cookie() if session else "",
        "BENCH_CSRF": session.csrf() if session else "",
        "BENCH_BODY": body,
        "BENCH_TOKEN_FIELD": token_field,
    }
    result = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{duration}s", "--timeout", "5s",
         "-s", str(ROOT / "scripts" / "bench.lua"), base],
        env=env, capture_output=True, text=True, check=True, timeout=duration + 60,
    )  # fmt: skip
    line = [ln for ln in result.stdout.splitlines() if ln.startswith("{")][-1]
    data = json.loads(line)
    seconds = data["duration_us"] / 1e6
    return {
        "rps": round(data["requests"] / seconds, 1),
        "p50_ms": round(data["p50_us"] / 1000, 1),
        "p95_ms": round(data["p95_us"] / 1000, 1),
        "p99_ms": round(data["p99_us"] / 1000, 1),
        "requests": data["requests"],
        "errors": sum(data["errors"].values()),
    }


def worker_peak_rss_mb(master_pid):
    peaks = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        if re.search(rf"^PPid:\s+{master_pid}$", text, re.M):
            peak = re.search(r"^VmHWM:\s+(\d+) kB", text, re.M)
            if peak:
                peaks.append(int(peak.group(1)) / 1024)
    return round(max(peaks), 1) if peaks else None


def page_weight_kb(session, path):
    """HTML plus every stylesheet, script and image it loads, as served (compressed)."""
    accept = {"Accept-Encoding": "gzip"}
    status, headers, body = session.get(path, accept)
    total = len(body)
    html = (
        body.decode()
        if headers.get("Content-Encoding") != "gzip"
        else gzip.decompress(body).decode()
    )
    assets = re.findall(r'<(?:link[^>]+href|script[^>]+src|img[^>]+src)="(/[^"]+)"', html)
    outside = re.findall(r'(?:href|src)="(?:https?:)?//', html)
    for asset in assets:
        _, _, content = session.get(asset, accept)
        total += len(content)
    return round(total / 1024, 1), len(assets), len(outside)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per scenario")
    parser.add_argument("--people", type=int, default=1000)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    ensure_services()
    env = env_for(database_url())
    seed_seconds = prepare(env, args.people)
    seeded = json.loads((OUT / "seed.json").read_text()) if (OUT / "seed.json").exists() else {}

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(OUT / "gunicorn.log", "w")  # noqa: SIM115
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", str(WORKERS), "--threads", str(THREADS), "--no-control-socket"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        wait_until_healthy(base, 60, server, "bench-results/gunicorn.log")
        people = {name: Session(base) for name in ("regular", "writer", "heavy")}
        people["regular"].log_in(seeded.get("regular", "demo00001@demo.exback.invalid"))
        people["writer"].log_in(seeded.get("writer", "demo00002@demo.exback.invalid"))
        people["heavy"].log_in(seeded.get("heavy", "heavy-5000@demo.exback.invalid"))
        word = seeded.get("search_word", "ocean")
        d = args.duration

        # Warm every path once so that the first scenario does not pay for imports.
        for name, path in [("regular", "/dashboard/"), ("heavy", "/journal/")]:
            people[name].get(path)

        journal_fields = people["writer"].form_fields("/journal/new/")
        journal_fields.pop("submission_token", None)
        journal_body = urllib.parse.urlencode(
            {
                **journal_fields,
                "title": "Benchmark",
                "body": "A line written under load.",
                "mood": "3",
            }
        )
        checkin_fields = people["writer"].form_fields("/stages/exercises/self-care/today/")
        checkin_body = urllib.parse.urlencode(
            {
                **checkin_fields,
                "date": datetime.date.today().isoformat(),
                "hours_slept": "7.5",
                "ate_well": "on",
                "moved": "on",
                "basic_care": "on",
                "mood": "4",
                "note": "",
            }
        )
        scenarios = {}
        scenarios["floor"] = wrk(base, d, path="/bench/floor")
        scenarios["dashboard"] = wrk(base, d, path="/dashboard/", session=people["regular"])
        scenarios["stage page"] = wrk(base, d, path="/stages/say-sorry/", session=people["regular"])
        scenarios["journal list p1"] = wrk(base, d, path="/journal/", session=people["heavy"])
        scenarios["journal list deep"] = wrk(
            base, d, path="/journal/?page=200", session=people["heavy"]
        )
        scenarios["journal search"] = wrk(
            base, d, path=f"/journal/?q={word}", session=people["heavy"]
        )
        scenarios["journal create (POST)"] = wrk(
            base, d, "POST", "/journal/new/", people["writer"], journal_body, "submission_token"
        )
        scenarios["check-in save (POST)"] = wrk(
            base, d, "POST", "/stages/exercises/self-care/today/", people["writer"], checkin_body
        )
        floor = scenarios["floor"]["rps"]
        for result in scenarios.values():
            result["share_of_floor"] = round(result["rps"] / floor, 3) if floor else None

        scaling = {}
        short = max(3, d // 2)
        for count in (100, 1000, 5000):
            person = Session(base)
            person.log_in(seeded.get(f"scale_{count}", f"heavy-{count}@demo.exback.invalid"))
            scaling[count] = {
                "list": wrk(base, short, path="/journal/", session=person),
                "search": wrk(base, short, path=f"/journal/?q={word}", session=person),
            }
        weight_kb, asset_count, outside = page_weight_kb(people["regular"], "/dashboard/")
        rss = worker_peak_rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=15)
        log.close()

    checks = {
        "dashboard share of floor >= 20%": scenarios["dashboard"]["share_of_floor"] >= TARGETS["share_of_floor"],
        "journal list share of floor >= 20%": scenarios["journal list p1"]["share_of_floor"] >= TARGETS["share_of_floor"],
        "dashboard p99 < 60 ms": scenarios["dashboard"]["p99_ms"] < TARGETS["p99_ms"],
        "journal list p99 < 60 ms": scenarios["journal list p1"]["p99_ms"] < TARGETS["p99_ms"],
        "search p95 < 100 ms (5,000 entries)": scenarios["journal search"]["p95_ms"] < TARGETS["search_p95_ms"],
        "no errors under load": all(r["errors"] == 0 for r in scenarios.values()),
        "worker peak RSS < 150 MB": rss is not None and rss < TARGETS["worker_rss_mb"],
        "dashboard weight < 120 KB": weight_kb < TARGETS["dashboard_weight_kb"],
        "no request to another host": outside == 0,
        "list flat 1,000 -> 5,000 (p50 within 1.5x)": scaling[5000]["list"]["p50_ms"] <= 1.5 * max(scaling[1000]["list"]["p50_ms"], 1),
        "search sub-linear 1,000 -> 5,000 (p50 under 5x)": scaling[5000]["search"]["p50_ms"] < 5 * max(scaling[1000]["search"]["p50_ms"], 1),
    }  # fmt: skip
    report = {
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "postgres": run("psql", "--version").stdout.strip(),
        },
        "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "server": {"workers": WORKERS, "threads": THREADS, "connections": CONNECTIONS},
        "seconds_per_scenario": d,
        "seed": {"people": args.people, "seconds": seed_seconds},
        "scenarios": scenarios,
        "scaling": scaling,
        "worker_peak_rss_mb": rss,
        "dashboard_weight_kb": weight_kb,
        "dashboard_assets": asset_count,
        "checks": checks,
    }
    (OUT / "report.json").write_text(json.dumps(report, indent=2))
    (OUT / "report.md").write_text(markdown(report))
    print(markdown(report))
    return 0


def markdown(report):
    lines = [
        f"# exback benchmark, {report['when']}",
        "",
        f"Machine: {report['machine']['cpus']} cores, {report['machine']['platform']}, "
        f"Python {report['machine']['python']}, {report['machine']['postgres']}. "
        f"gunicorn {report['server']['workers']} workers x {report['server']['threads']} threads; "
        f"wrk {report['server']['connections']} connections, {report['seconds_per_scenario']} s "
        f"per scenario. Seeded {report['seed']['people']} people in {report['seed']['seconds']} s.",
        "",
        "| scenario | req/s | p50 ms | p95 ms | p99 ms | errors | share of floor |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, r in report["scenarios"].items():
        lines.append(
            f"| {name} | {r['rps']} | {r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} | "
            f"{r['errors']} | {r['share_of_floor']:.0%} |"
        )
    lines += ["", "Journal cost by entries for one person (p50 / p95 ms):", "",
              "| entries | list | search |", "|---:|---|---|"]  # fmt: skip
    for count, r in report["scaling"].items():
        lines.append(
            f"| {count} | {r['list']['p50_ms']} / {r['list']['p95_ms']} | "
            f"{r['search']['p50_ms']} / {r['search']['p95_ms']} |"
        )
    lines += [
        "",
        f"Largest worker's peak RSS: {report['worker_peak_rss_mb']} MB. Dashboard weight as "
        f"served: {report['dashboard_weight_kb']} KB in {report['dashboard_assets'] + 1} requests.",
        "",
        "| target | met |",
        "|---|---|",
    ]
    lines += [f"| {name} | {'yes' if ok else '**no**'} |" for name, ok in report["checks"].items()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
