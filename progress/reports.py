"""Read-only pictures of one person's program, each built from a fixed number of queries."""

import datetime
from collections.abc import Collection
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from safety import content as safety_content
from safety.models import DangerCheck
from safety.situation import situation_for
from stages import content
from stages.models import Stage
from stages.program import program_for

from . import overview
from .exercises import for_stage
from .models import StageProgress

# The danger check's answers in the personal summary (a safety template).
DANGER_CHECK_SUMMARY = "safety/summary/danger_check.html"

CHART_DAYS = 30
CHART_BAR = 20
CHART_UNIT = 28  # pixels per mood point
CHART_TOP = 14  # room for the top axis label
CHART_LEFT = 22  # room for the mood numbers
CHART_RIGHT = 22  # room for the last date label


def with_progress(section, progress):
    """Set one section's per-request progress attributes (progress may be None)."""
    section.user_progress = progress
    section.user_status = progress.status if progress else StageProgress.Status.NOT_STARTED
    section.user_status_label = StageProgress.Status(section.user_status).label
    section.user_status_badge = status_badge(section.user_status)
    return section


BADGE_MARKS: dict[str, str] = {
    StageProgress.Status.COMPLETED: "\u2713",
    StageProgress.Status.IN_PROGRESS: "\u25cf",
    StageProgress.Status.NOT_STARTED: "\u25cb",
}


def status_badge(status: str):
    """A section's status as a badge: a mark that does not rely on colour, and the words.
    Built here rather than by an include in each list's loop (an include per row cost about
    0.05 ms, on lists of 7 to 11 rows)."""
    return format_html(
        '<span class="status-badge status-{}">{} {}</span>',
        status,
        BADGE_MARKS.get(status, BADGE_MARKS[StageProgress.Status.NOT_STARTED]),
        StageProgress.Status(status).label,
    )


def outline(sections, current: str):
    """The stage page's list of every section, each linking to its page with its status
    badge, the current one marked: the list items, every title escaped. Written here because
    the template's loop over eleven rows, a {% url %} each, cost about 0.6 ms a page, and this about 0.1 ms."""
    placeholder = "section-slug"
    url = reverse("progress:detail", args=[placeholder])
    rows = []
    for section in sections:
        number = f"{section.number}. " if section.is_stage else ""
        badge = f" {section.user_status_badge}" if section.is_stage else ""
        mark = ' aria-current="page"' if section.slug == current else ""
        rows.append(
            f'<li><a href="{escape(url.replace(placeholder, section.slug))}"{mark}>'
            f"{number}{escape(section.title)}</a>{badge}</li>"
        )
    return mark_safe("\n        ".join(rows))  # noqa: S308  (escaped, and the badge is format_html's)


@dataclass(frozen=True)
class SectionProgress:
    """What the pages show of a person's progress row for one section."""

    status: str
    completed_at: datetime.datetime | None
    last_visited_at: datetime.datetime | None


def sections_with_progress(user, program: content.Program):
    """Every section in order, in the words written for this reader (`program`), each with
    this person's progress (a SectionProgress, or None): one query, read as plain values
    (a model instance for each row and its stage cost about 0.3 ms more a page)."""
    rows = StageProgress.objects.filter(user=user).values_list(
        "stage__slug", "status", "completed_at", "last_visited_at"
    )
    progress = {
        slug: SectionProgress(status, completed, visited)
        for slug, status, completed, visited in rows
    }
    return [with_progress(section, progress.get(section.slug)) for section in program.sections]


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
        "continue_to": continue_to(sections, last),
        "start": next((s for s in sections if s.kind == Stage.Kind.INTRO), None),
        "self_care": next((s for s in sections if s.is_self_care), None),
    }


def continue_to(sections, last):
    """Where "Continue where you left off" leads: the section last visited while it is still
    unfinished; once it is marked complete, the next unfinished one after it in the program's
    order (then from the start). None before any visit, and once everything is complete. The
    FAQ is never finished, so it is never where one continues to."""
    if last is None:
        return None
    if last.user_status != StageProgress.Status.COMPLETED:
        return last
    path = [s for s in sections if s.kind != Stage.Kind.FAQ]
    after = path.index(last) + 1 if last in path else 0
    return next(
        (s for s in path[after:] + path[:after] if s.user_status != StageProgress.Status.COMPLETED),
        None,
    )


def mood_chart(checkins, today):
    """Geometry for an inline SVG of mood over the last CHART_DAYS days, oldest first. A
    check-in dated ahead of today shows as today's, unless today has its own."""
    by_date = {}
    for row in sorted(checkins, key=lambda c: c.date, reverse=True):
        by_date[min(row.date, today)] = row
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


def dashboard(user):
    today = timezone.localdate()
    situation = situation_for(user)
    program = program_for(user, situation)
    # contact, urges, streak, waiting, activity and each section's progress: one row while
    # nothing changed.
    figures = overview.figures_for(user, today)
    kept = figures.pop("sections")
    sections = [with_progress(section, kept.get(section.slug)) for section in program.sections]
    return {
        "progress": progress_picture(sections),
        "program_texts": program.texts,
        "held_set_aside": program.set_aside("held_messages") is not None,
        "situation": situation,
        "safety_message": safety_content.SAFETY_MESSAGE,
        **figures,
    }


def summary(user, program: content.Program, keys: Collection[str] | None = None):
    """Every section with its progress and, for each exercise (or only those in `keys`), its
    summary template and what the person wrote (each exercise's queryset `summary`; the danger
    check where it replaces an exercise): two queries plus one per exercise."""
    today = timezone.localdate()
    sections = sections_with_progress(user, program)
    for section in sections:
        section.exercises = []
        section.set_aside = []
        for exercise in for_stage(section.slug):
            if keys is not None and exercise.key not in keys:
                continue
            aside = program.set_aside(exercise.key)
            if program.is_danger_check(exercise.key):
                section.exercises.append(
                    (DANGER_CHECK_SUMMARY, DangerCheck.objects.for_user(user).first())
                )
            elif aside is None:
                section.exercises.append(
                    (exercise.summary_template, exercise.queryset(user).summary(today))
                )
            else:
                # Set aside for this reader: the summary says so, with none of its coaching;
                # what the person wrote in it before stays in their export.
                section.set_aside.append(aside)
    return {
        "progress": progress_picture(sections),
        "sections": [section for section in sections if section.exercises or section.set_aside],
        "today": today,
    }
