"""Every write to a person's exercises, and the guards that keep their words: saving an
exercise also moves that stage's progress and marks the dashboard's figures out of date; a double submit adds one row; a save made in
another tab meanwhile is never silently overwritten."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from safety.services import Conflict as Conflict  # re-exported: the program catches it
from safety.services import claim_version

from . import overview
from .exercises import Exercise
from .models import HeldMessage, StageProgress


def _after_write(user, exercise: Exercise) -> None:
    """Every write to an exercise ends here, inside its transaction: the exercise's stage is
    under way, and the dashboard's kept figures are out of date (the next dashboard rebuilds
    them). A write that bypasses these services (a queryset's update(), bulk_create) must
    call overview.forget itself."""
    StageProgress.touch(user, exercise.stage)
    overview.forget(user.pk)


def _model_of(form) -> type[models.Model] | None:
    meta = getattr(form, "_meta", None)
    return getattr(meta, "model", None) or getattr(form, "model", None)


def submitted_before(*, user, form) -> models.Model | None:
    """The row this very form already added (the same submission token), if any. Read from
    the posted data before validation: the second submit of a check-in would otherwise be
    refused as a second check-in for the day."""
    field = form.fields.get("submission_token")
    model = _model_of(form)
    if field is None or model is None or not form.is_bound:
        return None
    try:
        token = field.clean(form.data.get("submission_token"))
    except ValidationError:
        return None
    if not token:
        return None
    return model._default_manager.filter(user=user, submission_token=token).first()


@transaction.atomic
def guarded_save(*, user, form):
    """form.save(user=...) behind both guards. Returns the saved (or already saved) row."""
    claim_version(user=user, form=form)
    try:
        with transaction.atomic():
            return form.save(user=user)
    except IntegrityError:
        # The same form posted twice at once: the other request added the row.
        existing = submitted_before(user=user, form=form)
        if existing is None:
            raise
        return existing


@transaction.atomic
def exercise_save(*, user, form, exercise: Exercise):
    """Save a valid exercise form for this person and mark its stage as in progress."""
    obj = guarded_save(user=user, form=form)
    _after_write(user, exercise)
    return obj


@transaction.atomic
def exercise_delete(*, user, obj, exercise: Exercise) -> None:
    obj.delete()
    _after_write(user, exercise)


@transaction.atomic
def held_message_decide(*, user, message: HeldMessage, decision: str, exercise: Exercise) -> None:
    """Record what the person chose to do with a held message; exback itself sends nothing."""
    message.decide(decision)
    message.save()
    _after_write(user, exercise)
