from django.db import migrations, transaction

BATCH_SIZE = 500


def _rebuild(apps, tokens_of):
    """Replace each entry's search tokens, in batches of BATCH_SIZE entries with a transaction
    each (the migration is not atomic), so it can run while the site serves and can simply
    be run again after a stop. An entry no configured key can read keeps its tokens. Nothing
    touches a key until there is an entry, so an empty database needs none."""
    Entry = apps.get_model("journal", "Entry")
    EntryToken = apps.get_model("journal", "EntryToken")
    # Run with later models (0005 on), a token also carries its entry's time.
    timed = any(field.name == "created_at" for field in EntryToken._meta.fields)
    last = None
    while True:
        batch = Entry.objects.order_by("pk").only("pk", "user_id", "title", "body", "created_at")
        if last is not None:
            batch = batch.filter(pk__gt=last)
        entries = list(batch[:BATCH_SIZE])
        if not entries:
            return
        readable = [
            entry
            for entry in entries
            if not any(getattr(v, "unreadable", False) for v in (entry.title, entry.body))
        ]
        known: dict = {}
        with transaction.atomic():
            EntryToken.objects.filter(entry__in=readable).delete()
            EntryToken.objects.bulk_create(
                (
                    EntryToken(
                        entry_id=entry.pk,
                        user_id=entry.user_id,
                        token=token,
                        **({"created_at": entry.created_at} if timed else {}),
                    )
                    for entry in readable
                    for token in tokens_of(f"{entry.title}\n{entry.body}", known)
                ),
                batch_size=5000,
            )
        last = entries[-1].pk


def index_word_starts(apps, schema_editor):
    from vault import crypto

    _rebuild(apps, lambda text, known: crypto.index_tokens(text, known=known))


def index_whole_words(apps, schema_editor):
    """Back to the tokens of 0002: one per distinct word, under the whole-word key."""
    from vault import crypto

    def tokens_of(text, known):
        index_key = crypto._index_key(crypto.keys()[0])
        return {crypto._token(index_key, word) for word in crypto.normalise_words(text)}

    _rebuild(apps, tokens_of)


class Migration(migrations.Migration):
    """Search by the start of a word: every entry's tokens rebuilt with a token for each
    prefix of 3 to 12 characters of each of its words (vault/crypto.py)."""

    atomic = False

    dependencies = [("journal", "0003_indexes_for_speed")]

    operations = [migrations.RunPython(index_word_starts, index_whole_words)]
