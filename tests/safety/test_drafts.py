"""Drafts on a shared device are kept apart per person, and the browser restores no typed words."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


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
