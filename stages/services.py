"""Writes that span more than one model: saving an exercise also moves that stage's progress."""

from django.db import transaction

from .exercises import Exercise
from .models import HeldMessage, Stage, StageProgress


def _touch(user, exercise: Exercise) -> None:
    StageProgress.touch(user, Stage.objects.get(slug=exercise.stage))


@transaction.atomic
def exercise_save(*, user, form, exercise: Exercise):
    """Save a valid exercise form for this person and mark its stage as in progress."""
    obj = form.save(user=user)
    _touch(user, exercise)
    return obj


@transaction.atomic
def exercise_delete(*, user, obj, exercise: Exercise) -> None:
    obj.delete()
    _touch(user, exercise)


@transaction.atomic
def held_message_decide(*, user, message: HeldMessage, decision: str, exercise: Exercise) -> None:
    """Record what the person chose to do with a held message; exback itself sends nothing."""
    message.decide(decision)
    message.save()
    _touch(user, exercise)
