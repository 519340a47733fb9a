"""The safety check and the safety plan now belong to the safety app (safety 0001, which
renames their tables): the program forgets them, in the migration state only."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("stages", "0007_dashboard_overview"),
        ("safety", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="SafetyCheck"),
                migrations.DeleteModel(name="SafetyPlan"),
            ],
            database_operations=[],
        )
    ]
