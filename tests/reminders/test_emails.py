"""Reminder emails are neutral, never quote a person's words, and unsubscribe in one click."""

import datetime as dt
import logging
import re

import pytest
from django.core import mail
from django.urls import reverse

from progress.models import HeldMessage, Urge
from reminders import emails, services
from reminders.models import SentReminder
from tests.clock import NOON, frozen
from tests.factories.journal import EntryFactory
from tests.factories.progress import CheckInFactory, HeldMessageFactory
from tests.helpers.reminders import at, bodies, person, run_queued, send_one

pytestmark = [pytest.mark.django_db, frozen]


SECRET_PHRASE = "Zanzibar-lighthouse-promise"


@pytest.mark.parametrize("discreet", [False, True])
def test_a_reminder_email_is_neutral_and_uses_the_persons_name_for_the_site(discreet, settings):
    """A reminder email never says ex, and in discreet mode never names the site."""
    settings.DISCREET_NAME = "Notes"
    user = person(daily_enabled=True, daily_time=dt.time(12, 0))
    user.discreet = discreet
    user.save()
    message = send_one(user)
    name = "Notes" if discreet else "exback"
    text, html = bodies(message)
    assert message.subject == "A moment for today's check-in"
    assert message.from_email.startswith(f"{name} <")
    assert name in text and name in html
    everything = (message.subject + text + html + message.from_email).lower()
    assert not re.search(r"\bex\b", everything)
    if discreet:
        assert "exback" not in everything.replace(settings.SITE_URL.lower(), "")
    assert emails.absolute(reverse("progress:checkin_today")) in text


def test_every_reminder_email_has_a_one_click_unsubscribe(settings):
    """Every reminder email has an unsubscribe link a mail program can use in one click."""
    settings.SITE_URL = "https://exback.example.org"
    user = person(daily_enabled=True, daily_time=dt.time(12, 0))
    message = send_one(user)
    reminder = SentReminder.objects.get(user=user)
    url = "https://exback.example.org" + reverse(
        "reminders:unsubscribe", args=[emails.unsubscribe_token(reminder)]
    )
    assert message.extra_headers["List-Unsubscribe"] == f"<{url}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text, html = bodies(message)
    assert url in text and url in html
    # As it goes out: the header whole (not folded into encoded words), the link unbroken.
    raw = message.message().as_string()
    assert f"List-Unsubscribe: <{url}>\n" in raw
    assert f"\n{url}\n" in raw


def test_a_held_message_note_links_to_it_and_never_quotes_it():
    """The email that a held message is ready links to it but never quotes its words."""
    user = person(held_ready_enabled=True)
    message = HeldMessageFactory(
        user=user, text=f"{SECRET_PHRASE}, I still think of you", ready_at=NOON
    )
    email = send_one(user)
    text, html = bodies(email)
    assert reverse("progress:message_detail", args=[message.pk]) in text
    for part in (email.subject, text, html):
        assert SECRET_PHRASE not in part


def test_a_decided_message_gets_no_note():
    """A held message already let go gets no email saying it is ready."""
    user = person(held_ready_enabled=True)
    message = HeldMessageFactory(user=user, ready_at=NOON)
    services.dispatch()
    message.decide(HeldMessage.Status.LET_GO)
    message.save()
    run_queued()
    assert not mail.outbox


def test_the_weekly_note_has_counts_and_none_of_the_persons_words(time_machine, caplog):
    """The weekly email gives the week's counts and none of the person's words."""
    sunday = at(2026, 3, 22, 10, 0)
    user = person(weekly_enabled=True)
    for day in (19, 20, 21, 22):
        CheckInFactory(user=user, date=dt.date(2026, 3, day), note=SECRET_PHRASE)
    CheckInFactory(user=user, date=dt.date(2026, 3, 10))  # before the week
    time_machine.move_to(sunday - dt.timedelta(days=1), tick=False)
    EntryFactory(user=user, title=SECRET_PHRASE, body=f"{SECRET_PHRASE} by the sea")
    EntryFactory(user=user, body="another")
    Urge.objects.create(user=user, outcome=Urge.Outcome.WAITED, note=SECRET_PHRASE)
    Urge.objects.create(user=user, outcome=Urge.Outcome.REACHED_OUT)
    HeldMessageFactory(user=user, text=SECRET_PHRASE, ready_at=sunday)
    time_machine.move_to(sunday, tick=False)
    caplog.set_level(logging.DEBUG)

    email = send_one(user)

    text, html = bodies(email)
    assert email.subject == "Your week, in a few numbers"
    assert "check-ins: 4 (current streak: 4 days)" in text
    assert "journal entries: 2" in text
    assert "took care of yourself instead: 1" in text
    assert "<li>check-ins: 4 (current streak: 4 days)</li>" in html
    for part in (email.subject, text, html, caplog.text):
        assert SECRET_PHRASE not in part
    assert user.email not in caplog.text


def test_a_quiet_week_gets_a_gentle_note(time_machine):
    """After a week with no check-ins, the weekly email says a quiet week is fine too."""
    user = person(weekly_enabled=True)
    time_machine.move_to(at(2026, 3, 22, 10, 0), tick=False)
    text, _ = bodies(send_one(user))
    assert "check-ins: 0" in text
    assert "A quiet week is fine too." in text
