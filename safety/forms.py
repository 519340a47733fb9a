from django import forms

from keep.versions import VersionedForm
from vault.forms import blank_unreadable

from . import content
from .models import YES_NO, YES_NO_NOT_SURE, DangerCheck, SafetyCheck, SafetyPlan


class SafetyCheckForm(VersionedForm, forms.Form):
    """The safety questions, then the situation's: one required yes or no each, kept as the
    row's encrypted answers. The same form on the safety check and on the account page."""

    questions = [*content.SAFETY_QUESTIONS, *content.SITUATION_QUESTIONS]

    def __init__(self, *args, instance: SafetyCheck | None = None, **kwargs):
        self.instance = instance
        if instance is not None and "initial" not in kwargs:
            kwargs["initial"] = dict(instance.answers)
        super().__init__(*args, **kwargs)
        self.add_version()
        for key, question in self.questions:
            self.fields[key] = forms.ChoiceField(
                label=question,
                choices=YES_NO,
                widget=forms.RadioSelect,
                error_messages={
                    "required": "Please choose an answer.",
                    "invalid_choice": "Please choose yes or no.",
                },
            )

    @classmethod
    def for_user(cls, user, data=None, **kwargs) -> "SafetyCheckForm":
        """The form over this person's own answers, if they have any: one query."""
        return cls(data, instance=SafetyCheck.objects.for_user(user).first(), **kwargs)

    def answers(self) -> dict[str, str]:
        return {key: self.cleaned_data[key] for key, _ in self.questions}

    def saved_value(self, current, name):
        return current.answers.get(name)

    def save(self, *, user) -> SafetyCheck:
        check, _ = SafetyCheck.objects.update_or_create(
            user=user, defaults={"answers": self.answers()}
        )
        return check


class DangerCheckForm(VersionedForm, forms.Form):
    """The danger check's questions: one required yes, no or not sure each, kept as the row's
    encrypted answers."""

    def __init__(self, *args, instance: DangerCheck | None = None, **kwargs):
        self.instance = instance
        if instance is not None and "initial" not in kwargs:
            kwargs["initial"] = dict(instance.answers)
        super().__init__(*args, **kwargs)
        self.add_version()
        for key, question, _ in content.DANGER_QUESTIONS:
            self.fields[key] = forms.ChoiceField(
                label=question,
                choices=YES_NO_NOT_SURE,
                widget=forms.RadioSelect,
                error_messages={
                    "required": "Please choose an answer.",
                    "invalid_choice": "Please choose yes, no or not sure.",
                },
            )

    @classmethod
    def for_user(cls, user, data=None, **kwargs) -> "DangerCheckForm":
        """The form over this person's own answers, if they have any: one query."""
        return cls(data, instance=DangerCheck.objects.for_user(user).first(), **kwargs)

    def answers(self) -> dict[str, str]:
        return {key: self.cleaned_data[key] for key, *_ in content.DANGER_QUESTIONS}

    def saved_value(self, current, name):
        return current.answers.get(name)

    def save(self, *, user) -> DangerCheck:
        check, _ = DangerCheck.objects.update_or_create(
            user=user, defaults={"answers": self.answers()}
        )
        return check


def _plan_label(part: content.PlanPart) -> str:
    """The steps are numbered, as a person works down them; the optional parts are not."""
    if part in content.SAFETY_PLAN_STEPS:
        return f"{content.SAFETY_PLAN_STEPS.index(part) + 1}. {part.heading}"
    return part.heading


class SafetyPlanForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = SafetyPlan
        fields = [part.field for part in content.SAFETY_PLAN_SECTIONS]
        labels = {part.field: _plan_label(part) for part in content.SAFETY_PLAN_SECTIONS}
        help_texts = {
            part.field: f"{part.prompt} {part.example}" for part in content.SAFETY_PLAN_SECTIONS
        }
        widgets = {
            part.field: forms.Textarea(attrs={"rows": 4}) for part in content.SAFETY_PLAN_SECTIONS
        }

    def step_fields(self) -> list[forms.BoundField]:
        return [self[part.field] for part in content.SAFETY_PLAN_STEPS]

    def optional_fields(self) -> list[tuple[forms.BoundField, bool]]:
        """Each optional part, and whether it starts open: when it holds text or an error,
        so nothing written or wrong is ever hidden."""
        return [
            (
                self[part.field],
                bool(str(self[part.field].value() or "").strip() or self[part.field].errors),
            )
            for part in content.SAFETY_PLAN_OPTIONAL
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_version()
        blank_unreadable(self)

    def save(self, commit=True, *, user=None):
        plan = super().save(commit=False)
        if user is not None:
            plan.user = user  # the owner is the signed-in person, never a form field
        if commit:
            plan.save()
        return plan
