"""Every write to a person's exercises goes through here, and each one ends the same way
(`_after_write`): the exercise's stage is under way and the dashboard's kept figures are out
of date. The guards that keep a person's words are keep's: a double submit adds one row, a
save made in another tab meanwhile is never silently overwritten (keep.saves)."""

from django.db import transaction

from keep.saves import guarded_save

from . import overview
from .exercises import Exercise
from .models import HeldMessage, StageProgress


def _after_write(user, exercise: Exercise, *, moves_stage: bool = True) -> None:
    """Inside the write's transaction: the stage is under way (unless the write moves no
    stage), and the next dashboard rebuilds its figures. A write that bypasses these services
    (a queryset's update(), bulk_create) must call overview.forget itself."""
    if moves_stage:
        StageProgress.touch(user, exercise.stage)
    overview.forget(user.pk)


@transaction.atomic
def exercise_save(*, user, form, exercise: Exercise, moves_stage: bool = True):
    """Save a valid exercise form for this person behind keep's guards (raises
    keep.versions.Conflict for a stale edit) and return the row. The urge flow's saves (its
    reach-out answers, the urge itself) pass moves_stage=False: a moment of wanting to reach
    out is not work on a stage."""
    obj = guarded_save(user=user, form=form)
    _after_write(user, exercise, moves_stage=moves_stage)
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


# A section started, marked complete or opened again: the dashboard shows each section's
# status from its kept row, so each of these ends by marking that row out of date.


@transaction.atomic
def stage_start(*, user, slug: str) -> StageProgress:
    progress = StageProgress.touch(user, slug)
    overview.forget(user.pk)
    return progress


@transaction.atomic
def stage_complete(*, user, slug: str) -> StageProgress:
    progress = StageProgress.complete(user, slug)
    overview.forget(user.pk)
    return progress


@transaction.atomic
def stage_reopen(*, user, slug: str) -> StageProgress:
    progress = StageProgress.reopen(user, slug)
    overview.forget(user.pk)
    return progress
