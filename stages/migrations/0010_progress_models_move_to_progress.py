"""A person's progress, the exercises' rows and the dashboard's kept figures now belong to the
progress app (progress 0001 takes them over on their tables; progress 0002 renames the tables):
the program forgets them, in the migration state only. What stays here is the Stage rows."""

from django.db import migrations

MOVED = (
    "StageProgress",
    "Apology",
    "SelfCareCheckIn",
    "Contact",
    "FeelingSign",
    "ReachOutCheck",
    "HeldMessage",
    "Responsibility",
    "PatternAnswers",
    "Memory",
    "DateIdea",
    "Readiness",
    "Urge",
    "Overview",
)


class Migration(migrations.Migration):
    dependencies = [
        ("stages", "0009_program_text_in_code"),
        ("progress", "0001_initial"),
        # The reminders' link to a held message moves first, so nothing points at a model
        # that is gone from this app's state.
        ("reminders", "0002_held_message_in_progress"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name=name) for name in MOVED],
            database_operations=[],
        )
    ]
