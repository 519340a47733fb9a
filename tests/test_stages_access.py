"""Who may see and do what in the program: owners only, signed in, with the right method."""

import pytest
from django.urls import reverse

from progress.models import Contact, HeldMessage, Memory, Responsibility, SelfCareCheckIn
from tests.factories.progress import (
    CheckInFactory,
    ContactFactory,
    HeldMessageFactory,
    MemoryFactory,
    ResponsibilityFactory,
)
from tests.factories.safety import SafetyCheckFactory

PAGES = [
    ("progress:index", []),
    ("safety:check", []),
    ("progress:summary", []),
    ("progress:detail", ["say-sorry"]),
    ("progress:apology", []),
    ("progress:selfcare", []),
    ("progress:checkin_today", []),
    ("progress:checkin_new", []),
    ("progress:contacts", []),
    ("progress:feelings", []),
    ("progress:reach_out", []),
    ("progress:held_messages", []),
    ("progress:responsibilities", []),
    ("progress:patterns", []),
    ("progress:memories", []),
    ("progress:date_idea", []),
    ("progress:readiness", []),
]

# (url name, factory, model, method) for every view that acts on one object.
OBJECT_VIEWS = [
    ("progress:checkin_edit", CheckInFactory, SelfCareCheckIn, "get"),
    ("progress:checkin_edit", CheckInFactory, SelfCareCheckIn, "post"),
    ("progress:checkin_delete", CheckInFactory, SelfCareCheckIn, "get"),
    ("progress:checkin_delete", CheckInFactory, SelfCareCheckIn, "post"),
    ("progress:contact_delete", ContactFactory, Contact, "get"),
    ("progress:message_delete", HeldMessageFactory, HeldMessage, "get"),
    ("progress:responsibility_delete", ResponsibilityFactory, Responsibility, "get"),
    ("progress:memory_delete", MemoryFactory, Memory, "get"),
    ("progress:contact_edit", ContactFactory, Contact, "get"),
    ("progress:contact_edit", ContactFactory, Contact, "post"),
    ("progress:contact_delete", ContactFactory, Contact, "post"),
    ("progress:message_detail", HeldMessageFactory, HeldMessage, "get"),
    ("progress:message_rewrite", HeldMessageFactory, HeldMessage, "get"),
    ("progress:message_rewrite", HeldMessageFactory, HeldMessage, "post"),
    ("progress:message_decide", HeldMessageFactory, HeldMessage, "post"),
    ("progress:message_delete", HeldMessageFactory, HeldMessage, "post"),
    ("progress:responsibility_edit", ResponsibilityFactory, Responsibility, "get"),
    ("progress:responsibility_edit", ResponsibilityFactory, Responsibility, "post"),
    ("progress:responsibility_delete", ResponsibilityFactory, Responsibility, "post"),
    ("progress:memory_edit", MemoryFactory, Memory, "get"),
    ("progress:memory_edit", MemoryFactory, Memory, "post"),
    ("progress:memory_delete", MemoryFactory, Memory, "post"),
]


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_anonymous_visitor_is_sent_to_log_in(client, db, name, args):
    """A visitor opening any page of the program is sent to log in."""
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_every_page_opens_for_its_owner(program_client, name, args):
    """Every page of the program opens for a signed-in person."""
    assert program_client.get(reverse(name, args=args)).status_code == 200


@pytest.mark.parametrize(("name", "factory", "model", "method"), OBJECT_VIEWS)
def test_other_user_gets_404_and_changes_nothing(
    client, user, other_user, name, factory, model, method
):
    """Another signed-in person reaching for any of your program entries gets a 404; it stays."""
    obj = factory(user=user)
    before = model.objects.filter(pk=obj.pk).values().get()
    SafetyCheckFactory(user=other_user)
    client.force_login(other_user)
    response = getattr(client, method)(
        reverse(name, args=[obj.pk]), {"decision": "let_go", "text": "x"}
    )
    assert response.status_code == 404
    assert model.objects.filter(pk=obj.pk).values().get() == before


@pytest.mark.parametrize(("name", "factory", "model", "method"), OBJECT_VIEWS)
def test_anonymous_visitor_cannot_act_on_objects(client, user, name, factory, model, method):
    """A visitor trying to open or change a program entry is sent to log in instead."""
    obj = factory(user=user)
    response = getattr(client, method)(reverse(name, args=[obj.pk]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_unknown_ids_get_404(program_client):
    """A link to a contact, message or memory that does not exist gets a 404."""
    for name in ("progress:contact_edit", "progress:message_detail", "progress:memory_edit"):
        assert program_client.get(reverse(name, args=[999999])).status_code == 404


def test_unknown_stage_gets_404(program_client):
    """A link to a stage that does not exist gets a 404."""
    assert program_client.get(reverse("progress:detail", args=["no-such-stage"])).status_code == 404


def test_lists_never_show_another_persons_entries(program_client, other_user):
    """Your contacts, memories, responsibilities, messages and summary never show others'."""
    ContactFactory(user=other_user, how_it_went="SECRET-CONTACT")
    MemoryFactory(user=other_user, what="SECRET-MEMORY")
    ResponsibilityFactory(user=other_user, my_part="SECRET-PART")
    HeldMessageFactory(user=other_user)
    for name in (
        "progress:contacts",
        "progress:memories",
        "progress:responsibilities",
        "progress:summary",
    ):
        body = program_client.get(reverse(name)).content.decode()
        assert "SECRET" not in body
    assert (
        "No held messages" in program_client.get(reverse("progress:held_messages")).content.decode()
    )


@pytest.mark.parametrize(
    "name",
    ["progress:complete", "progress:reopen"],
)
def test_stage_actions_refuse_get_with_405(program_client, name):
    """Merely following a link cannot mark a stage complete or reopen it."""
    assert program_client.get(reverse(name, args=["say-sorry"])).status_code == 405


@pytest.mark.parametrize("name", ["progress:message_decide"])
def test_object_actions_refuse_get_with_405(program_client, user, name):
    """Merely following a link cannot decide what happens to a held message."""
    assert program_client.get(reverse(name, args=[1])).status_code == 405


@pytest.mark.parametrize(
    ("name", "args"),
    [("progress:index", []), ("progress:summary", []), ("progress:detail", ["faq"])],
)
def test_read_only_pages_refuse_post_with_405(program_client, name, args):
    """A form sent to a read-only program page is refused and changes nothing."""
    assert program_client.post(reverse(name, args=args)).status_code == 405


def test_other_user_cannot_complete_for_someone_else(program_client, user, other_user):
    """Progress is always the signed-in person's own: there is no user id to tamper with."""
    program_client.post(reverse("progress:complete", args=["say-sorry"]), {"user": other_user.pk})
    assert not other_user.stageprogress_set.exists()
    assert user.stageprogress_set.get().status == "completed"
