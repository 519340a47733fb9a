"""exback's benchmark: seed demo data into PostgreSQL, serve it with gunicorn or granian under
production settings, drive it with wrk from a separate process on 127.0.0.1, and report.

    make bench                     # or: .venv/bin/python scripts/bench.py [--duration 10]
    .venv/bin/python scripts/bench.py --server granian

Needs the local PostgreSQL (it creates the role it connects as when that role is missing, as
.ci/run does) or DATABASE_URL/BENCH_DATABASE_URL pointing at a PostgreSQL where that role may
drop and create `exback_bench`; Redis on 127.0.0.1; and wrk (`apt-get install wrk`).
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
from html.parser import HTMLParser
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.servers.gunicorn import NoRedirect, free_port, wait_until_healthy  # noqa: E402

OUT = ROOT / "bench-results"
DB_NAME = "exback_bench"
DEFAULT_DATABASE_URL = f"postgres://exback@127.0.0.1:5432/{DB_NAME}"
LOCAL_HOSTS = {None, "", "127.0.0.1", "localhost", "::1"}
REDIS_URL = "redis://127.0.0.1:6379/12"
SERVERS = ("gunicorn", "granian")
WORKERS = 2  # one per core on the 2-core machine
THREADS = 4  # per worker: 8 threads, 8 PostgreSQL connections at most, far below 100
CONNECTIONS = 8  # wrk's concurrent connections, as the targets specify
DEMO_PASSWORD = "demo-password-for-the-benchmark"  # noqa: S105  (seed_demo's default)
DEEP_PAGE = 200  # the journal list page measured as "deep": 199 "older" links from page 1
MAX_PAGES = 400  # a bound on pages followed when counting search results

# The search words. demo/seed.py writes each entry from 25-60 words drawn from its WORDS
# list of 74 (where "coffee" appears once), so "coffee" is in about 43% of entries: the
# common word. Its SEARCH_WORD ("ocean") is slipped into about 1 entry in 20: the rare word.
# seed.json may name others ("common_word", "rare_word") if the seed changes; the report
# counts what each search found (following the result pages), so a wrong choice shows.
COMMON_WORD = "coffee"
RARE_WORD = "ocean"
PREFIX_LENGTH = 4  # "coff" should find "coffee": search by the start of a word

# The targets on the 2-core machine (issue 16). A share is req/s over the signed-in floor's.
SHARE_OF_SIGNED_IN_FLOOR = 0.40
SHARE_SCENARIOS = ("dashboard", "stage page", "journal list p1")
P99_MS = 50
DEEP_PAGE_P50_RATIO = 1.2
SEARCH_P95_MS = {
    "journal search (common word)": 60,
    "journal search (prefix)": 60,
    "journal search (rare word)": 40,
}
WORKER_RSS_MB = 150
DASHBOARD_WEIGHT_KB = 120

# How the bench measures (issue 26).
WARMUP_SECONDS = 3  # of load before each measured window, thrown away
DISAGREEMENT = 0.30  # req/s this far from CONNECTIONS / p50 gets a note in the report
# Measured again at the end of the run: how far the same scenario moves within one run.
REPEATED = ("dashboard", "journal list p1", "journal search (common word)")


def run(*args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs)


def database_url():
    """Where the benchmark database goes: BENCH_DATABASE_URL or DATABASE_URL if either is a
    PostgreSQL URL (with its database name replaced by exback_bench), else the local cluster
    as the `exback` role."""
    url = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        parts = urllib.parse.urlsplit(url)
        return urllib.parse.urlunsplit(parts._replace(path="/" + DB_NAME))
    return DEFAULT_DATABASE_URL


def ensure_role(url):
    """On a fresh machine the role in the URL does not exist yet (.ci/run creates `exback`
    on its first run). When it cannot connect and PostgreSQL is local, create the role as
    the `postgres` superuser, as .ci/run does; a remote PostgreSQL is left as it is."""
    parts = urllib.parse.urlsplit(url)
    maintenance = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    probe = ["psql", maintenance, "-q", "-tAc", "SELECT 1"]
    if subprocess.run(probe, capture_output=True, check=False).returncode == 0:
        return
    role = parts.username or ""
    if parts.hostname not in LOCAL_HOSTS or not re.fullmatch(r"[a-z_][a-z0-9_]*", role):
        raise SystemExit(
            f"cannot connect to PostgreSQL at {parts.hostname} as {role!r}: see docs/benchmark.md"
        )
    superuser = ["psql", "-h", parts.hostname or "127.0.0.1", "-p", str(parts.port or 5432),
                 "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-q", "-tAc"]  # fmt: skip
    query = f"SELECT 1 FROM pg_roles WHERE rolname = '{role}'"  # noqa: S608  (a checked name)
    exists = run(*superuser, query).stdout.strip()
    if exists:
        raise SystemExit(f"the role {role} exists but cannot connect: check its password")
    password = parts.password and urllib.parse.unquote(parts.password).replace("'", "''")
    run(*superuser, f"CREATE ROLE {role} LOGIN CREATEDB" + (f" PASSWORD '{password}'" if password else ""))  # fmt: skip
    print(f"Created the PostgreSQL role {role} (LOGIN CREATEDB).")


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


def prepare(env, people, *, reuse=False):
    """Seed a new bench database, or with `reuse` bring the last one up to date (to compare
    two servers or two commits on the same data); the seconds seeding took, or None."""
    db = urllib.parse.urlsplit(env["DATABASE_URL"])
    admin = urllib.parse.urlunsplit(db._replace(path="/postgres"))
    if not reuse:
        run("psql", admin, "-q", "-c", f"DROP DATABASE IF EXISTS {DB_NAME}")
        run("psql", admin, "-q", "-c", f"CREATE DATABASE {DB_NAME}")
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    seconds = None
    if not reuse:
        started = time.monotonic()
        manage(env, "seed_demo", "--people", str(people))
        seconds = round(time.monotonic() - started, 1)
    # Fresh tables have no statistics and no visibility map until autovacuum gets to them:
    # plan with real statistics, and let index-only scans (the search index) skip the table,
    # as in a database in service.
    run("psql", env["DATABASE_URL"], "-q", "-c", "VACUUM ANALYZE")
    return seconds


def server_command(server, port):
    """The production server under test, 2 workers x 4 threads either way."""
    if server == "granian":
        # Blocking threads run the WSGI app; backpressure holds each worker to as many
        # requests in flight as it has threads (and PostgreSQL connections), as gunicorn does.
        return [
            str(Path(sys.executable).parent / "granian"), "--interface", "wsgi",
            "--host", "127.0.0.1", "--port", str(port), "--workers", str(WORKERS),
            "--blocking-threads", str(THREADS), "--backpressure", str(THREADS),
            "--no-ws", "--log-level", "warning", "config.wsgi:application",
        ]  # fmt: skip
    return [
        sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}",
        "--workers", str(WORKERS), "--threads", str(THREADS), "--no-control-socket",
    ]  # fmt: skip


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

    def page(self, path):
        status, _, body = self.get(path)
        if status != 200:
            raise RuntimeError(f"GET {path} answered {status}")
        return body.decode()

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


class JournalPage(HTMLParser):
    """What the bench reads off a journal list page: its cards, its `rel="next"` link (keyset
    pagination), and failing that the "Older" link of numbered pages."""

    def __init__(self, html):
        super().__init__()
        self.cards = 0
        self.next_href = None
        self.older_href = None
        self._anchor_href = None
        self._anchor_text = ""
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "journal-card" in (attributes.get("class") or "").split():
            self.cards += 1
        if tag == "a":
            href = attributes.get("href")
            if "next" in (attributes.get("rel") or "").split() and self.next_href is None:
                self.next_href = href
            self._anchor_href, self._anchor_text = href, ""

    def handle_data(self, data):
        if self._anchor_href is not None:
            self._anchor_text += data

    def handle_endtag(self, tag):
        if tag == "a" and self._anchor_href is not None:
            if self._anchor_text.strip() == "Older" and self.older_href is None:
                self.older_href = self._anchor_href
            self._anchor_href = None


def deep_page_path(session, start="/journal/", page=DEEP_PAGE):
    """The URL of journal page `page` as a person reaches it: from page 1, following the
    `rel="next"` link page - 1 times. Without such a link (numbered pages, before keyset
    pagination) it is `?page=N`."""
    path = start
    if JournalPage(session.page(path)).next_href is None:
        return f"{start}?page={page}", "?page= (no rel=next link on page 1)"
    for step in range(page - 1):
        href = JournalPage(session.page(path)).next_href
        if href is None:
            raise RuntimeError(f"{start}: no rel=next link after page {step + 1}")
        path = urllib.parse.urljoin(path, href)
    return path, f'rel="next" followed {page - 1} times'


def count_results(session, path):
    """Every card a search shows, page after page (rel="next", else "Older"), up to MAX_PAGES."""
    cards = 0
    for _ in range(MAX_PAGES):
        page = JournalPage(session.page(path))
        cards += page.cards
        href = page.next_href or page.older_href
        if href is None:
            break
        path = urllib.parse.urljoin(path, href)
    return cards


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
    return parse_wrk(result.stdout)


def measure(base, duration, warmup, **options):
    """One scenario: `warmup` seconds of the same load, thrown away, then the measured
    window. The first requests of a path pay for what a server does once (imports, the
    first plan of a query, a worker's first connection, caches filling); a person who
    uses the site meets a warm server, so that is what is measured."""
    if warmup > 0:
        wrk(base, warmup, **options)
    return wrk(base, duration, **options)


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


# The report's logic: pure functions of the measurements (tests/scripts/test_bench.py).


def parse_wrk(stdout):
    """The measurements in wrk's output: bench.lua prints one JSON line when it is done
    (microseconds), which this reads into req/s and milliseconds."""
    line = [ln for ln in stdout.splitlines() if ln.startswith("{")][-1]
    data = json.loads(line)
    seconds = data["duration_us"] / 1e6
    return {
        "rps": round(data["requests"] / seconds, 1),
        "p50_ms": round(data["p50_us"] / 1000, 1),
        "p95_ms": round(data["p95_us"] / 1000, 1),
        "p99_ms": round(data["p99_us"] / 1000, 1),
        "max_ms": round(data["max_us"] / 1000, 1),
        "requests": data["requests"],
        "errors": sum(data["errors"].values()),
    }


def disagreement(result, connections=CONNECTIONS, tolerance=DISAGREEMENT):
    """A note when req/s and the median latency tell different stories: with `connections`
    requests always in flight, a p50 of p ms means about connections / p requests a
    millisecond. A req/s more than `tolerance` away from that means the window was not
    steady (a stall, a slow start, a long tail), so its figures should be read with care.
    None when they agree."""
    if not result["p50_ms"] or not result["rps"]:
        return None
    expected = connections * 1000 / result["p50_ms"]
    off = round(result["rps"] / expected - 1, 3)
    if abs(off) <= tolerance:
        return None
    return (
        f"{result['rps']} req/s against about {expected:.0f} from {connections} connections "
        f"at a p50 of {result['p50_ms']} ms ({off:+.0%})"
    )


def spread(first, again):
    """How far a scenario measured again at the end of the run moved from its first
    window, for each of req/s, p50 and p95: the run-to-run spread that any difference
    between two runs must exceed before it means anything."""
    rows = {}
    for name, repeat in again.items():
        before = first[name]
        rows[name] = {
            key: {
                "first": before[key],
                "again": repeat[key],
                "change": round(repeat[key] / before[key] - 1, 3) if before[key] else None,
            }
            for key in ("rps", "p50_ms", "p95_ms")
        }
    return rows


def add_shares(scenarios):
    """Each scenario's req/s as a share of the anonymous floor's and, for a signed-in one,
    of the signed-in floor's."""
    anonymous = scenarios["anonymous floor"]["rps"]
    signed_in = scenarios["signed-in floor"]["rps"]
    for result in scenarios.values():
        result["share_of_floor"] = round(result["rps"] / anonymous, 3) if anonymous else None
        result["share_of_signed_in_floor"] = (
            round(result["rps"] / signed_in, 3) if signed_in and result["signed_in"] else None
        )
    return scenarios


def evaluate(scenarios, *, searches, rss_mb, weight_kb, outside_requests):
    """Every target, met or not, with what was measured against it. A search that found
    nothing misses its target however fast it was: it did not do the work."""
    targets = {}

    def target(name, met, measured):
        targets[name] = {"met": bool(met), "measured": measured}

    for name in SHARE_SCENARIOS:
        share = scenarios[name]["share_of_signed_in_floor"]
        target(
            f"{name} >= {SHARE_OF_SIGNED_IN_FLOOR:.0%} of the signed-in floor",
            share is not None and share >= SHARE_OF_SIGNED_IN_FLOOR,
            f"{share:.0%}" if share is not None else "not measured",
        )
    for name, result in scenarios.items():
        if result["signed_in"] and result["page"]:
            target(
                f"{name}: p99 < {P99_MS} ms", result["p99_ms"] < P99_MS, f"{result['p99_ms']} ms"
            )
    first, deep = scenarios["journal list p1"]["p50_ms"], scenarios["journal list deep"]["p50_ms"]
    target(
        f"journal list deep: p50 within {DEEP_PAGE_P50_RATIO}x of page 1's",
        deep <= DEEP_PAGE_P50_RATIO * first,
        f"{deep} ms vs {first} ms ({deep / first:.2f}x)" if first else f"{deep} ms vs 0 ms",
    )
    for name, limit in SEARCH_P95_MS.items():
        p95, found = scenarios[name]["p95_ms"], searches[name]["found"]
        target(
            f"{name}: p95 < {limit} ms (5,000 entries)",
            p95 < limit and found > 0,
            f"{p95} ms, {found} found",
        )
    errors = sum(result["errors"] for result in scenarios.values())
    target("no errors under load", errors == 0, f"{errors} errors")
    target(
        f"worker peak RSS < {WORKER_RSS_MB} MB",
        rss_mb is not None and rss_mb < WORKER_RSS_MB,
        f"{rss_mb} MB" if rss_mb is not None else "not measured",
    )
    target(
        f"dashboard weight < {DASHBOARD_WEIGHT_KB} KB",
        weight_kb < DASHBOARD_WEIGHT_KB,
        f"{weight_kb} KB",
    )
    target(
        "no request to another host",
        outside_requests == 0,
        f"{outside_requests} references to another host",
    )
    return targets


def percent(share, *, sign=False):
    return "" if share is None else format(share, "+.0%" if sign else ".0%")


def markdown(report):
    server = report["server"]
    lines = [
        f"# exback benchmark, {report['when']}",
        "",
        f"Machine: {report['machine']['cpus']} cores, {report['machine']['platform']}, "
        f"Python {report['machine']['python']}, {report['machine']['postgres']}. "
        f"{server['name']} {server['workers']} workers x {server['threads']} threads; "
        f"wrk {server['connections']} connections, {report['seconds_per_scenario']} s "
        f"per scenario after {report.get('warmup_seconds', 0)} s of warm-up. "
        + (
            f"Seeded {report['seed']['people']} people in {report['seed']['seconds']} s, "
            "then VACUUM ANALYZE."
            if report["seed"]["seconds"] is not None
            else "The last run's database, reused (--reuse)."
        ),
        "",
        "| scenario | req/s | p50 ms | p95 ms | p99 ms | max ms | errors "
        "| share of signed-in floor | share of anonymous floor |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, r in report["scenarios"].items():
        lines.append(
            f"| {name} | {r['rps']} | {r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} | "
            f"{r.get('max_ms', '')} | {r['errors']} | {percent(r['share_of_signed_in_floor'])} | "
            f"{percent(r['share_of_floor'])} |"
        )
    notes = report.get("notes") or {}
    if notes:
        lines += [
            "",
            f"Req/s and p50 disagree by more than {DISAGREEMENT:.0%} ({CONNECTIONS} connections "
            "/ p50) here, so the window was not steady; read these with care:",
            "",
            *[f"- {name}: {note}" for name, note in notes.items()],
        ]
    spread_rows = report.get("spread") or {}
    if spread_rows:
        lines += [
            "",
            "Run-to-run spread: these scenarios measured again at the end of the run "
            "(first / again, change):",
            "",
            "| scenario | req/s | p50 ms | p95 ms |",
            "|---|---|---|---|",
        ]
        for name, row in spread_rows.items():
            cells = [
                f"{c['first']} / {c['again']} ({percent(c['change'], sign=True)})"
                for c in (row["rps"], row["p50_ms"], row["p95_ms"])
            ]
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
    deep = report["deep_page"]
    lines += [
        "",
        f"Deep journal page: `{deep['path']}`, reached by {deep['reached_by']}; "
        f"{deep['cards']} entries on it.",
        "",
        "Searches of the heavy person's journal (5,000 entries), results counted page by page:",
        "",
        "| scenario | query | entries found |",
        "|---|---|---:|",
    ]
    for name, s in report["searches"].items():
        lines.append(f"| {name} | `{s['query']}` | {s['found']} ({s['found'] / 5000:.0%}) |")
    lines += [
        "",
        "Journal cost by entries for one person (p50 / p95 ms):",
        "",
        "| entries | list | search (common word) |",
        "|---:|---|---|",
    ]
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
        "| target | measured | met |",
        "|---|---|---|",
    ]
    lines += [
        f"| {name} | {t['measured']} | {'yes' if t['met'] else '**no**'} |"
        for name, t in report["targets"].items()
    ]
    missed = [name for name, t in report["targets"].items() if not t["met"]]
    lines += [
        "",
        f"Targets met: {len(report['targets']) - len(missed)} of {len(report['targets'])}.",
    ]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per scenario")
    parser.add_argument(
        "--warmup",
        type=int,
        default=WARMUP_SECONDS,
        help="seconds of load before each scenario's measured window, thrown away",
    )
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--server", choices=SERVERS, default="granian")
    parser.add_argument(
        "--reuse", action="store_true", help="measure the last run's database again, unseeded"
    )
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    ensure_services()
    db_url = database_url()
    ensure_role(db_url)
    env = env_for(db_url)
    seed_seconds = prepare(env, args.people, reuse=args.reuse)
    seeded = json.loads((OUT / "seed.json").read_text()) if (OUT / "seed.json").exists() else {}
    common = seeded.get("common_word", COMMON_WORD)
    rare = seeded.get("rare_word", RARE_WORD)
    queries = {
        "journal search (common word)": common,
        "journal search (rare word)": rare,
        "journal search (prefix)": common[:PREFIX_LENGTH],
    }

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log_name = f"bench-results/{args.server}.log"
    log = open(ROOT / log_name, "w")  # noqa: SIM115
    server = subprocess.Popen(
        server_command(args.server, port), cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    try:
        wait_until_healthy(base, 60, server, log_name)
        people = {name: Session(base) for name in ("regular", "writer", "heavy")}
        people["regular"].log_in(seeded.get("regular", "demo00001@demo.exback.invalid"))
        people["writer"].log_in(seeded.get("writer", "demo00002@demo.exback.invalid"))
        people["heavy"].log_in(seeded.get("heavy", "heavy-5000@demo.exback.invalid"))
        heavy = people["heavy"]
        d = args.duration

        # Warm every path once so that the first scenario does not pay for imports.
        for name, path in [("regular", "/dashboard/"), ("heavy", "/journal/")]:
            people[name].get(path)
        deep_path, reached_by = deep_page_path(heavy)
        searches = {
            name: {"query": query, "found": count_results(heavy, "/journal/?q=" + query)}
            for name, query in queries.items()
        }

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
        regular = people["regular"]
        # (name, signed in, a GET page, wrk arguments)
        plan = [
            ("anonymous floor", False, False, {"path": "/bench/floor"}),
            ("signed-in floor", True, False, {"path": "/bench/floor-signed-in", "session": regular}),
            ("dashboard", True, True, {"path": "/dashboard/", "session": regular}),
            ("stage page", True, True, {"path": "/stages/say-sorry/", "session": regular}),
            ("journal list p1", True, True, {"path": "/journal/", "session": heavy}),
            ("journal list deep", True, True, {"path": deep_path, "session": heavy}),
            *[
                (name, True, True, {"path": "/journal/?q=" + query, "session": heavy})
                for name, query in queries.items()
            ],
            ("journal create (POST)", True, False, {
                "method": "POST", "path": "/journal/new/", "session": people["writer"],
                "body": journal_body, "token_field": "submission_token",
            }),
            ("check-in save (POST)", True, False, {
                "method": "POST", "path": "/stages/exercises/self-care/today/",
                "session": people["writer"], "body": checkin_body,
            }),
        ]  # fmt: skip
        warmup = args.warmup
        scenarios = {
            name: {**measure(base, d, warmup, **options), "signed_in": signed_in, "page": page}
            for name, signed_in, page, options in plan
        }
        add_shares(scenarios)

        scaling = {}
        short = max(3, d // 2)
        for count in (100, 1000, 5000):
            person = Session(base)
            person.log_in(seeded.get(f"scale_{count}", f"heavy-{count}@demo.exback.invalid"))
            scaling[count] = {
                "list": measure(base, short, warmup, path="/journal/", session=person),
                "search": measure(
                    base, short, warmup, path=f"/journal/?q={common}", session=person
                ),
            }
        # The same scenarios again, last: how far one run's figures move by themselves.
        options_of = {name: options for name, _, _, options in plan}
        again = {name: measure(base, d, warmup, **options_of[name]) for name in REPEATED}
        weight_kb, asset_count, outside = page_weight_kb(regular, "/dashboard/")
        deep_cards = JournalPage(heavy.page(deep_path)).cards
        rss = worker_peak_rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=15)
        log.close()

    report = {
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "postgres": run("psql", "--version").stdout.strip(),
        },
        "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "server": {
            "name": args.server,
            "workers": WORKERS,
            "threads": THREADS,
            "connections": CONNECTIONS,
        },
        "seconds_per_scenario": d,
        "warmup_seconds": warmup,
        "seed": {"people": args.people, "seconds": seed_seconds, "analyzed": True},
        "scenarios": scenarios,
        "deep_page": {"path": deep_path, "reached_by": reached_by, "cards": deep_cards},
        "searches": searches,
        "scaling": scaling,
        "notes": {
            name: note for name, result in scenarios.items() if (note := disagreement(result))
        },
        "spread": spread(scenarios, again),
        "worker_peak_rss_mb": rss,
        "dashboard_weight_kb": weight_kb,
        "dashboard_assets": asset_count,
        "targets": evaluate(
            scenarios, searches=searches, rss_mb=rss, weight_kb=weight_kb, outside_requests=outside
        ),
    }
    (OUT / "report.json").write_text(json.dumps(report, indent=2))
    (OUT / "report.md").write_text(markdown(report))
    print(markdown(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
