"""Where a page's time goes, in-process: seed (or reuse) a PostgreSQL database, then request
each signed-in page many times through Django's test client with production settings and
print the mean time per request, its queries, and optionally a profile.

    .venv/bin/python scripts/profile_pages.py [--seed] [--repeat 300] [--profile dashboard]

Uses the benchmark's database (`exback_bench`, made by `make bench`) unless
PROFILE_DATABASE_URL names another; `--seed` (re)creates it with 100 demo people plus the
100/1,000/5,000-entry journals. Speed targets live in `make bench`; this only finds the time.

Times move with whatever else the machine does. Instructions do not: under callgrind, the
instructions of `--only PAGE --repeat 40` less those of `--repeat 0`, over 40, are one
request's, the same from run to run within about 3% (docs/benchmark.md):

    valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        .venv/bin/python scripts/profile_pages.py --only dashboard --repeat 40
"""

import argparse
import cProfile
import io
import json
import os
import pstats
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATABASE_URL = os.environ.get(
    "PROFILE_DATABASE_URL", "postgres://exback@127.0.0.1:5432/exback_bench"
)
os.environ.update(
    DJANGO_SETTINGS_MODULE="config.settings",
    DEBUG="false",
    HTTPS="false",
    SECRET_KEY="profile-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGH",
    ALLOWED_HOSTS="testserver",
    DATABASE_URL=DATABASE_URL,
    REDIS_URL=os.environ.get("PROFILE_REDIS_URL", "redis://127.0.0.1:6379/13"),
    ENCRYPTION_KEYS="YmVuY2gtb25seS1qb3VybmFsLWtleS0wMTIzNDU2Nzg=",
    BENCH_FLOOR="true",
    LOG_LEVEL="WARNING",
    STATIC_ROOT=str(ROOT / "bench-results" / "staticfiles"),
)

DEMO_PASSWORD = "demo-password-for-the-benchmark"  # noqa: S105 (seed_demo's default)
PAGES = {
    "floor": ("regular", "/bench/floor"),
    "signed-in floor": ("regular", "/bench/floor-signed-in"),
    "dashboard": ("regular", "/dashboard/"),
    "stage page": ("regular", "/stages/say-sorry/"),
    "program": ("regular", "/stages/"),
    "journal list p1": ("heavy", "/journal/"),
    "journal search": ("heavy", "/journal/?q={word}"),
    "journal search prefix": ("heavy", "/journal/?q={prefix}"),
    "journal search common": ("heavy", "/journal/?q={common}"),
    "journal search common prefix": ("heavy", "/journal/?q={common_prefix}"),
}


def seed():
    import urllib.parse

    parts = urllib.parse.urlsplit(DATABASE_URL)
    admin = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    name = parts.path.lstrip("/")
    subprocess.run(["psql", admin, "-q", "-c", f"DROP DATABASE IF EXISTS {name}"], check=True)
    subprocess.run(["psql", admin, "-q", "-c", f"CREATE DATABASE {name}"], check=True)
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, check=True)
    subprocess.run([*manage, "seed_demo", "--people", "100"], cwd=ROOT, check=True)
    subprocess.run(["psql", DATABASE_URL, "-q", "-c", "ANALYZE"], check=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", action="store_true")
    parser.add_argument("--repeat", type=int, default=300)
    parser.add_argument("--profile", action="append", default=[], help="page name to profile")
    parser.add_argument("--sql", action="append", default=[], help="page names to list SQL of")
    parser.add_argument("--real-login", action="store_true", help="log in through the form")
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument(
        "--callees", action="append", default=[], help="with --profile: what these functions call"
    )
    parser.add_argument("--match", help="with --profile: only functions whose place matches")
    parser.add_argument(
        "--callers", action="append", default=[], help="with --profile: what calls these functions"
    )
    parser.add_argument("--lines", type=int, default=45)
    parser.add_argument("--only", action="append", default=[], help="page names to time")
    args = parser.parse_args()
    if args.seed:
        seed()

    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, check=True
    )
    import django

    django.setup()
    from django.core.handlers.wsgi import WSGIHandler
    from django.db import connection
    from django.test import Client

    from exback.models import User

    handler = WSGIHandler()
    seeded = json.loads((ROOT / "bench-results" / "seed.json").read_text())
    cookies = {}
    for name in ("regular", "heavy"):
        client = Client()
        if args.real_login:  # through allauth's form, as the benchmark's wrk sessions are
            response = client.post(
                "/accounts/login/", {"login": seeded[name], "password": DEMO_PASSWORD}
            )
            if response.status_code != 302:
                raise SystemExit(f"could not log in as {seeded[name]}: {response.status_code}")
        else:
            client.force_login(User.objects.get(email=seeded[name]))
        cookies[name] = "; ".join(f"{k}={v.value}" for k, v in client.cookies.items())
    word = seeded.get("search_word", "ocean")
    common = seeded.get("common_word", "coffee")  # as scripts/bench.py chooses them

    def get(path, cookie):
        route, _, query = path.partition("?")
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": route,
            "QUERY_STRING": query,
            "SERVER_NAME": "testserver",
            "SERVER_PORT": "80",
            "HTTP_HOST": "testserver",
            "HTTP_COOKIE": cookie,
            "REMOTE_ADDR": "127.0.0.1",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": sys.stderr,
        }
        status = []
        body = b"".join(handler(environ, lambda s, h, *a: status.append(s)))
        return int(status[0].split()[0]), body

    for label, (who, path) in PAGES.items():
        if args.only and label not in args.only:
            continue
        path = path.format(word=word, prefix=word[:4], common=common, common_prefix=common[:4])
        code, body = get(path, cookies[who])
        if code != 200:
            print(f"{label:28} {path}: {code}")
            continue
        queries = []

        def count(execute, sql, params, many, context, queries=queries):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            get(path, cookies[who])
        times = []
        cpu = time.process_time()
        for _ in range(args.repeat):
            started = time.perf_counter()
            get(path, cookies[who])
            times.append((time.perf_counter() - started) * 1000)
        if not args.repeat:  # --repeat 0: the baseline of an instruction count (docstring)
            continue
        cpu_ms = (time.process_time() - cpu) * 1000 / args.repeat
        # The mean, and the median and the fastest: on a machine shared with other work the
        # mean moves with the load, the fastest much less.
        ms, median, fastest = statistics.fmean(times), statistics.median(times), min(times)
        print(
            f"{label:28} {ms:6.2f} ms (median {median:5.2f}, fastest {fastest:5.2f}; "
            f"{cpu_ms:5.2f} ms in Python)  {len(queries):2d} queries  {len(body):6d} B  {path}"
        )
        if args.sql and label in args.sql:
            print("\n".join(q[:300] for q in queries))
        if label in args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(args.repeat):
                get(path, cookies[who])
            profiler.disable()
            stats = pstats.Stats(profiler).sort_stats(args.sort)
            stats.print_stats(*([args.match] if args.match else []), args.lines)
            for name in args.callees:
                stats.print_callees(name)
            for name in args.callers:
                stats.print_callers(name)


if __name__ == "__main__":
    main()
