from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_entry_times(apps, schema_editor):
    Entry = apps.get_model("journal", "Entry")
    EntryToken = apps.get_model("journal", "EntryToken")
    EntryToken.objects.update(
        created_at=Subquery(Entry.objects.filter(pk=OuterRef("entry_id")).values("created_at"))
    )


class Migration(migrations.Migration):
    """Search reads a word's entries newest first from its index: each token carries its
    entry's time, and journal_token_search orders by it."""

    dependencies = [("journal", "0004_search_by_word_start")]

    operations = [
        migrations.AddField(
            model_name="entrytoken", name="created_at", field=models.DateTimeField(null=True)
        ),
        migrations.RunPython(copy_entry_times, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name="entrytoken", name="created_at", field=models.DateTimeField()
        ),
        migrations.RemoveConstraint(model_name="entrytoken", name="journal_token_search"),
        migrations.AddConstraint(
            model_name="entrytoken",
            constraint=models.UniqueConstraint(
                fields=("user", "token", "created_at", "entry"), name="journal_token_search"
            ),
        ),
    ]
