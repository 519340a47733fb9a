"""What a person writes is unreadable in the database, and one unreadable row takes no page down."""

import logging

import pytest
from django.db import connection
from django.urls import reverse

from progress.models import Memory
from safety import content as safety_content
from safety.models import SafetyCheck, SafetyPlan
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
from tests.factories.safety import SafetyCheckFactory
from tests.helpers.vault import lose_the_key_of, raw_values, seal_with_a_lost_key
from vault import crypto
from vault.fields import UNREADABLE_MESSAGE

SECRET = "Zanzibar-lighthouse-sentence"


def every_text_value_in_the_database():
    """Every text-like value of every table, read with SQL rather than the ORM."""
    values = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            description = connection.introspection.get_table_description(cursor, table)
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                values.extend(str(v) for v in row if v is not None)
            assert description  # every table has columns
    return values


# What is sealed -------------------------------------------------------------------------------
@pytest.mark.django_db
def test_a_known_sentence_written_everywhere_is_found_nowhere_in_the_tables(user):
    """Whatever a person writes anywhere is unreadable to someone reading the database directly.

    One sentence in every exercise, the journal and the safety answers; then every value of
    every table, read with SQL, and the sentence is in none of them."""
    words = f"{SECRET} in my own words"
    EntryFactory(user=user, title=words, body=words)
    ApologyFactory(user=user, draft=words, sincerity={"for_them": SECRET})
    CheckInFactory(user=user, note=words)
    ContactFactory(user=user, how_it_went=words)
    FeelingSignFactory(user=user, note=words)
    ReachOutCheckFactory(user=user, answers={"desperate": SECRET})
    HeldMessageFactory(user=user, text=words)
    ResponsibilityFactory(user=user, what_happened=words, my_part=words, do_differently=words)
    PatternAnswersFactory(
        user=user, answers={"taking_value": {"answer": "yes", "habits": [SECRET]}}
    )
    MemoryFactory(user=user, what=words, when=words[:90], where=words, why_good=words)
    DateIdeaFactory(user=user, idea=words)
    ReadinessFactory(
        user=user,
        answers={"still_in_love": SECRET},
        reasons=[{"side": "against", "text": words, "weight": 5}],
    )
    SafetyCheckFactory(user=user, afraid=True)
    SafetyPlan.objects.create(
        user=user, **{field: words for field, *_ in safety_content.SAFETY_PLAN_SECTIONS}
    )

    values = every_text_value_in_the_database()
    assert not [v for v in values if SECRET in v or SECRET.lower() in v.lower()]
    # Nor can a database reader tell who said yes to a safety question.
    (answers,) = raw_values("safety_safetycheck", ["answers"])[0]
    assert answers.startswith(crypto.TOKEN_PREFIX)
    assert "yes" not in answers
    assert "any_yes" not in {
        c.name
        for c in connection.introspection.get_table_description(
            connection.cursor(), "safety_safetycheck"
        )
    }
    # Through the ORM, the owner's words come back as written.
    assert Memory.objects.get(user=user).what == words
    assert SafetyCheck.objects.get(user=user).any_yes is True


# One unreadable row never takes a page down ---------------------------------------------------
@pytest.mark.django_db
def test_a_list_with_an_unreadable_entry_still_shows_the_rest(client_logged_in, user, caplog):
    """One unreadable entry still leaves the journal, the entry page and the downloads working."""
    EntryFactory(user=user, title="Readable one", body="fine")
    lost = EntryFactory(user=user, title="Lost one", body="gone")
    lose_the_key_of(lost)

    with caplog.at_level(logging.WARNING, logger="vault.fields"):
        response = client_logged_in.get(reverse("journal:index"))
    assert response.status_code == 200
    assert "Readable one" in response.content.decode()
    assert f"journal_entry id={lost.pk}: body cannot be read" in caplog.text

    detail = client_logged_in.get(reverse("journal:detail", args=[lost.pk]))
    assert detail.status_code == 200
    assert "can&#x27;t be read with the current encryption keys" in detail.content.decode()
    assert client_logged_in.get(reverse("account_export_json")).status_code == 200
    assert client_logged_in.get(reverse("account_export_md")).status_code == 200


@pytest.mark.django_db
def test_an_unreadable_exercise_row_keeps_the_summary_and_export_working(program_client, user):
    """One unreadable memory leaves the summary, marked, and the download working."""
    memory = MemoryFactory(user=user, what="a fine day")
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE progress_memory SET what = %s WHERE id = %s",
            [seal_with_a_lost_key("x"), memory.pk],
        )
    summary = program_client.get(reverse("progress:summary"))
    assert summary.status_code == 200
    assert UNREADABLE_MESSAGE.split(":")[0].replace("'", "&#x27;") in summary.content.decode()
    export = program_client.get(reverse("account_export_json"))
    assert export.status_code == 200


@pytest.mark.django_db
def test_saving_a_row_with_an_unreadable_value_keeps_its_token(user):
    """Editing another part of a memory never wipes its unreadable part, which a key may restore."""
    memory = MemoryFactory(user=user, what="a fine day", where="the pier")
    token = seal_with_a_lost_key("x")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE progress_memory SET what = %s WHERE id = %s", [token, memory.pk])
    loaded = Memory.objects.get(pk=memory.pk)
    loaded.where = "the beach"
    loaded.save()
    assert raw_values("progress_memory", ["what"], "WHERE id = %s", [memory.pk])[0][0] == token
