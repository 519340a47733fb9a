"""Saving the safety answers, the danger check and the safety plan so that a save made meanwhile in another tab
(or on the other page that asks the same questions) is never silently overwritten."""

from django.db import models, transaction
from django.db.models import F

from .forms import DangerCheckForm, SafetyCheckForm, SafetyPlanForm
from .models import DangerCheck, SafetyCheck, SafetyPlan


class Conflict(Exception):
    """The row changed after this form was loaded (another tab, another device)."""

    def __init__(self, current: models.Model):
        super().__init__("changed elsewhere")
        self.current = current


def claim_version(*, user, form) -> None:
    """Raise Conflict unless the row is still at the version the form was loaded from; then
    move it on, so of two tabs saving at once exactly one wins. The program's saves use it
    too (progress.services)."""
    instance = getattr(form, "instance", None)
    posted = form.cleaned_data.get("version")
    if instance is None or instance.pk is None or posted is None:
        return
    rows = type(instance)._default_manager.filter(pk=instance.pk, user=user)
    if not rows.filter(version=posted).update(version=F("version") + 1):
        raise Conflict(rows.get())
    instance.version = posted + 1


@transaction.atomic
def safety_check_save(*, user, form: SafetyCheckForm) -> SafetyCheck:
    """Save a valid safety check form (from the check or the account page) for this person."""
    claim_version(user=user, form=form)
    return form.save(user=user)


@transaction.atomic
def danger_check_save(*, user, form: DangerCheckForm) -> DangerCheck:
    claim_version(user=user, form=form)
    return form.save(user=user)


@transaction.atomic
def safety_plan_save(*, user, form: SafetyPlanForm) -> SafetyPlan:
    claim_version(user=user, form=form)
    return form.save(user=user)
