"""Saving the safety answers, the danger check and the safety plan so that a save made meanwhile in another tab
(or on the other page that asks the same questions) is never silently overwritten: each save
claims the version its form was loaded from (keep.versions) or raises its Conflict."""

from django.db import transaction

from keep.versions import claim_version

from .forms import DangerCheckForm, SafetyCheckForm, SafetyPlanForm
from .models import DangerCheck, SafetyCheck, SafetyPlan


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
