"""Realistic fake people for the benchmark and the page sweep: accounts, progress through
the program, exercise answers, check-ins, contacts and journal entries, written with bulk
inserts. Demo accounts all use the DEMO_DOMAIN, so real accounts are never mistaken for them.
"""

import datetime
import random
import uuid
from collections.abc import Iterable
from contextlib import contextmanager
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import connection, models, transaction
from django.utils import timezone

from exback.models import User
from journal.models import Entry, EntryToken
from progress import models as program
from safety import content as safety_content
from safety import models as safety
from stages import content
from stages.models import Stage
from vault import crypto

DEMO_DOMAIN = "demo.exback.invalid"
DEMO_PASSWORD = "demo-password-for-the-benchmark"  # noqa: S105  (fake accounts only)
SEARCH_WORD = "ocean"  # appears in about one entry in twenty

WORDS = [
    "today",
    "I",
    "felt",
    "the",
    "quiet",
    "again",
    "and",
    "thought",
    "about",
    "what",
    "we",
    "had",
    "and",
    "what",
    "went",
    "wrong",
    "walked",
    "slept",
    "late",
    "called",
    "my",
    "sister",
    "cooked",
    "dinner",
    "wrote",
    "this",
    "before",
    "bed",
    "morning",
    "coffee",
    "patience",
    "space",
    "habits",
    "listen",
    "apologise",
    "honest",
    "tired",
    "hopeful",
    "anxious",
    "calm",
    "proud",
    "missed",
    "laughed",
    "cried",
    "remembered",
    "decided",
    "waited",
    "noticed",
    "learned",
    "promised",
    "forgave",
    "weekend",
    "park",
    "music",
    "friends",
    "work",
    "rain",
    "sunshine",
    "train",
    "letter",
    "photo",
    "birthday",
    "holiday",
    "maybe",
    "tomorrow",
    "slowly",
    "better",
    "kinder",
    "clearer",
    "myself",
    "them",
    "us",
    "together",
    "apart",
]


def demo_email(label: str) -> str:
    return f"{label}@{DEMO_DOMAIN}"


def real_accounts_exist() -> bool:
    return User.objects.exclude(email__endswith="@" + DEMO_DOMAIN).exists()


def demo_people_exist() -> bool:
    return User.objects.filter(email__endswith="@" + DEMO_DOMAIN).exists()


def create_people(labels: list[str], *, password_hash: str | None = None) -> list[User]:
    """Verified demo accounts, one query per table whatever the number."""
    password_hash = password_hash or make_password(DEMO_PASSWORD)
    users = User.objects.bulk_create(
        [User(email=demo_email(label), password=password_hash) for label in labels],
        batch_size=2000,
    )
    if users and users[0].pk is None:  # backends that do not return keys from bulk inserts
        users = list(User.objects.filter(email__in=[u.email for u in users]).order_by("pk"))
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, primary=True, verified=True) for u in users],
        batch_size=2000,
    )
    return users


def fill_program(users: list[User], *, rng: random.Random, today: datetime.date) -> None:
    """Everyone has answered the safety check, started every section, and saved something in
    every exercise; a few have finished the whole program."""
    now = timezone.now()
    sections = list(Stage.objects.all())
    # No to every safety question, and no children shared with the ex.
    no_to_all = {
        key: safety.NO
        for key, _ in [*safety_content.SAFETY_QUESTIONS, *safety_content.SITUATION_QUESTIONS]
    }
    rows: dict[type[models.Model], list[models.Model]] = {model: [] for model in (
        safety.SafetyCheck, program.StageProgress, program.Apology, program.SelfCareCheckIn,
        program.Contact, program.FeelingSign, program.ReachOutCheck, program.HeldMessage,
        program.Responsibility, program.PatternAnswers, program.Memory, program.DateIdea,
        program.Readiness,
    )}  # fmt: skip
    for user in users:
        rows[safety.SafetyCheck].append(safety.SafetyCheck(user=user, answers=no_to_all))
        done = rng.randint(0, 7)
        for section in sections:
            completed = section.kind == Stage.Kind.STAGE and section.number <= done
            rows[program.StageProgress].append(
                program.StageProgress(
                    user=user,
                    stage=section,
                    status="completed" if completed else "in_progress",
                    started_at=now - datetime.timedelta(days=40),
                    completed_at=now - datetime.timedelta(days=8 - section.number)
                    if completed
                    else None,
                    last_visited_at=now - datetime.timedelta(hours=rng.randint(1, 400)),
                )
            )
        rows[program.Apology].append(
            program.Apology(
                user=user,
                sincerity={key: rng.choice(["yes", "no", "not_sure"]) for key, *_ in content.SINCERITY_QUESTIONS},
                draft="I'm sorry I stopped listening when you needed me to.",
            )
        )  # fmt: skip
        for days_ago in range(rng.randint(20, 40)):
            rows[program.SelfCareCheckIn].append(
                program.SelfCareCheckIn(
                    user=user,
                    date=today - datetime.timedelta(days=days_ago),
                    hours_slept=Decimal(rng.choice(["5.5", "6", "7", "7.5", "8", "9"])),
                    ate_well=rng.random() < 0.7,
                    moved=rng.random() < 0.5,
                    basic_care=rng.random() < 0.8,
                    mood=rng.randint(1, 5),
                    note="",
                )
            )
        for _ in range(rng.randint(2, 8)):
            rows[program.Contact].append(
                program.Contact(
                    user=user,
                    date=today - datetime.timedelta(days=rng.randint(0, 90)),
                    initiated_by=rng.choice(["me", "them"]),
                    method=rng.choice(["call", "text", "in_person", "other"]),
                    how_it_went="Short and friendly.",
                )
            )
        for key, *_ in content.EX_FEELINGS:
            rows[program.FeelingSign].append(
                program.FeelingSign(user=user, feeling=key, noticed=rng.random() < 0.4)
            )
        rows[program.ReachOutCheck].append(
            program.ReachOutCheck(
                user=user,
                answers={key: rng.choice(["yes", "no"]) for key, *_ in content.REACH_OUT_QUESTIONS},
            )
        )
        for hours in (24, 168):
            rows[program.HeldMessage].append(
                program.HeldMessage(
                    user=user,
                    text="I've been thinking about you and hope you're well.",
                    hold_hours=hours,
                    ready_at=now + datetime.timedelta(hours=hours - rng.randint(0, 30)),
                )
            )
        for _ in range(3):
            rows[program.Responsibility].append(
                program.Responsibility(
                    user=user,
                    what_happened="We argued about plans again.",
                    my_part="I didn't say what I needed until I was angry.",
                    do_differently="Say it early, and calmly.",
                )
            )
        rows[program.PatternAnswers].append(
            program.PatternAnswers(
                user=user,
                answers={
                    q["key"]: {"answer": "yes", "habits": ["Ask first", "Listen fully", "Thank them"]}
                    if i == 0
                    else {"answer": "no", "habits": []}
                    for i, q in enumerate(content.PATTERN_QUESTIONS)
                },
            )
        )  # fmt: skip
        for _ in range(3):
            rows[program.Memory].append(
                program.Memory(
                    user=user,
                    what="The picnic by the lake",
                    when="Summer 2023",
                    where="The lake",
                    why_good="We laughed all day.",
                )
            )
        rows[program.DateIdea].append(program.DateIdea(user=user, idea="Coffee at the old café."))
        rows[program.Readiness].append(
            program.Readiness(
                user=user,
                answers={key: rng.choice(["yes", "no", "not_sure"]) for key, _ in content.READINESS_QUESTIONS},
            )
        )  # fmt: skip
    for model, objects in rows.items():
        model._default_manager.bulk_create(objects, batch_size=5000)


def fill_program_rows(users: list[User], *, rng: random.Random, today: datetime.date) -> None:
    """More of the many-per-person rows (contacts, held messages, mistakes, memories) for
    people who already have their program answers."""
    now = timezone.now()
    for user in users:
        program.Contact.objects.bulk_create(
            program.Contact(
                user=user,
                date=today - datetime.timedelta(days=rng.randint(0, 90)),
                initiated_by=rng.choice(["me", "them"]),
                method=rng.choice(["call", "text", "in_person", "other"]),
            )
            for _ in range(10)
        )
        program.HeldMessage.objects.bulk_create(
            program.HeldMessage(user=user, text="Hello again.", ready_at=now) for _ in range(10)
        )
        program.Responsibility.objects.bulk_create(
            program.Responsibility(user=user, what_happened="Again.", my_part="Mine.")
            for _ in range(10)
        )
        program.Memory.objects.bulk_create(
            program.Memory(user=user, what="Another good day") for _ in range(10)
        )


def entry_text(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(25, 60))
    if rng.random() < 0.05:
        words.insert(rng.randrange(len(words)), SEARCH_WORD)
    return " ".join(words).capitalize() + "."


@contextmanager
def explicit_created_at():
    """Let bulk inserts carry their own creation times (entries spread over years)."""
    field = Entry._meta.get_field("created_at")
    field.auto_now_add = False
    try:
        yield
    finally:
        field.auto_now_add = True


def fill_journal(plan: list[tuple[User, int]], *, rng: random.Random, days: int = 3 * 365) -> int:
    """Journal entries (encrypted, with their search tokens) for each (user, count)."""
    now = timezone.now()
    stages = list(Stage.objects.stages())
    entries = []
    with explicit_created_at():
        for user, count in plan:
            for _ in range(count):
                created = now - datetime.timedelta(seconds=rng.randint(0, days * 86400))
                entries.append(
                    Entry(
                        user=user,
                        title=rng.choice(["", "Tonight", "A good day", "Thinking"]),
                        body=entry_text(rng),
                        mood=rng.choice([None, 1, 2, 3, 4, 5]),
                        stage=rng.choice([None, *stages]),
                        created_at=created,
                        updated_at=created,
                    )
                )
        Entry.objects.bulk_create(entries, batch_size=2000)
    known: dict[str, set[str]] = {}  # the demo's few words, each tokenised once
    insert_tokens(
        (entry.user_id, token, entry.created_at, entry.pk)
        for entry in entries
        for token in crypto.index_tokens(entry.searchable_text(), known=known)
    )
    return len(entries)


def insert_tokens(rows: Iterable[tuple[int, str, datetime.datetime, uuid.UUID]]) -> None:
    """Search tokens as (user id, token, the entry's time, entry id), a hundred or so per
    entry: sorted the way journal_token_search orders them, so the index grows at its end,
    and sent with COPY on PostgreSQL (a model instance each would cost more than the
    database's work)."""
    ordered = sorted(rows)
    if connection.vendor != "postgresql":
        EntryToken.objects.bulk_create(
            (
                EntryToken(user_id=user, token=token, created_at=created_at, entry_id=entry)
                for user, token, created_at, entry in ordered
            ),
            batch_size=5000,
        )
        return
    quote = connection.ops.quote_name
    column = {field.name: field.column for field in EntryToken._meta.concrete_fields}
    names = ("user", "token", "created_at", "entry")
    columns = ", ".join(quote(str(column[name])) for name in names)
    sql = f"COPY {quote(EntryToken._meta.db_table)} ({columns}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for row in ordered:
            copy.write_row(row)


@transaction.atomic
def seed(*, people: int, rng: random.Random, scale=(100, 1000, 5000), entries_each=10) -> dict:
    """The benchmark's population: `people` regular demo people, plus one person for each
    journal size in `scale` (the largest is the "heavy" person)."""
    today = timezone.localdate()
    regular = create_people([f"demo{n:05d}" for n in range(1, people + 1)])
    scaled = create_people([f"heavy-{count}" for count in scale])
    fill_program(regular + scaled, rng=rng, today=today)
    plan = [(user, entries_each) for user in regular] + list(zip(scaled, scale, strict=True))
    written = fill_journal(plan, rng=rng)
    return {
        "people": len(regular) + len(scaled),
        "entries": written,
        "regular": regular[0].email if regular else None,
        "writer": regular[1].email if len(regular) > 1 else None,
        "heavy": scaled[-1].email,
        "search_word": SEARCH_WORD,
        **{f"scale_{count}": user.email for user, count in zip(scaled, scale, strict=True)},
    }
