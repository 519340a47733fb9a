"""Writes that span more than one model: saving an exercise also moves that stage's progress."""

from django.db import transaction

from .models import Stage, StageProgress


@transaction.atomic
def exercise_save(*, user, form, stage_slug):
    """Save a valid exercise form for this person and mark its stage as in progress."""
    obj = form.save(user=user)
    StageProgress.touch(user, Stage.objects.get(slug=stage_slug))
    return obj


@transaction.atomic
def exercise_delete(*, user, obj, stage_slug):
    obj.delete()
    StageProgress.touch(user, Stage.objects.get(slug=stage_slug))


@transaction.atomic
def held_message_decide(*, user, message, decision):
    """Record what the person chose to do with a held message; exback itself sends nothing."""
    message.decide(decision)
    message.save()
    StageProgress.touch(user, Stage.objects.get(slug="never-lower-your-value"))
