"""Everything one person has in the program, as plain JSON-ready data, for the account export."""

from . import models as m


def _one(model, user, fields):
    obj = model.objects.filter(user=user).first()
    if obj is None:
        return None
    return {field: _plain(getattr(obj, field)) for field in fields}


def _rows(queryset, fields):
    return [{field: _plain(getattr(obj, field)) for field in fields} for obj in queryset]


def _plain(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if value.__class__.__name__ == "Decimal":
        return str(value)
    return value


def user_data(user) -> dict:
    """Return a JSON-serialisable dict of this person's safety answers, progress and exercises."""
    progress = m.StageProgress.objects.filter(user=user).select_related("stage")
    return {
        "safety_check": _one(m.SafetyCheck, user, ["answers", "any_yes", "updated_at"]),
        "progress": [
            {
                "stage": p.stage.slug,
                "status": p.status,
                "started_at": _plain(p.started_at),
                "completed_at": _plain(p.completed_at),
                "last_visited_at": _plain(p.last_visited_at),
            }
            for p in progress.order_by("stage__number")
        ],
        "apology": _one(m.Apology, user, ["sincerity", "draft", "status", "updated_at"]),
        "self_care_check_ins": _rows(
            m.SelfCareCheckIn.objects.filter(user=user).order_by("date"),
            ["date", "hours_slept", "ate_well", "moved", "basic_care", "mood", "note"],
        ),
        "contacts": _rows(
            m.Contact.objects.filter(user=user).order_by("date", "id"),
            ["date", "initiated_by", "method", "how_it_went"],
        ),
        "feelings": _rows(
            m.FeelingSign.objects.filter(user=user).order_by("feeling"),
            ["feeling", "noticed", "note", "updated_at"],
        ),
        "reach_out_check": _one(m.ReachOutCheck, user, ["answers", "updated_at"]),
        "held_messages": _rows(
            m.HeldMessage.objects.filter(user=user).order_by("created_at", "id"),
            ["text", "hold_hours", "status", "created_at", "ready_at", "decided_at"],
        ),
        "responsibilities": _rows(
            m.Responsibility.objects.filter(user=user).order_by("created_at", "id"),
            ["what_happened", "my_part", "do_differently", "created_at", "updated_at"],
        ),
        "patterns": _one(m.PatternAnswers, user, ["answers", "updated_at"]),
        "memories": _rows(
            m.Memory.objects.filter(user=user).order_by("created_at", "id"),
            ["what", "when", "where", "why_good", "created_at", "updated_at"],
        ),
        "date_idea": _one(m.DateIdea, user, ["idea", "updated_at"]),
        "readiness": _one(m.Readiness, user, ["answers", "updated_at"]),
    }
