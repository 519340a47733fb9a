"""A fresh or upgraded site holds every section of the program, and older words come encrypted."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.db import connection

from progress.models import Memory, StageProgress
from safety.models import SafetyCheck
from stages import content
from stages.models import Stage
from tests.factories.progress import StageProgressFactory
from tests.helpers.vault import raw_values
from vault import crypto

# The program's sections -------------------------------------------------------------------------
load_migration = importlib.import_module("stages.migrations.0002_load_program")


def test_data_migration_loaded_all_eleven_sections(db):
    """A fresh site offers all eleven sections of the program, seven of them numbered stages."""
    assert Stage.objects.count() == 11
    assert list(Stage.objects.values_list("slug", flat=True)) == [
        s["slug"] for s in content.SECTIONS
    ]
    assert Stage.objects.stages().count() == 7


def test_the_migration_names_every_section_of_the_content_and_nothing_else():
    """A fresh site's sections match the program's text, one for one and in order.

    The rows are identities written as literals in the migration (it imports no live
    code): they must match the sections the content package holds, in order."""
    assert [(n, slug, kind) for n, slug, kind in load_migration.SECTIONS] == [
        (s["number"], s["slug"], s["kind"]) for s in content.SECTIONS
    ]


def test_rerunning_the_load_neither_duplicates_nor_touches_progress(user):
    """Reloading the program adds no duplicate sections and keeps everyone's progress."""
    progress = StageProgressFactory(user=user, status=StageProgress.Status.COMPLETED)
    load_migration.load_program(django_apps.get_app_config("stages").apps, None)
    assert Stage.objects.count() == 11
    progress.refresh_from_db()
    assert progress.status == StageProgress.Status.COMPLETED
    assert progress.stage.slug == "say-sorry"


# Upgrading a database written before everything was encrypted -----------------------------------
SECRET = "Zanzibar-lighthouse-sentence"


@pytest.mark.usefixtures("fresh_key_status")
@pytest.mark.django_db(transaction=True)
def test_the_migration_encrypts_rows_stored_in_plain_text(user):
    """Upgrading an older site encrypts words stored in plain text, and people still read them."""
    from django.db.migrations.executor import MigrationExecutor

    before = [("stages", "0003_progress_and_exercises")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    old.get_model("stages", "Memory").objects.create(user_id=user.pk, what=SECRET, why_good="x")
    old.get_model("stages", "SafetyCheck").objects.create(
        user_id=user.pk, answers={"afraid": "yes"}, any_yes=True
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    (what,) = raw_values("progress_memory", ["what"])[0]
    assert what.startswith(crypto.TOKEN_PREFIX)
    assert SECRET not in what
    assert Memory.objects.get(user=user).what == SECRET
    assert SafetyCheck.objects.get(user=user).any_yes is True
    assert "yes" not in raw_values("safety_safetycheck", ["answers"])[0][0]
