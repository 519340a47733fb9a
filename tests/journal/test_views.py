"""Writing, reading, editing and deleting journal entries, and only ever one's own."""

import re
import uuid

import pytest
from django.urls import reverse

from journal.models import Entry, EntryToken
from tests.factories.journal import EntryFactory, StageFactory

pytestmark = pytest.mark.django_db


# The journal pages ------------------------------------------------------------------------------


def new_entry_data(**overrides):
    data = {
        "title": "A hard day",
        "body": "I missed them today.\n\nBut I went for a run.",
        "mood": "2",
        "stage": "",
        "prompt": "",
        "submission_token": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def edit_data(entry, **overrides):
    data = {
        "title": entry.title,
        "body": entry.body,
        "mood": str(entry.mood or ""),
        "stage": entry.stage.slug if entry.stage else "",
        "version": str(entry.version),
    }
    data.update(overrides)
    return data


# --- Writing -------------------------------------------------------------------------------


def test_new_entry_form_shows(client_logged_in):
    """The new-entry page opens with a form that keeps a draft on your device."""
    response = client_logged_in.get(reverse("journal:new"))
    assert response.status_code == 200
    assert b'name="submission_token"' in response.content
    assert b"data-draft-key" in response.content


def test_create_entry_saves_it_for_the_person_and_redirects(client_logged_in, user):
    """Saving a new entry keeps it as yours, as written, and opens it."""
    response = client_logged_in.post(reverse("journal:new"), new_entry_data())
    entry = Entry.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("journal:detail", args=[entry.pk])
    assert entry.user == user
    assert entry.title == "A hard day"
    assert entry.body == "I missed them today.\n\nBut I went for a run."
    assert entry.mood == 2
    assert EntryToken.objects.filter(entry=entry).exists()


def test_owner_comes_from_the_login_not_the_form(client_logged_in, user, other_user):
    """An entry is always saved as yours, even if the form names someone else."""
    client_logged_in.post(reverse("journal:new"), new_entry_data(user=other_user.pk))
    assert Entry.objects.get().user == user


def test_detail_keeps_line_breaks_and_escapes_text(client_logged_in, user):
    """An entry shows its line breaks, and any HTML in it shows as plain text."""
    entry = EntryFactory(user=user, title="<b>bold</b>", body="one\ntwo <script>x()</script>")
    response = client_logged_in.get(reverse("journal:detail", args=[entry.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "&lt;b&gt;bold&lt;/b&gt;" in content
    assert "<script>x()" not in content
    assert 'class="journal-body keep-lines">one\ntwo &lt;script&gt;' in content


def test_detail_after_save_tells_the_page_to_clear_the_draft(client_logged_in):
    """Once an entry is saved its draft on the device is cleared, and only that once."""
    response = client_logged_in.post(reverse("journal:new"), new_entry_data(), follow=True)
    assert b'data-clear-draft="journal:' in response.content
    assert b":new" in response.content
    assert b"Your entry is saved." in response.content
    # Only once: a later visit leaves drafts alone.
    again = client_logged_in.get(response.request["PATH_INFO"])
    assert b"data-clear-draft" not in again.content


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"body": ""}, "the entry is empty"),
        ({"body": "   \n  "}, "the entry is empty"),
        ({"body": "x" * 50_001}, "at most 50000 characters"),
        ({"title": "t" * 201}, "at most 200 characters"),
        ({"mood": "6"}, "Select a valid choice"),
        ({"mood": "0"}, "Select a valid choice"),
        ({"mood": "happy"}, "Select a valid choice"),
        ({"stage": "no-such-stage"}, "Select a valid choice"),
        ({"prompt": "p" * 501}, "out of date"),
        ({"submission_token": "not-a-uuid"}, "out of date"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_saved(
    client_logged_in, overrides, message
):
    """An empty, overlong or invalid entry is refused with a message, and nothing is saved."""
    response = client_logged_in.post(reverse("journal:new"), new_entry_data(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Entry.objects.exists()
    assert not EntryToken.objects.exists()


def test_a_long_body_at_the_limit_is_accepted(client_logged_in):
    """An entry of exactly 50,000 characters saves whole."""
    response = client_logged_in.post(reverse("journal:new"), new_entry_data(body="x" * 50_000))
    assert response.status_code == 302
    assert len(Entry.objects.get().body) == 50_000


def test_entry_can_be_linked_to_a_stage(client_logged_in):
    """An entry can be linked to a stage of the program as it is written."""
    stage = StageFactory()
    client_logged_in.post(reverse("journal:new"), new_entry_data(stage=stage.slug))
    assert Entry.objects.get().stage == stage


# --- Prompts -------------------------------------------------------------------------------


def test_prompt_link_prefills_stage_and_prompt(client_logged_in):
    """A stage's writing prompt opens a new entry with the stage and the prompt filled in."""
    stage = StageFactory()
    response = client_logged_in.get(reverse("journal:new") + f"?stage={stage.slug}&prompt=0")
    assert response.status_code == 200
    form = response.context["form"]
    assert form["stage"].value() == stage.slug
    assert form["prompt"].value() == stage.prompts[0]
    assert 'class="journal-prompt"' in response.content.decode()


def test_saving_a_prompted_entry_keeps_the_prompt(client_logged_in):
    """An entry written from a prompt keeps its stage and its prompt."""
    stage = StageFactory()
    client_logged_in.post(
        reverse("journal:new"), new_entry_data(stage=stage.slug, prompt=stage.prompts[0])
    )
    entry = Entry.objects.get()
    assert (entry.stage, entry.prompt) == (stage, stage.prompts[0])


@pytest.mark.parametrize(
    "query",
    [
        "?stage=nope&prompt=0",
        "?stage={slug}&prompt=999",
        "?stage={slug}&prompt=-1",
        "?stage={slug}&prompt=x",
        "?prompt=0",
        "?stage=" + "a" * 300,
    ],
)
def test_bad_prompt_links_open_an_empty_form(client_logged_in, query):
    """A broken or stale prompt link still opens a new entry, just without a prompt."""
    stage = StageFactory()
    response = client_logged_in.get(reverse("journal:new") + query.format(slug=stage.slug))
    assert response.status_code == 200
    assert response.context["form"]["prompt"].value() == ""


# --- Double submit -------------------------------------------------------------------------


def test_posting_the_same_form_twice_creates_one_entry(client_logged_in):
    """A double submit of the new-entry form keeps one entry and opens it."""
    data = new_entry_data()
    first = client_logged_in.post(reverse("journal:new"), data)
    second = client_logged_in.post(reverse("journal:new"), data)
    entry = Entry.objects.get()
    assert first.url == second.url == reverse("journal:detail", args=[entry.pk])


def test_the_same_submission_token_from_two_people_makes_two_entries(client, user, other_user):
    """Two people who happen to send the same form token each get their own entry."""
    token = str(uuid.uuid4())
    for person in (user, other_user):
        client.force_login(person)
        client.post(reverse("journal:new"), new_entry_data(submission_token=token))
    assert Entry.objects.count() == 2


def test_a_fresh_form_gets_a_fresh_submission_token(client_logged_in):
    """Each new-entry form is a fresh one, so two separate entries are never merged."""
    first = client_logged_in.get(reverse("journal:new")).context["form"]["submission_token"]
    second = client_logged_in.get(reverse("journal:new")).context["form"]["submission_token"]
    assert first.value() != second.value()


# --- Editing -------------------------------------------------------------------------------


def test_edit_form_is_filled_with_the_entry(client_logged_in, user):
    """Editing an entry opens a form with its current text in it."""
    entry = EntryFactory(user=user, title="Before", body="Old text")
    response = client_logged_in.get(reverse("journal:edit", args=[entry.pk]))
    assert response.status_code == 200
    assert b"Old text" in response.content
    assert response.context["form"]["version"].value() == 1


def test_edit_saves_and_raises_the_version(client_logged_in, user):
    """Editing an entry saves the new title, text and mood."""
    entry = EntryFactory(user=user, title="Before", body="Old text")
    response = client_logged_in.post(
        reverse("journal:edit", args=[entry.pk]),
        edit_data(entry, title="After", body="New text", mood="5"),
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.title, entry.body, entry.mood, entry.version) == ("After", "New text", 5, 2)


def test_edit_from_a_stale_tab_overwrites_nothing_and_shows_both_texts(client_logged_in, user):
    """Saving from an old tab overwrites nothing and shows both the saved text and yours."""
    entry = EntryFactory(user=user, body="Original")
    url = reverse("journal:edit", args=[entry.pk])
    client_logged_in.post(url, edit_data(entry, body="Saved in tab one"))

    response = client_logged_in.post(url, edit_data(entry, body="Typed in tab two"))

    assert response.status_code == 200
    content = response.content.decode()
    assert "changed in another tab or on another device" in content
    assert "Saved in tab one" in content  # the current saved text
    assert "Typed in tab two" in content  # still in the form
    assert response.context["form"]["version"].value() == 2
    entry.refresh_from_db()
    assert entry.body == "Saved in tab one"


def test_after_a_conflict_saving_again_works(client_logged_in, user):
    """After an edit clash between tabs, saving again keeps the merged text."""
    entry = EntryFactory(user=user, body="Original")
    url = reverse("journal:edit", args=[entry.pk])
    client_logged_in.post(url, edit_data(entry, body="Tab one"))
    conflict = client_logged_in.post(url, edit_data(entry, body="Tab two"))
    version = conflict.context["form"]["version"].value()

    response = client_logged_in.post(
        url, edit_data(entry, body="Tab one and tab two", version=version)
    )

    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.body == "Tab one and tab two"


def test_edit_with_bad_input_keeps_the_entry(client_logged_in, user):
    """An invalid edit is refused and the entry stays as it was."""
    entry = EntryFactory(user=user, body="Keep me")
    response = client_logged_in.post(
        reverse("journal:edit", args=[entry.pk]), edit_data(entry, body="", mood="9")
    )
    assert response.status_code == 200
    entry.refresh_from_db()
    assert entry.body == "Keep me"


def test_edit_reindexes_the_entry_for_search(client_logged_in, user):
    """After an edit, search finds the entry by its new words and not by its old ones."""
    entry = EntryFactory(user=user, title="", body="apples")
    client_logged_in.post(reverse("journal:edit", args=[entry.pk]), edit_data(entry, body="pears"))
    assert list(Entry.objects.search(user, "pears")) == [entry]
    assert not Entry.objects.search(user, "apples").exists()


# --- Deleting ------------------------------------------------------------------------------


def test_delete_asks_first(client_logged_in, user):
    """Deleting an entry first asks Delete this entry? and removes nothing yet."""
    entry = EntryFactory(user=user)
    response = client_logged_in.get(reverse("journal:delete", args=[entry.pk]))
    assert response.status_code == 200
    assert b"Delete this entry?" in response.content
    assert Entry.objects.filter(pk=entry.pk).exists()


def test_delete_removes_the_entry_and_its_tokens(client_logged_in, user):
    """Confirming a delete removes the entry, from search too, and returns to the journal."""
    entry = EntryFactory(user=user)
    response = client_logged_in.post(reverse("journal:delete", args=[entry.pk]))
    assert response.status_code == 302
    assert response.url == reverse("journal:index")
    assert not Entry.objects.exists()
    assert not EntryToken.objects.exists()


# --- Who may see what ----------------------------------------------------------------------
ENTRY_URLS = ["journal:detail", "journal:edit", "journal:delete"]


@pytest.mark.parametrize(
    ("method", "name"),
    [
        ("get", "journal:detail"),
        ("get", "journal:edit"),
        ("post", "journal:edit"),
        ("get", "journal:delete"),
        ("post", "journal:delete"),
    ],
)
def test_other_user_gets_404_for_every_entry_url(client, user, other_user, name, method):
    """Another signed-in person opening, editing or deleting your entry gets a 404."""
    entry = EntryFactory(user=user, body="Private")
    client.force_login(other_user)
    response = getattr(client, method)(reverse(name, args=[entry.pk]), {"body": "Hacked"})
    assert response.status_code == 404
    entry.refresh_from_db()
    assert entry.body == "Private"


@pytest.mark.parametrize("name", ENTRY_URLS)
def test_unknown_id_gets_404(client_logged_in, name):
    """A link to an entry that does not exist gets a 404."""
    assert client_logged_in.get(reverse(name, args=[uuid.uuid4()])).status_code == 404


@pytest.mark.parametrize(
    "path", ["/journal/123/", "/journal/not-a-uuid/edit/", "/journal/x/delete/"]
)
def test_malformed_id_gets_404(client_logged_in, path):
    """A mangled entry link gets a 404, not an error."""
    assert client_logged_in.get(path).status_code == 404


def test_lists_show_only_your_own_entries(client_logged_in, user, other_user):
    """Your journal lists your entries and never anyone else's."""
    EntryFactory(user=user, title="Mine")
    EntryFactory(user=other_user, title="Theirs")
    response = client_logged_in.get(reverse("journal:index"))
    assert b"Mine" in response.content
    assert b"Theirs" not in response.content


@pytest.mark.parametrize(
    "url",
    [
        "/journal/",
        "/journal/new/",
        f"/journal/{uuid.uuid4()}/",
        f"/journal/{uuid.uuid4()}/edit/",
        f"/journal/{uuid.uuid4()}/delete/",
    ],
)
def test_visitors_are_sent_to_log_in(client, url):
    """A visitor opening any journal page is sent to log in, then brought back."""
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login") + "?next=")


def test_a_post_after_the_session_expired_goes_to_log_in_and_back(client):
    """Sending an entry after the session ended leads to log in and back, saving nothing."""
    response = client.post(reverse("journal:new"), new_entry_data())
    assert response.status_code == 302
    assert response.url == reverse("account_login") + "?next=/journal/new/"
    assert not Entry.objects.exists()


@pytest.mark.parametrize(
    ("method", "name", "needs_entry"),
    [
        ("post", "journal:index", False),
        ("put", "journal:new", False),
        ("delete", "journal:delete", True),
        ("post", "journal:detail", True),
        ("patch", "journal:edit", True),
    ],
)
def test_wrong_method_gets_405(client_logged_in, user, method, name, needs_entry):
    """A journal address sent the wrong kind of request refuses it and changes nothing."""
    args = [EntryFactory(user=user).pk] if needs_entry else []
    response = getattr(client_logged_in, method)(reverse(name, args=args))
    assert response.status_code == 405


@pytest.mark.parametrize("name", ["journal:index", "journal:new"])
def test_text_pages_are_not_cached(client_logged_in, name):
    """The journal and new-entry pages are not kept by the browser for someone else to find."""
    response = client_logged_in.get(reverse(name))
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("name", ENTRY_URLS)
def test_entry_pages_are_not_cached(client_logged_in, user, name):
    """An entry's pages are not kept by the browser for someone else to find."""
    entry = EntryFactory(user=user)
    response = client_logged_in.get(reverse(name, args=[entry.pk]))
    assert "no-store" in response["Cache-Control"]


def test_a_damaged_form_gets_a_fresh_submission_token(client_logged_in):
    """A damaged new-entry form comes back with a fresh token, so the next try saves."""
    response = client_logged_in.post(
        reverse("journal:new"), new_entry_data(submission_token="not-a-uuid")
    )
    token = response.context["form"]["submission_token"].value()
    assert uuid.UUID(token)


# --- What error reports may contain ------------------------------------------------------


@pytest.mark.parametrize("name", ["journal:new", "journal:edit"])
def test_journal_text_is_hidden_from_error_reports(client_logged_in, user, name):
    """If saving an entry ever fails, the site's error reports leave out its title and text."""
    args = [EntryFactory(user=user).pk] if name == "journal:edit" else []
    response = client_logged_in.post(reverse(name, args=args), {"title": "secret", "body": ""})
    assert set(response.wsgi_request.sensitive_post_parameters) == {"title", "body", "prompt"}


def test_a_prompt_that_is_not_in_the_program_is_not_stored(client_logged_in):
    """A made-up prompt sent with an entry is dropped; only the program's own prompts are kept."""
    client_logged_in.post(reverse("journal:new"), new_entry_data(prompt="My own secret words"))
    assert Entry.objects.get().prompt == ""


# The page's title -------------------------------------------------------------------------------


def test_a_journal_entrys_title_is_not_in_the_page_title(client_logged_in, user):
    """An entry's title never shows in the tab or the history, only on the page itself."""
    entry = EntryFactory(user=user, title="Why I still love Sam")
    html = client_logged_in.get(reverse("journal:detail", args=[entry.pk])).content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "Sam" not in title
    assert "Why I still love Sam" in html  # the entry itself still shows it
