"""Upgrading keeps every safety answer, plan and helpline; a new site has each helpline checked."""

import datetime
import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from exback.models import User
from safety.helplines import COUNTRY_NAMES
from safety.models import Helpline, SafetyCheck, SafetyPlan
from safety.situation import situation_for
from tests.helpers.migrations import migrate_forward, migrate_to, tables
from tests.helpers.vault import raw_values, seal_with_a_lost_key
from tests.tools import ROOT

# Helplines loaded by migration ------------------------------------------------------------------
# Helplines are data: loaded by migration with a source and a checked date for every row.


@pytest.mark.django_db
def test_the_migration_loads_many_countries_each_with_an_emergency_number():
    """People in any of 30-plus countries find their emergency number and another line to call."""
    countries = set(Helpline.objects.countries())
    assert len(countries) >= 30
    assert countries <= set(COUNTRY_NAMES)
    with_emergency = set(
        Helpline.objects.filter(is_emergency=True).values_list("country", flat=True)
    )
    assert with_emergency == countries
    # Every country has somewhere to turn besides the emergency number.
    for country in countries:
        assert Helpline.objects.for_country(country).filter(is_emergency=False).exists()


@pytest.mark.django_db
def test_every_row_names_its_source_and_when_it_was_checked():
    """Every helpline names its source and when it was checked; three directories serve all."""
    assert not Helpline.objects.filter(source_url="").exists()
    assert not Helpline.objects.filter(checked_on__isnull=True).exists()
    assert Helpline.objects.international().count() == 3


# Kept true: checked details, and the ones not yet confirmed -------------------------------------
DATA = ROOT / "safety" / "data" / "helplines.json"
FIELDS = ["purpose", "is_emergency", "phone", "text", "chat_url", "hours", "source_url"]
FIELDS += ["verified", "note", "order"]


@pytest.mark.django_db
def test_every_row_is_what_the_json_says():
    """A new site shows exactly the helplines, hours and notes that were checked and recorded.

    A new database (exback 0005 loads the JSON, safety 0003 corrects) holds exactly what
    safety/data/helplines.json says, verified flags and notes included."""
    rows = json.loads(DATA.read_text(encoding="utf-8"))
    assert Helpline.objects.count() == len(rows)
    for row in rows:
        line = Helpline.objects.get(country=row["country"], name=row["name"])
        assert {field: getattr(line, field) for field in FIELDS} == {f: row[f] for f in FIELDS}
        assert line.checked_on.isoformat() == row["checked_on"]


@pytest.mark.django_db
def test_the_four_doubtful_details_are_corrected_or_marked():
    """The four doubtful helpline details show corrected, or with a note of what is uncertain."""
    shine = Helpline.objects.get(country="NZ", name="Shine Helpline")
    assert (shine.verified, shine.hours) == (False, "")
    assert "24/7" in shine.note and "9am" in shine.note
    welfare = Helpline.objects.get(country="HK", name="Social Welfare Department Hotline")
    assert welfare.hours == "24 hours, every day"
    assert welfare.source_url.startswith("https://www.info.gov.hk/")
    command_centre = Helpline.objects.get(country="ZA", name="Gender-Based Violence Command Centre")
    assert command_centre.text == "" and "31531" in command_centre.note
    police = Helpline.objects.get(country="ZA", is_emergency=True)
    assert police.source_url == "https://www.saps.gov.za/services/cc_10111.php"
    assert Helpline.objects.filter(verified=False).count() == 1


# Abuse lines marked -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_every_country_but_switzerland_has_an_abuse_line_marked():
    """The migration marks each country's domestic-abuse lines; general crisis lines are not."""
    countries = set(Helpline.objects.countries())
    marked = set(Helpline.objects.filter(is_abuse_support=True).values_list("country", flat=True))
    assert marked == countries - {"CH"}
    assert not Helpline.objects.filter(is_abuse_support=True, name__icontains="Samaritans")
    assert not Helpline.objects.filter(is_abuse_support=True, is_emergency=True)


# The safety app takes over its rows -------------------------------------------------------------
# safety 0001 renames the tables; stages 0008 and exback 0006 forget the models: migrating
# forward keeps every row, id and encrypted value, and so does migrating back. On SQLite by
# default, on PostgreSQL with DATABASE_URL=postgres://…

# Where the models still lived in stages and exback: safety unapplied, and with it the two
# migrations that depend on it.
BEFORE = [("stages", "0007_dashboard_overview"), ("exback", "0005_load_helplines")]
TABLES = {
    "safetycheck": ("stages_safetycheck", "safety_safetycheck"),
    "safetyplan": ("stages_safetyplan", "safety_safetyplan"),
    "helpline": ("exback_helpline", "safety_helpline"),
}
ANSWERS = {"violence": "no", "threats": "no", "controlled": "yes", "afraid": "yes"}
PLAN = {"warning_signs": "Texts after midnight", "keep_ready": "Passport at Jo's"}


def migrate_back():
    return migrate_to([("safety", None), *BEFORE])


def stored(table: str, columns: list[str], pk: int):
    """The values as the database holds them (ciphertext for the encrypted columns)."""
    quote = connection.ops.quote_name
    return raw_values(table, columns, f"WHERE {quote('id')} = %s", [pk])[0]


def content_type_app(model: str) -> str:
    return ContentType.objects.filter(model=model).values_list("app_label", flat=True).get()


@pytest.mark.django_db(transaction=True)
def test_rows_and_values_survive_the_move_and_the_way_back(transactional_db):
    """Safety answers, plans and staff's helplines come through an upgrade and rollback intact."""
    old = migrate_back()
    assert {old_name for old_name, _ in TABLES.values()} <= tables()
    person = old.get_model("exback", "User").objects.create(email="moved@example.com")
    check = old.get_model("stages", "SafetyCheck").objects.create(user=person, answers=ANSWERS)
    plan = old.get_model("stages", "SafetyPlan").objects.create(user=person, version=3, **PLAN)
    line = old.get_model("exback", "Helpline").objects.create(
        country="NZ",
        name="A line added by staff",
        purpose="Support",
        phone="0800 000 000",
        source_url="https://example.org/source",
        checked_on=datetime.date(2026, 3, 1),
    )
    helplines = old.get_model("exback", "Helpline").objects.count()
    sealed_answers = stored("stages_safetycheck", ["answers", "updated_at"], check.pk)
    sealed_plan = stored("stages_safetyplan", ["warning_signs", "keep_ready"], plan.pk)
    assert "yes" not in sealed_answers[0] and "Jo's" not in sealed_plan[1]  # encrypted

    migrate_forward()
    assert {new for _, new in TABLES.values()} <= tables()
    assert not {old_name for old_name, _ in TABLES.values()} & tables()
    # The same ciphertext under the same id: nothing was decrypted or written again.
    assert stored("safety_safetycheck", ["answers", "updated_at"], check.pk) == sealed_answers
    # (safety 0002 has since moved the plan's "keep ready" part to documents_money.)
    assert stored("safety_safetyplan", ["warning_signs", "documents_money"], plan.pk) == sealed_plan
    moved = SafetyCheck.objects.get(pk=check.pk)
    assert (moved.user_id, moved.answers) == (person.pk, ANSWERS)
    situation = situation_for(User.objects.get(pk=person.pk))
    assert situation.unsafe and not situation.coparent  # no children answer yet: not a co-parent
    assert situation.concerns == (
        "your ex tried to control or keep watch over you",
        "you have felt afraid of your ex",
    )
    moved_plan = SafetyPlan.objects.get(pk=plan.pk)
    assert (moved_plan.warning_signs, moved_plan.documents_money, moved_plan.version) == (
        PLAN["warning_signs"],
        PLAN["keep_ready"],
        3,
    )
    assert Helpline.objects.count() == helplines
    assert Helpline.objects.get(pk=line.pk).name == "A line added by staff"
    assert {content_type_app(model) for model in TABLES} == {"safety"}
    # New rows still get fresh ids in the renamed tables (PostgreSQL keeps the sequences).
    assert (
        Helpline.objects.create(
            country="NZ",
            name="Another",
            purpose="x",
            source_url="https://e.org/",
            checked_on=line.checked_on,
        ).pk
        > line.pk
    )

    old = migrate_back()
    assert {old_name for old_name, _ in TABLES.values()} <= tables()
    assert not {new for _, new in TABLES.values()} & tables()
    assert stored("stages_safetycheck", ["answers", "updated_at"], check.pk) == sealed_answers
    assert stored("stages_safetyplan", ["warning_signs", "keep_ready"], plan.pk) == sealed_plan
    assert old.get_model("stages", "SafetyCheck").objects.get(pk=check.pk).answers == ANSWERS
    back_plan = old.get_model("stages", "SafetyPlan").objects.get(pk=plan.pk)
    assert (back_plan.warning_signs, back_plan.keep_ready) == (
        PLAN["warning_signs"],
        PLAN["keep_ready"],
    )
    assert old.get_model("exback", "Helpline").objects.count() == helplines + 1
    assert content_type_app("helpline") == "exback"
    assert content_type_app("safetycheck") == content_type_app("safetyplan") == "stages"

    migrate_forward()  # as the other tests expect it
    assert SafetyCheck.objects.get(pk=check.pk).answers == ANSWERS


# safety 0002: the plan's new parts ---------------------------------------------------------------
PLAN_BEFORE_PARTS = [("safety", "0001_initial")]
# The five parts the plan had, and the field each one lives in now.
OLD_PARTS = {
    "warning_signs": "warning_signs",
    "staying_safe": "coping",
    "people_places": "help_people",
    "professional_help": "professional_help",
    "keep_ready": "documents_money",
}
OLD_PLAN = {
    "warning_signs": "Texts after midnight.\nHe goes quiet, then slams doors.",
    "staying_safe": "Breathing; the bathroom has a lock and a window.",
    "people_places": "My sister (code word umbrella); the library on Hill St.",
    "professional_help": "Refuge 0808 2000 247; Dr Patel.",
    "keep_ready": "Passport copy and cash at Jo's.",
}
NEW_ONLY = {
    "distractions": "Swimming with Sam.",
    "safer_surroundings": "Pills at Jo's.",
    "reasons_for_living": "My daughter.",
    "children": "They go to Mrs K next door.",
    "pets": "Jo takes the cat.",
    "phone_location": "Turn off location sharing.",
    "evidence": "Screenshots to my work email.",
    "protective_orders": "Copy at school.",
    "after_leaving": "New route to work.",
}


def migrate_plan_back():
    return migrate_to(PLAN_BEFORE_PARTS)


def sealed_parts(pk: int, columns) -> tuple:
    return stored("safety_safetyplan", list(columns), pk)


@pytest.mark.django_db(transaction=True)
def test_the_plans_old_parts_move_whole_to_their_new_parts_and_back(transactional_db):
    """A safety plan from before the new parts reads the same after the upgrade and a rollback.

    Forwards every old part keeps its ciphertext under its new name and the new parts are
    empty; backwards the old names come back with the same ciphertext. Nothing is decrypted or
    written again, and the version, the date and the owner stay as they were."""
    old = migrate_plan_back()
    person = old.get_model("exback", "User").objects.create(email="plan@example.com")
    plan = old.get_model("safety", "SafetyPlan").objects.create(user=person, version=4, **OLD_PLAN)
    sealed = sealed_parts(plan.pk, [*OLD_PARTS, "updated_at"])
    assert not any(text in value for text, value in zip(OLD_PLAN.values(), sealed, strict=False))

    migrate_forward()
    assert sealed_parts(plan.pk, [*OLD_PARTS.values(), "updated_at"]) == sealed
    moved = SafetyPlan.objects.get(pk=plan.pk)
    for old_field, new_field in OLD_PARTS.items():
        assert getattr(moved, new_field) == OLD_PLAN[old_field]
    assert all(getattr(moved, part) == "" for part in NEW_ONLY)
    assert (moved.user_id, moved.version) == (person.pk, 4)

    old = migrate_plan_back()
    assert sealed_parts(plan.pk, [*OLD_PARTS, "updated_at"]) == sealed
    back = old.get_model("safety", "SafetyPlan").objects.get(pk=plan.pk)
    assert {field: getattr(back, field) for field in OLD_PARTS} == OLD_PLAN
    assert back.version == 4

    migrate_forward()  # as the other tests expect it
    assert SafetyPlan.objects.get(pk=plan.pk).coping == OLD_PLAN["staying_safe"]


@pytest.mark.django_db(transaction=True)
def test_going_back_keeps_the_new_parts_words_in_the_old_parts(transactional_db):
    """A rollback loses none of the words in the plan's new parts: they join the old parts.

    What a person wrote in a part the old plan did not have is added, under its heading, to
    the end of the old part closest to it: no words are lost going back, and going forward
    again keeps them all (in those old parts)."""
    person = User.objects.create(email="newparts@example.com")
    plan = SafetyPlan.objects.create(
        user=person,
        **{OLD_PARTS[field]: text for field, text in OLD_PLAN.items()},
        **NEW_ONLY,
    )
    empty_old = SafetyPlan.objects.create(
        user=User.objects.create(email="onlynew@example.com"), reasons_for_living="My dog."
    )
    untouched = SafetyPlan.objects.create(
        user=User.objects.create(email="untouched@example.com"), warning_signs="Shouting."
    )
    untouched_sealed = sealed_parts(untouched.pk, ["warning_signs", "updated_at", "version"])
    updated_at = sealed_parts(plan.pk, ["updated_at"])

    old = migrate_plan_back()
    back = old.get_model("safety", "SafetyPlan").objects.get(pk=plan.pk)
    assert back.warning_signs == OLD_PLAN["warning_signs"]
    assert back.professional_help == OLD_PLAN["professional_help"]
    assert back.staying_safe == (
        f"{OLD_PLAN['staying_safe']}\n\n"
        f"Making my surroundings safer:\n{NEW_ONLY['safer_surroundings']}\n\n"
        f"My reasons for living:\n{NEW_ONLY['reasons_for_living']}"
    )
    assert back.people_places == (
        f"{OLD_PLAN['people_places']}\n\n"
        f"People and places that take my mind off things:\n{NEW_ONLY['distractions']}"
    )
    assert back.keep_ready.startswith(f"{OLD_PLAN['keep_ready']}\n\nChildren:\n")
    every_old_part = " ".join(getattr(back, field) for field in OLD_PARTS)
    for text in [*OLD_PLAN.values(), *NEW_ONLY.values()]:
        assert text in every_old_part
    assert back.version == plan.version + 1  # a page opened before cannot save over it
    assert sealed_parts(plan.pk, ["updated_at"]) == updated_at
    assert old.get_model("safety", "SafetyPlan").objects.get(pk=empty_old.pk).staying_safe == (
        "My reasons for living:\nMy dog."
    )
    # A plan with nothing in the new parts is not written at all.
    assert sealed_parts(untouched.pk, ["warning_signs", "updated_at", "version"]) == (
        untouched_sealed
    )

    migrate_forward()
    again = SafetyPlan.objects.get(pk=plan.pk)
    assert again.coping == back.staying_safe and again.documents_money == back.keep_ready
    assert again.children == ""  # kept in documents_money now, not split out again


@pytest.mark.django_db(transaction=True)
def test_going_back_stops_rather_than_drop_a_part_no_key_can_read(transactional_db):
    """A rollback that would lose an unreadable part of a plan stops instead, changing nothing.

    A new part no configured key can read cannot be moved into an old part, and dropping
    its column would lose it: migrating back stops with the row's id and changes nothing."""
    person = User.objects.create(email="lostkey@example.com")
    plan = SafetyPlan.objects.create(user=person, coping="Breathing.", pets="Jo takes the cat.")
    lost = seal_with_a_lost_key("the children's plan")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE safety_safetyplan SET children = %s WHERE id = %s", [lost, plan.pk])
    before = sealed_parts(plan.pk, ["coping", "documents_money", "pets", "children", "version"])

    with pytest.raises(RuntimeError, match=f"safety_safetyplan id={plan.pk}"):
        migrate_plan_back()
    assert sealed_parts(plan.pk, ["coping", "documents_money", "pets", "children", "version"]) == (
        before
    )
    assert "coping" in {
        column.name
        for column in connection.introspection.get_table_description(
            connection.cursor(), "safety_safetyplan"
        )
    }
    migrate_forward()  # as the other tests expect it


# safety 0003: helplines kept true --------------------------------------------------------------
BEFORE_HELPLINE_FIXES = [("safety", "0002_safety_plan_sections")]


@pytest.mark.django_db(transaction=True)
def test_the_four_helpline_corrections_go_forward_and_back_and_spare_staff_edits(
    transactional_db,
):
    """The four helpline corrections apply and roll back, never undoing staff's own edits.

    Backwards the four entries get what was first loaded (Shine's 9am-11pm, the SMS line,
    the old sources); forwards again they are corrected. An entry staff have edited in the
    admin meanwhile is left as they made it, both ways."""
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE_HELPLINE_FIXES)
    executor.loader.build_graph()
    old = executor.loader.project_state(BEFORE_HELPLINE_FIXES).apps.get_model("safety", "Helpline")
    shine = old.objects.get(country="NZ", name="Shine Helpline")
    assert shine.hours == "9am\u201311pm every day"
    centre = old.objects.get(country="ZA", name="Gender-Based Violence Command Centre")
    assert centre.text == "SMS 'help' to 31531 (for people with disabilities)"
    assert old.objects.get(country="ZA", is_emergency=True).source_url.startswith(
        "https://savagerose.org/"
    )
    welfare = old.objects.get(country="HK", name="Social Welfare Department Hotline")
    assert welfare.hours == ""
    # Staff correct Hong Kong themselves before the migration runs.
    old.objects.filter(pk=welfare.pk).update(hours="Staff: 24 hours", source_url="https://e.org/")
    count = old.objects.count()

    migrate_forward()
    assert Helpline.objects.count() == count
    shine = Helpline.objects.get(pk=shine.pk)
    assert (shine.hours, shine.verified) == ("", False) and "24/7" in shine.note
    assert Helpline.objects.get(pk=centre.pk).text == ""
    assert Helpline.objects.get(pk=welfare.pk).hours == "Staff: 24 hours"  # theirs, kept
    assert Helpline.objects.get(country="ZA", is_emergency=True).source_url == (
        "https://www.saps.gov.za/services/cc_10111.php"
    )
    assert Helpline.objects.exclude(pk__in=[shine.pk, centre.pk]).filter(note="").count() == (
        count - 2
    )

    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE_HELPLINE_FIXES)
    executor.loader.build_graph()
    old = executor.loader.project_state(BEFORE_HELPLINE_FIXES).apps.get_model("safety", "Helpline")
    assert old.objects.get(pk=shine.pk).hours == "9am\u201311pm every day"
    assert old.objects.get(pk=welfare.pk).hours == "Staff: 24 hours"
    migrate_forward()  # as the other tests expect it
