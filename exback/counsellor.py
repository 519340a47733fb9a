"""The counsellor document: what a person chose of their own work, put together as one page to
print or save as a PDF from their browser.

The parts come from the apps that own them: the program's exercises and the decision aid
(progress.reports.summary, in the words written for this reader, with the danger check where it
replaces the decision aid), check-ins and insights for the chosen dates (progress.insights),
the safety plan (safety) and chosen journal entries (journal). It is read when asked for and
never kept: no cache holds it, no link opens it, and the page is `no-store` like every page a
signed-in person sees. A bounded number of queries whatever the person's history: two for the
progress, one for each exercise chosen, three for the insights, one each for the check-ins,
the safety plan and the entries.
"""

import datetime

from django.utils import timezone

from journal.models import Entry
from progress import insights, reports
from progress.exercises import ARE_YOU_SURE, EXERCISES
from progress.models import SelfCareCheckIn
from safety.models import SafetyPlan
from stages import content

# The check-ins have a part of their own (for chosen dates), and the decision aid too.
CHECK_INS = "selfcare"
DECISION_AID = "readiness"
EXERCISE_KEYS = frozenset(e.key for e in EXERCISES) - {CHECK_INS, DECISION_AID}

# The choosing page lists at most this many entries of the chosen dates, newest first.
LISTED = 100


def listed_entries(user, start: datetime.date, end: datetime.date) -> tuple[list, bool]:
    """This person's journal entries written from `start` to `end` (their own days), newest
    first, at most LISTED; and whether there are more. One query."""
    zone = timezone.get_current_timezone()
    since = datetime.datetime.combine(start, datetime.time.min, tzinfo=zone)
    until = datetime.datetime.combine(
        end + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
    )
    found = list(
        Entry.objects.for_user(user)
        .filter(created_at__gte=since, created_at__lt=until)
        .order_by("-created_at", "-id")
        .only("id", "title", "created_at")[: LISTED + 1]
    )
    return found[:LISTED], len(found) > LISTED


def document(user, program: content.Program, chosen: dict) -> dict:
    """The document's parts, from a valid CounsellorForm's `cleaned_data`: each is None when
    not chosen."""
    parts = set(chosen["parts"])
    keys = set(EXERCISE_KEYS) if "exercises" in parts else set()
    if "decision_aid" in parts:
        keys.add(DECISION_AID)
    sections = reports.summary(user, program, keys)["sections"] if keys else []
    start, end = chosen["start"], chosen["end"]
    texts = program.text("INSIGHTS")
    checkins = None
    if "checkins" in parts:
        found = insights.between(user, start, end)
        checkins = {
            **found,
            "texts": texts,
            "said": insights.in_words(found, texts),
            "rows": list(
                SelfCareCheckIn.objects.for_user(user)
                .filter(date__gte=start, date__lte=end)
                .order_by("date", "id")
            ),
        }
    return {
        "exercises": (
            [s for s in sections if s.slug != ARE_YOU_SURE and s.exercises]
            if "exercises" in parts
            else None
        ),
        "decision_aid": next((s for s in sections if s.slug == ARE_YOU_SURE and s.exercises), None),
        "checkins": checkins,
        "safety_plan": (
            SafetyPlan.objects.for_user(user).first() or SafetyPlan()
            if "safety_plan" in parts
            else None
        ),
        "entries": list(chosen["entries"]),
        "start": start,
        "end": end,
        "today": timezone.localdate(),
    }
