from django.core.management.base import BaseCommand, CommandError

from journal.services import entries_reencrypt


class Command(BaseCommand):
    help = (
        "Re-encrypt every journal entry with the newest key in JOURNAL_KEYS and rebuild the "
        "search index with it. Afterwards the older keys can be removed from JOURNAL_KEYS."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=200)

    def handle(self, *args, batch_size, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        total = entries_reencrypt(
            batch_size=batch_size,
            log=lambda done: self.stdout.write(f"{done} entries re-encrypted…"),
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Done: {total} entries now use the newest key. You can remove the older "
                "keys from JOURNAL_KEYS once every server runs with the new list."
            )
        )
