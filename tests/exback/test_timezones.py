"""Each person's "today", and every time the site shows, follows their own time zone."""

# Chosen on the account page, filled from the browser at sign-up, and used for "today" (the
# check-in day, streaks), journal times and cooling-off times.
#
# Two people far from UTC, with the clock stopped around their local midnight: Pacific/Kiritimati
# is UTC+14 and Pacific/Honolulu UTC-10, so both reach midnight at 10:00 UTC, one a day ahead of
# UTC and the other a day behind.

import datetime as dt
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from exback.forms import AccountSettingsForm
from journal.models import Entry
from progress.models import Contact, SelfCareCheckIn
from tests.clock import frozen
from tests.factories import UserFactory
from tests.factories.journal import EntryFactory
from tests.factories.progress import (
    CheckInFactory,
    ContactFactory,
    HeldMessageFactory,
    checkin_form_data,
    contact_form_data,
)
from tests.factories.safety import SafetyCheckFactory
from tests.helpers.accounts import NEW_PASSWORD

pytestmark = [pytest.mark.django_db, frozen]


KIRITIMATI = "Pacific/Kiritimati"  # UTC+14
HONOLULU = "Pacific/Honolulu"  # UTC-10
MARCH = dt.date(2026, 3, 1)


def utc(day, hour, minute=0):
    return dt.datetime(2026, 3, day, hour, minute, tzinfo=dt.UTC)


def march(day):
    return MARCH.replace(day=day)


@pytest.fixture
def person_in(client):
    """Sign in a person living in `zone`, who has answered the safety check."""

    def sign_in(zone):
        person = UserFactory(time_zone=zone)
        SafetyCheckFactory(user=person)
        client.force_login(person)
        return person

    return sign_in


def check_in(client):
    return client.post(
        reverse("progress:checkin_today"),
        checkin_form_data(hours_slept="7", note=None),
    )


# "Today": the check-in day ----------------------------------------------------------------------


def test_just_after_midnight_in_kiritimati_the_check_in_is_for_the_new_day(
    client, person_in, time_machine
):
    """Just after midnight in Kiritimati, a check-in is for the new local day, as the page says."""
    person = person_in(KIRITIMATI)
    time_machine.move_to(utc(18, 10, 30), tick=False)  # 00:30 on Thursday 19 March there
    page = client.get(reverse("progress:checkin_today")).content.decode()
    assert "Thursday 19 March 2026" in page
    check_in(client)
    assert SelfCareCheckIn.objects.get(user=person).date == march(19)


def test_just_before_midnight_in_kiritimati_the_check_in_is_for_the_old_day(
    client, person_in, time_machine
):
    """Just before midnight in Kiritimati, a check-in still counts for that local day."""
    person = person_in(KIRITIMATI)
    time_machine.move_to(utc(18, 9, 59), tick=False)  # 23:59 on Wednesday 18 March there
    assert (
        "Wednesday 18 March 2026" in client.get(reverse("progress:checkin_today")).content.decode()
    )
    check_in(client)
    assert SelfCareCheckIn.objects.get(user=person).date == march(18)


def test_late_evening_in_honolulu_is_still_yesterday_in_utc_terms(client, person_in, time_machine):
    """Late evening in Honolulu, a check-in is for that local day, not for UTC's next day."""
    person = person_in(HONOLULU)
    time_machine.move_to(utc(18, 9, 30), tick=False)  # 23:30 on Tuesday 17 March there
    page = client.get(reverse("progress:checkin_today")).content.decode()
    assert "Tuesday 17 March 2026" in page
    check_in(client)
    assert SelfCareCheckIn.objects.get(user=person).date == march(17)


def test_just_after_midnight_in_honolulu_a_new_check_in_day_begins(client, person_in, time_machine):
    """Just after midnight in Honolulu a new day begins, with room for today's check-in."""
    person = person_in(HONOLULU)
    CheckInFactory(user=person, date=march(17))
    time_machine.move_to(utc(18, 10, 1), tick=False)  # 00:01 on Wednesday 18 March there
    page = client.get(reverse("progress:checkin_today")).content.decode()
    assert "Wednesday 18 March 2026" in page
    assert "you checked in already today" not in page
    check_in(client)
    assert sorted(SelfCareCheckIn.objects.filter(user=person).values_list("date", flat=True)) == [
        march(17),
        march(18),
    ]


# Streaks -----------------------------------------------------------------------------------


def test_kiritimati_streak_counts_the_local_day_that_utc_has_not_reached(
    client, person_in, time_machine
):
    """In Kiritimati, today's check-in counts in streak and chart though UTC is still yesterday."""
    person = person_in(KIRITIMATI)
    CheckInFactory(user=person, date=march(19))
    CheckInFactory(user=person, date=march(18))
    time_machine.move_to(utc(18, 10, 30), tick=False)  # 19 March there, 18 March in UTC
    response = client.get(reverse("dashboard"))
    assert response.context["streak"] == 2
    assert "2 days" in response.content.decode()
    selfcare = client.get(reverse("progress:selfcare"))
    assert selfcare.context["streak"] == 2
    assert selfcare.context["today_checkin"].date == march(19)
    # The mood chart ends on the local today.
    assert selfcare.context["chart"]["days"][-1]["date"] == march(19)


def test_honolulu_streak_is_unbroken_until_local_midnight(client, person_in, time_machine):
    """In Honolulu the streak holds until local midnight, then breaks if the day was missed."""
    person = person_in(HONOLULU)
    CheckInFactory(user=person, date=march(16))
    CheckInFactory(user=person, date=march(15))
    # 23:30 on 17 March there: today's check-in is not done yet, yesterday's was. In UTC it
    # is already the 18th, and the streak would have broken.
    time_machine.move_to(utc(18, 9, 30), tick=False)
    assert client.get(reverse("dashboard")).context["streak"] == 2
    # Half an hour later it is the 18th there too: the 17th was missed.
    time_machine.move_to(utc(18, 10, 0), tick=False)
    assert client.get(reverse("dashboard")).context["streak"] == 0


# Moving west: a day already written is never in the future -----------------------------------
# Just after midnight in the old zone, the person writes something dated that new day, then
# moves their zone west, where that day has not begun yet. It counts as today: 0 days, never -1.
PAGO_PAGO = "Pacific/Pago_Pago"  # UTC-11
MOVES_WEST = pytest.mark.parametrize(
    ("old_zone", "new_zone"), [(KIRITIMATI, HONOLULU), (HONOLULU, PAGO_PAGO)]
)
JUST_AFTER_MIDNIGHT = utc(18, 10, 30)  # 00:30 in Kiritimati (19th) and Honolulu (18th)


def move_zone(client, zone):
    assert client.post(reverse("account"), {"time_zone": zone}).status_code == 302


@MOVES_WEST
def test_a_contact_logged_before_moving_west_is_zero_days_ago_everywhere(
    client, person_in, time_machine, old_zone, new_zone
):
    """A contact logged just before moving the time zone west shows as 0 days ago, never -1.

    The dashboard (its kept figures too), the contact log and the summary say 0 days,
    where they said -1."""
    person = person_in(old_zone)
    time_machine.move_to(JUST_AFTER_MIDNIGHT, tick=False)
    written = timezone.localdate(timezone=zoneinfo.ZoneInfo(old_zone))
    response = client.post(
        reverse("progress:contacts"),
        contact_form_data(
            date=written.isoformat(), initiated_by="me", method="text", how_it_went=""
        ),
    )
    assert response.status_code == 302
    assert client.get(reverse("dashboard")).context["contact"]["days_since"] == 0

    move_zone(client, new_zone)
    dashboard = client.get(reverse("dashboard"))
    assert dashboard.context["contact"]["days_since"] == 0
    assert "-1 day" not in dashboard.content.decode()
    contacts = client.get(reverse("progress:contacts"))
    assert contacts.context["picture"]["days_since"] == 0
    assert "0 days since the last contact you noted" in contacts.content.decode()
    summary = client.get(reverse("progress:summary")).content.decode()
    assert "0 days since you were last in touch" in summary
    assert "-1 day" not in summary
    assert Contact.objects.get(user=person).date == written  # the stored day is kept


@MOVES_WEST
def test_a_check_in_made_before_moving_west_is_todays(
    client, person_in, time_machine, old_zone, new_zone
):
    """A check-in made just before moving the zone west counts as today's and stays editable.

    Dated the day the new zone has not reached, it is today's check-in: the streak, the
    chart, the summary and today's page count it, and it stays editable."""
    person = person_in(old_zone)
    time_machine.move_to(JUST_AFTER_MIDNIGHT, tick=False)
    check_in(client)
    (checkin,) = SelfCareCheckIn.objects.filter(user=person)
    move_zone(client, new_zone)
    today = checkin.date - dt.timedelta(days=1)

    selfcare = client.get(reverse("progress:selfcare"))
    assert selfcare.context["today"] == today
    assert selfcare.context["today_checkin"] == checkin
    assert selfcare.context["streak"] == 1
    assert selfcare.context["chart"]["days"][-1]["checkin"] == checkin
    assert "Edit today's check-in" in selfcare.content.decode()
    assert client.get(reverse("dashboard")).context["streak"] == 1
    summary = client.get(reverse("progress:summary")).content.decode()
    assert "Self-care streak: <strong>1 day</strong>" in summary
    with timezone.override(zoneinfo.ZoneInfo(new_zone)):
        assert SelfCareCheckIn.objects.get(pk=checkin.pk).is_editable

    # Today's check-in page edits that one, keeping its day: no second check-in for today.
    page = client.get(reverse("progress:checkin_today")).content.decode()
    assert "you checked in already today" in page
    response = client.post(
        reverse("progress:checkin_today"),
        checkin_form_data(hours_slept="8", moved="yes", mood="5", note=None),
    )
    assert response.status_code == 302
    (edited,) = SelfCareCheckIn.objects.filter(user=person)
    assert (edited.pk, edited.date, edited.mood) == (checkin.pk, checkin.date, 5)


@MOVES_WEST
def test_a_row_dated_ahead_of_the_new_today_can_still_be_edited(
    client, person_in, time_machine, old_zone, new_zone
):
    """Its own day is kept; any other day after today is still refused as in the future."""
    person = person_in(old_zone)
    time_machine.move_to(JUST_AFTER_MIDNIGHT, tick=False)
    written = timezone.localdate(timezone=zoneinfo.ZoneInfo(old_zone))
    checkin = CheckInFactory(user=person, date=written, mood=2)
    contact = ContactFactory(user=person, date=written)
    move_zone(client, new_zone)
    answers = checkin_form_data(hours_slept="8", moved="yes", mood=None, note=None)

    page = client.get(reverse("progress:checkin_edit", args=[checkin.pk])).content.decode()
    assert f'max="{written.isoformat()}"' in page
    response = client.post(
        reverse("progress:checkin_edit", args=[checkin.pk]),
        {**answers, "date": written.isoformat(), "mood": "4"},
    )
    assert response.status_code == 302
    assert SelfCareCheckIn.objects.get(pk=checkin.pk).mood == 4
    response = client.post(
        reverse("progress:contact_edit", args=[contact.pk]),
        contact_form_data(date=written.isoformat(), how_it_went=None),
    )
    assert response.status_code == 302
    assert Contact.objects.get(pk=contact.pk).initiated_by == "them"

    later = (written + dt.timedelta(days=1)).isoformat()
    response = client.post(
        reverse("progress:contact_edit", args=[contact.pk]),
        contact_form_data(date=later, how_it_went=None),
    )
    assert "That date is in the future" in response.content.decode()
    assert Contact.objects.get(pk=contact.pk).date == written


# Times shown: journal entries and held messages ---------------------------------------------


@pytest.mark.parametrize(
    ("zone", "shown"),
    [(KIRITIMATI, "18 March 2026, 23:55"), (HONOLULU, "17 March 2026, 23:55"), ("", "09:55")],
)
def test_a_journal_entry_shows_the_local_time_it_was_written(
    client, person_in, time_machine, zone, shown
):
    """A journal entry shows the time it was written in the person's own zone, on page and list."""
    person = person_in(zone)
    time_machine.move_to(utc(18, 9, 55), tick=False)
    # Titled: the card of an untitled entry gives its date as the title and the hour alone.
    entry = EntryFactory(user=person, title="Late")
    page = client.get(reverse("journal:detail", args=[entry.pk])).content.decode()
    assert shown in page
    listing = client.get(reverse("journal:index")).content.decode()
    assert shown in listing


def test_an_untitled_entry_is_named_after_its_local_day(client, person_in, time_machine):
    """An untitled journal entry is named after the day it was written where the person lives."""
    person = person_in(KIRITIMATI)
    time_machine.move_to(utc(18, 10, 30), tick=False)  # 19 March there
    entry = EntryFactory(user=person, title="")
    page = client.get(reverse("journal:detail", args=[entry.pk])).content.decode()
    assert "19 March 2026" in page
    assert Entry.objects.get(pk=entry.pk).created_at == utc(18, 10, 30)  # stored in UTC


def test_a_held_message_is_ready_at_a_local_time(client, person_in):
    """A held message says it is ready at the person's local time, on its page and the dashboard."""
    person = person_in(KIRITIMATI)
    HeldMessageFactory(user=person, ready_at=utc(18, 22))  # noon on the 19th there
    page = client.get(reverse("progress:held_messages")).content.decode()
    assert "Waiting until 19 March, 12:00" in page
    dashboard = client.get(reverse("dashboard")).content.decode()
    assert "The next is ready Thursday 19 March, 12:00" in dashboard


# The middleware ---------------------------------------------------------------------------


def test_the_zone_is_only_active_during_the_persons_own_request(client, person_in):
    """One person's time zone never leaks into the next person's pages."""
    person_in(KIRITIMATI)
    response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    # Nothing is left behind for whoever the same thread serves next.
    assert timezone.get_current_timezone_name() == "UTC"
    client.logout()
    page = client.get(reverse("home"))
    assert page.status_code == 200
    assert timezone.get_current_timezone_name() == "UTC"


def test_a_zone_no_longer_known_falls_back_to_the_site_default(client, person_in, time_machine):
    """A person whose time zone no longer exists still gets pages, dated in the site's zone."""
    person = person_in("Mars/Olympus_Mons")  # e.g. removed from the zone database since
    time_machine.move_to(utc(18, 10, 30), tick=False)
    assert client.get(reverse("progress:checkin_today")).status_code == 200
    check_in(client)
    assert SelfCareCheckIn.objects.get(user=person).date == march(18)


# The account page ---------------------------------------------------------------------------


def test_account_page_offers_the_zone_and_discreet_mode(client_logged_in):
    """The account page offers a time zone choice and a discreet mode with a neutral name."""
    page = client_logged_in.get(reverse("account")).content.decode()
    assert 'name="time_zone"' in page
    assert f'<option value="{KIRITIMATI}">' in page
    assert "The site&#x27;s time zone (UTC)" in page
    assert 'name="discreet"' in page
    assert "Discreet mode: use a neutral name (“Notes”)" in page


def test_account_page_saves_the_zone_and_discreet_mode(client_logged_in, user):
    """Saving a time zone and discreet mode on the account page keeps both and says so."""
    response = client_logged_in.post(
        reverse("account"), {"time_zone": "Pacific/Auckland", "discreet": "on"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account")
    user.refresh_from_db()
    assert user.time_zone == "Pacific/Auckland"
    assert user.discreet is True
    page = client_logged_in.get(reverse("account")).content.decode()
    assert "Your settings are saved." in page
    assert '<option value="Pacific/Auckland" selected>' in page


def test_account_page_goes_back_to_the_site_zone(client, person_in):
    """A person can set their time zone back to the site's own."""
    person = person_in(HONOLULU)
    assert client.post(reverse("account"), {"time_zone": ""}).status_code == 302
    person.refresh_from_db()
    assert person.time_zone == ""


@pytest.mark.parametrize("zone", ["Mars/Olympus_Mons", "localtime", "pacific/honolulu", "x" * 500])
def test_unknown_zone_is_refused_beside_the_field_and_nothing_changes(client, person_in, zone):
    """An unknown time zone is refused beside the field, and nothing else on the form changes."""
    person = person_in(HONOLULU)
    response = client.post(reverse("account"), {"time_zone": zone, "discreet": "on"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "is not a time zone we know" in page
    assert "Nothing was changed." in page
    assert 'aria-invalid="true"' in page or "is-invalid" in page
    person.refresh_from_db()
    assert person.time_zone == HONOLULU
    assert person.discreet is False
    # The page was drawn for the person as stored, not as the refused form would have them.
    assert "<title>Your account · exback</title>" in page


def test_account_settings_form_lists_only_real_zones():
    """The time zone list offers only real zones, such as Kiritimati, Honolulu and UTC."""
    choices = dict(AccountSettingsForm().fields["time_zone"].choices)
    assert KIRITIMATI in choices and HONOLULU in choices and "UTC" in choices
    assert "localtime" not in choices


# Sign-up: the browser's zone -----------------------------------------------------------------


def test_sign_up_page_has_the_hidden_zone_field_and_its_script(client):
    """The sign-up page picks up the browser's time zone, with nothing for the person to fill in."""
    page = client.get(reverse("account_signup")).content.decode()
    assert 'type="hidden" name="time_zone"' in page
    assert "data-browser-time-zone" in page
    assert "js/time-zone.js" in page


@pytest.mark.parametrize(
    ("sent", "stored"),
    [(KIRITIMATI, KIRITIMATI), (None, ""), ("", ""), ("Not/AZone", ""), ("x" * 500, "")],
)
def test_sign_up_stores_the_browser_zone_or_the_site_default(client, sent, stored):
    """A new account takes the browser's time zone, or the site's if none usable was sent."""
    from django.contrib.auth import get_user_model

    data = {"email": "new@example.com", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    if sent is not None:
        data["time_zone"] = sent
    response = client.post(reverse("account_signup"), data)
    assert response.status_code == 302
    assert get_user_model().objects.get(email="new@example.com").time_zone == stored
