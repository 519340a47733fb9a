"""List the helplines due for another check: not checked for over a year (or --days), and
those marked not yet verified. It only reads; docs/program.md (Re-checking the helplines) says
how to re-check."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from safety.models import Helpline


def _row(line: Helpline) -> str:
    country = line.country or "--"  # an international directory
    return f"{country}  {line.name}  checked {line.checked_on.isoformat()}  {line.source_url}"


class Command(BaseCommand):
    help = (
        "List the helplines not checked for over a year (--days to change it), oldest check "
        "first: country, name, checked date and the source to check them against; then those "
        "marked not yet verified. Changes nothing; exits 0 either way."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=365,
            help="List entries last checked more than this many days ago (default 365).",
        )

    def handle(self, *args, days, **options):
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        since = timezone.localdate() - datetime.timedelta(days=days)
        stale = list(Helpline.objects.checked_before(since))
        if stale:
            self.stdout.write(
                f"{len(stale)} of {Helpline.objects.count()} helplines last checked before "
                f"{since.isoformat()} (more than {days} days ago):"
            )
            for line in stale:
                self.stdout.write(_row(line))
        else:
            self.stdout.write(f"Every helpline was checked on or after {since.isoformat()}.")
        unverified = list(Helpline.objects.filter(verified=False).order_by("country", "name"))
        if unverified:
            self.stdout.write("")
            self.stdout.write(f"{len(unverified)} marked not yet verified:")
            for line in unverified:
                note = f"  ({line.note})" if line.note else ""
                self.stdout.write(_row(line) + note)
