"""Every page a person can open, and a person with something in every part of the program."""

import datetime as dt

from django.apps import apps
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from progress.models import StageProgress
from reminders import emails as reminder_emails
from reminders.models import ReminderSettings, SentReminder
from tests.factories import PASSWORD
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
)

# The program section used for pages that take a slug, and one the person has completed.
OPEN_STAGE = "say-sorry"
COMPLETED_STAGE = "take-care-of-yourself"
STARTED_STAGE = "time-and-space"


# Pages ---------------------------------------------------------------------------------------
def _patterns(resolver: URLResolver, namespace: str | None = None, params=()):
    """(name, pattern, its parameters with those of the includes above it) for each URL."""
    for pattern in resolver.url_patterns:
        here = (*params, *pattern.pattern.regex.groupindex)
        if isinstance(pattern, URLResolver):
            yield from _patterns(pattern, pattern.namespace or namespace, here)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield (f"{namespace}:{pattern.name}" if namespace else pattern.name), pattern, here


def _page_names() -> list[tuple[str, list[str], bool]]:
    """(URL name, its parameters, whether it is allauth's) for exback's, safety's, the
    program's, the journal's and allauth's URL patterns, in the order the URLconf lists them."""
    return [
        (name, list(params), pattern.callback.__module__.startswith("allauth."))
        for name, pattern, params in _patterns(get_resolver())
        if pattern.callback.__module__.startswith(
            ("exback.", "safety.", "progress.", "journal.", "reminders.", "allauth.")
        )
    ]


PAGES = _page_names()


# Where a page with parameters takes them from: the person's data (see `person_data`), by name.
PARAMETERS = {
    ("progress:checkin_edit", "pk"): "checkin",
    ("progress:checkin_delete", "pk"): "checkin",
    ("progress:contact_edit", "pk"): "contact",
    ("progress:contact_delete", "pk"): "contact",
    ("progress:message_detail", "pk"): "message",
    ("progress:message_rewrite", "pk"): "message",
    ("progress:message_decide", "pk"): "message",
    ("progress:message_delete", "pk"): "message",
    ("progress:responsibility_edit", "pk"): "responsibility",
    ("progress:responsibility_delete", "pk"): "responsibility",
    ("progress:memory_edit", "pk"): "memory",
    ("progress:memory_delete", "pk"): "memory",
    ("progress:detail", "slug"): "open_stage",
    ("progress:start", "slug"): "open_stage",
    ("progress:complete", "slug"): "started_stage",
    ("progress:reopen", "slug"): "completed_stage",
    ("journal:detail", "pk"): "entry",
    ("journal:edit", "pk"): "entry",
    ("journal:delete", "pk"): "entry",
    ("account_session_end", "pk"): "other_session",
    # The one-click unsubscribe link of a reminder the person was sent.
    ("reminders:unsubscribe", "token"): "unsubscribe_token",
    # allauth's pages for one passkey: none of the person's.
    ("mfa_edit_webauthn", "pk"): "no_such_row",
    ("mfa_remove_webauthn", "pk"): "no_such_row",
    # allauth's links from emails, with keys that are not (or no longer) valid.
    ("account_confirm_email", "key"): "bad_key",
    ("account_reset_password_from_key", "uidb36"): "bad_uid",
    ("account_reset_password_from_key", "key"): "bad_key",
}


# Pages walked a second time with other parameters: a completed stage's has the reopen form.
VARIANTS = {"progress:detail": [{"slug": "completed_stage"}, {"slug": "started_stage"}]}


# What a visitor's pages take from the URL: nothing of anyone's.
VISITOR_DATA = {
    "no_such_row": 0,
    "other_session": 0,
    "bad_key": "MQ:1v2-not-a-key",
    "bad_uid": "zz",
}


def person_data(client, user) -> dict:
    """Sign `user` in on `client` and give them something in every part of the program, a
    held message past its cooling-off period, a completed stage and a journal entry: where
    each page with parameters finds them (PARAMETERS)."""
    sign_in(client, user)
    now = timezone.now()
    ApologyFactory(user=user)
    checkin = CheckInFactory(user=user)
    ReachOutCheckFactory(user=user)
    PatternAnswersFactory(user=user)
    ReadinessFactory(user=user)
    DateIdeaFactory(user=user)
    FeelingSignFactory(user=user)
    StageProgress.complete(user, COMPLETED_STAGE)
    StageProgress.touch(user, STARTED_STAGE)
    data = {
        "checkin": checkin.pk,
        "contact": ContactFactory(user=user).pk,
        "message": HeldMessageFactory(user=user, ready_at=now - dt.timedelta(hours=1)).pk,
        "responsibility": ResponsibilityFactory(user=user).pk,
        "memory": MemoryFactory(user=user).pk,
        "entry": EntryFactory(user=user).pk,
        "open_stage": OPEN_STAGE,
        "completed_stage": COMPLETED_STAGE,
        "started_stage": STARTED_STAGE,
        **VISITOR_DATA,
        "other_session": other_session(user, client),
        "unsubscribe_token": unsubscribe_token(user),
    }
    return data


def unsubscribe_token(user) -> str:
    """The unsubscribe link's token of a daily reminder sent to the person, who has every
    reminder on."""
    ReminderSettings.objects.create(
        user=user,
        daily_enabled=True,
        daily_time=dt.time(20, 0),
        held_ready_enabled=True,
        weekly_enabled=True,
    )
    reminder = SentReminder.objects.create(user=user, kind="daily", slot="2026-03-17")
    return reminder_emails.unsubscribe_token(reminder)


def sign_in(client, user):
    """Log in through allauth's form and confirm the password again, as allauth's two-factor
    pages ask before they open."""
    client.logout()
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302, "the person could not log in"
    response = client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert response.status_code == 302, "the person could not confirm their password"


def other_session(user, client) -> int:
    """The id of another signed-in session of the person's (allauth.usersessions), or 0."""
    if not apps.is_installed("allauth.usersessions"):
        return 0
    sign_in(Client(), user)
    sessions = apps.get_model("usersessions", "UserSession").objects.filter(user=user)
    mine = client.session.session_key
    return sessions.exclude(session_key=mine).values_list("pk", flat=True).first() or 0


def page_url(name, params, data, sources=None) -> str:
    kwargs = {}
    for param in params:
        source = (sources or {}).get(param) or PARAMETERS.get((name, param))
        assert source, f"Tell the walk where {name}'s {param} comes from (PARAMETERS)."
        kwargs[param] = data[source]
    return reverse(name, kwargs=kwargs)
