import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    """The list, newest first, reads its order from journal_entry_user_new, ties on the id
    included. Fewer indexes on the search tokens, which prefix search makes three to four
    times as many: the search index becomes the unique one, and the user and entry foreign keys
    lose the indexes it (or journal_token_entry) already covers. One transaction: neither
    the list nor search ever runs without its index."""

    dependencies = [
        ("journal", "0002_drop_journal_use_proxy"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(model_name="entry", name="journal_entry_user_new"),
        migrations.AddIndex(
            model_name="entry",
            index=models.Index(
                fields=["user", "-created_at", "-id"], name="journal_entry_user_new"
            ),
        ),
        migrations.AddIndex(
            model_name="entrytoken",
            index=models.Index(fields=["entry"], name="journal_token_entry"),
        ),
        migrations.AlterField(
            model_name="entrytoken",
            name="entry",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="tokens",
                to="journal.entry",
            ),
        ),
        migrations.AlterField(
            model_name="entrytoken",
            name="user",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.RemoveConstraint(model_name="entrytoken", name="journal_token_unique"),
        migrations.RemoveIndex(model_name="entrytoken", name="journal_token_search"),
        migrations.AddConstraint(
            model_name="entrytoken",
            constraint=models.UniqueConstraint(
                fields=("user", "token", "entry"), name="journal_token_search"
            ),
        ),
    ]
