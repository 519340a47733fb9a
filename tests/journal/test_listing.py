"""The journal lists the newest entries first, pages back and forth, filters and searches fast."""

# Pages found by keyset ("Newer" and "Older"), filters and search, in a fixed number of
# queries and no count.

import base64
import datetime
import html
import random
import re
import struct
import uuid

import pytest
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from journal.listing import entries_page
from journal.models import Entry, EntryToken
from tests.factories.journal import EntryFactory, StageFactory
from vault import crypto

pytestmark = pytest.mark.django_db


def titles(response):
    return [card.title for card in response.context["page"].cards]


def link(response, rel):
    """The href of the page's "Older" (rel="next") or "Newer" (rel="prev") link, or None."""
    found = re.search(
        rf'<a class="page-link" rel="{rel}" href="([^"]+)"', response.content.decode()
    )
    return html.unescape(found[1]) if found else None


def write_at(entries, when):
    """Move entries to another time, as if written then (their search tokens carry it too)."""
    pks = [entry.pk for entry in entries]
    Entry.objects.filter(pk__in=pks).update(created_at=when)
    EntryToken.objects.filter(entry__in=pks).update(created_at=when)


def make_entries(user, count, *, at=None, **kwargs):
    """`count` entries titled "Entry 0" (oldest) to "Entry <count - 1>" (newest), a day
    apart, or all written at the same moment `at`."""
    entries = [EntryFactory(user=user, title=f"Entry {i}", **kwargs) for i in range(count)]
    start = timezone.now() - datetime.timedelta(days=count)
    for i, entry in enumerate(entries):
        created = at or start + datetime.timedelta(days=i)
        write_at([entry], created)
    return entries


def walk(client, url, rel):
    """Every page from `url` on, following `rel` links: a list of each page's titles."""
    pages = []
    while url:
        response = client.get(url)
        assert response.status_code == 200
        pages.append(titles(response))
        url = link(response, rel)
    return pages


def test_empty_journal_invites_a_first_entry(client_logged_in):
    """An empty journal invites you to write your first entry, with no Older link."""
    response = client_logged_in.get(reverse("journal:index"))
    assert response.status_code == 200
    assert b"Write your first entry" in response.content
    assert b'rel="next"' not in response.content


def test_newest_entries_come_first_twenty_per_page_older_and_newer_walk_back(
    client_logged_in, user
):
    """The journal lists the newest twenty first; Older then Newer bring you back where you were."""
    make_entries(user, 45)
    first = client_logged_in.get(reverse("journal:index"))
    assert titles(first) == [f"Entry {i}" for i in range(44, 24, -1)]
    assert link(first, "prev") is None
    second = client_logged_in.get(link(first, "next"))
    assert titles(second) == [f"Entry {i}" for i in range(24, 4, -1)]
    third = client_logged_in.get(link(second, "next"))
    assert titles(third) == [f"Entry {i}" for i in range(4, -1, -1)]
    assert link(third, "next") is None
    back = client_logged_in.get(link(third, "prev"))
    assert titles(back) == titles(second)
    top = client_logged_in.get(link(back, "prev"))
    assert titles(top) == titles(first)
    assert link(top, "prev") is None


def test_entries_written_at_the_same_moment_are_neither_lost_nor_repeated(client_logged_in, user):
    """Paging through entries written at the same moment shows each exactly once, both ways."""
    same_moment = timezone.now() - datetime.timedelta(days=3)
    make_entries(user, 25, at=same_moment)
    make_entries(user, 20)  # "Entry 0" to "Entry 19" again, one a day, all newer
    pages = walk(client_logged_in, reverse("journal:index"), "next")
    assert [len(page) for page in pages] == [20, 20, 5]
    seen = [title for page in pages for title in page]
    assert sorted(seen) == sorted(
        [f"Entry {i}" for i in range(25)] + [f"Entry {i}" for i in range(20)]
    )
    # The same pages, walking back up from the oldest.
    oldest = client_logged_in.get(reverse("journal:index"))
    for _ in range(2):
        oldest = client_logged_in.get(link(oldest, "next"))
    back = walk(client_logged_in, link(oldest, "prev"), "prev")
    assert back == pages[-2::-1]


@pytest.mark.parametrize(
    "query",
    [
        "?page=3",
        "?page=bad",
        "?older=not-a-cursor",
        "?newer=%%%",
        "?older=" + "A" * 10,
        "?older=" + base64.urlsafe_b64encode(struct.pack(">q16s", 2**62, bytes(16))).decode(),
        "?older=" + "A" * 500,
        "?older=&newer=",
    ],
)
def test_a_stale_or_damaged_link_shows_the_newest_page(client_logged_in, user, query):
    """A stale or damaged journal page link shows the newest entries rather than an error."""
    make_entries(user, 21)
    response = client_logged_in.get(reverse("journal:index") + query)
    assert response.status_code == 200
    assert titles(response) == [f"Entry {i}" for i in range(20, 0, -1)]


def test_a_link_to_a_page_thinned_by_deletions_shows_the_newest_page_in_full(
    client_logged_in, user
):
    """After deletions, an old Newer or Older link shows a full page of the newest instead."""
    entries = make_entries(user, 45)
    second = client_logged_in.get(link(client_logged_in.get(reverse("journal:index")), "next"))
    third = client_logged_in.get(link(second, "next"))
    assert titles(third) == [f"Entry {i}" for i in range(4, -1, -1)]
    # Newer than "Entry 4" now finds five entries: the newest page is shown instead, full.
    Entry.objects.filter(pk__in=[e.pk for e in entries[10:]]).delete()
    newer = client_logged_in.get(link(third, "prev"))
    assert titles(newer) == [f"Entry {i}" for i in range(9, -1, -1)]
    # Older than "Entry 5" now finds nothing: the newest page again.
    Entry.objects.filter(pk__in=[e.pk for e in entries[:5]]).delete()
    older = client_logged_in.get(link(second, "next"))
    assert titles(older) == [f"Entry {i}" for i in range(9, 4, -1)]


def test_filter_by_stage(client_logged_in, user):
    """Filtering the journal by a stage shows only the entries linked to that stage."""
    stage, other = StageFactory(), StageFactory()
    EntryFactory(user=user, title="Linked", stage=stage)
    EntryFactory(user=user, title="Elsewhere", stage=other)
    EntryFactory(user=user, title="Unlinked")
    response = client_logged_in.get(reverse("journal:index") + f"?stage={stage.slug}")
    assert titles(response) == ["Linked"]


def test_filter_by_mood(client_logged_in, user):
    """Filtering the journal by a mood shows only the entries with that mood."""
    EntryFactory(user=user, title="Low", mood=1)
    EntryFactory(user=user, title="High", mood=5)
    response = client_logged_in.get(reverse("journal:index") + "?mood=5")
    assert titles(response) == ["High"]


@pytest.mark.parametrize(
    "query", ["?mood=9", "?mood=abc", "?stage=no-such-stage", "?mood=&stage=", "?q=" + "x" * 300]
)
def test_invalid_filters_are_reported_and_ignored(client_logged_in, user, query):
    """A nonsense filter or an overlong search is ignored, and your entries still show."""
    EntryFactory(user=user, title="Still here")
    response = client_logged_in.get(reverse("journal:index") + query)
    assert response.status_code == 200
    assert titles(response) == ["Still here"]


def test_search_matches_words_in_title_and_body(client_logged_in, user):
    """Searching the journal finds a word in an entry's title or in its text."""
    EntryFactory(user=user, title="Walk by the river", body="Quiet.")
    EntryFactory(user=user, title="Shopping", body="Bought apples at the market.")
    EntryFactory(user=user, title="Nothing", body="A normal day.")
    assert titles(client_logged_in.get("/journal/?q=river")) == ["Walk by the river"]
    assert titles(client_logged_in.get("/journal/?q=apples")) == ["Shopping"]


def test_search_needs_every_word(client_logged_in, user):
    """A search of several words finds only the entries holding all of them."""
    EntryFactory(user=user, title="Both", body="river and apples")
    EntryFactory(user=user, title="One", body="river only")
    assert titles(client_logged_in.get("/journal/?q=apples river")) == ["Both"]
    assert titles(client_logged_in.get("/journal/?q=river river")) == ["One", "Both"]


def test_search_ignores_case_and_accents(client_logged_in, user):
    """Searching for CAFE zurich finds Un café à Zürich: case and accents don't matter."""
    EntryFactory(user=user, title="", body="Un café à Zürich")
    assert len(titles(client_logged_in.get("/journal/?q=CAFE zurich"))) == 1
    assert len(titles(client_logged_in.get("/journal/?q=Café"))) == 1


def test_search_finds_words_by_their_start(client_logged_in, user):
    """Searching for riv finds river, rivers and Riverside, but not drivers or quiver."""
    EntryFactory(user=user, title="Plural", body="Two rivers met.")
    EntryFactory(user=user, title="Place", body="A walk in Riverside park.")
    EntryFactory(user=user, title="Capital", body="River.")
    EntryFactory(user=user, title="Inside", body="A quiver of arrows, and drivers.")
    for query in ("river", "RIV", "riv", "Rivér"):
        found = titles(client_logged_in.get(f"/journal/?q={query}"))
        assert sorted(found) == ["Capital", "Place", "Plural"], query


def test_a_search_word_must_start_a_word_not_sit_inside_one(client_logged_in, user):
    """Searching for standing does not find understanding, while under does."""
    EntryFactory(user=user, title="", body="understanding")
    assert titles(client_logged_in.get("/journal/?q=standing")) == []
    assert len(titles(client_logged_in.get("/journal/?q=under"))) == 1


def test_two_letter_search_words_match_whole_words_only(client_logged_in, user):
    """Searching for no finds the word no, not every word that starts with it."""
    EntryFactory(user=user, title="Said no", body="I said no.")
    EntryFactory(user=user, title="Nothing", body="Nothing new.")
    assert titles(client_logged_in.get("/journal/?q=no")) == ["Said no"]
    assert sorted(titles(client_logged_in.get("/journal/?q=not"))) == ["Nothing"]


def test_search_words_over_twelve_letters_match_whole_words(client_logged_in, user):
    """Searching for relationship finds relationships too; relationships finds only itself."""
    EntryFactory(user=user, title="One", body="relationship")
    EntryFactory(user=user, title="Many", body="relationships")
    assert sorted(titles(client_logged_in.get("/journal/?q=relationship"))) == ["Many", "One"]
    assert titles(client_logged_in.get("/journal/?q=relationships")) == ["Many"]


def test_every_search_word_must_start_some_word(client_logged_in, user):
    """Every word of a search, even a word's start, must be in an entry for it to be found."""
    EntryFactory(user=user, title="Both", body="rivers and apples")
    EntryFactory(user=user, title="Rivers", body="rivers only")
    EntryFactory(user=user, title="Apples", body="apples only")
    assert titles(client_logged_in.get("/journal/?q=riv+app")) == ["Both"]
    assert titles(client_logged_in.get("/journal/?q=app+riv+zebra")) == []


def test_search_results_are_newest_first(client_logged_in, user):
    """Not ranked: the exact word and longer words are listed by when they were written."""
    written = {"Exact, old": "the river", "Longer, newer": "riverside", "Exact, newest": "River"}
    now = timezone.now()
    for days_ago, (title, body) in zip((3, 2, 1), written.items(), strict=True):
        entry = EntryFactory(user=user, title=title, body=body)
        write_at([entry], now - datetime.timedelta(days=days_ago))
    assert titles(client_logged_in.get("/journal/?q=river")) == [
        "Exact, newest",
        "Longer, newer",
        "Exact, old",
    ]


def test_search_never_finds_another_persons_entries(client_logged_in, user, other_user):
    """A journal search never turns up another person's entries."""
    EntryFactory(user=other_user, title="Theirs", body="rivers")
    assert titles(client_logged_in.get("/journal/?q=river")) == []
    assert titles(client_logged_in.get("/journal/?q=riv")) == []


def test_a_card_shows_title_time_mood_part_and_the_start_of_the_text(client_logged_in, user):
    """Each journal card shows the date, the time, the mood, the stage and the start of the text."""
    stage = StageFactory("say-sorry")
    entry = EntryFactory(user=user, title="", body="First line\nsecond line", mood=4, stage=stage)
    written = datetime.datetime(2026, 3, 18, 9, 55, tzinfo=datetime.UTC)
    write_at([entry], written)
    page = client_logged_in.get(reverse("journal:index")).content.decode()
    assert f'<a href="/journal/{entry.pk}/">18 March 2026</a>' in page
    assert '<time datetime="2026-03-18T09:55:00+0000">09:55</time>' in page
    assert "Mood 4/5" in page
    assert f"<span>Stage {stage.number}: Say sorry, if you need to</span>" in page
    assert "First line second line" in page


def test_a_card_shows_what_a_person_wrote_as_text_never_as_markup(client_logged_in, user):
    """A title or text with HTML in it shows on its card as written, and nothing of it runs."""
    EntryFactory(user=user, title='<b>"bold"</b>', body="two <script>x()</script> & 'more'")
    page = client_logged_in.get(reverse("journal:index")).content.decode()
    assert "&lt;b&gt;&quot;bold&quot;&lt;/b&gt;</a></h2>" in page
    assert "two &lt;script&gt;x()&lt;/script&gt; &amp; &#x27;more&#x27;</p>" in page
    assert "<script>x()" not in page and "<b>" not in page


def test_a_card_shows_its_date_once(client_logged_in, user):
    """Each journal card shows its date only once, whether or not the entry has a title.

    An untitled entry is named by its date, so its card's time gives only the hour; a
    titled entry's card gives the date and the hour."""
    written = datetime.datetime(2026, 3, 18, 9, 55, tzinfo=datetime.UTC)
    untitled = EntryFactory(user=user, title="", body="No title")
    titled = EntryFactory(user=user, title="By the river", body="A title")
    write_at([untitled, titled], written)
    page = client_logged_in.get(reverse("journal:index")).content.decode()
    assert page.count("18 March 2026") == 2  # the untitled card's title, the titled card's time
    assert '<time datetime="2026-03-18T09:55:00+0000">09:55</time>' in page
    assert '<time datetime="2026-03-18T09:55:00+0000">18 March 2026, 09:55</time>' in page


def test_search_and_filters_combine(client_logged_in, user):
    """A search and a mood filter together find only entries matching both."""
    EntryFactory(user=user, title="Calm river", body="river", mood=4)
    EntryFactory(user=user, title="Sad river", body="river", mood=1)
    assert titles(client_logged_in.get("/journal/?q=river&mood=4")) == ["Calm river"]


def test_a_query_of_only_short_words_lists_everything(client_logged_in, user):
    """A search of only one-letter words and punctuation lists every entry."""
    EntryFactory(user=user, title="One")
    response = client_logged_in.get("/journal/?q=a+!")
    assert titles(response) == ["One"]


def test_newer_and_older_links_keep_the_search_and_filters(client_logged_in, user):
    """Paging through search results with Older and Newer keeps the search and the filters."""
    stage = StageFactory()
    make_entries(user, 41, body="rivers", mood=4, stage=stage)
    make_entries(user, 5, body="rivers", mood=2, stage=stage)
    make_entries(user, 5, body="lakes", mood=4, stage=stage)
    query = f"?q=river&stage={stage.slug}&mood=4"
    first = client_logged_in.get(reverse("journal:index") + query)
    older = link(first, "next")
    assert older.startswith(f"/journal/{query}&older=")
    second = client_logged_in.get(older)
    assert link(second, "prev").startswith(f"/journal/{query}&newer=")
    pages = walk(client_logged_in, reverse("journal:index") + query, "next")
    assert [len(page) for page in pages] == [20, 20, 1]
    assert b"Entries matching your search" in first.content


def test_snippet_is_short_and_on_one_line(user):
    """A long entry's card previews its start on a single short line."""
    entry = EntryFactory(user=user, body="line one\nline two " + "word " * 100)
    snippet = entry.snippet()
    assert "\n" not in snippet
    assert len(snippet) <= 181


# --- Query budgets: the number of queries does not grow with the number of entries -------


def count_queries(client, url, django_assert_max_num_queries, budget):
    client.get(url)  # the first page of a session also notes the verified email
    with django_assert_max_num_queries(budget) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    "url", ["/journal/", "/journal/?q=river walk", "/journal/?mood=3", "/journal/?q=riv&mood=3"]
)
def test_list_and_search_use_a_fixed_number_of_queries_and_never_count(
    client_logged_in, user, django_assert_max_num_queries, url
):
    """The journal and its search open as fast with eighty entries, or pages deep, as with five."""
    stage = StageFactory()
    make_entries(user, 5, body="a walk by the river", stage=stage)
    # Session, user, the person's situation (which words name the program's parts), the
    # page of entries with their parts' slugs.
    few = count_queries(client_logged_in, url, django_assert_max_num_queries, 4)
    make_entries(user, 75, body="a walk by the river", stage=stage)
    with django_assert_max_num_queries(4) as captured:
        first = client_logged_in.get(url)
    assert len(captured.captured_queries) == few
    assert not [q for q in captured.captured_queries if "COUNT(" in q["sql"].upper()]
    # Three pages further down costs what the first page costs.
    deep = link(
        client_logged_in.get(link(client_logged_in.get(link(first, "next")), "next")), "next"
    )
    assert deep is not None
    with django_assert_max_num_queries(4) as captured:
        response = client_logged_in.get(deep)
    assert len(titles(response)) == 20
    assert len(captured.captured_queries) == few
    assert not [q for q in captured.captured_queries if "COUNT(" in q["sql"].upper()]


def test_detail_uses_a_fixed_number_of_queries(
    client_logged_in, user, django_assert_max_num_queries
):
    """An entry opens within its query budget however long the journal, so it stays fast."""
    make_entries(user, 60)
    entry = EntryFactory(user=user, stage=StageFactory())
    count_queries(client_logged_in, f"/journal/{entry.pk}/", django_assert_max_num_queries, 4)


# --- Search against a plain reference: every match found, page by page --------------------

# Words that start one another (riv, river, rivers, riverside), two letters (no), over twelve
# (relationship, relationships), accents (café), and words found in most entries or in few.
VOCABULARY = [
    "river",
    "rivers",
    "riverside",
    "drivers",
    "quiver",
    "no",
    "not",
    "nothing",
    "coffee",
    "coffees",
    "café",
    "cafe",
    "ocean",
    "relationship",
    "relationships",
    "understanding",
    "under",
    "walk",
    "the",
    "a",
    "of",
    "and",
]
QUERIES = [
    "river",  # in many entries, by itself and as the start of longer words
    "riv",  # a word's start
    "rivers",
    "ocean",  # in few entries
    "no",  # two letters: the whole word only
    "relationship",  # over twelve letters: the whole word only
    "relationships",
    "CAFE",  # case and accents
    "coffee ocean",  # every word must be found
    "riv walk the",
    "zebra",  # in no entry
    "nothing zebra",
    "",  # no search: every entry
]


def reference_search(user, query):
    """The ids a search should find, newest first, by reading every entry of the person:
    each query word starts a word of the entry (two letters, or over twelve: is a word)."""
    query_words = crypto.search_words(query)
    found = []
    for entry in Entry.objects.filter(user=user).order_by("-created_at", "-id"):
        words = crypto.normalise_words(entry.searchable_text())
        if all(
            any(
                word.startswith(wanted) if 3 <= len(wanted) <= 12 else word == wanted
                for word in words
            )
            for wanted in query_words
        ):
            found.append(entry.pk)
    return found


def every_page(user, query, **filters):
    """Every entry a search shows, following the Older links from its first page."""
    found, older = [], None
    for _ in range(100):
        params = QueryDict(mutable=True)
        if older:
            params["older"] = older.encode()
        entries = Entry.objects.all().search(user, query).filter(**filters)
        page = entries_page(entries, params, stage_names={}, per_page=7)
        found += [uuid.UUID(card.url.strip("/").rsplit("/", 1)[1]) for card in page.cards]
        if page.older is None:
            return found
        older = page.older
    raise AssertionError("more pages than entries")


@pytest.fixture
def seeded_journal(user, other_user):
    """Ninety entries of random words, some written at the same moment, and another person's."""
    rng = random.Random(26)
    now = timezone.now()
    for i in range(90):
        body = " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(1, 8)))
        title = rng.choice(["", "", "Walk", "Rivers", "Coffee"])
        entry = EntryFactory(user=user, title=title, body=body, mood=rng.randint(1, 5))
        # Every third entry shares its moment with the one before: ties settled by the id.
        moment = now - datetime.timedelta(hours=i - i % 3)
        write_at([entry], moment)
    for _ in range(10):
        EntryFactory(user=other_user, title="Theirs", body="river ocean coffee no café")


@pytest.mark.parametrize("query", QUERIES)
def test_search_finds_what_reading_every_entry_finds_page_by_page(user, seeded_journal, query):
    """A search finds exactly the entries that hold every word, newest first, page after page."""
    expected = reference_search(user, query)
    assert every_page(user, query) == expected
    if query in ("river", "coffee ocean", ""):
        assert expected  # the seed puts these words in some entries
    mood = Entry.objects.filter(pk__in=expected[:1]).values_list("mood", flat=True).first()
    if mood is not None:
        moods = dict(Entry.objects.filter(user=user).values_list("pk", "mood"))
        assert every_page(user, query, mood=mood) == [pk for pk in expected if moods[pk] == mood]
