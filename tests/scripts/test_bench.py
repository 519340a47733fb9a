"""The benchmark's floors and report: each target marked met or not, with no timing here."""

# The floors are routed only with BENCH_FLOOR; the report gives shares of both floors and how it
# finds the deep journal page and counts results. Speed is measured by `make bench` alone.

import importlib

import pytest
from django.urls import clear_url_caches

import config.urls
from scripts import bench


@pytest.fixture
def bench_floor(settings):
    """The site as scripts/bench.py serves it: BENCH_FLOOR on, the floors routed."""
    settings.BENCH_FLOOR = True
    importlib.reload(config.urls)
    clear_url_caches()
    yield
    settings.BENCH_FLOOR = False
    importlib.reload(config.urls)
    clear_url_caches()


@pytest.mark.django_db
def test_floors_are_not_routed_without_bench_floor(client_logged_in):
    """On a normal site the benchmark's bare floor pages don't exist: asking gets a 404."""
    assert client_logged_in.get("/bench/floor").status_code == 404
    assert client_logged_in.get("/bench/floor-signed-in").status_code == 404


@pytest.mark.django_db
def test_anonymous_floor_answers_a_visitor(client, bench_floor):
    """With the bench floors on, a visitor asking for the anonymous floor gets a bare ok."""
    response = client.get("/bench/floor")
    assert response.status_code == 200
    assert response.content == b"ok\n"


@pytest.mark.django_db
def test_signed_in_floor_sends_a_visitor_to_log_in(client, bench_floor):
    """A visitor asking for the signed-in bench floor is sent to log in, like any private page."""
    response = client.get("/bench/floor-signed-in")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/bench/floor-signed-in"


@pytest.mark.django_db
def test_signed_in_floor_answers_the_person_after_loading_session_and_user(
    client_logged_in, user, bench_floor, django_assert_max_num_queries
):
    """The signed-in bench floor answers the person after only the session and user lookups."""
    client_logged_in.get("/bench/floor-signed-in")  # the first request notes what it checked
    with django_assert_max_num_queries(2):  # then: the session and the user, nothing more
        response = client_logged_in.get("/bench/floor-signed-in")
    assert response.status_code == 200
    assert response.content.decode() == f"ok {user.pk}\n"


def scenario(
    rps, *, signed_in=True, page=True, p50=10.0, p95=20.0, p99=30.0, max_ms=40.0, errors=0
):
    return {
        "rps": rps,
        "p50_ms": p50,
        "p95_ms": p95,
        "p99_ms": p99,
        "max_ms": max_ms,
        "errors": errors,
        "signed_in": signed_in,
        "page": page,
    }


def measured(**changes):
    """A run that meets every target; `changes` replace whole scenarios."""
    scenarios = {
        "anonymous floor": scenario(4000, signed_in=False, page=False),
        "signed-in floor": scenario(1000, page=False),
        "dashboard": scenario(500),
        "stage page": scenario(600),
        "journal list p1": scenario(400, p50=10.0),
        "journal list deep": scenario(380, p50=11.0),
        "journal search (common word)": scenario(200, p95=50.0),
        "journal search (rare word)": scenario(300, p95=30.0),
        "journal search (prefix)": scenario(200, p95=55.0),
        "journal create (POST)": scenario(150, page=False, p99=90.0),
    }
    scenarios.update(changes)
    return bench.add_shares(scenarios)


SEARCHES = {
    "journal search (common word)": {"query": "coffee", "found": 2200},
    "journal search (rare word)": {"query": "ocean", "found": 250},
    "journal search (prefix)": {"query": "coff", "found": 2200},
}


def evaluate(scenarios, searches=SEARCHES, **measures):
    return bench.evaluate(
        scenarios,
        searches=searches,
        **{"rss_mb": 120.0, "weight_kb": 40.0, "outside_requests": 0, **measures},
    )


def test_shares_are_of_both_floors_and_of_the_signed_in_floor_only_when_signed_in():
    """The bench report gives each page's speed as a share of each floor that applies to it."""
    scenarios = measured()
    assert scenarios["dashboard"]["share_of_floor"] == 0.125
    assert scenarios["dashboard"]["share_of_signed_in_floor"] == 0.5
    assert scenarios["signed-in floor"]["share_of_signed_in_floor"] == 1.0
    assert scenarios["anonymous floor"]["share_of_floor"] == 1.0
    assert scenarios["anonymous floor"]["share_of_signed_in_floor"] is None


def test_a_run_that_meets_every_target_is_marked_met_throughout():
    """Whoever runs the bench sees every target met on a good run, with a p99 per signed-in page."""
    targets = evaluate(measured())
    assert all(t["met"] for t in targets.values()), targets
    assert targets["dashboard >= 40% of the signed-in floor"]["measured"] == "50%"
    # Every signed-in page has its p99 target; floors and POSTs have none.
    p99 = [name.split(":")[0] for name in targets if "p99" in name]
    assert p99 == [
        "dashboard",
        "stage page",
        "journal list p1",
        "journal list deep",
        "journal search (common word)",
        "journal search (rare word)",
        "journal search (prefix)",
    ]


def test_each_miss_is_marked_on_its_own_target():
    """Whoever runs the bench sees each missed target marked on its own, with what was measured."""
    scenarios = measured(
        **{
            "stage page": scenario(390),  # 39% of the signed-in floor
            "journal list deep": scenario(100, p50=12.5),  # 1.25x page 1's p50
            "journal search (rare word)": scenario(300, p95=40.0),
            "dashboard": scenario(500, p99=50.0, errors=2),
        }
    )
    targets = evaluate(scenarios, rss_mb=150.0, weight_kb=130.0, outside_requests=1)
    missed = {name for name, t in targets.items() if not t["met"]}
    assert missed == {
        "stage page >= 40% of the signed-in floor",
        "dashboard: p99 < 50 ms",
        "journal list deep: p50 within 1.2x of page 1's",
        "journal search (rare word): p95 < 40 ms (5,000 entries)",
        "no errors under load",
        "worker peak RSS < 150 MB",
        "dashboard weight < 120 KB",
        "no request to another host",
    }
    assert targets["journal list deep: p50 within 1.2x of page 1's"]["measured"] == (
        "12.5 ms vs 10.0 ms (1.25x)"
    )


def test_a_fast_search_that_finds_nothing_misses_its_target():
    """A search that is fast only because it found nothing is reported as a miss, not a pass."""
    searches = {**SEARCHES, "journal search (prefix)": {"query": "coff", "found": 0}}
    targets = evaluate(measured(), searches)
    prefix = targets["journal search (prefix): p95 < 60 ms (5,000 entries)"]
    assert prefix == {"met": False, "measured": "55.0 ms, 0 found"}


def test_a_share_is_measured_against_the_signed_in_floor_not_the_anonymous_one():
    """A signed-in page's speed is judged against the signed-in floor, not the anonymous one."""
    # 30% of the anonymous floor, but 120% of the signed-in floor: met.
    scenarios = measured(dashboard=scenario(1200))
    targets = evaluate(scenarios)
    assert targets["dashboard >= 40% of the signed-in floor"]["met"]


def report_of(scenarios, **parts) -> dict:
    """A bench report of these scenarios, as scripts/bench.py writes it, with `parts` added
    or replaced."""
    return {
        "when": "2026-12-01T00:00:00+00:00",
        "machine": {"cpus": 2, "platform": "Linux", "python": "3.13.0", "postgres": "psql 15"},
        "server": {"name": "granian", "workers": 2, "threads": 4, "connections": 8},
        "seconds_per_scenario": 10,
        "seed": {"people": 1000, "seconds": 20.0},
        "scenarios": scenarios,
        "deep_page": {"path": "/journal/?before=x", "reached_by": "rel=next", "cards": 20},
        "searches": {},
        "scaling": {},
        "worker_peak_rss_mb": 100.0,
        "dashboard_weight_kb": 40.0,
        "dashboard_assets": 6,
        "targets": evaluate(scenarios),
        **parts,
    }


def test_the_report_shows_both_shares_and_marks_each_target():
    """The bench's report shows the server, both shares, each target met or not, and the tally."""
    scenarios = measured(**{"stage page": scenario(100)})
    report = report_of(
        scenarios, searches={"journal search (rare word)": {"query": "ocean", "found": 250}}
    )
    text = bench.markdown(report)
    assert "granian 2 workers x 4 threads" in text
    assert "| dashboard | 500 | 10.0 | 20.0 | 30.0 | 40.0 | 0 | 50% | 12% |" in text
    assert "| anonymous floor | 4000 | 10.0 | 20.0 | 30.0 | 40.0 | 0 |  | 100% |" in text
    assert "| stage page >= 40% of the signed-in floor | 10% | **no** |" in text
    assert "| `ocean` | 250 (5%) |" in text
    assert "Targets met: 17 of 18." in text


def journal_page(cards, *, next_href=None, older_href=None):
    links = ""
    if next_href:
        links += f'<a class="page-link" rel="next" href="{next_href}">Older</a>'
    if older_href:
        links += f'<a class="page-link" href="{older_href}">Older</a>'
    items = '<li class="journal-card"><h2>Entry</h2></li>' * cards
    return f'<ol class="journal-list">{items}</ol><nav><a href="/journal/">Newer</a>{links}</nav>'


class FakeSession:
    def __init__(self, pages):
        self.pages = pages
        self.visited = []

    def page(self, path):
        self.visited.append(path)
        return self.pages[path]


def test_journal_page_reads_cards_and_links_with_entities_decoded():
    """The bench reads a journal page's cards and Older link as a browser would, &amp; decoded."""
    page = bench.JournalPage(journal_page(3, next_href="?q=coffee&amp;before=abc"))
    assert (page.cards, page.next_href) == (3, "?q=coffee&before=abc")
    numbered = bench.JournalPage(journal_page(20, older_href="?page=2"))
    assert (numbered.next_href, numbered.older_href) == (None, "?page=2")


def test_deep_page_is_reached_by_following_rel_next():
    """The bench reaches a deep journal page as a person would, pressing Older again and again."""
    pages = {
        "/journal/": journal_page(20, next_href="?before=1"),
        "/journal/?before=1": journal_page(20, next_href="/journal/?before=2"),
        "/journal/?before=2": journal_page(20, next_href="?before=3"),
    }
    path, how = bench.deep_page_path(FakeSession(pages), page=4)
    assert path == "/journal/?before=3"
    assert how == 'rel="next" followed 3 times'


def test_deep_page_falls_back_to_a_page_number_without_rel_next():
    """Without a rel=next link the bench jumps to a deep page by number, and its report says so."""
    session = FakeSession({"/journal/": journal_page(20, older_href="?page=2")})
    path, how = bench.deep_page_path(session)
    assert path == "/journal/?page=200"
    assert "no rel=next" in how


def test_search_results_are_counted_over_every_page():
    """The bench's report counts a search's results across every page of them."""
    pages = {
        "/journal/?q=ocean": journal_page(20, older_href="?q=ocean&amp;page=2"),
        "/journal/?q=ocean&page=2": journal_page(20, next_href="?q=ocean&amp;page=3"),
        "/journal/?q=ocean&page=3": journal_page(7),
    }
    assert bench.count_results(FakeSession(pages), "/journal/?q=ocean") == 47


WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:8000
  2 threads and 8 connections
  20000 requests in 10.00s, 100.00MB read
{"requests": 2000, "duration_us": 10000000, "bytes": 1000, "p50_us": 3950, "p95_us": 12040, \
"p99_us": 20000, "max_us": 84321, "errors": {"connect": 0, "read": 1, "write": 0, \
"status": 2, "timeout": 0}}
"""


def test_wrk_output_is_read_in_milliseconds_with_its_max_latency():
    """The bench reads wrk's req/s, percentiles, slowest request and errors from its output."""
    assert bench.parse_wrk(WRK_OUTPUT) == {
        "rps": 200.0,
        "p50_ms": 4.0,
        "p95_ms": 12.0,
        "p99_ms": 20.0,
        "max_ms": 84.3,
        "requests": 2000,
        "errors": 3,
    }


def test_req_per_second_that_agrees_with_the_median_gets_no_note():
    """A steady window, whose req/s matches 8 connections over its p50, gets no note."""
    assert bench.disagreement(scenario(800, p50=10.0)) is None  # 8 / 10 ms = 800 req/s
    assert bench.disagreement(scenario(1040, p50=10.0)) is None  # 30% over: still agrees
    assert bench.disagreement(scenario(570, p50=10.0)) is None  # 29% under


def test_req_per_second_far_from_the_median_gets_a_note():
    """A window whose req/s is over 30% from 8 connections over its p50 is flagged as unsteady."""
    note = bench.disagreement(scenario(68, p50=56.0))  # about 143 expected: a stall
    assert note == "68 req/s against about 143 from 8 connections at a p50 of 56.0 ms (-52%)"
    assert bench.disagreement(scenario(1100, p50=10.0)).endswith("(+38%)")


def test_spread_compares_each_repeated_scenario_with_its_first_window():
    """The report shows how far a scenario measured again at the end moved from its first run."""
    first = {"dashboard": scenario(400, p50=20.0, p95=40.0), "stage page": scenario(500)}
    again = {"dashboard": scenario(360, p50=22.0, p95=40.0)}
    assert bench.spread(first, again) == {
        "dashboard": {
            "rps": {"first": 400, "again": 360, "change": -0.1},
            "p50_ms": {"first": 20.0, "again": 22.0, "change": 0.1},
            "p95_ms": {"first": 40.0, "again": 40.0, "change": 0.0},
        }
    }


def test_the_report_shows_max_latency_the_notes_and_the_spread():
    """The report gives each scenario's slowest request, flags unsteady windows, shows spread."""
    scenarios = measured(dashboard=scenario(100, p50=20.0, max_ms=97.5))
    report = report_of(
        scenarios,
        warmup_seconds=3,
        notes={"dashboard": bench.disagreement(scenarios["dashboard"])},
        spread=bench.spread(scenarios, {"dashboard": scenario(90, p50=22.0)}),
    )
    text = bench.markdown(report)
    assert "10 s per scenario after 3 s of warm-up" in text
    assert "| dashboard | 100 | 20.0 | 20.0 | 30.0 | 97.5 | 0 | 10% | 2% |" in text
    assert "- dashboard: 100 req/s against about 400 from 8 connections" in text
    assert "| dashboard | 100 / 90 (-10%) | 20.0 / 22.0 (+10%) | 20.0 / 20.0 (+0%) |" in text
