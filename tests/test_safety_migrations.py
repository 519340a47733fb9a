"""The safety app took over the safety check, the safety plan and the helplines with their rows
(safety 0001 renames the tables; stages 0008 and exback 0006 forget the models): migrating
forward keeps every row, id and encrypted value, and so does migrating back. On SQLite by
default, on PostgreSQL with DATABASE_URL=postgres://…"""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from exback.models import User
from safety.models import Helpline, SafetyCheck, SafetyPlan
from safety.situation import situation_for

from .test_vault import raw_values

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
    executor = MigrationExecutor(connection)
    executor.migrate([("safety", None), *BEFORE])
    executor.loader.build_graph()
    return executor.loader.project_state(BEFORE).apps


def migrate_forward():
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def tables() -> set[str]:
    return set(connection.introspection.table_names())


def stored(table: str, columns: list[str], pk: int):
    """The values as the database holds them (ciphertext for the encrypted columns)."""
    quote = connection.ops.quote_name
    return raw_values(table, columns, f"WHERE {quote('id')} = %s", [pk])[0]


def content_type_app(model: str) -> str:
    return ContentType.objects.filter(model=model).values_list("app_label", flat=True).get()


@pytest.mark.django_db(transaction=True)
def test_rows_and_values_survive_the_move_and_the_way_back(transactional_db):
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
    assert stored("safety_safetyplan", ["warning_signs", "keep_ready"], plan.pk) == sealed_plan
    moved = SafetyCheck.objects.get(pk=check.pk)
    assert (moved.user_id, moved.answers) == (person.pk, ANSWERS)
    situation = situation_for(User.objects.get(pk=person.pk))
    assert situation.unsafe and not situation.coparent  # no children answer yet: not a co-parent
    assert situation.concerns == (
        "your ex tried to control or keep watch over you",
        "you have felt afraid of your ex",
    )
    moved_plan = SafetyPlan.objects.get(pk=plan.pk)
    assert (moved_plan.warning_signs, moved_plan.keep_ready, moved_plan.version) == (
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
