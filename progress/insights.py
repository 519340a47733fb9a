"""What a person's own check-ins, contacts and urges show side by side: the insights page, the
figures in the account export, and the counsellor document's dates (`between`).

The page counts over one bounded window of weeks of seven days ending today: the weeks
since the person's first check-in, contact or urge in the last WINDOW_WEEKS weeks (91 days),
never fewer than MIN_WEEKS, however long the history. So a month of check-ins fills its chart
instead of a third of it, and a year of them counts its last 13 weeks. The counsellor document
counts the days the person chose, up to a year. Three queries (`read`),
each of dates, moods, hours and outcomes only: nothing a person wrote is read, so nothing is
decrypted, and nothing here is kept between requests. The rest are pure functions over those
rows.

The averages split the days with a check-in into three groups that never overlap: days with
contact, the day after a contact (when that day had none of its own), and the other days,
without contact. A group with fewer than MIN_DAYS days gets no average: too few to tell.
"""

import datetime
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from .models import Contact, SelfCareCheckIn, Urge

WINDOW_WEEKS = 13
WINDOW_DAYS = WINDOW_WEEKS * 7
MIN_WEEKS = 4
MIN_DAYS = 5
GROUPS = ("contact", "after", "without")

DAY = datetime.timedelta(days=1)
TENTH = Decimal("0.1")

# The charts' geometry, in the SVG's own units (its viewBox): both charts are as wide, and
# the weeks shown share the plot's width.
LEFT = 24  # room for the axis numbers
RIGHT = 10
TOP = 20  # room for the contact marks above the mood chart
PLOT = 130  # the plot's height
BOTTOM = 26  # room for the date labels
PLOT_WIDTH = 364
WIDTH = LEFT + PLOT_WIDTH + RIGHT
HEIGHT = TOP + PLOT + BOTTOM
BASELINE = TOP + PLOT
MOOD_UNIT = PLOT // 5
LABELS = 4  # dates under a chart, at most


def window(today: datetime.date, weeks: int = WINDOW_WEEKS) -> tuple[datetime.date, datetime.date]:
    """The first and last day counted: `weeks` weeks of seven days ending today."""
    return today - (7 * weeks - 1) * DAY, today


def weeks_shown(first: datetime.date | None, today: datetime.date) -> int:
    """How many weeks the window holds: from the week of the person's first row in the last
    WINDOW_WEEKS weeks (`first`, None without any), between MIN_WEEKS and WINDOW_WEEKS."""
    if first is None:
        return MIN_WEEKS
    return max(MIN_WEEKS, min(WINDOW_WEEKS, (today - first).days // 7 + 1))


def _round(value: float) -> float:
    return round(value, 2)


def read(user, start: datetime.date, end: datetime.date | None = None) -> dict:
    """The person's rows from `start` (to `end`, when given), three queries: (date, mood, hours
    slept) per check-in, the dates of contact (from the day before `start`, for its first
    day-after), and (when, outcome) per urge. Without an end, dates ahead of today (written
    before the person moved their zone west) are read too; `checkin_days` and `contact_days`
    count them as the last day's."""
    zone = timezone.get_current_timezone()
    checkins = SelfCareCheckIn.objects.for_user(user).filter(date__gte=start)
    contacts = Contact.objects.for_user(user).filter(date__gte=start - DAY)
    urges = Urge.objects.for_user(user).filter(
        created_at__gte=datetime.datetime.combine(start, datetime.time.min, tzinfo=zone)
    )
    if end is not None:
        checkins = checkins.filter(date__lte=end)
        contacts = contacts.filter(date__lte=end)
        urges = urges.filter(
            created_at__lt=datetime.datetime.combine(end + DAY, datetime.time.min, tzinfo=zone)
        )
    return {
        "checkins": list(checkins.values_list("date", "mood", "hours_slept")),
        "contacts": list(contacts.values_list("date", flat=True).distinct()),
        "urges": list(urges.values_list("created_at", "outcome")),
    }


def checkin_days(checkins: Iterable[tuple], today: datetime.date) -> dict:
    """{day: (mood, hours slept)}. A check-in dated ahead of today counts as today's, unless
    today has its own (as on the self-care page's chart)."""
    days: dict[datetime.date, tuple[int, Decimal]] = {}
    for date, mood, hours in sorted(checkins, key=lambda row: row[0], reverse=True):
        days[min(date, today)] = (mood, hours)
    return days


def contact_days(dates: Iterable[datetime.date], today: datetime.date) -> set[datetime.date]:
    return {min(date, today) for date in dates}


def group_of(day: datetime.date, contacts: set[datetime.date]) -> str:
    if day in contacts:
        return "contact"
    if day - DAY in contacts:
        return "after"
    return "without"


def average(values: list) -> Decimal | None:
    if not values:
        return None
    return (Decimal(sum(values)) / len(values)).quantize(TENTH, rounding=ROUND_HALF_UP)


def groups(days: dict, contacts: set[datetime.date]) -> list[dict]:
    """Each group in order, with its number of days and, from MIN_DAYS days, its averages."""
    members: dict[str, list] = {key: [] for key in GROUPS}
    for day, figures in days.items():
        members[group_of(day, contacts)].append(figures)
    found = []
    for key in GROUPS:
        rows = members[key]
        enough = len(rows) >= MIN_DAYS
        found.append(
            {
                "key": key,
                "days": len(rows),
                "enough": enough,
                "mood": average([mood for mood, _ in rows]) if enough else None,
                "sleep": average([hours for _, hours in rows]) if enough else None,
            }
        )
    return found


def urge_dates(urges: Iterable[tuple], end: datetime.date) -> list[tuple]:
    """(local date, outcome) per urge; one dated after `end` (ahead of today) counts as the
    last day's."""
    return [(min(timezone.localtime(when).date(), end), outcome) for when, outcome in urges]


def week_count(start: datetime.date, end: datetime.date) -> int:
    """The weeks of seven days from `start` that reach `end`; the last may be shorter."""
    return -(-((end - start).days + 1) // 7)


def urge_weeks(urges: Iterable[tuple], start: datetime.date, end: datetime.date) -> list[dict]:
    """The urges (from `urge_dates`) of each week from `start` to `end`, oldest first: how many
    ended without reaching out (resisted) and how many with it (acted)."""
    weeks = week_count(start, end)
    counts = {"resisted": [0] * weeks, "acted": [0] * weeks}
    for date, outcome in urges:
        if start <= date <= end:
            kind = "acted" if outcome == Urge.Outcome.REACHED_OUT else "resisted"
            counts[kind][(date - start).days // 7] += 1
    return [
        {
            "start": start + 7 * index * DAY,
            "end": min(start + (7 * index + 6) * DAY, end),
            "resisted": counts["resisted"][index],
            "acted": counts["acted"][index],
        }
        for index in range(weeks)
    ]


def _date_labels(start: datetime.date, end: datetime.date) -> list[dict]:
    """A date under the first day of a week, at most LABELS of them, the first week's first."""
    weeks = week_count(start, end)
    every = -(-weeks // LABELS)
    day_width = PLOT_WIDTH / ((end - start).days + 1)
    return [
        {"date": start + 7 * week * DAY, "x": _round(LEFT + 7 * week * day_width)}
        for week in range(0, weeks, every)
    ]


def mood_chart(
    days: dict, contacts: set[datetime.date], start: datetime.date, end: datetime.date
) -> dict:
    """Geometry for the SVG of mood per day from `start` to `end`, oldest first, each day of
    contact marked above the plot and by a line through it."""
    count = (end - start).days + 1
    day_width = PLOT_WIDTH / count
    gap = day_width / 4
    columns = []
    for index in range(count):
        day = start + index * DAY
        mood = days[day][0] if day in days else None
        height = (mood or 0) * MOOD_UNIT
        left = LEFT + index * day_width
        columns.append(
            {
                "date": day,
                "mood": mood,
                "contact": day in contacts,
                "x": _round(left + gap / 2),
                "mid": _round(left + day_width / 2),
                "y": BASELINE - height,
                "height": height,
            }
        )
    return {
        "days": columns,
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "top": TOP,
        "baseline": BASELINE,
        "bar_width": _round(day_width - gap),
        # The contact mark, a triangle above the plot, as wide as a day up to 8 units.
        "mark": _round(min(day_width, 8) / 2),
        "mark_width": _round(min(day_width, 8)),
        "gridlines": [{"value": m, "y": BASELINE - m * MOOD_UNIT} for m in range(1, 6)],
        "labels": _date_labels(start, end),
        "recorded": sum(1 for c in columns if c["mood"]),
        "contacts": sum(1 for c in columns if c["contact"]),
    }


def _scale(highest: int) -> tuple[int, int]:
    """The top of the urge chart's axis and the step between its lines: five lines at most."""
    if highest <= 5:
        return 5, 1
    step = -(-highest // 5)
    return step * 5, step


def urge_chart(weeks: list[dict], start: datetime.date, end: datetime.date) -> dict:
    """Geometry for the SVG of urges per week: two bars a week, resisted then acted on, side
    by side and at most 24 units wide each."""
    top, step = _scale(max([max(w["resisted"], w["acted"]) for w in weeks] or [0]))
    week_width = PLOT_WIDTH / len(weeks)
    bar = max(min((week_width - 6) / 2, 24), 1)
    columns = []
    for index, week in enumerate(weeks):
        left = LEFT + index * week_width + (week_width - 2 * bar - 2) / 2
        resisted = week["resisted"] * PLOT / top
        acted = week["acted"] * PLOT / top
        columns.append(
            {
                **week,
                "resisted_x": _round(left),
                "resisted_y": _round(BASELINE - resisted),
                "resisted_height": _round(resisted),
                "acted_x": _round(left + bar + 2),
                "acted_y": _round(BASELINE - acted),
                "acted_height": _round(acted),
            }
        )
    return {
        "weeks": columns,
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "baseline": BASELINE,
        "bar_width": _round(bar),
        "gridlines": [
            {"value": value, "y": _round(BASELINE - value * PLOT / top)}
            for value in range(step, top + 1, step)
        ],
        "labels": _date_labels(start, end),
        "resisted": sum(w["resisted"] for w in weeks),
        "acted": sum(w["acted"] for w in weeks),
    }


def figures(rows: dict, start: datetime.date, end: datetime.date) -> dict:
    """The groups' averages and both charts from `start` to `end`, from `read`'s rows (a row
    dated after `end` counts as the last day's)."""
    days = {
        day: values for day, values in checkin_days(rows["checkins"], end).items() if day >= start
    }
    contacts = contact_days(rows["contacts"], end)
    weeks = urge_weeks(urge_dates(rows["urges"], end), start, end)
    in_window = sorted({*days, *(day for day in contacts if day >= start)}, reverse=True)
    return {
        "start": start,
        "end": end,
        "window_days": (end - start).days + 1,
        "window_weeks": len(weeks),
        "minimum": MIN_DAYS,
        "checkin_days": len(days),
        "contact_days": sum(1 for day in contacts if day >= start),
        "groups": groups(days, contacts),
        "mood_chart": mood_chart(days, contacts, start, end),
        "urge_chart": urge_chart(weeks, start, end),
        # The mood chart's figures as rows: each day with a check-in or contact, newest first.
        "table": [
            {
                "date": day,
                "mood": days[day][0] if day in days else None,
                "sleep": days[day][1] if day in days else None,
                "contact": day in contacts,
            }
            for day in in_window
        ],
    }


def for_user(user, today: datetime.date) -> dict:
    """The insights page's figures: the weeks since the person's first row in the last
    WINDOW_WEEKS weeks, ending today. Three queries."""
    widest, _ = window(today)
    rows = read(user, widest)
    first = min(
        [
            *(min(date, today) for date, _, _ in rows["checkins"]),
            *(min(date, today) for date in rows["contacts"] if date >= widest),
            *(day for day, _ in urge_dates(rows["urges"], today)),
        ],
        default=None,
    )
    start, end = window(today, weeks_shown(first, today))
    return figures(rows, start, end)


def between(user, start: datetime.date, end: datetime.date) -> dict:
    """The same figures from `start` to `end`, a range the person chose (the counsellor
    document): three queries."""
    return figures(read(user, start, end), start, end)


def day_count(days: int) -> str:
    return f"{days} day" if days == 1 else f"{days} days"


def in_words(found: dict, texts: dict) -> dict[str, list]:
    """The figures in words, in the reader's texts (content: INSIGHTS): a sentence per group
    for mood and for sleep, or, below the minimum, that there are too few days to tell; and
    the groups, each with its name (for the table)."""
    said: dict[str, list] = {
        "mood": [],
        "sleep": [],
        "groups": [{**group, "label": texts["groups"][group["key"]]} for group in found["groups"]],
    }
    for group in found["groups"]:
        for measure in ("mood", "sleep"):
            if group["enough"]:
                line = texts[measure][group["key"]].format(
                    **{measure: group[measure]}, days=day_count(group["days"])
                )
            else:
                line = texts["too_few"].format(
                    group=texts["groups"][group["key"]],
                    days=day_count(group["days"]),
                    minimum=found["minimum"],
                )
            said[measure].append(line)
    return said


def export(user, today: datetime.date) -> dict:
    """The figures for the account export, JSON-ready: the window, and for each group its
    number of days and its averages (None below the minimum); urges resisted and acted on."""
    found = for_user(user, today)
    return {
        "from": found["start"].isoformat(),
        "to": found["end"].isoformat(),
        "days": found["window_days"],
        "minimum_days": found["minimum"],
        "check_in_days": found["checkin_days"],
        "contact_days": found["contact_days"],
        **{
            name: {
                "days": group["days"],
                "mood": str(group["mood"]) if group["mood"] is not None else None,
                "hours_slept": str(group["sleep"]) if group["sleep"] is not None else None,
            }
            for name, group in zip(
                ("with_contact", "day_after_contact", "without_contact"),
                found["groups"],
                strict=True,
            )
        },
        "urges_resisted": found["urge_chart"]["resisted"],
        "urges_reached_out": found["urge_chart"]["acted"],
        "note": "What happened together, not what caused what.",
    }
