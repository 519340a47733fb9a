"""Re-encrypt everything encrypted at rest with the newest key in ENCRYPTION_KEYS."""

from allauth.mfa.models import Authenticator
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from journal.models import Entry
from journal.services import entries_reindex
from vault import crypto, health
from vault.rotation import Report, encrypted_models, rotate_model

# allauth keeps an authenticator's secrets in its JSON data, sealed by exback.adapters.
SECRET_KEYS = ("secret", "seed")


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted value (journal, exercises, safety answers, search tokens, "
        "authenticator secrets) with the newest key in ENCRYPTION_KEYS, in batches of one "
        "transaction each. Safe while the site runs, and safe to run again after a stop. "
        "--dry-run counts the stored values per key and changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=200)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, batch_size, dry_run, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        status = health.status(fresh=True)
        if not status.ok and not dry_run:
            raise CommandError(f"Not rotating: {status.message}")
        reports = []
        for model, fields in encrypted_models():
            after = None
            if model is Entry:

                def after(pks):
                    entries_reindex(pks=pks)

            report = rotate_model(
                model, fields, batch_size=batch_size, dry_run=dry_run, after_batch=after
            )
            reports.append(report)
        reports.append(self.rotate_authenticators(dry_run=dry_run))
        unreadable = [row for report in reports for row in report.unreadable]
        for report in reports:
            if report.rows:
                counts = ", ".join(f"{n} {name}" for name, n in sorted(report.by_key.items()))
                verb = "would rewrite" if dry_run else "rewrote"
                self.stdout.write(
                    f"{report.label}: {report.rows} rows ({counts}); {verb} "
                    f"{report.rows - len(report.unreadable)}"
                )
        for row in unreadable:
            self.stderr.write(f"unreadable with every configured key, skipped: {row}")
        if unreadable:
            raise CommandError(
                f"{len(unreadable)} rows could not be read with any configured key and were left "
                "as they are. Do not remove any old key yet: find the key they were written "
                "with, add it to ENCRYPTION_KEYS (after the newest), and run rotate_keys again."
            )
        if not dry_run:
            self.stdout.write(
                self.style.SUCCESS(
                    "Done: everything uses the newest key. Once every server runs with the new "
                    "list, the older keys can be removed from ENCRYPTION_KEYS."
                )
            )

    def rotate_authenticators(self, *, dry_run) -> Report:
        report = Report("mfa.Authenticator")
        with transaction.atomic():
            for authenticator in Authenticator.objects.select_for_update().order_by("pk"):
                report.rows += 1
                data = dict(authenticator.data)
                try:
                    for name in SECRET_KEYS:
                        value = data.get(name)
                        if not isinstance(value, str):
                            continue
                        if value.startswith(crypto.TOKEN_PREFIX):
                            report.by_key[f"key {(crypto.reader_of(value) or 0) + 1}"] += 1
                            data[name] = crypto.reencrypt(value)
                        else:
                            report.by_key["plain"] += 1
                            data[name] = crypto.encrypt(value)
                except crypto.InvalidToken:
                    report.by_key["unreadable"] += 1
                    report.unreadable.append(f"mfa_authenticator id={authenticator.pk}")
                    continue
                if not dry_run:
                    authenticator.data = data
                    authenticator.save(update_fields=["data"])
        return report
