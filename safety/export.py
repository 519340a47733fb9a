"""What a person wrote in the safety check, the danger check and the safety plan, as JSON-ready
data, for the account export (progress.export puts it beside the program's). The plan's parts come
in the plan's order, each under its field's name, and `headings` names them as the page does."""

from . import content
from .models import DangerCheck, SafetyCheck, SafetyPlan


def user_data(user) -> dict:
    """The safety answers (with whether any safety answer is yes), the danger check (with
    whether its answers called for the urgent next step) and the plan: three queries."""
    check = SafetyCheck.objects.for_user(user).first()
    danger = DangerCheck.objects.for_user(user).first()
    plan = SafetyPlan.objects.for_user(user).first()
    plan_fields = [part.field for part in content.SAFETY_PLAN_SECTIONS]
    return {
        "safety_check": {
            "answers": check.answers,
            "updated_at": check.updated_at.isoformat(),
            "any_yes": check.any_yes,
        }
        if check
        else None,
        "danger_check": {
            "answers": danger.answers,
            "updated_at": danger.updated_at.isoformat(),
            "urgent": danger.urgent,
        }
        if danger
        else None,
        "safety_plan": {
            **{field: getattr(plan, field) for field in plan_fields},
            "headings": {part.field: part.heading for part in content.SAFETY_PLAN_SECTIONS},
            "updated_at": plan.updated_at.isoformat(),
        }
        if plan
        else None,
    }
