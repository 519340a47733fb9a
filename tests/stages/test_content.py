"""Every page of the program reads right for each kind of reader, unsafe or a co-parent."""

# A person for whom reconnecting is unsafe must never be coached towards contact, apology,
# reconciliation or self-blame; a parent who shares children must never be told to cut all
# contact. Each test walks every page of the program with a full set of saved exercises, as one
# reader, and reads the page's visible text for the phrases that reader must not see. The lists
# are phrases the everyone-text really uses (a test below proves each list bites), so a page that
# falls back to the everyone-text for the wrong reader fails here.

import datetime
import html
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from safety.models import SafetyCheck
from stages import content
from stages.content import coparent, everyone, readers, unsafe, unsafe_coparent
from stages.content.readers import Reader, audiences, every_text, for_reader
from tests.factories.journal import EntryFactory
from tests.factories.progress import (
    ApologyFactory,
    CheckInFactory,
    ContactFactory,
    DateIdeaFactory,
    FeelingSignFactory,
    HeldMessageFactory,
    MemoryFactory,
    PatternAnswersFactory,
    ReachOutCheckFactory,
    ReadinessFactory,
    ResponsibilityFactory,
    UrgeFactory,
)

# Coaching that must never reach a person for whom reconnecting is unsafe (case-insensitive).
UNSAFE_MUST_NOT_SEE = (
    "low-pressure message",
    "remind your ex",
    "suggest a date",
    "first met",
    "chemistry",
    "what you have to offer",
    "don't give up",
    "say sorry",
    "before you apologise",
    "sincere apology",
    "your part in what happened",
    "your mistakes",
    "win back",
    "win them back",
    "fresh start",
    "rebuild",
    "try again",
    "give your ex",
    "i want to reach out",
    "when the urge to get in touch",
    "signs of their feelings",
    "a date idea",
    "ready to compromise",
    "held messages",
    "messages cooling off",
    "keep going gently",
    "clear eyes",
)

# What a parent who shares children must never be told (case-insensitive).
COPARENT_MUST_NOT_SEE = (
    "cut all contact",
    "cut off contact",
    "no contact",
    "no-contact",
    "block their number",
    "stop all contact",
    "go silent",
    "vanish",
)

SLUGS = [section["slug"] for section in everyone.SECTIONS]
TODAY = datetime.date(2026, 6, 15)

READERS = {
    "everyone": Reader(),
    "unsafe": Reader(unsafe=True),
    "coparent": Reader(coparent=True),
    "unsafe_coparent": Reader(unsafe=True, coparent=True),
}


def set_situation(user, reader: Reader) -> None:
    """What the person told the safety check: a yes to the violence question when reconnecting
    is unsafe, and whether they share children."""
    SafetyCheck.objects.update_or_create(
        user=user,
        defaults={
            "answers": {
                "violence": "yes" if reader.unsafe else "no",
                "threats": "no",
                "controlled": "no",
                "afraid": "no",
                "children": "yes" if reader.coparent else "no",
            }
        },
    )


def visible_text(response) -> str:
    """What a person reads: the title and the body's text, without tags, scripts or the
    values of hidden fields."""
    page = response.content.decode()
    page = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", page)
    page = re.sub(r"(?is)<input\b[^>]*>", " ", page)
    page = re.sub(r"(?s)<[^>]+>", " ", page)
    return re.sub(r"\s+", " ", html.unescape(page)).lower()


def everything_saved(user):
    """One of every exercise, with answers that make each page say the most it can."""
    ApologyFactory(
        user=user,
        sincerity={
            "has_reason": "no",
            "seeking_approval": "yes",
            "telling_them_what_they_want": "yes",
        },
    )
    CheckInFactory(user=user, date=TODAY)
    contact = ContactFactory(user=user, date=TODAY - datetime.timedelta(days=90))
    FeelingSignFactory(user=user)
    ReachOutCheckFactory(user=user)
    message = HeldMessageFactory(user=user)
    ResponsibilityFactory(user=user)
    PatternAnswersFactory(user=user)
    memory = MemoryFactory(user=user)
    DateIdeaFactory(user=user)
    ReadinessFactory(
        user=user,
        answers={
            "still_in_love": "yes",
            "impulsive": "no",
            "band_aid": "no",
            "ready_to_compromise": "no",
            "ready_to_admit": "no",
            "ready_to_change": "yes",
        },
    )
    UrgeFactory(user=user)
    entry = EntryFactory(user=user)
    return {"contact": contact, "message": message, "memory": memory, "entry": entry}


def every_page(rows) -> list[str]:
    """Every page of the program a person can open, the journal's prompts and the dashboard."""
    urls = [reverse("dashboard"), reverse("progress:index"), reverse("progress:summary")]
    urls += [reverse("progress:detail", args=[slug]) for slug in SLUGS]
    for name in (
        "apology",
        "selfcare",
        "checkin_today",
        "checkin_new",
        "contacts",
        "feelings",
        "reach_out",
        "held_messages",
        "responsibilities",
        "patterns",
        "memories",
        "date_idea",
        "readiness",
        "reach_out_now",
        "reach_out_now_ground",
        "reach_out_now_end",
    ):
        urls.append(reverse(f"progress:{name}"))
    urls += [
        reverse("progress:contact_edit", args=[rows["contact"].pk]),
        reverse("progress:message_detail", args=[rows["message"].pk]),
        reverse("progress:memory_edit", args=[rows["memory"].pk]),
        reverse("journal:detail", args=[rows["entry"].pk]),
        reverse("journal:index"),
        reverse("safety:plan"),
        reverse("safety:plan_print"),
        reverse("safety:check"),
        reverse("account"),
    ]
    for slug in SLUGS:
        urls.append(f"{reverse('journal:new')}?stage={slug}&prompt=0")
    return urls


def walk(client, user, reader: Reader) -> dict[str, str]:
    set_situation(user, reader)
    rows = everything_saved(user)
    pages = {}
    for url in every_page(rows):
        response = client.get(url)
        assert response.status_code == 200, url
        pages[url] = visible_text(response)
    return pages


def contact_guidance_pages(client, user, reader: Reader) -> dict[str, str]:
    """The contact log with each of its four messages: nothing logged, in touch two days ago,
    two weeks ago, and three months ago."""
    set_situation(user, reader)
    pages = {}
    url = reverse("progress:contacts")
    pages["none"] = visible_text(client.get(url))
    for key, days in (("too_soon", 1), ("balanced", 14), ("too_long", 90)):
        contact = ContactFactory(user=user, date=timezone.localdate() - datetime.timedelta(days))
        pages[key] = visible_text(client.get(url))
        contact.delete()
    return pages


def offending(pages: dict[str, str], phrases) -> list[tuple[str, str]]:
    return [(url, phrase) for url, text in pages.items() for phrase in phrases if phrase in text]


@pytest.mark.parametrize("name", ["unsafe", "unsafe_coparent"])
def test_no_page_coaches_a_person_for_whom_reconnecting_is_unsafe(program_client, user, name):
    """A person for whom reconnecting is unsafe is never coached towards their ex, on any page.

    Every page, every exercise, the summary and the journal's prompts: no contact coaching,
    no apology, no reconciliation, no self-blame."""
    pages = walk(program_client, user, READERS[name])
    assert offending(pages, UNSAFE_MUST_NOT_SEE) == []


@pytest.mark.parametrize("name", ["unsafe", "unsafe_coparent"])
def test_the_contact_log_never_coaches_contact_when_it_is_unsafe(program_client, user, name):
    """When reconnecting is unsafe, none of the contact log's four messages coaches contact."""
    pages = contact_guidance_pages(program_client, user, READERS[name])
    assert offending(pages, UNSAFE_MUST_NOT_SEE) == []
    assert len(set(pages.values())) == 4  # a message for each case


@pytest.mark.parametrize("name", ["coparent", "unsafe_coparent"])
def test_no_page_tells_a_parent_to_cut_all_contact(program_client, user, name):
    """A parent who shares children is never told to cut all contact, on any page."""
    pages = walk(program_client, user, READERS[name])
    pages.update(contact_guidance_pages(program_client, user, READERS[name]))
    assert offending(pages, COPARENT_MUST_NOT_SEE) == []


def test_the_lists_bite_on_the_pages_everyone_reads(program_client, user):
    """The everyone-text does use these phrases: the lists above are not empty words."""
    pages = walk(program_client, user, READERS["everyone"])
    pages.update(contact_guidance_pages(program_client, user, READERS["everyone"]))
    seen_unsafe = {phrase for _, phrase in offending(pages, UNSAFE_MUST_NOT_SEE)}
    assert len(seen_unsafe) >= len(UNSAFE_MUST_NOT_SEE) * 2 // 3, sorted(
        set(UNSAFE_MUST_NOT_SEE) - seen_unsafe
    )
    assert offending(pages, ("vanish",))  # the contact log's "too long" message


def test_every_section_page_shows_text_written_for_an_unsafe_reader(program_client, user):
    """When reconnecting is unsafe, each stage page has a title written for them, not everyone's."""
    set_situation(user, READERS["unsafe"])
    for slug in SLUGS:
        written = unsafe.SECTIONS[slug]
        page = program_client.get(reverse("progress:detail", args=[slug])).content.decode()
        assert html.escape(written["title"]) in page, slug
        assert html.escape(everyone_title(slug)) not in page, slug


def everyone_title(slug: str) -> str:
    return next(s["title"] for s in everyone.SECTIONS if s["slug"] == slug)


def test_a_parent_reads_about_the_children_where_contact_is_discussed(program_client, user):
    """A parent reads about the children and a parenting plan where contact is discussed."""
    set_situation(user, READERS["coparent"])
    stage = visible_text(program_client.get(reverse("progress:detail", args=["time-and-space"])))
    log = visible_text(program_client.get(reverse("progress:contacts")))
    assert "children" in stage
    assert "parenting plan" in stage
    assert "children" in log


def test_an_unsafe_parent_reads_about_arranging_contact_through_someone_else(program_client, user):
    """An unsafe parent reads about contact through a contact centre, and about a safety plan."""
    set_situation(user, READERS["unsafe_coparent"])
    stage = visible_text(program_client.get(reverse("progress:detail", args=["time-and-space"])))
    assert "contact centre" in stage
    assert "safety plan" in stage


@pytest.mark.parametrize(
    "key", ["apology", "feelings", "reach_out", "held_messages", "responsibilities", "date_idea"]
)
def test_an_exercise_set_aside_saves_nothing_and_says_why(program_client, user, key):
    """When reconnecting is unsafe, a set-aside exercise has no form, says why, saves nothing."""
    set_situation(user, READERS["unsafe"])
    url = reverse(f"progress:{key}")
    response = program_client.get(url)
    assert response.status_code == 200
    assert "<form" not in response.content.decode().split("<main", 1)[-1].split("</main>")[0]
    assert html.escape(unsafe.TEXTS["SET_ASIDE"][key]["title"]) in response.content.decode()
    posted = program_client.post(url, {"draft": "words", "status": "draft", "idea": "words"})
    assert posted.status_code == 200
    from progress.exercises import BY_KEY

    assert not BY_KEY[key].queryset(user).exists()


def test_the_stage_page_lists_exercises_set_aside_apart(program_client, user):
    """When reconnecting is unsafe, a stage page lists its set-aside exercises apart."""
    set_situation(user, READERS["unsafe"])
    page = program_client.get(reverse("progress:detail", args=["say-sorry"])).content.decode()
    assert "Set aside for you" in page
    assert '<h2 class="h4" id="exercise">Your exercise</h2>' not in page


# The content itself, independent of pages -----------------------------------------------------


def test_the_unsafe_path_is_a_path_of_its_own():
    """Every section has all its words written for this reader."""
    assert set(unsafe.SECTIONS) == set(SLUGS)
    for slug, written in unsafe.SECTIONS.items():
        assert set(written) >= {"title", "summary", "body", "key_points", "prompts"}, slug


@pytest.mark.parametrize("module", [unsafe, unsafe_coparent], ids=lambda m: m.__name__)
def test_nothing_written_for_an_unsafe_reader_coaches(module):
    """No text written for an unsafe reader coaches contact, apology or reconciliation."""
    found = [
        (phrase, text[:60])
        for text in every_text(module)
        for phrase in UNSAFE_MUST_NOT_SEE
        if phrase in text.lower()
    ]
    assert found == []


@pytest.mark.parametrize("module", [coparent, unsafe_coparent], ids=lambda m: m.__name__)
def test_nothing_written_for_a_parent_cuts_all_contact(module):
    """No text written for a parent tells them to cut all contact."""
    found = [
        (phrase, text[:60])
        for text in every_text(module)
        for phrase in COPARENT_MUST_NOT_SEE
        if phrase in text.lower()
    ]
    assert found == []


def test_safety_decides_before_children():
    """For an unsafe parent, safety decides what they read before the children do.

    An unsafe parent reads the unsafe parent's text first, then the unsafe text, then the
    parent's, then everyone's."""
    assert audiences(READERS["unsafe_coparent"]) == (
        "unsafe_coparent",
        "unsafe",
        "coparent",
        "everyone",
    )
    assert audiences(None) == ("everyone",)


def test_each_reader_gets_fresh_sections():
    """Pages set progress on the sections: one page's sections are never another's."""
    first = for_reader(READERS["everyone"])
    first.sections[0].title = "changed in one request"
    assert for_reader(READERS["everyone"]).sections[0].title != "changed in one request"


def test_no_page_changes_the_words_every_reader_shares(program_client, user):
    """The program's words are picked once per process and shared: opening every page as each
    kind of reader leaves them as a fresh pick would make them."""
    urls = every_page(everything_saved(user))
    for reader in READERS.values():
        set_situation(user, reader)
        for url in urls:
            assert program_client.get(url).status_code == 200, url
    for reader in READERS.values():
        order = audiences(reader)
        sections, texts = readers._picked(order)
        assert list(sections) == [readers._pick_section(base, order) for base in everyone.SECTIONS]
        assert texts == {name: readers._pick_text(name, order) for name in readers.EVERYONE_TEXTS}


def test_every_named_text_exists_for_everyone():
    """Every kind of reader gets every piece of text, all four contact-log messages included."""
    for reader in READERS.values():
        program = for_reader(reader)
        assert set(program.texts) == set(content.readers.EVERYONE_TEXTS)
        assert set(program.text("SPACE_GUIDANCE")) == {"too_soon", "balanced", "too_long", "none"}
