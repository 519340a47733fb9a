"""Your data: the JSON and Markdown downloads, and deleting the account with everything in it."""

import datetime as dt
import json
import re

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.urls import reverse

from journal.models import Entry, EntryToken
from reminders.models import ReminderSettings
from tests.clock import frozen
from tests.factories.journal import EntryFactory, StageFactory
from tests.factories.progress import ReadinessFactory

pytestmark = pytest.mark.django_db


# Downloads and deleting the account -------------------------------------------------------------
URLS = ["account_export_json", "account_export_md", "account_delete"]


@pytest.mark.parametrize("name", URLS)
def test_visitors_are_sent_to_log_in(client, name):
    """A visitor asking for a data download or to delete an account is sent to log in."""
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_account_page_links_to_your_data(client_logged_in):
    """The Account page links to both downloads and to deleting the account."""
    response = client_logged_in.get(reverse("account"))
    for name in URLS:
        assert reverse(name).encode() in response.content


def test_json_export_holds_the_account_program_and_decrypted_journal(
    client_logged_in, user, other_user
):
    """Your JSON download holds your account, program and journal, readable, and no one else's."""
    stage = StageFactory()
    EntryFactory(user=user, title="First", body="Line one\nLine two", mood=4, stage=stage)
    EntryFactory(user=other_user, title="Not mine")

    response = client_logged_in.get(reverse("account_export_json"))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="exback-')
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["account"]["email"] == user.email
    assert data["account"]["date_joined"]
    assert "program" in data
    assert isinstance(data["program"], dict)
    assert len(data["journal"]) == 1
    entry = data["journal"][0]
    assert entry["title"] == "First"
    assert entry["body"] == "Line one\nLine two"
    assert entry["mood"] == 4
    assert entry["stage"] == stage.slug


def test_json_export_holds_the_decision_aids_reasons_and_weights(client_logged_in, user):
    """Your JSON download holds the decision aid's reasons and weights; the Markdown one does not.

    The reasons for and against, each with its weight, as the person wrote them (they were
    left out); the Markdown download stays the journal alone."""
    reasons = [
        {"side": "for", "text": "We laugh at the same things", "weight": 4},
        {"side": "against", "text": "The same fights, every month", "weight": 5},
    ]
    ReadinessFactory(user=user, reasons=reasons)

    data = json.loads(client_logged_in.get(reverse("account_export_json")).content)

    assert data["program"]["readiness"]["reasons"] == reasons
    markdown = client_logged_in.get(reverse("account_export_md")).content.decode()
    assert "The same fights" not in markdown


def test_markdown_export_is_the_readable_journal(client_logged_in, user, other_user):
    """Your Markdown download is your own journal to read, with prompts and line breaks kept."""
    EntryFactory(user=user, title="A walk", body="By the river.\nQuiet.", prompt="What helped?")
    EntryFactory(user=other_user, title="Not mine")

    response = client_logged_in.get(reverse("account_export_md"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/markdown")
    assert response["Content-Disposition"].endswith('.md"')
    assert "no-store" in response["Cache-Control"]
    text = response.content.decode()
    assert "## A walk" in text
    assert "By the river.  \nQuiet." in text
    assert "> What helped?" in text
    assert "Not mine" not in text


HOSTILE_TITLE = "Fine\n# Injected heading\n[a link](https://evil.example)<script>x()</script>"
HOSTILE_BODY = "\n".join(
    [
        "<script>alert(1)</script>",
        "<iframe src=https://evil.example></iframe>",
        "# Not a heading",
        "## Nor this",
        "An underlined line",
        "===",
        "---",
        "- not a list",
        "1. nor this",
        "> nor a quote",
        "```",
        "    <b>not code</b>",
        "[a link](javascript:alert(1)) ![an image](https://evil.example/x.png)",
        "&lt;i&gt; and <!-- a comment -->",
        "| a | table |",
    ]
)
# A line that opens a Markdown block: a heading, quote, list, rule, fence, table, HTML or code.
BLOCK_START = re.compile(r"^(?: {0,3}(?:[#>*+=|~`_-]|\d+[.)]|<)| {4}|\t)")


@frozen
def test_markdown_export_is_inert(client_logged_in, user):
    """Your Markdown download shows your text as written, never as headings, links or HTML.

    What a person wrote cannot add headings, links or HTML to the export: HTML is escaped,
    a title stays on one line, and no line of a body opens a Markdown block."""
    stage = StageFactory()
    EntryFactory(user=user, title=HOSTILE_TITLE, body=HOSTILE_BODY, stage=stage)

    text = client_logged_in.get(reverse("account_export_md")).content.decode()

    for tag in ("<script", "<iframe", "<b>", "<!--"):
        assert tag not in text
    title = (
        r"## Fine \# Injected heading \[a link\](https://evil.example)"
        "&lt;script&gt;x()&lt;/script&gt;"
    )
    # Only the export's own lines open a block: its heading, the rule and heading of the entry
    # and the entry's date.
    opening = [line for line in text.splitlines() if BLOCK_START.match(line)]
    assert opening == ["# My exback journal", "---", title, "*18 March 2026, 12:00*"]
    assert f"Program: {stage.title}" in text
    for escaped in [
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        r"\# Not a heading",
        r"\===",
        r"\---",
        r"\- not a list",
        r"1\. nor this",
        "&gt; nor a quote",
        r"\`\`\`",
        "\u00a0" * 4 + "&lt;b&gt;not code&lt;/b&gt;",
        r"\[a link\](javascript:alert(1)) !\[an image\](https://evil.example/x.png)",
        "&amp;lt;i&amp;gt; and &lt;!-- a comment --&gt;",
        r"\| a \| table \|",
    ]:
        assert f"\n{escaped}  \n" in text


def test_json_export_keeps_the_text_as_written(client_logged_in, user):
    """Your JSON download keeps even odd-looking text exactly as you wrote it."""
    EntryFactory(user=user, title=HOSTILE_TITLE, body=HOSTILE_BODY)
    data = json.loads(client_logged_in.get(reverse("account_export_json")).content)
    assert data["journal"][0]["title"] == HOSTILE_TITLE
    assert data["journal"][0]["body"] == HOSTILE_BODY


def test_delete_page_warns_and_asks_for_the_password(client_logged_in):
    """The delete page warns that everything goes for good and asks for your password."""
    response = client_logged_in.get(reverse("account_delete"))
    assert response.status_code == 200
    assert b"This deletes everything, for good." in response.content
    assert b'type="password"' in response.content


def test_wrong_password_deletes_nothing(client_logged_in, user):
    """A wrong password on the delete page says so and deletes nothing."""
    EntryFactory(user=user)
    response = client_logged_in.post(reverse("account_delete"), {"password": "wrong"})
    assert response.status_code == 200
    assert b"That is not your password" in response.content
    assert get_user_model().objects.filter(pk=user.pk).exists()
    assert Entry.objects.filter(user=user).exists()


@frozen  # "in a minute": the clock must not move the window
def test_password_guessing_on_the_delete_form_is_rate_limited(client_logged_in, user, password):
    """After ten wrong passwords in a minute even the right one is refused, unchecked."""
    for _ in range(10):
        client_logged_in.post(reverse("account_delete"), {"password": "wrong"})
    response = client_logged_in.post(reverse("account_delete"), {"password": password})
    assert response.status_code == 200
    assert b"Too many attempts" in response.content
    assert get_user_model().objects.filter(pk=user.pk).exists()


def user_foreign_keys():
    """Every (model, field) in the project that points at the user model."""
    user_model = get_user_model()
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.get_fields():
            points_at_user = field.is_relation and field.related_model is user_model
            if points_at_user and field.concrete and (field.many_to_one or field.one_to_one):
                yield model, field


def test_every_reference_to_a_user_cascades():
    """Nothing a person keeps on the site can outlive their account: it all goes with it."""
    from django.db.models import CASCADE

    found = {f"{model.__name__}.{field.name}" for model, field in user_foreign_keys()}
    assert {"Entry.user", "EntryToken.user", "EmailAddress.user"} <= found
    for model, field in user_foreign_keys():
        assert field.remote_field.on_delete is CASCADE, f"{model.__name__}.{field.name}"


def test_deleting_the_account_removes_every_row_of_that_person(
    client_logged_in, user, other_user, password
):
    """Deleting your account logs you out and leaves no trace of you, while others' data stays."""
    EntryFactory(user=user)
    EntryFactory(user=user, body="more words here")
    theirs = EntryFactory(user=other_user)
    client_logged_in.get(reverse("journal:index"))  # a session row too

    response = client_logged_in.post(reverse("account_delete"), {"password": password}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("home")
    assert b"Your account and everything in it are deleted" in response.content
    assert not response.context["user"].is_authenticated
    leftovers = {
        f"{model.__name__}.{field.name}": model._base_manager.filter(
            **{field.attname: user.pk}
        ).count()
        for model, field in user_foreign_keys()
    }
    assert not any(leftovers.values()), leftovers
    assert not get_user_model().objects.filter(pk=user.pk).exists()
    # Someone else's data survives.
    assert Entry.objects.filter(pk=theirs.pk).exists()
    assert EntryToken.objects.filter(entry=theirs).exists()
    assert get_user_model().objects.filter(pk=other_user.pk).exists()


def test_delete_account_refuses_other_methods(client_logged_in):
    """A stray request of the wrong kind neither deletes an account nor starts a download."""
    assert client_logged_in.put(reverse("account_delete")).status_code == 405
    assert client_logged_in.post(reverse("account_export_json")).status_code == 405


# The reminder choices in the download -----------------------------------------------------------


@frozen
def test_the_data_export_has_the_reminder_choices(client_logged_in, user):
    """The data export includes the person's reminder choices."""
    ReminderSettings.objects.create(
        user=user, weekly_enabled=True, quiet_start=dt.time(22), quiet_end=dt.time(7)
    )
    data = client_logged_in.get(reverse("account_export_json")).json()
    assert data["reminders"] == {
        "daily_enabled": False,
        "held_ready_enabled": False,
        "weekly_enabled": True,
        "daily_time": None,
        "quiet_start": "22:00",
        "quiet_end": "07:00",
        "sent": 0,
    }
