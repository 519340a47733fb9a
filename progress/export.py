"""Everything one person has in the program, as plain JSON-ready data, for the account export."""

from decimal import Decimal

from django.utils import timezone

from safety import export as safety_export

from . import insights
from .exercises import EXERCISES
from .models import StageProgress


def _plain(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _fields(obj, fields):
    return {field: _plain(getattr(obj, field)) for field in fields}


def user_data(user) -> dict:
    """Return a JSON-serialisable dict of this person's safety answers and plan (written in
    the safety app, exported with the program), progress, every exercise in the registry
    (one query each) and the insights page's figures (three queries)."""
    progress = StageProgress.objects.filter(user=user).select_related("stage")
    data = {
        **safety_export.user_data(user),
        "progress": [
            {
                "stage": p.stage.slug,
                **_fields(p, ["status", "started_at", "completed_at", "last_visited_at"]),
            }
            for p in progress.order_by("stage__number")
        ],
    }
    for exercise in EXERCISES:
        rows = exercise.queryset(user)
        if exercise.one_per_person:
            obj = rows.first()
            data[exercise.export_key] = _fields(obj, exercise.export_fields) if obj else None
        else:
            rows = rows.order_by(*exercise.export_order)
            data[exercise.export_key] = [_fields(obj, exercise.export_fields) for obj in rows]
    data["insights"] = insights.export(user, timezone.localdate())
    return data
