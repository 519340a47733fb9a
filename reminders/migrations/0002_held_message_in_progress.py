"""A reminder about a held message points at the progress app's model (progress 0001 took it
over from stages, on the same table): the database keeps the same column and rows."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("progress", "0001_initial"),
        ("reminders", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="sentreminder",
            name="held_message",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="progress.heldmessage",
            ),
        ),
    ]
