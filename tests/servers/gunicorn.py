"""Start real gunicorn servers on loopback for tests, and talk to them like a browser."""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parent.parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url():
    """The URL of the test database pytest-django created, for the servers to share."""
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


_collected = {}


def collected_static():
    """collectstatic once per test run, as a deployment would, for the servers to serve."""
    if "root" not in _collected:
        root = ROOT / "test-artifacts" / "staticfiles"
        env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=ROOT,
            env={**env, "DJANGO_SETTINGS_MODULE": "config.settings", "STATIC_ROOT": str(root)},
            check=True,
        )
        _collected["root"] = str(root)
    return _collected["root"]


def server_env(**overrides):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="false",
        HTTPS="false",
        SECRET_KEY=os.environ["SECRET_KEY"],
        ALLOWED_HOSTS=f"127.0.0.1,localhost,{PUBLIC_HOST}",
        DATABASE_URL=database_url(),
        LOG_LEVEL="WARNING",
        STATIC_ROOT=collected_static(),
    )
    env.update(overrides)
    return env


def wait_until_healthy(url, timeout=30, process=None, log_name="its log"):
    """Wait for a freshly started server's /healthz to answer 200, through the refusals,
    resets and read time-outs of a server that is still booting."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the server exited early; see {log_name}")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:  # URLError, refused, reset, timed out
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server did not come up within {timeout} s; see {log_name}")


class Server:
    def __init__(self, env, workers=1, threads=2):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(ROOT / "test-artifacts" / f"gunicorn-{self.port}.log", "w")  # noqa: SIM115
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
                "--threads",
                str(threads),
                "--graceful-timeout",
                "2",
                "--no-control-socket",
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.wait_until_up()

    def wait_until_up(self, timeout=20):
        wait_until_healthy(self.url, timeout, self.process, self.log.name)

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


PUBLIC_HOST = "exback.test"


class Browser:
    """Cookies shared across servers (cookies ignore ports), forms posted with their CSRF token.

    Every request carries the site's public Host header, as it would through a load balancer.
    """

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )

    def request(self, url, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, headers={"Host": PUBLIC_HOST})  # noqa: S310
        try:
            with self.opener.open(request, timeout=10) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    def get(self, url):
        return self.request(url)

    def post_form(self, url, data):
        """GET the page, then POST its main form as a browser would: the hidden inputs
        (CSRF token, submission token) as served, plus the given fields."""
        status, _, html = self.get(url)
        assert status == 200, (status, url)
        main = html[html.find('id="main"') :]
        form = main[main.find("<form") : main.find("</form>")]
        hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))
        return self.request(url, {**hidden, **data})


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None
