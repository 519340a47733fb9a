"""Read-only pictures of one person's program, each built from a fixed number of queries."""

import datetime

from django.db.models import CharField, Value
from django.utils import timezone

from . import content
from .models import (
    NO,
    NOT_SURE,
    YES,
    Apology,
    Contact,
    DateIdea,
    FeelingSign,
    HeldMessage,
    Memory,
    PatternAnswers,
    ReachOutCheck,
    Readiness,
    Responsibility,
    SafetyCheck,
    SelfCareCheckIn,
    Stage,
    StageProgress,
)

CHART_DAYS = 30
CHART_BAR = 20
CHART_UNIT = 28  # pixels per mood point
CHART_TOP = 14  # room for the top axis label
CHART_LEFT = 22  # room for the mood numbers
CHART_RIGHT = 22  # room for the last date label

# The answers that suggest a person is ready, from the notes in content.py.
READY_ANSWERS = {
    "still_in_love": YES,
    "impulsive": NO,
    "band_aid": NO,
    "ready_to_compromise": YES,
    "ready_to_admit": YES,
    "ready_to_change": YES,
}
REACH_OUT_HEALTHY = {"desperate": NO, "fine_without_reply": YES, "pleading": NO, "know_open": YES}


def sections_with_progress(user):
    """Every section in order, each with this person's progress row (or None): two queries."""
    sections = list(Stage.objects.all())
    progress = {p.stage_id: p for p in StageProgress.objects.filter(user=user)}
    for section in sections:
        section.user_progress = progress.get(section.pk)
        section.user_status = (
            section.user_progress.status
            if section.user_progress
            else StageProgress.Status.NOT_STARTED
        )
        section.user_status_label = StageProgress.Status(section.user_status).label
    return sections


def progress_picture(sections):
    stages = [s for s in sections if s.kind == Stage.Kind.STAGE]
    completed = sum(1 for s in stages if s.user_status == StageProgress.Status.COMPLETED)
    visited = [s for s in sections if s.user_progress and s.user_progress.last_visited_at]
    last = max(visited, key=lambda s: s.user_progress.last_visited_at, default=None)
    return {
        "stages": stages,
        "completed": completed,
        "total": len(stages),
        "percent": round(100 * completed / len(stages)) if stages else 0,
        "last_visited": last,
        "start": next((s for s in sections if s.kind == Stage.Kind.INTRO), None),
    }


def mood_chart(checkins, today):
    """Geometry for an inline SVG of mood over the last CHART_DAYS days, oldest first."""
    by_date = {c.date: c for c in checkins}
    days = []
    for offset in range(CHART_DAYS - 1, -1, -1):
        day = today - datetime.timedelta(days=offset)
        checkin = by_date.get(day)
        mood = checkin.mood if checkin else None
        index = CHART_DAYS - 1 - offset
        height = (mood or 0) * CHART_UNIT
        days.append(
            {
                "date": day,
                "checkin": checkin,
                "mood": mood,
                "x": CHART_LEFT + index * CHART_BAR + 2,
                "mid": CHART_LEFT + index * CHART_BAR + CHART_BAR // 2,
                "y": CHART_TOP + 5 * CHART_UNIT - height,
                "height": height,
            }
        )
    return {
        "days": days,
        "width": CHART_LEFT + CHART_DAYS * CHART_BAR + CHART_RIGHT,
        "left": CHART_LEFT,
        "right": CHART_LEFT + CHART_DAYS * CHART_BAR,
        "height": CHART_TOP + 5 * CHART_UNIT + 24,
        "bar_width": CHART_BAR - 4,
        "baseline": CHART_TOP + 5 * CHART_UNIT,
        "gridlines": [{"mood": m, "y": CHART_TOP + (5 - m) * CHART_UNIT} for m in range(1, 6)],
        "recorded": sum(1 for d in days if d["mood"]),
    }


ACTIVITY = [
    (Apology, "Apology draft", "stages:apology"),
    (SelfCareCheckIn, "Self-care check-in", "stages:selfcare"),
    (Contact, "Contact log", "stages:contacts"),
    (FeelingSign, "Feelings checklist", "stages:feelings"),
    (ReachOutCheck, "Before you reach out", "stages:reach_out"),
    (HeldMessage, "Held message", "stages:messages"),
    (Responsibility, "Taking responsibility", "stages:responsibilities"),
    (PatternAnswers, "Patterns and new habits", "stages:patterns"),
    (Memory, "Good memories", "stages:memories"),
    (DateIdea, "Date idea", "stages:date_idea"),
    (Readiness, "Are you sure?", "stages:readiness"),
]


def recent_activity(user, limit=5):
    """The latest saves across every exercise, as (label, url name, when): one query."""
    urls = {label: url for _, label, url in ACTIVITY}
    querysets = [
        model.objects.filter(user=user)
        .order_by()
        .annotate(label=Value(label, output_field=CharField()))
        .values_list("label", "updated_at")
        for model, label, _ in ACTIVITY
    ]
    first, *rest = querysets
    rows = first.union(*rest, all=True).order_by("-updated_at")[: limit * 3]
    seen, activity = set(), []
    for label, when in rows:
        # One line per exercise: five check-ins in a row say less than five different saves.
        if label in seen:
            continue
        seen.add(label)
        activity.append({"label": label, "url": urls[label], "when": when})
        if len(activity) == limit:
            break
    return activity


def dashboard(user):
    today = timezone.localdate()
    sections = sections_with_progress(user)
    safety = SafetyCheck.objects.filter(user=user).first()
    return {
        "progress": progress_picture(sections),
        "safety": safety,
        "safety_message": content.SAFETY_MESSAGE,
        "contact": Contact.objects.for_user(user).picture(today),
        "streak": SelfCareCheckIn.objects.for_user(user).streak(today),
        "waiting": HeldMessage.objects.for_user(user).waiting_summary(),
        "activity": recent_activity(user),
    }


def readiness_note(answers):
    if not answers:
        return None
    unsure = [k for k, v in answers.items() if v == NOT_SURE]
    not_ready = [
        k
        for k, v in answers.items()
        if k in READY_ANSWERS and v not in (READY_ANSWERS[k], NOT_SURE)
    ]
    if not unsure and not not_ready:
        return (
            "From your answers, you seem to be coming at this with clear eyes. Keep going gently, "
            "and keep looking after yourself whatever happens."
        )
    if not_ready:
        return (
            "Some of your answers suggest this might not be the right moment, and that's okay. "
            "There's no rush. You could come back to these questions in a few weeks, or write "
            "about them in your journal."
        )
    return (
        "You're not sure about some of these yet, which is honest. Give yourself time; the "
        "answers often get clearer after a while."
    )


def reach_out_flags(answers):
    """Questions whose saved answer suggests waiting before reaching out."""
    return [
        question
        for key, question, _ in content.REACH_OUT_QUESTIONS
        if key in answers and answers[key] != REACH_OUT_HEALTHY[key]
    ]


def summary(user):
    today = timezone.localdate()
    apology = Apology.objects.filter(user=user).first()
    patterns = PatternAnswers.objects.filter(user=user).first()
    readiness = Readiness.objects.filter(user=user).first()
    messages = list(HeldMessage.objects.for_user(user))
    readiness_answers = readiness.answers if readiness else {}
    return {
        "progress": progress_picture(sections_with_progress(user)),
        "apology": apology,
        "habits": patterns.habits() if patterns else [],
        "patterns": patterns,
        "responsibilities": list(Responsibility.objects.for_user(user)),
        "memories": list(Memory.objects.for_user(user)),
        "date_idea": DateIdea.objects.filter(user=user).first(),
        "contact": Contact.objects.for_user(user).picture(today),
        "held_messages": {
            "waiting": sum(1 for m in messages if m.is_waiting),
            "ready": sum(1 for m in messages if m.is_ready),
            "sent_elsewhere": sum(
                1 for m in messages if m.status == HeldMessage.Status.SENT_ELSEWHERE
            ),
            "let_go": sum(1 for m in messages if m.status == HeldMessage.Status.LET_GO),
        },
        "readiness": [
            (question, readiness_answers.get(key)) for key, question in content.READINESS_QUESTIONS
        ],
        "readiness_saved": readiness is not None,
        "readiness_note": readiness_note(readiness_answers),
        "streak": SelfCareCheckIn.objects.for_user(user).streak(today),
        "today": today,
    }
