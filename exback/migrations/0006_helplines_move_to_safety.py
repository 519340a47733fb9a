"""The helplines now belong to the safety app (safety 0001, which renames their table): the
site forgets them, in the migration state only."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("exback", "0005_load_helplines"),
        ("safety", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Helpline")],
            database_operations=[],
        )
    ]
