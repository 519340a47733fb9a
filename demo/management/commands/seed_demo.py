import json
import random
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo import seed as demo


class Command(BaseCommand):
    help = (
        "Fill the database with fake demo people (program progress, exercise answers, "
        "check-ins, contacts, journal entries) and one heavy person per journal size. "
        f"Demo accounts use @{demo.DEMO_DOMAIN} and the password {demo.DEMO_PASSWORD!r}."
    )

    def add_arguments(self, parser):
        parser.add_argument("--people", type=int, default=1000)
        parser.add_argument("--entries-each", type=int, default=10)
        parser.add_argument("--seed", type=int, default=20261125, help="random seed")
        parser.add_argument(
            "--force",
            action="store_true",
            help="run even though the database holds real (non-demo) accounts",
        )
        parser.add_argument(
            "--summary",
            default=str(Path(settings.BASE_DIR) / "bench-results" / "seed.json"),
            help="where to write who was created (for the benchmark)",
        )

    def handle(self, *args, people, entries_each, seed, force, summary, **options):
        if demo.real_accounts_exist() and not force:
            raise CommandError(
                "This database holds real accounts. seed_demo adds fake people for "
                "benchmarks; use an empty database, or --force if you are sure."
            )
        if demo.demo_people_exist():
            raise CommandError("Demo people are already here: use a fresh database.")
        started = time.monotonic()
        rng = random.Random(seed)  # noqa: S311  (fake data, repeatable on purpose)
        result = demo.seed(people=people, rng=rng, entries_each=entries_each)
        result["seconds"] = round(time.monotonic() - started, 1)
        Path(summary).parent.mkdir(parents=True, exist_ok=True)
        Path(summary).write_text(json.dumps(result, indent=2))
        self.stdout.write(
            f"Seeded {result['people']} people and {result['entries']} journal entries "
            f"in {result['seconds']} s."
        )
