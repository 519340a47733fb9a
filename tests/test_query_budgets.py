"""Query budgets for the signed-in pages that have no budget elsewhere (the program's main
pages are in test_stages_queries.py, the journal list in test_journal_list.py). Each page is
measured for a person with little data and again with a lot: the count must not grow."""

import random

import pytest
from django.urls import reverse
from django.utils import timezone

from demo import seed as demo
from journal.models import Entry
from progress.models import Contact, HeldMessage, Memory, Responsibility
from stages.models import Stage
from tests.clock import frozen

SECTIONS = [
    "introduction",
    "say-sorry",
    "take-care-of-yourself",
    "time-and-space",
    "never-lower-your-value",
    "take-responsibility",
    "change-bad-patterns",
    "celebrate-the-good-times",
    "keep-in-mind",
    "are-you-sure",
    "faq",
]


def pages(user):
    entry = Entry.objects.for_user(user).first()
    contact = Contact.objects.filter(user=user).first()
    memory = Memory.objects.filter(user=user).first()
    responsibility = Responsibility.objects.filter(user=user).first()
    message = HeldMessage.objects.filter(user=user).first()
    return {
        # The session, the user, the countries that have helplines and the safety check
        # (the page's "Your situation").
        "account": (reverse("account"), 4),
        "account delete": (reverse("account_delete"), 2),
        # The journal also reads the person's situation: it names the program's parts and
        # offers prompts in the words written for them.
        "journal new": (reverse("journal:new"), 5),
        "journal new from a prompt": (reverse("journal:new") + "?stage=say-sorry&prompt=0", 5),
        "journal edit": (reverse("journal:edit", args=[entry.pk]), 5),
        "journal delete": (reverse("journal:delete", args=[entry.pk]), 3),
        "apology": (reverse("progress:apology"), 4),
        "reach out": (reverse("progress:reach_out"), 4),
        "date idea": (reverse("progress:date_idea"), 4),
        "check-in today": (reverse("progress:checkin_today"), 4),
        "check-in new": (reverse("progress:checkin_new"), 4),
        "contact edit": (reverse("progress:contact_edit", args=[contact.pk]), 5),
        "memory edit": (reverse("progress:memory_edit", args=[memory.pk]), 5),
        "responsibility edit": (
            reverse("progress:responsibility_edit", args=[responsibility.pk]),
            5,
        ),
        "held message": (reverse("progress:message_detail", args=[message.pk]), 6),
        "safety check": (reverse("safety:check"), 3),
        "safety plan": (reverse("safety:plan"), 3),
        "safety plan to print": (reverse("safety:plan_print"), 3),
        "are you sure": (reverse("progress:readiness"), 4),
        # Opening a section never writes: the session, the user, the safety check, the progress
        # rows.
        **{f"section {slug}": (reverse("progress:detail", args=[slug]), 4) for slug in SECTIONS},
    }


def measure(client, url, django_assert_max_num_queries, budget):
    client.get(url)  # the first request of a session also notes the verified email
    with django_assert_max_num_queries(budget) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


@pytest.mark.django_db
@frozen
def test_signed_in_pages_cost_the_same_with_little_or_much_data(
    client_logged_in, user, django_assert_max_num_queries
):
    """Signed-in pages make as many queries after months of use as on day one, so they stay fast."""
    assert Stage.objects.count() == 11
    rng = random.Random(3)  # noqa: S311
    demo.fill_program([user], rng=rng, today=timezone.localdate())
    demo.fill_journal([(user, 2)], rng=rng)
    few = {
        name: measure(client_logged_in, url, django_assert_max_num_queries, budget)
        for name, (url, budget) in pages(user).items()
    }
    # Much more of everything: many entries, contacts, memories, mistakes and messages.
    demo.fill_journal([(user, 120)], rng=rng)
    for _ in range(4):
        demo.fill_program_rows([user], rng=rng, today=timezone.localdate())
    many = {
        name: measure(client_logged_in, url, django_assert_max_num_queries, budget)
        for name, (url, budget) in pages(user).items()
    }
    assert many == few
