"""The insights page (progress.insights, issue 25): a person's mood and sleep beside their
contact, their urges week by week, the same figures in their export and on no one else's page.

The clock stands at NOON (Wednesday 18 March 2026). The window is weeks of seven days ending
that day, from the week of the person's first row: at least 4 weeks, at most 13 (the 91 days
from Thursday 18 December 2025)."""

import datetime
import json
import re
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from progress import insights
from progress.models import Urge
from tests.clock import frozen
from tests.factories.progress import CheckInFactory, ContactFactory, UrgeFactory
from tests.factories.safety import SafetyCheckFactory
from tests.helpers.html import main_text

pytestmark = frozen

URL = reverse("progress:insights")
DAY = datetime.timedelta(days=1)

# A month of check-ins, days 0 to 29 ago, with contact on six days, none the day after another.
# days ago: (mood, hours slept)
CONTACT_DAYS_AGO = (27, 23, 18, 13, 8, 3)
CONTACT_DAYS = dict(
    zip(
        CONTACT_DAYS_AGO,
        [(2, "6.0"), (2, "6.5"), (3, "6.0"), (2, "5.5"), (3, "6.0"), (2, "6.0")],
        strict=True,
    )
)
AFTER_DAYS = dict(
    zip([d - 1 for d in CONTACT_DAYS_AGO], [(3, "7.0")] * 5 + [(4, "7.0")], strict=True)
)
WITHOUT_DAYS_AGO = [d for d in range(30) if d not in CONTACT_DAYS and d not in AFTER_DAYS]

# What those days average to: (days, mood, hours slept).
EXPECTED = {
    "contact": (6, Decimal("2.3"), Decimal("6.0")),  # mood 14 / 6, sleep 36 / 6
    "after": (6, Decimal("3.2"), Decimal("7.0")),  # mood 19 / 6
    "without": (18, Decimal("3.5"), Decimal("7.5")),  # nine days of 4 and 8 h, nine of 3 and 7 h
}

# Words that would read a figure as a reason to be in touch (case-insensitive).
ENCOURAGING = (
    "get in touch",
    "reach out to",
    "reconnect",
    "get back together",
    "try again",
    "win back",
    "good for you",
    "helps you",
    "worth it",
    "message them",
    "call them",
    "see them",
)
# What a person for whom reconnecting is unsafe must not read here either: the urge flow's
# "reach out" framing and the contact *log* of the everyone-path.
UNSAFE_MUST_NOT_SEE = (*ENCOURAGING, "reach out", "reached out", "urge", "contact log")


def a_month(user):
    """A month of check-ins with contact on six days, for `user`."""
    today = timezone.localdate()
    for days_ago in range(30):
        if days_ago in CONTACT_DAYS:
            mood, hours = CONTACT_DAYS[days_ago]
        elif days_ago in AFTER_DAYS:
            mood, hours = AFTER_DAYS[days_ago]
        else:
            mood, hours = (4, "8.0") if WITHOUT_DAYS_AGO.index(days_ago) % 2 else (3, "7.0")
        CheckInFactory(
            user=user, date=today - days_ago * DAY, mood=mood, hours_slept=Decimal(hours)
        )
    for days_ago in CONTACT_DAYS_AGO:
        ContactFactory(user=user, date=today - days_ago * DAY)


class Tables(HTMLParser):
    """Each <table>'s caption and rows of cell texts."""

    def __init__(self):
        super().__init__()
        self.tables: list[dict] = []
        self.cell: list[str] | None = None
        self.in_caption = False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append({"caption": "", "rows": []})
        elif tag == "caption":
            self.in_caption = True
        elif tag == "tr":
            self.tables[-1]["rows"].append([])
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag):
        if tag == "caption":
            self.in_caption = False
        elif tag in ("td", "th") and self.cell is not None:
            self.tables[-1]["rows"][-1].append(" ".join("".join(self.cell).split()))
            self.cell = None

    def handle_data(self, data):
        if self.in_caption:
            self.tables[-1]["caption"] += data
        elif self.cell is not None:
            self.cell.append(data)


def tables(response) -> list[dict]:
    parser = Tables()
    parser.feed(response.content.decode())
    return parser.tables


def walk(value):
    """Every string in a text of the content package (its values, not its keys)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from walk(item)


def svgs(response) -> list[str]:
    return re.findall(r"(?s)<svg role=\"img\".*?</svg>", response.content.decode())


# The figures ---------------------------------------------------------------------------------
def test_a_month_with_a_few_contacts_gives_each_groups_average_and_days(user):
    """Your mood and sleep on days with contact, the day after and without, each with its days."""
    a_month(user)

    found = insights.for_user(user, timezone.localdate())

    assert {g["key"]: (g["days"], g["mood"], g["sleep"]) for g in found["groups"]} == EXPECTED
    assert (found["checkin_days"], found["contact_days"]) == (30, 6)
    # Five weeks of seven days, from the week of the first check-in.
    assert (found["start"], found["end"]) == (
        datetime.date(2026, 2, 12),
        datetime.date(2026, 3, 18),
    )


def test_the_page_says_the_averages_in_words_and_never_claims_cause(program_client, user):
    """The page says each average with its number of days, and that it shows no cause."""
    a_month(user)

    text = main_text(program_client.get(URL))

    for line in (
        "On days with contact, your mood averaged 2.3 out of 5, over 6 days.",
        "On the day after contact, your mood averaged 3.2 out of 5, over 6 days.",
        "On days without contact, your mood averaged 3.5 out of 5, over 18 days.",
        "On days with contact, you slept 6.0 hours on average, over 6 days.",
        "On the day after contact, you slept 7.0 hours on average, over 6 days.",
        "On days without contact, you slept 7.5 hours on average, over 18 days.",
        "This shows what happened together, not what caused what.",
        "30 days with a check-in, 6 days with contact.",
    ):
        assert line in text
    assert "too few days" not in text.lower()


def test_fewer_than_five_days_in_a_group_is_too_few_to_tell(program_client, user):
    """With contact on four check-in days, the page says there are too few to tell, not a figure."""
    today = timezone.localdate()
    for days_ago in range(12):
        CheckInFactory(user=user, date=today - days_ago * DAY, mood=1 if days_ago % 3 == 0 else 4)
    for days_ago in (0, 3, 6, 9):
        ContactFactory(user=user, date=today - days_ago * DAY)

    text = main_text(program_client.get(URL))

    too_few = (
        "Days with contact: too few days to tell yet (4 days with a check-in; an average "
        "needs at least 5)."
    )
    assert text.count(too_few) == 2  # for mood and for sleep
    assert "The day after contact: too few days to tell yet (3 days" in text
    assert "On days with contact, your mood averaged" not in text
    assert insights.MIN_DAYS == 5


def test_five_days_are_enough_and_four_are_not(user):
    """An average shows from five days in a group, and not from four."""
    contacts = {datetime.date(2026, 3, day) for day in (2, 4, 6, 8, 10)}
    days = {day: (2, Decimal("6.0")) for day in contacts}
    assert insights.groups(days, contacts)[0]["mood"] == Decimal("2.0")
    days.pop(datetime.date(2026, 3, 10))
    assert insights.groups(days, contacts)[0] == {
        "key": "contact",
        "days": 4,
        "enough": False,
        "mood": None,
        "sleep": None,
    }


def test_only_the_last_thirteen_weeks_count(user):
    """A check-in and a contact older than the 91 days shown leave your figures as they are."""
    a_month(user)
    old = timezone.localdate() - 91 * DAY
    CheckInFactory(user=user, date=old, mood=5)
    ContactFactory(user=user, date=old)

    found = insights.for_user(user, timezone.localdate())

    assert {g["key"]: (g["days"], g["mood"], g["sleep"]) for g in found["groups"]} == EXPECTED


def test_urges_are_counted_week_by_week(user):
    """Each urge is in the week it happened, resisted or reached out."""
    now = timezone.now()
    UrgeFactory(user=user, created_at=now)
    UrgeFactory(user=user, created_at=now - DAY, outcome=Urge.Outcome.JOURNAL)
    UrgeFactory(user=user, created_at=now - 7 * DAY, outcome=Urge.Outcome.REACHED_OUT)
    UrgeFactory(user=user, created_at=now - 100 * DAY)  # before the window

    weeks = insights.for_user(user, timezone.localdate())["urge_chart"]["weeks"]

    assert len(weeks) == 4  # the fewest weeks shown
    assert (weeks[-1]["start"], weeks[-1]["end"]) == (
        datetime.date(2026, 3, 12),
        datetime.date(2026, 3, 18),
    )
    assert [(w["resisted"], w["acted"]) for w in weeks[-2:]] == [(0, 1), (2, 0)]
    assert sum(w["resisted"] + w["acted"] for w in weeks) == 3


def test_another_persons_rows_never_change_your_figures(program_client, user, other_user):
    """Someone else's check-ins, contacts and urges never show in your figures or on your page."""
    a_month(user)
    today = timezone.localdate()
    for days_ago in range(60):
        CheckInFactory(
            user=other_user, date=today - days_ago * DAY, mood=5, hours_slept=Decimal("11.5")
        )
        ContactFactory(user=other_user, date=today - days_ago * DAY)
    UrgeFactory(user=other_user, outcome=Urge.Outcome.REACHED_OUT)

    found = insights.for_user(user, timezone.localdate())
    response = program_client.get(URL)

    assert {g["key"]: (g["days"], g["mood"], g["sleep"]) for g in found["groups"]} == EXPECTED
    assert found["urge_chart"]["acted"] == 0
    text = main_text(response)
    assert "30 days with a check-in, 6 days with contact." in text
    assert "11.5" not in text


# The page ------------------------------------------------------------------------------------
def test_a_visitor_is_sent_to_log_in(client, db):
    """A visitor opening the insights page is sent to log in."""
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_a_post_is_refused(program_client):
    """The page only shows: a POST gets 405 Method Not Allowed."""
    assert program_client.post(URL).status_code == 405


def test_the_safety_check_comes_first(client_logged_in):
    """Before the safety check is answered, the page asks it first."""
    response = client_logged_in.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("safety:check"))


def test_with_no_check_ins_the_page_says_where_the_figures_come_from(program_client):
    """A person with nothing saved yet reads too few days to tell, and where to start."""
    text = main_text(program_client.get(URL))
    assert "Days without contact: too few days to tell yet (0 days with a check-in" in text
    assert "No check-ins or contact in these weeks yet." in text


def test_the_charts_are_accessible_svg_drawn_on_the_server(program_client, user):
    """Both charts are images with a title and a description, and nothing from another host."""
    a_month(user)
    UrgeFactory(user=user)

    response = program_client.get(URL)

    charts = svgs(response)
    assert len(charts) == 2
    for chart, name in zip(charts, ("mood-chart", "urge-chart"), strict=True):
        assert f'aria-labelledby="{name}-title {name}-desc"' in chart
        assert re.search(rf'<title id="{name}-title">[^<]+</title>', chart)
        assert re.search(rf'<desc id="{name}-desc">[^<]+</desc>', chart)
        assert 'width="100%"' in chart and "viewBox=" in chart
    mood_desc = re.search(r'<desc id="mood-chart-desc">([^<]+)', charts[0])[1]
    assert mood_desc.startswith("30 of 35 days have a check-in; 6 days had contact.")
    assert charts[0].count('class="contact-mark"') == 6
    assert charts[0].count('class="bar"') == 30
    page = response.content.decode()
    assert "<script" not in page.split("<main", 1)[1].split("</main>", 1)[0]
    assert not re.search(r'(?:src|href)="(?:https?:)?//', page)


def test_the_tables_hold_the_charts_figures(program_client, user):
    """Under each chart, a table with a caption holds the same figures as the chart and words."""
    a_month(user)
    now = timezone.now()
    UrgeFactory(user=user, created_at=now)
    UrgeFactory(user=user, created_at=now - 8 * DAY, outcome=Urge.Outcome.REACHED_OUT)

    averages, days, weeks = tables(program_client.get(URL))

    assert all(table["caption"].strip() for table in (averages, days, weeks))
    assert averages["rows"][1:] == [
        ["Days with contact", "6", "2.3", "6.0"],
        ["The day after contact", "6", "3.2", "7.0"],
        ["Days without contact", "18", "3.5", "7.5"],
    ]
    assert len(days["rows"]) == 1 + 30
    today = timezone.localdate()
    contact_rows = [row for row in days["rows"][1:] if row[3] == "Yes"]
    assert [row[0] for row in contact_rows] == [
        f"{today - d * DAY:%a} {(today - d * DAY).day} {today - d * DAY:%b}"
        for d in sorted(CONTACT_DAYS_AGO)
    ]
    assert contact_rows[0][1:3] == ["2", "6.0"]  # 3 days ago
    assert len(weeks["rows"]) == 1 + 5
    assert weeks["rows"][-1] == ["12 Mar to 18 Mar", "1", "0"]
    assert weeks["rows"][-2] == ["5 Mar to 11 Mar", "0", "1"]


@pytest.mark.parametrize("afraid", [False, True], ids=["everyone", "unsafe"])
def test_no_reader_is_encouraged_towards_contact(client_logged_in, user, afraid):
    """Even when mood was higher on contact days, nothing on the page encourages contact."""
    SafetyCheckFactory(user=user, afraid=afraid)
    today = timezone.localdate()
    for days_ago in range(30):
        contact = days_ago % 3 == 0
        CheckInFactory(user=user, date=today - days_ago * DAY, mood=5 if contact else 2)
        if contact:
            ContactFactory(user=user, date=today - days_ago * DAY)

    text = main_text(client_logged_in.get(URL)).lower()

    assert [words for words in ENCOURAGING if words in text] == []


def test_an_unsafe_reader_reads_how_they_felt_after_contact_and_where_support_is(
    client_logged_in, user
):
    """For a person for whom contact is unsafe: how they felt after it, and support in reach."""
    SafetyCheckFactory(user=user, afraid=True)
    a_month(user)
    UrgeFactory(user=user)

    response = client_logged_in.get(URL)

    text = main_text(response)
    assert "How you have felt after contact" in text
    assert "On the day after contact, your mood averaged 3.2 out of 5, over 6 days." in text
    assert "On days there was contact, your mood averaged 2.3 out of 5, over 6 days." in text
    assert "you don't have to carry it alone" in text
    assert "This shows what happened together, not what caused what." in text
    assert f'href="{reverse("safety:index")}"' in response.content.decode().split("<main", 1)[1]
    assert [words for words in UNSAFE_MUST_NOT_SEE if words in text.lower()] == []


def test_the_unsafe_readers_words_replace_every_insights_text():
    """Every insights text has its own wording for an unsafe reader, with no coaching in it."""
    from stages.content import everyone, unsafe
    from stages.content.readers import Reader, for_reader

    written = unsafe.TEXTS["INSIGHTS"]
    assert set(written) == set(everyone.INSIGHTS)
    assert for_reader(Reader(unsafe=True)).text("INSIGHTS") == written
    assert for_reader(Reader(unsafe=True, coparent=True)).text("INSIGHTS") == written
    words = json.dumps(list(walk(written))).lower()
    assert [phrase for phrase in UNSAFE_MUST_NOT_SEE if phrase in words] == []


def test_the_page_costs_the_same_queries_with_a_year_of_data(
    program_client, user, django_assert_max_num_queries
):
    """After a year of daily check-ins, contacts and urges the page opens as fast: six queries."""
    program_client.get(URL)  # the session's first request also notes the verified email
    with django_assert_max_num_queries(6) as few:
        assert program_client.get(URL).status_code == 200
    today = timezone.localdate()
    for days_ago in range(365):
        date = today - days_ago * DAY
        CheckInFactory(user=user, date=date, mood=1 + days_ago % 5)
        if days_ago % 3 == 0:
            ContactFactory(user=user, date=date)
        UrgeFactory(
            user=user,
            created_at=timezone.now() - days_ago * DAY,
            outcome=Urge.Outcome.REACHED_OUT if days_ago % 4 == 0 else Urge.Outcome.WAITED,
        )

    with django_assert_max_num_queries(6) as year:
        response = program_client.get(URL)

    assert response.status_code == 200
    assert len(year.captured_queries) == len(few.captured_queries)
    text = main_text(response)
    assert (
        "18 December 2025 to 18 March 2026: 91 days with a check-in, 31 days with contact." in text
    )


# Where the page is reached, and where its figures go -----------------------------------------
@pytest.mark.parametrize(
    ("afraid", "link"),
    [(False, "Insights: your mood beside your contact"), (True, "How you have felt after contact")],
    ids=["everyone", "unsafe"],
)
def test_the_dashboard_links_to_the_page(client_logged_in, user, afraid, link):
    """The dashboard links to the insights page, in the words written for its reader."""
    SafetyCheckFactory(user=user, afraid=afraid)
    page = client_logged_in.get(reverse("dashboard")).content.decode()
    assert f'<a href="{URL}">{link}</a>' in page


def test_the_json_export_holds_the_figures(client_logged_in, user):
    """Your JSON download holds the insights' averages and their days."""
    a_month(user)
    UrgeFactory(user=user)

    data = json.loads(client_logged_in.get(reverse("account_export_json")).content)

    assert data["program"]["insights"] == {
        "from": "2026-02-12",
        "to": "2026-03-18",
        "days": 35,
        "minimum_days": 5,
        "check_in_days": 30,
        "contact_days": 6,
        "with_contact": {"days": 6, "mood": "2.3", "hours_slept": "6.0"},
        "day_after_contact": {"days": 6, "mood": "3.2", "hours_slept": "7.0"},
        "without_contact": {"days": 18, "mood": "3.5", "hours_slept": "7.5"},
        "urges_resisted": 1,
        "urges_reached_out": 0,
        "note": "What happened together, not what caused what.",
    }


def test_the_markdown_export_holds_the_figures(client_logged_in, user):
    """Your Markdown download lists the insights' averages with their days."""
    a_month(user)

    text = client_logged_in.get(reverse("account_export_md")).content.decode()

    assert "## My insights, 12 February 2026 to 18 March 2026" in text
    assert "30 days with a check-in, 6 days with contact" in text
    assert "- Days with contact (6 days): mood 2.3 out of 5, sleep 6.0 hours on average" in text
    assert "- The day after contact (6 days): mood 3.2 out of 5, sleep 7.0 hours on average" in text
    assert "- Days without contact (18 days): mood 3.5 out of 5, sleep 7.5 hours on average" in text
    assert "not what caused what" in text


def test_the_markdown_export_has_no_insights_without_check_ins(client_logged_in):
    """A journal-only Markdown download stays the journal: no empty figures."""
    text = client_logged_in.get(reverse("account_export_md")).content.decode()
    assert "My insights" not in text


def test_the_privacy_page_says_what_the_insights_compute(client):
    """The Privacy page says what the insights work out, and that nothing leaves the server."""
    text = main_text(client.get(reverse("privacy")))
    assert "average mood and hours of sleep on days with contact" in text
    assert "nothing is sent to another company" in text
