"""The dashboard's figures, recent activity and where the person is with each section, kept
per person in one row (models.Overview) and rebuilt only after a write that changes them
(services.py calls `forget`; there are no model signals), on a new day, or once a held
message is ready. See Overview's docstring for why what it holds is safe to keep and how two
tabs are kept apart; the figures themselves are the querysets' own (`picture`, `streak`, ...)."""

import datetime
from dataclasses import dataclass

from django.db.models import CharField, F, Value
from django.utils import timezone

from .exercises import EXERCISES
from .models import Contact, HeldMessage, Overview, SelfCareCheckIn, StageProgress, Urge

ACTIVITY_LIMIT = 5


@dataclass(frozen=True)
class KeptProgress:
    """A section's status and last visit as the kept row holds them: what the dashboard reads
    of a StageProgress row (reports.with_progress)."""

    status: str
    last_visited_at: datetime.datetime | None


def recent_activity(user, limit=ACTIVITY_LIMIT):
    """The latest saves across every exercise, as (exercise key, when): one query."""
    querysets = [
        exercise.queryset(user)
        .order_by()
        .annotate(
            key=Value(exercise.key, output_field=CharField()), changed=F(exercise.changed_field)
        )
        .values_list("key", "changed")
        for exercise in EXERCISES
    ]
    first, *rest = querysets
    rows = first.union(*rest, all=True).order_by("-changed")[: limit * 3]
    seen, activity = set(), []
    for key, when in rows:
        # One line per exercise: five check-ins in a row say less than five different saves.
        if key in seen:
            continue
        seen.add(key)
        activity.append((key, when))
        if len(activity) == limit:
            break
    return activity


def build(user, today: datetime.date, now: datetime.datetime) -> tuple[dict, object]:
    """The figures, as stored (JSON: dates as ISO strings), and until when they hold."""
    contact = Contact.objects.for_user(user).picture(today)
    waiting = HeldMessage.objects.for_user(user).waiting_summary(now)
    figures = {
        "contact": {**contact, "last": contact["last"] and contact["last"].isoformat()},
        "urges": Urge.objects.for_user(user).picture(),
        "streak": SelfCareCheckIn.objects.for_user(user).streak(today),
        "waiting": {
            "count": waiting["count"],
            "next_ready": waiting["next_ready"] and waiting["next_ready"].isoformat(),
        },
        "activity": [[key, when.isoformat()] for key, when in recent_activity(user)],
        # Each section's status and last visit, by slug: the dashboard's progress.
        "sections": {
            slug: [status, visited and visited.isoformat()]
            for slug, status, visited in StageProgress.objects.for_user(user).values_list(
                "stage__slug", "status", "last_visited_at"
            )
        },
    }
    return figures, waiting["next_ready"]


def _readable(figures: dict) -> dict:
    by_key = {exercise.key: exercise for exercise in EXERCISES}
    contact = dict(figures["contact"])
    contact["last"] = contact["last"] and datetime.date.fromisoformat(contact["last"])
    waiting = dict(figures["waiting"])
    waiting["next_ready"] = waiting["next_ready"] and datetime.datetime.fromisoformat(
        waiting["next_ready"]
    )
    return {
        "contact": contact,
        "urges": figures["urges"],
        "streak": figures["streak"],
        "waiting": waiting,
        "activity": [
            {
                "label": by_key[key].activity,
                "url": by_key[key].url_name,
                "when": datetime.datetime.fromisoformat(when),
            }
            for key, when in figures["activity"]
            if key in by_key
        ],
        "sections": {
            slug: KeptProgress(status, visited and datetime.datetime.fromisoformat(visited))
            for slug, (status, visited) in figures["sections"].items()
        },
    }


def figures_for(user, today: datetime.date | None = None) -> dict:
    """The dashboard's figures for this person today: one query while they hold."""
    today = today or timezone.localdate()
    now = timezone.now()
    overview = Overview.objects.filter(user=user).first()
    # A row kept before it held the sections' progress is rebuilt once.
    if overview is not None and overview.is_current(today, now) and "sections" in overview.figures:
        return _readable(overview.figures)
    if overview is None:
        overview, _ = Overview.objects.get_or_create(user=user)
    figures, valid_until = build(user, today, now)
    # Kept only if no write came in meanwhile (the writer raised the generation).
    Overview.objects.filter(user=user, generation=overview.generation).update(
        built_generation=overview.generation, day=today, valid_until=valid_until, figures=figures
    )
    return _readable(figures)


def forget(user_id) -> None:
    """After a write to one of this person's exercises or sections' progress (services.py
    calls it, in the write's transaction): the next dashboard rebuilds. The UPDATE holds the row until the write
    commits, so a dashboard building meanwhile cannot store what it read before the write."""
    rows = Overview.objects.filter(user_id=user_id)
    if rows.update(generation=F("generation") + 1):
        return
    # No row yet: make one, already out of date, so that a dashboard starting now waits for
    # this write's transaction instead of storing figures from before it.
    Overview.objects.bulk_create([Overview(user_id=user_id, generation=1)], ignore_conflicts=True)
    rows.update(generation=F("generation") + 1)
