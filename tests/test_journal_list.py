"""The journal list: newest first, pages, filters and search, in a fixed number of queries."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from journal.models import Entry

from .factories_journal import EntryFactory, StageFactory

pytestmark = pytest.mark.django_db


def titles(response):
    return [entry.title for entry in response.context["page"].object_list]


def make_entries(user, count, **kwargs):
    entries = [EntryFactory(user=user, title=f"Entry {i}", **kwargs) for i in range(count)]
    start = timezone.now() - datetime.timedelta(days=count)
    for i, entry in enumerate(entries):
        Entry.objects.filter(pk=entry.pk).update(created_at=start + datetime.timedelta(days=i))
    return entries


def test_empty_journal_invites_a_first_entry(client_logged_in):
    response = client_logged_in.get(reverse("journal:index"))
    assert response.status_code == 200
    assert b"Write your first entry" in response.content


def test_newest_entries_come_first_twenty_per_page(client_logged_in, user):
    make_entries(user, 25)
    first = client_logged_in.get(reverse("journal:index"))
    second = client_logged_in.get(reverse("journal:index") + "?page=2")
    assert titles(first) == [f"Entry {i}" for i in range(24, 4, -1)]
    assert titles(second) == [f"Entry {i}" for i in range(4, -1, -1)]


@pytest.mark.parametrize(("page", "expected"), [("bad", 1), ("0", 2), ("999", 2), ("-1", 2)])
def test_a_bad_page_number_shows_a_real_page(client_logged_in, user, page, expected):
    make_entries(user, 21)
    response = client_logged_in.get(reverse("journal:index") + f"?page={page}")
    assert response.status_code == 200
    assert response.context["page"].number == expected


def test_filter_by_stage(client_logged_in, user):
    stage, other = StageFactory(), StageFactory()
    EntryFactory(user=user, title="Linked", stage=stage)
    EntryFactory(user=user, title="Elsewhere", stage=other)
    EntryFactory(user=user, title="Unlinked")
    response = client_logged_in.get(reverse("journal:index") + f"?stage={stage.slug}")
    assert titles(response) == ["Linked"]


def test_filter_by_mood(client_logged_in, user):
    EntryFactory(user=user, title="Low", mood=1)
    EntryFactory(user=user, title="High", mood=5)
    response = client_logged_in.get(reverse("journal:index") + "?mood=5")
    assert titles(response) == ["High"]


@pytest.mark.parametrize(
    "query", ["?mood=9", "?mood=abc", "?stage=no-such-stage", "?mood=&stage=", "?q=" + "x" * 300]
)
def test_invalid_filters_are_reported_and_ignored(client_logged_in, user, query):
    EntryFactory(user=user, title="Still here")
    response = client_logged_in.get(reverse("journal:index") + query)
    assert response.status_code == 200
    assert titles(response) == ["Still here"]


def test_search_matches_words_in_title_and_body(client_logged_in, user):
    EntryFactory(user=user, title="Walk by the river", body="Quiet.")
    EntryFactory(user=user, title="Shopping", body="Bought apples at the market.")
    EntryFactory(user=user, title="Nothing", body="A normal day.")
    assert titles(client_logged_in.get("/journal/?q=river")) == ["Walk by the river"]
    assert titles(client_logged_in.get("/journal/?q=apples")) == ["Shopping"]


def test_search_needs_every_word(client_logged_in, user):
    EntryFactory(user=user, title="Both", body="river and apples")
    EntryFactory(user=user, title="One", body="river only")
    assert titles(client_logged_in.get("/journal/?q=apples river")) == ["Both"]
    assert titles(client_logged_in.get("/journal/?q=river river")) == ["One", "Both"]


def test_search_ignores_case_and_accents(client_logged_in, user):
    EntryFactory(user=user, title="", body="Un café à Zürich")
    assert len(titles(client_logged_in.get("/journal/?q=CAFE zurich"))) == 1
    assert len(titles(client_logged_in.get("/journal/?q=Café"))) == 1


def test_search_matches_whole_words_only(client_logged_in, user):
    EntryFactory(user=user, title="", body="understanding")
    assert titles(client_logged_in.get("/journal/?q=under")) == []


def test_search_never_finds_another_persons_entries(client_logged_in, user, other_user):
    EntryFactory(user=other_user, title="Theirs", body="river")
    assert titles(client_logged_in.get("/journal/?q=river")) == []


def test_search_and_filters_combine(client_logged_in, user):
    EntryFactory(user=user, title="Calm river", body="river", mood=4)
    EntryFactory(user=user, title="Sad river", body="river", mood=1)
    assert titles(client_logged_in.get("/journal/?q=river&mood=4")) == ["Calm river"]


def test_a_query_of_only_short_words_lists_everything(client_logged_in, user):
    EntryFactory(user=user, title="One")
    response = client_logged_in.get("/journal/?q=a+!")
    assert titles(response) == ["One"]


def test_pagination_links_keep_the_search(client_logged_in, user):
    for _ in range(21):
        EntryFactory(user=user, body="river")
    response = client_logged_in.get("/journal/?q=river")
    assert b"?q=river&amp;page=2" in response.content


def test_snippet_is_short_and_on_one_line(user):
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


@pytest.mark.parametrize("url", ["/journal/", "/journal/?q=river walk", "/journal/?mood=3"])
def test_list_and_search_use_a_fixed_number_of_queries(
    client_logged_in, user, django_assert_max_num_queries, url
):
    stage = StageFactory()
    make_entries(user, 5, body="a walk by the river", stage=stage)
    few = count_queries(client_logged_in, url, django_assert_max_num_queries, 7)
    make_entries(user, 55, body="a walk by the river", stage=stage)
    many = count_queries(client_logged_in, url, django_assert_max_num_queries, 7)
    assert many == few


def test_detail_uses_a_fixed_number_of_queries(
    client_logged_in, user, django_assert_max_num_queries
):
    make_entries(user, 60)
    entry = EntryFactory(user=user, stage=StageFactory())
    count_queries(client_logged_in, f"/journal/{entry.pk}/", django_assert_max_num_queries, 4)
