"""keep.drafts: the browser keeps a draft of unsaved text under an opaque key per person and
page, and forgets it only on the page after a save."""

import re

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory
from django.urls import reverse

from keep.drafts import draft_key, draft_owner, mark_saved, pop_saved
from safety import content

pytestmark = pytest.mark.django_db


def _request(user, path="/stages/safety-plan/"):
    request = RequestFactory().get(path)
    request.user = user
    request.session = SessionStore()
    return request


def test_the_draft_key_never_names_the_person(user, other_user):
    """A shared device's drafts name no one: no email or id, the same key each time, another for someone else."""
    owner = draft_owner(user)
    assert re.fullmatch(r"[0-9a-f]{20}", owner)
    assert owner == draft_owner(user)
    assert owner != draft_owner(other_user)
    assert user.email.split("@")[0] not in owner and owner != str(user.pk)


def test_each_page_has_its_own_draft(user):
    """Text typed on one page is never restored into another page's form."""
    plan, memories = _request(user), _request(user, "/stages/memories/")
    assert draft_key(plan) == f"draft:{draft_owner(user)}:/stages/safety-plan/"
    assert draft_key(plan) != draft_key(memories)


def test_after_a_save_the_next_page_forgets_that_draft_once(user):
    """The page after a save forgets the saved draft, once; a later page keeps any new draft."""
    request = _request(user)
    mark_saved(request)
    assert pop_saved(request) == draft_key(request)
    assert pop_saved(request) == ""


def test_the_journal_marks_its_own_drafts_apart(user):
    """A journal save never makes a program page forget its draft, nor the other way round."""
    request = _request(user)
    mark_saved(request, "new", session_key="journal_saved_draft")
    assert pop_saved(request) == ""
    assert pop_saved(request, session_key="journal_saved_draft") == "new"


def test_saving_the_safety_plan_forgets_its_draft_on_the_next_page(client_logged_in, user):
    """After the plan is saved, the next page forgets the plan's draft and the one after forgets none."""
    url = reverse("safety:plan")
    data = {part.field: "" for part in content.SAFETY_PLAN_SECTIONS} | {"coping": "A walk"}
    assert client_logged_in.post(url, data).status_code == 302

    after = client_logged_in.get(url)
    assert after.context["saved_draft"] == after.context["draft_key"]
    assert after.context["draft_key"] == f"draft:{draft_owner(user)}:{url}"
    assert client_logged_in.get(url).context["saved_draft"] == ""


def test_saving_a_journal_entry_forgets_the_new_entry_draft(client_logged_in, user):
    """After a new entry is saved, its page tells journal.js to forget the new-entry draft."""
    form = client_logged_in.get(reverse("journal:new")).context["form"]
    response = client_logged_in.post(
        reverse("journal:new"),
        {"body": "Kept", "submission_token": str(form["submission_token"].value())},
        follow=True,
    )
    assert response.context["saved_draft"] == "new"
    assert response.context["draft_owner"] == draft_owner(user)


# On the pages --------------------------------------------------------------------------------

# Whose drafts -----------------------------------------------------------------------------------


def test_draft_key_is_opaque_and_per_person(client, user, other_user):
    """On a shared device each person's drafts are kept apart and not labelled with their email."""
    keys = []
    for person in (user, other_user):
        client.force_login(person)
        response = client.get(reverse("journal:new"))
        keys.append(response.context["draft_owner"])
        assert person.email not in response.content.decode().split("data-draft-key=")[1][:80]
    assert keys[0] != keys[1]


# The browser's own memory -----------------------------------------------------------------------


def test_writing_forms_are_not_restored_by_the_browser(program_client):
    """Back and autofill never bring your typed words back from the browser's own memory.

    autocomplete="off": Back does not bring typed words back from the browser's form cache
    (drafts.js keeps them, and forgets them on a quick exit), nor does autofill suggest them."""
    for name in ("journal:new", "progress:apology", "safety:plan"):
        html = program_client.get(reverse(name)).content.decode()
        form = re.search(r"<form [^>]*data-draft-key[^>]*>", html).group(0)
        assert 'autocomplete="off"' in form, name
