"""Every page, looked at: a visitor's pages and a signed-in person's pages (with data in every
stage and in the journal), at phone and desktop widths, in light and dark schemes. Each page
gets a full-page screenshot, an axe-core run (WCAG 2.2 A/AA), a measure of every control's
border and focus indicator (3:1, computed styles), and its served HTML goes to the Nu HTML
checker; at 320 px it must not scroll sideways and its header must stay one row (layout.py).
Any request to another host fails the sweep."""

import datetime
import json
import re
import shutil
import subprocess
from urllib.parse import urldefrag, urljoin, urlparse

import pytest

from tests import tools
from tests.browser.helpers import log_in
from tests.browser.layout import CONTROLS, HEADER, REFLOW
from tests.tools import AXE, VNU

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
NARROWEST = {"width": 320, "height": 640}  # WCAG 1.4.10: reflow at 320 CSS px
SCHEMES = ["light", "dark"]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
MAX_PAGES = 80
# Links a crawler must not follow: they change state on GET, download files, or leave.
SKIP = re.compile(r"/accounts/logout/|/exit/|/export\.|/admin/|/static/|\.(json|md|txt)$")
MISSING = "/no-such-page/"  # the 404 page is swept too


def page_kind(url):
    """Pages that differ only by an id or a query value are one kind of page: visit one."""
    parsed = urlparse(url)
    path = re.sub(r"/([0-9a-f]{8}-[0-9a-f-]{27}|\d+)/", "/<id>/", parsed.path)
    keys = sorted(part.split("=")[0] for part in parsed.query.split("&") if part)
    return path + "?" + "&".join(keys)


def crawl(page, base, starts):
    """Breadth-first over same-origin links, from the given paths, one page of each kind."""
    seen, queue, found = set(), [urljoin(base, s) for s in starts], []
    while queue and len(found) < MAX_PAGES:
        url = urldefrag(queue.pop(0))[0]
        if page_kind(url) in seen or SKIP.search(urlparse(url).path):
            continue
        seen.add(page_kind(url))
        response = page.goto(url)
        expected = 404 if urlparse(url).path == MISSING else 200
        if response is None or response.status != expected:
            continue
        landed = urldefrag(page.url)[0]  # a redirect (say, to the safety check) counts as found
        if landed != url and (page_kind(landed) in seen or SKIP.search(urlparse(landed).path)):
            continue
        seen.add(page_kind(landed))
        found.append(landed)
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
            if urlparse(href).netloc == urlparse(base).netloc and page_kind(href) not in seen:
                queue.append(href)
    return found


def name_for(url):
    parsed = urlparse(url)
    name = (parsed.path.strip("/") or "home").replace("/", "_")
    if parsed.query:
        name += "_" + re.sub(r"[^a-zA-Z0-9]+", "-", parsed.query)
    return name[:120]


def sweep(page, urls, who, out, html_dir):
    """Screenshot, axe and save HTML for every URL, in every viewport and scheme."""
    outside = []
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if urlparse(request.url).hostname not in {"localhost", "127.0.0.1"}
            and not request.url.startswith(("data:", "blob:"))
            else None
        ),
    )
    page.on(
        "console",
        lambda message: (
            outside.append(f"CSP: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    axe_source = AXE.read_text()
    violations, layout = {}, {}
    for url in urls:
        html = page.request.get(url, fail_on_status_code=False).text()
        (html_dir / f"{who}-{name_for(url)}.html").write_text(html)
        for viewport, size in VIEWPORTS.items():
            page.set_viewport_size(size)
            for scheme in SCHEMES:
                page.emulate_media(color_scheme=scheme)
                page.goto(url)
                shot = out / f"{who}-{name_for(url)}-{viewport}-{scheme}.png"
                # The whole page in light; the first screen in dark, which is all a colour
                # scheme changes and a fraction of the time of a full-page capture.
                page.screenshot(path=shot, full_page=scheme == "light")
                # Evaluated through DevTools, so the page's own CSP still holds for the page.
                page.evaluate(axe_source)
                result = page.evaluate(
                    "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
                )
                for v in result["violations"]:
                    key = f"{name_for(url)} [{viewport}/{scheme}] {v['id']}"
                    violations[key] = [n["target"] for n in v["nodes"]][:5]
                if controls := page.evaluate(CONTROLS):
                    layout[f"{name_for(url)} [{viewport}/{scheme}] controls"] = controls[:8]
        page.set_viewport_size(NARROWEST)
        page.emulate_media(color_scheme="light")
        page.goto(url)
        if reflow := page.evaluate(REFLOW) + page.evaluate(HEADER):
            layout[f"{name_for(url)} [320px] reflow"] = reflow
    return violations, layout, outside


def run_vnu(html_dir):
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU),
            "--errors-only",
            "--format",
            "text",
            *sorted(map(str, html_dir.glob("*.html"))),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    return result.returncode, result.stdout + result.stderr


@pytest.fixture
def sweep_dirs(artifacts):
    out = artifacts / "sweep"
    html_dir = out / "html"
    shutil.rmtree(out, ignore_errors=True)
    html_dir.mkdir(parents=True)
    return out, html_dir


@pytest.fixture
def nu_checker():
    """The sweep validates every page's HTML. Without the Nu checker (node_modules/vnu-jar
    and java) it is skipped, naming what is missing; under REQUIRE_BROWSER/CI it fails."""
    if reason := tools.nu_checker_missing():
        tools.skip_or_fail(f"page sweep: {reason}")
    assert AXE.exists(), f"{AXE} is missing: axe-core is vendored there"


def test_every_page_is_accessible_valid_and_local(
    nu_checker, live_server, page, sweep_dirs, person_with_data, password
):
    """Every page works with assistive tech, reflows at 320 px and loads nothing from elsewhere."""
    out, html_dir = sweep_dirs
    base = live_server.url

    visitor_urls = crawl(
        page, base, ["/", "/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"]
    )
    visitor_violations, visitor_layout, visitor_outside = sweep(
        page, visitor_urls, "visitor", out, html_dir
    )

    log_in(page, live_server, person_with_data.email, password)
    page.wait_for_url(re.compile(r"/dashboard/$"))
    person_urls = crawl(
        page,
        base,
        [
            "/dashboard/",
            "/stages/",
            "/journal/",
            "/account/",
            "/journal/?q=ocean",
            "/journal/?mood=3",
            counsellor_document_url(),
        ],
    )
    person_violations, person_layout, person_outside = sweep(
        page, person_urls, "person", out, html_dir
    )

    code, report = run_vnu(html_dir)
    (out / "report.json").write_text(
        json.dumps(
            {
                "visitor_pages": visitor_urls,
                "person_pages": person_urls,
                "axe_violations": {**visitor_violations, **person_violations},
                "layout_and_controls": {**visitor_layout, **person_layout},
                "outside_requests": visitor_outside + person_outside,
                "vnu": report,
            },
            indent=2,
        )
    )
    assert len(person_urls) >= 10, person_urls
    assert not visitor_outside + person_outside, (
        "requests left the test server, or the CSP blocked something"
    )
    assert not visitor_violations and not person_violations, json.dumps(
        {**visitor_violations, **person_violations}, indent=2
    )
    assert not visitor_layout and not person_layout, json.dumps(
        {**visitor_layout, **person_layout}, indent=2
    )
    assert code == 0, report


def counsellor_document_url():
    """The counsellor document with every part and the last 30 days: a form's GET, which no
    link leads to."""
    from django.utils import timezone

    today = timezone.localdate()
    start = today - datetime.timedelta(days=29)
    parts = "&".join(f"parts={p}" for p in ("exercises", "checkins", "safety_plan", "decision_aid"))
    return f"/for-a-counsellor/document/?{parts}&start={start}&end={today}&paper=a4"


@pytest.fixture
def person_with_data(transactional_db, user, noon_today):
    """Someone well into the program: every section started, answers in every exercise,
    a month of check-ins, contacts, held messages, and 45 journal entries (three pages)."""
    import random

    from django.utils import timezone

    from demo import seed as demo

    rng = random.Random(5)  # noqa: S311
    demo.fill_program([user], rng=rng, today=timezone.localdate())
    demo.fill_journal([(user, 45)], rng=rng, days=60)
    return user
