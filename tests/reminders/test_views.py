"""Reminders are off until a person chooses them, and any one stops from its email's link."""

import datetime as dt
import re

import pytest
from django.core import mail, signing
from django.test import Client
from django.urls import reverse

from reminders import emails, services
from reminders.models import Kind, ReminderSettings, SentReminder
from tests.clock import NOON, frozen
from tests.factories.progress import HeldMessageFactory
from tests.helpers.reminders import person, run_queued, send_one

pytestmark = [pytest.mark.django_db, frozen]


# The settings page ----------------------------------------------------------------------------
def test_a_visitor_is_sent_to_log_in(client):
    """A visitor opening the reminder settings is sent to log in."""
    response = client.get(reverse("reminders:settings"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_the_account_page_links_to_reminders(client_logged_in):
    """The account page links to the reminder settings."""
    html = client_logged_in.get(reverse("account")).content.decode()
    assert f'href="{reverse("reminders:settings")}"' in html


def test_everything_is_off_until_the_person_turns_it_on(client_logged_in, user):
    """A new person's reminder boxes are all unticked, with times said to be in UTC."""
    response = client_logged_in.get(reverse("reminders:settings"))
    assert response.status_code == 200
    html = response.content.decode()
    assert re.findall(r'<input type="checkbox"', html)
    assert not re.search(r"<input[^>]*\bchecked\b", html)
    assert "UTC" in html  # the zone the times are in
    assert not ReminderSettings.objects.filter(user=user).exists()
    assert ReminderSettings.for_user(user).is_on(Kind.DAILY) is False


def test_times_show_on_the_24_hour_clock_as_the_hints_say(client_logged_in, user):
    """A saved reminder time shows on the 24-hour clock, as the hint beside it says.

    A saved 18:23 reads "18:23" in a text box beside "For example 20:30": not a
    `type="time"` input, which Chromium draws as "06:23 PM" in an English locale."""
    ReminderSettings.objects.create(user=user, daily_enabled=True, daily_time=dt.time(18, 23))
    html = client_logged_in.get(reverse("reminders:settings")).content.decode()
    (daily,) = re.findall(r'<input[^>]*name="daily_time"[^>]*>', html)
    assert 'type="text"' in daily
    assert 'value="18:23"' in daily
    assert 'inputmode="numeric"' in daily
    assert 'type="time"' not in html
    assert "For example 20:30." in html


def test_choices_are_saved(client_logged_in, user):
    """Reminder choices are saved and confirmed, and can all be turned off again."""
    response = client_logged_in.post(
        reverse("reminders:settings"),
        {
            "daily_enabled": "on",
            "daily_time": "20:30",
            "weekly_enabled": "on",
            "quiet_start": "22:00",
            "quiet_end": "07:00",
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("reminders:settings")
    assert "Your reminder choices are saved." in response.content.decode()
    prefs = ReminderSettings.objects.get(user=user)
    assert prefs.daily_enabled and prefs.weekly_enabled and not prefs.held_ready_enabled
    assert prefs.daily_time == dt.time(20, 30)
    assert (prefs.quiet_start, prefs.quiet_end) == (dt.time(22), dt.time(7))

    # Turning everything off again keeps one row.
    client_logged_in.post(reverse("reminders:settings"), {})
    prefs.refresh_from_db()
    assert not (prefs.daily_enabled or prefs.weekly_enabled)
    assert ReminderSettings.objects.filter(user=user).count() == 1


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"daily_enabled": "on"}, "daily_time", "Choose a time for your daily reminder."),
        ({"daily_enabled": "on", "daily_time": "25:99"}, "daily_time", "24-hour clock"),
        ({"daily_time": "noon"}, "daily_time", "24-hour clock"),
        ({"quiet_start": "22:00"}, "quiet_end", "both a start and an end"),
        ({"quiet_end": "07:00"}, "quiet_start", "both a start and an end"),
        ({"quiet_start": "22:00", "quiet_end": "22:00"}, "quiet_end", "different time"),
        (
            {
                "daily_enabled": "on",
                "daily_time": "23:30",
                "quiet_start": "22:00",
                "quiet_end": "07:00",
            },
            "daily_time",
            "23:30 is in your quiet hours (22:00–07:00)",
        ),
        (
            {
                "daily_enabled": "on",
                "daily_time": "06:59",
                "quiet_start": "22:00",
                "quiet_end": "07:00",
            },
            "daily_time",
            "would never come",
        ),
    ],
)
def test_bad_choices_are_explained_next_to_the_field_and_nothing_is_saved(
    client_logged_in, user, data, field, message
):
    """A bad reminder time or quiet hours is explained beside its field, and nothing is saved."""
    response = client_logged_in.post(reverse("reminders:settings"), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == [field]
    assert message in str(form.errors[field])
    assert message in response.content.decode().replace("&ndash;", "–")
    assert not ReminderSettings.objects.filter(user=user).exists()


def test_a_daily_time_just_outside_wrapping_quiet_hours_is_fine(client_logged_in, user):
    """A daily reminder at 07:00, just as overnight quiet hours end, is accepted."""
    data = {
        "daily_enabled": "on",
        "daily_time": "07:00",
        "quiet_start": "22:00",
        "quiet_end": "07:00",
    }
    assert client_logged_in.post(reverse("reminders:settings"), data).status_code == 302
    assert ReminderSettings.objects.get(user=user).daily_time == dt.time(7)


# Unsubscribing --------------------------------------------------------------------------------
@pytest.fixture
def sent(db):
    """A person who got their daily reminder, and its unsubscribe link."""
    user = person(daily_enabled=True, daily_time=dt.time(12, 0), weekly_enabled=True)
    send_one(user)
    reminder = SentReminder.objects.get(user=user)
    url = reverse("reminders:unsubscribe", args=[emails.unsubscribe_token(reminder)])
    return user, reminder, url


def prefs_of(user) -> ReminderSettings:
    return ReminderSettings.objects.get(user=user)


def test_the_link_asks_first_and_changes_nothing(sent):
    """Opening an unsubscribe link asks first and leaves the reminder on."""
    user, _, url = sent
    response = Client().get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Stop the daily check-in reminder?" in html
    assert '<form method="post">' in html
    assert prefs_of(user).daily_enabled


def test_the_mail_programs_one_click_post_unsubscribes_without_a_session_or_csrf_token(sent):
    """A mail program's one-click unsubscribe turns off just that reminder, with no sign-in."""
    user, reminder, url = sent
    client = Client(enforce_csrf_checks=True)
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert "you won't get the daily check-in reminder any more" in response.content.decode()
    prefs = prefs_of(user)
    assert not prefs.daily_enabled
    assert prefs.weekly_enabled  # only the kind this email was
    reminder.refresh_from_db()
    assert reminder.unsubscribed_at == NOON


def test_the_confirm_button_unsubscribes_and_says_so(sent):
    """Pressing the unsubscribe button turns the reminder off and says so."""
    user, _, url = sent
    response = Client(enforce_csrf_checks=True).post(url, follow=True)
    assert response.redirect_chain == [(url, 302)]
    assert "You're unsubscribed: the daily check-in reminder is off." in response.content.decode()
    assert not prefs_of(user).daily_enabled


def test_a_used_link_says_so_and_changes_nothing(sent, client_logged_in):
    """A used unsubscribe link says so and cannot turn a reminder switched back on off again."""
    user, _, url = sent
    Client().post(url, {"List-Unsubscribe": "One-Click"})
    # The person turns the reminder back on; the old link must not turn it off again.
    prefs = prefs_of(user)
    prefs.daily_enabled = True
    prefs.save()
    for response in (Client().get(url), Client().post(url, {"List-Unsubscribe": "One-Click"})):
        assert response.status_code == 200
        assert "This link has been used" in response.content.decode()
    assert prefs_of(user).daily_enabled


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        lambda token: token[: len(token) // 2],
        lambda token: "NDI:" + token.split(":", 1)[1],  # another reminder's id, same signature
        lambda token: "not-a-token",
        lambda token: signing.dumps("1", salt=emails.UNSUBSCRIBE_SALT),  # signed, not an id
        lambda token: signing.dumps(1),  # signed for something else
    ],
    ids=["signature", "cut short", "another id", "garbage", "not an id", "other salt"],
)
def test_a_tampered_link_is_refused_with_a_clear_message(sent, tamper):
    """A tampered unsubscribe link is refused with a clear message and changes nothing."""
    user, reminder, _ = sent
    token = tamper(emails.unsubscribe_token(reminder))
    url = reverse("reminders:unsubscribe", args=[token])
    for response in (Client().get(url), Client().post(url, {"List-Unsubscribe": "One-Click"})):
        assert response.status_code == 400
        assert "This unsubscribe link isn't valid" in response.content.decode()
    assert prefs_of(user).daily_enabled
    reminder.refresh_from_db()
    assert reminder.unsubscribed_at is None


def test_an_old_link_is_refused_with_a_clear_message(sent, time_machine):
    """An unsubscribe link that is too old is refused and says so; the reminder stays on."""
    user, _, url = sent
    time_machine.shift(dt.timedelta(seconds=emails.UNSUBSCRIBE_MAX_AGE + 1))
    response = Client().post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 400
    assert "too old" in response.content.decode()
    assert prefs_of(user).daily_enabled


# Deleting the account -------------------------------------------------------------------------
def test_deleting_the_account_cancels_everything_pending(client_logged_in, user, password):
    """Deleting the account stops every pending reminder, and old unsubscribe links say so."""
    ReminderSettings.objects.create(
        user=user, daily_enabled=True, daily_time=dt.time(12, 0), held_ready_enabled=True
    )
    HeldMessageFactory(user=user, ready_at=NOON)
    assert services.dispatch() == 2
    token = emails.unsubscribe_token(SentReminder.objects.filter(user=user).first())

    response = client_logged_in.post(reverse("account_delete"), {"password": password})
    assert response.status_code == 302

    assert not SentReminder.objects.exists()
    assert not ReminderSettings.objects.exists()
    run_queued()  # the queued tasks find nothing to send
    assert not mail.outbox
    response = Client().get(reverse("reminders:unsubscribe", args=[token]))
    assert response.status_code == 400
    assert "no longer belongs to any account" in response.content.decode()
