"""The tables taken over from the program (0001) get this app's names, and so do their
one-per-submit constraints: every row, id and encrypted value stays as it is."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("progress", "0001_initial"),
        # Every migration that names the old tables runs first: the reminders' link to a held
        # message (created on stages_heldmessage) and the program forgetting the models.
        ("reminders", "0002_held_message_in_progress"),
        ("stages", "0010_progress_models_move_to_progress"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="contact",
            name="stages_contact_one_per_submit",
        ),
        migrations.RemoveConstraint(
            model_name="heldmessage",
            name="stages_heldmessage_one_per_submit",
        ),
        migrations.RemoveConstraint(
            model_name="memory",
            name="stages_memory_one_per_submit",
        ),
        migrations.RemoveConstraint(
            model_name="responsibility",
            name="stages_responsibility_one_per_submit",
        ),
        migrations.RemoveConstraint(
            model_name="selfcarecheckin",
            name="stages_selfcarecheckin_one_per_submit",
        ),
        migrations.RemoveConstraint(
            model_name="urge",
            name="stages_urge_one_per_submit",
        ),
        migrations.AddConstraint(
            model_name="contact",
            constraint=models.UniqueConstraint(
                fields=("user", "submission_token"), name="progress_contact_one_per_submit"
            ),
        ),
        migrations.AddConstraint(
            model_name="heldmessage",
            constraint=models.UniqueConstraint(
                fields=("user", "submission_token"), name="progress_heldmessage_one_per_submit"
            ),
        ),
        migrations.AddConstraint(
            model_name="memory",
            constraint=models.UniqueConstraint(
                fields=("user", "submission_token"), name="progress_memory_one_per_submit"
            ),
        ),
        migrations.AddConstraint(
            model_name="responsibility",
            constraint=models.UniqueConstraint(
                fields=("user", "submission_token"), name="progress_responsibility_one_per_submit"
            ),
        ),
        migrations.AddConstraint(
            model_name="selfcarecheckin",
            constraint=models.UniqueConstraint(
                fields=("user", "submission_token"), name="progress_selfcarecheckin_one_per_submit"
            ),
        ),
        migrations.AddConstraint(
            model_name="urge",
            constraint=models.UniqueConstraint(
                fields=("user", "submission_token"), name="progress_urge_one_per_submit"
            ),
        ),
        migrations.AlterModelTable(
            name="apology",
            table=None,
        ),
        migrations.AlterModelTable(
            name="contact",
            table=None,
        ),
        migrations.AlterModelTable(
            name="dateidea",
            table=None,
        ),
        migrations.AlterModelTable(
            name="feelingsign",
            table=None,
        ),
        migrations.AlterModelTable(
            name="heldmessage",
            table=None,
        ),
        migrations.AlterModelTable(
            name="memory",
            table=None,
        ),
        migrations.AlterModelTable(
            name="overview",
            table=None,
        ),
        migrations.AlterModelTable(
            name="patternanswers",
            table=None,
        ),
        migrations.AlterModelTable(
            name="reachoutcheck",
            table=None,
        ),
        migrations.AlterModelTable(
            name="readiness",
            table=None,
        ),
        migrations.AlterModelTable(
            name="responsibility",
            table=None,
        ),
        migrations.AlterModelTable(
            name="selfcarecheckin",
            table=None,
        ),
        migrations.AlterModelTable(
            name="stageprogress",
            table=None,
        ),
        migrations.AlterModelTable(
            name="urge",
            table=None,
        ),
    ]
