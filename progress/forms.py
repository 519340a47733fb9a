from decimal import Decimal
from typing import Any, cast

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format

from keep.saves import add_save_guards
from keep.submissions import stamp_token
from stages import content
from vault.forms import blank_unreadable

from .models import (
    YES,
    YES_NO,
    YES_NO_NOT_SURE,
    Apology,
    Contact,
    DateIdea,
    FeelingSign,
    HeldMessage,
    Memory,
    PatternAnswers,
    ReachOutCheck,
    Readiness,
    Responsibility,
    SelfCareCheckIn,
    Urge,
)

YES_NO_BOOL = [("yes", "Yes"), ("no", "No")]
MOOD_CHOICES = [
    (1, "1 – very low"),
    (2, "2 – low"),
    (3, "3 – okay"),
    (4, "4 – good"),
    (5, "5 – very good"),
]


def yes_no_bool(label):
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO_BOOL,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )


def not_in_future(value, *, kept=None):
    """A date up to today. A row's own stored date (`kept`) may stay even when ahead of today:
    it was today where the person was when they wrote it, before they moved their zone west."""
    if value and value > timezone.localdate() and value != kept:
        raise forms.ValidationError("That date is in the future. Choose today or an earlier day.")
    return value


def latest_date(instance) -> str:
    """The date input's `max`: today, or the row's own date when that is ahead of today."""
    today = timezone.localdate()
    return max(today, instance.date or today).isoformat()


class RangeFirstDecimalField(forms.DecimalField):
    """A DecimalField that checks its range before its step, and reads -0 as 0. Django's step
    check computes in floats, so a finite number too large for a float (1e309) raised "math
    domain error" instead of failing validation; out of range, the step is not checked."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.copy_abs() if value is not None and value.is_zero() else value

    def validate(self, value):
        super().validate(value)  # required, NaN and infinity
        if value not in self.empty_values:
            for validator in self.validators:
                if isinstance(validator, MinValueValidator | MaxValueValidator):
                    validator(value)


class OwnedModelForm(forms.ModelForm):
    """A model form whose owner always comes from the signed-in person, never from the form.
    `user` is keyword-only so that `save(commit=False)` keeps ModelForm's meaning."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        add_save_guards(self, self._meta.model, self.instance)
        blank_unreadable(self)

    def save(self, commit=True, *, user=None):
        obj = super().save(commit=False)
        if user is not None:
            obj.user = user
        stamp_token(obj, self)
        if commit:
            obj.save()
        return obj


class AnswersForm(forms.Form):
    """One required radio question per (key, question[, help]) entry, stored as a JSON dict."""

    questions: list = []
    choices = YES_NO
    model: type[models.Model]  # set by each subclass

    def __init__(self, *args, instance=None, **kwargs):
        self.instance = instance
        if instance is not None and "initial" not in kwargs:
            kwargs["initial"] = dict(instance.answers)
        super().__init__(*args, **kwargs)
        add_save_guards(self, self.model, instance)
        for key, question, *help_text in self.questions:
            self.fields[key] = forms.ChoiceField(
                label=question,
                choices=self.choices,
                widget=forms.RadioSelect,
                help_text=help_text[0] if help_text else "",
                error_messages={"required": "Please choose an answer."},
            )

    def answers(self):
        return {key: self.cleaned_data[key] for key, *_ in self.questions}

    def save(self, user):
        obj, _ = self.model._default_manager.update_or_create(
            user=user, defaults={"answers": self.answers()}
        )
        return obj


class ReachOutForm(AnswersForm):
    questions = content.REACH_OUT_QUESTIONS
    model = ReachOutCheck


REASON_SIDES = ["for", "against"]
REASON_MAX_LENGTH = 200
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"]


def reason_labels(row: int) -> tuple[str, str]:
    """A reason's label and its weight's, read together: "Your first reason" and "How much
    does your first reason matter?" (the fieldset's legend says for or against)."""
    ordinal = ORDINALS[row - 1] if row <= len(ORDINALS) else f"number {row}"
    return f"Your {ordinal} reason", f"How much does your {ordinal} reason matter?"


class ReadinessForm(AnswersForm):
    """The "are you sure?" decision aid: reasons for and against, each weighed from 1 to 5,
    then the readiness questions. Fixed rows, so it works without JavaScript."""

    questions = content.READINESS_QUESTIONS
    choices = YES_NO_NOT_SURE
    model = Readiness

    def __init__(self, *args, instance=None, **kwargs):
        super().__init__(*args, instance=instance, **kwargs)
        saved: dict[str, list[dict]] = {"for": [], "against": []}
        for reason in getattr(instance, "reasons", None) or []:
            saved[reason["side"]].append(reason)
        reason_fields: dict[str, forms.Field] = {}
        for side in REASON_SIDES:
            for row in range(1, content.READINESS_REASON_ROWS + 1):
                text, weight = f"{side}_{row}", f"{side}_{row}_weight"
                text_label, weight_label = reason_labels(row)
                reason_fields[text] = forms.CharField(
                    label=text_label,
                    max_length=REASON_MAX_LENGTH,
                    required=False,
                )
                reason_fields[weight] = forms.TypedChoiceField(
                    label=weight_label,
                    choices=[("", "Choose a weight"), *content.READINESS_WEIGHTS],
                    coerce=int,
                    required=False,
                    empty_value=None,
                )
                if row <= len(saved[side]) and not self.is_bound:
                    self.initial[text] = saved[side][row - 1]["text"]
                    self.initial[weight] = saved[side][row - 1]["weight"]
        # Reasons first: weighing them is where the decision starts.
        self.fields = {**reason_fields, **self.fields}

    def reason_rows(self) -> dict[str, list]:
        """{side: [(text field, weight field), ...]}: bound pairs, for the template."""
        return {
            side: [
                (self[f"{side}_{row}"], self[f"{side}_{row}_weight"])
                for row in range(1, content.READINESS_REASON_ROWS + 1)
            ]
            for side in REASON_SIDES
        }

    def question_fields(self):
        return [self[key] for key, _ in self.questions]

    def clean(self):
        cleaned = super().clean() or {}
        for side in REASON_SIDES:
            for row in range(1, content.READINESS_REASON_ROWS + 1):
                text, weight = f"{side}_{row}", f"{side}_{row}_weight"
                if cleaned.get(text) and cleaned.get(weight) is None and weight not in self.errors:
                    self.add_error(weight, "Choose how much this reason matters, from 1 to 5.")
                if cleaned.get(weight) is not None and not cleaned.get(text):
                    self.add_error(text, "Write the reason, or clear its weight.")
        return cleaned

    def reasons(self) -> list[dict]:
        return [
            {
                "side": side,
                "text": self.cleaned_data[f"{side}_{row}"],
                "weight": self.cleaned_data[f"{side}_{row}_weight"],
            }
            for side in REASON_SIDES
            for row in range(1, content.READINESS_REASON_ROWS + 1)
            if self.cleaned_data.get(f"{side}_{row}")
        ]

    def save(self, user):
        obj, _ = Readiness.objects.update_or_create(
            user=user, defaults={"answers": self.answers(), "reasons": self.reasons()}
        )
        return obj


class ApologyForm(OwnedModelForm):
    class Meta:
        model = Apology
        fields = ["draft", "status"]
        labels = {"draft": "Your apology, in your own words", "status": "Where you are with it"}
        help_texts = {
            "draft": "Private. Nothing here is ever sent anywhere; it is only for you.",
        }
        widgets = {"draft": forms.Textarea(attrs={"rows": 8}), "status": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sincerity = {}
        for key, question, help_text in content.SINCERITY_QUESTIONS:
            self.fields[key] = forms.ChoiceField(
                label=question,
                help_text=help_text,
                choices=YES_NO_NOT_SURE,
                widget=forms.RadioSelect,
                error_messages={"required": "Please choose an answer."},
            )
            sincerity[key] = self.instance.sincerity.get(key) if self.instance.pk else None
        self.initial.update({k: v for k, v in sincerity.items() if v})
        # Questions first, then the draft.
        self.order_fields([key for key, *_ in content.SINCERITY_QUESTIONS] + ["draft", "status"])

    def save(self, commit=True, *, user=None):
        self.instance.sincerity = {
            key: self.cleaned_data[key] for key, *_ in content.SINCERITY_QUESTIONS
        }
        return super().save(commit, user=user)


class CheckInForm(OwnedModelForm):
    hours_slept = RangeFirstDecimalField(
        label="Hours slept",
        min_value=Decimal("0"),
        max_value=Decimal("24"),
        step_size=Decimal("0.5"),
        decimal_places=1,
        help_text="Between 0 and 24, in half hours (for example 7.5).",
    )
    ate_well = yes_no_bool("Did you eat well?")
    moved = yes_no_bool("Did you move or exercise?")
    basic_care = yes_no_bool("Did you manage basic self-care (washing, getting dressed)?")
    mood = forms.TypedChoiceField(
        label="Your mood", choices=MOOD_CHOICES, coerce=int, widget=forms.RadioSelect
    )

    class Meta:
        model = SelfCareCheckIn
        fields = ["date", "hours_slept", "ate_well", "moved", "basic_care", "mood", "note"]
        labels = {"note": "Anything else? (optional)"}
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user, fixed_date=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fixed_date = fixed_date
        if fixed_date is not None:
            del self.fields["date"]
        else:
            self.fields["date"].initial = timezone.localdate()
            self.fields["date"].widget.attrs["max"] = latest_date(self.instance)
        if self.instance.pk:
            for name in ("ate_well", "moved", "basic_care"):
                self.initial[name] = "yes" if getattr(self.instance, name) else "no"

    def clean_date(self):
        date = not_in_future(self.cleaned_data["date"], kept=self.instance.date)
        clash = SelfCareCheckIn.objects.filter(user=self.user, date=date)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(
                f"You already have a check-in for {date_format(date, 'j F Y')}. "
                "Each day has one check-in; you can change that one from your check-ins."
            )
        return date

    def save(self, commit=True, *, user=None):
        if self.fixed_date is not None:
            self.instance.date = self.fixed_date
        return super().save(commit, user=user)


class ContactForm(OwnedModelForm):
    class Meta:
        model = Contact
        fields = ["date", "initiated_by", "method", "how_it_went"]
        labels = {"how_it_went": "How did it go? (optional)"}
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "initiated_by": forms.RadioSelect,
            "method": forms.RadioSelect,
            "how_it_went": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.fields["date"].initial = timezone.localdate()
        # Radio buttons need no empty "select an option" choice.
        cast(forms.ChoiceField, self.fields["initiated_by"]).choices = Contact.By.choices
        cast(forms.ChoiceField, self.fields["method"]).choices = Contact.Method.choices
        self.fields["date"].widget.attrs["max"] = latest_date(self.instance)

    def clean_date(self):
        return not_in_future(self.cleaned_data["date"], kept=self.instance.date)


class FeelingsForm(forms.Form):
    """A tick and a short note for each feeling in content.EX_FEELINGS."""

    def __init__(self, *args, signs=(), **kwargs):
        super().__init__(*args, **kwargs)
        existing = {sign.feeling: sign for sign in signs}
        self.rows = []
        for key, label, description in content.EX_FEELINGS:
            sign = existing.get(key)
            self.fields[f"{key}_noticed"] = forms.BooleanField(
                label=f"{label}: I've noticed signs",
                help_text=description,
                required=False,
                initial=bool(sign and sign.noticed),
            )
            self.fields[f"{key}_note"] = forms.CharField(
                label=f"What you noticed ({label.lower()}, optional)",
                max_length=500,
                required=False,
                initial=sign.note if sign else "",
            )

    def save(self, user):
        for key, *_ in content.EX_FEELINGS:
            FeelingSign.objects.update_or_create(
                user=user,
                feeling=key,
                defaults={
                    "noticed": self.cleaned_data[f"{key}_noticed"],
                    "note": self.cleaned_data[f"{key}_note"],
                },
            )


class HeldMessageForm(OwnedModelForm):
    class Meta:
        model = HeldMessage
        fields = ["text", "hold_hours"]
        help_texts = {
            "text": "Write what you'd like to say. Nothing here is ever sent: it stays out of "
            "sight until the cooling-off period is over.",
        }
        widgets = {"text": forms.Textarea(attrs={"rows": 6}), "hold_hours": forms.RadioSelect}

    def save(self, commit=True, *, user=None):
        self.instance.start_hold()
        return super().save(commit, user=user)


class MessageDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[
            (HeldMessage.Status.SENT_ELSEWHERE, "I'll send it myself elsewhere"),
            (HeldMessage.Status.LET_GO, "Let it go"),
        ]
    )


class ResponsibilityForm(OwnedModelForm):
    class Meta:
        model = Responsibility
        fields = ["what_happened", "my_part", "do_differently"]
        labels = {"do_differently": "What I'll do differently (optional)"}
        widgets = {
            "what_happened": forms.Textarea(attrs={"rows": 3}),
            "my_part": forms.Textarea(attrs={"rows": 3}),
            "do_differently": forms.Textarea(attrs={"rows": 3}),
        }


class PatternForm(forms.Form):
    """A yes/no per pattern; each yes needs three new habits, for a no they are optional
    (whatever the person typed is kept)."""

    HABITS = 3

    def __init__(self, *args, instance=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance = instance
        add_save_guards(self, PatternAnswers, instance)
        saved = instance.answers if instance else {}
        self.groups: list[tuple[content.PatternQuestion, list[str]]] = []
        for number, pattern in enumerate(content.PATTERN_QUESTIONS, start=1):
            key = pattern["key"]
            answer = saved.get(key, {})
            self.fields[key] = forms.ChoiceField(
                label=f"{number}. {pattern['question']}",
                choices=YES_NO,
                widget=forms.RadioSelect,
                initial=answer.get("answer"),
                error_messages={"required": "Please answer yes or no."},
            )
            names = [key]
            habits = answer.get("habits", [])
            for i in range(1, self.HABITS + 1):
                name = f"{key}_habit_{i}"
                self.fields[name] = forms.CharField(
                    label=f"New habit {i}",
                    max_length=300,
                    required=False,
                    initial=habits[i - 1] if len(habits) >= i else "",
                )
                names.append(name)
            self.groups.append((pattern, names))

    def grouped(self):
        """Bound fields per pattern, for the template: the answer and its three habits."""
        return [
            {
                "pattern": pattern,
                "answer": self[names[0]],
                "habits": [self[name] for name in names[1:]],
            }
            for pattern, names in self.groups
        ]

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        for pattern in content.PATTERN_QUESTIONS:
            key = pattern["key"]
            answer = cleaned.get(key)
            habits = [
                cleaned.get(f"{key}_habit_{i}", "").strip() for i in range(1, self.HABITS + 1)
            ]
            given = sum(1 for habit in habits if habit)
            if answer == YES and given < self.HABITS:
                self.add_error(
                    key,
                    f"You answered yes: write three new habits for this pattern "
                    f"({given} of {self.HABITS} so far).",
                )
        return cleaned

    def save(self, user):
        answers = {}
        for pattern in content.PATTERN_QUESTIONS:
            key = pattern["key"]
            answer = self.cleaned_data[key]
            habits = [
                self.cleaned_data[f"{key}_habit_{i}"].strip() for i in range(1, self.HABITS + 1)
            ]
            # A no keeps the habits the person chose to write anyway, without the empty boxes.
            kept = habits if answer == YES else [habit for habit in habits if habit]
            answers[key] = {"answer": answer, "habits": kept}
        obj, _ = PatternAnswers.objects.update_or_create(user=user, defaults={"answers": answers})
        return obj


class MemoryForm(OwnedModelForm):
    class Meta:
        model = Memory
        fields = ["what", "when", "where", "why_good"]
        labels = {
            "when": "When (optional)",
            "where": "Where (optional)",
            "why_good": "What made it good (optional)",
        }
        widgets = {
            "what": forms.Textarea(attrs={"rows": 2}),
            "why_good": forms.Textarea(attrs={"rows": 3}),
        }


class DateIdeaForm(OwnedModelForm):
    class Meta:
        model = DateIdea
        fields = ["idea"]
        widgets = {"idea": forms.Textarea(attrs={"rows": 3})}


class UrgeForm(OwnedModelForm):
    """Where a moment of wanting to reach out ended, with an optional note. The page shows one
    submit button per ending, each sending its `outcome`. For anyone who said yes to a safety
    question, the endings that lead towards the ex (a held message, "I reached out anyway")
    are not offered, and a post naming one is refused."""

    # (outcome, the button, a line under it), in the order shown.
    ENDINGS = [
        (
            Urge.Outcome.WAITED,
            "I waited",
            "The urge passed, or you're letting it pass. It's counted on your dashboard.",
        ),
        (
            Urge.Outcome.HELD,
            "Write it as a held message",
            "Write it all now and let it cool off. Nothing here is ever sent.",
        ),
        (
            Urge.Outcome.JOURNAL,
            "Write in my journal",
            "Put it into words just for you.",
        ),
        (
            Urge.Outcome.REACHED_OUT,
            "I reached out anyway",
            "It happens. Note it without judgement and carry on from here.",
        ),
    ]
    SAFETY_FIRST_ENDINGS = [
        (
            Urge.Outcome.WAITED,
            "I got through this moment",
            "Note it, privately. Every hard moment you get through counts.",
        ),
        (
            Urge.Outcome.JOURNAL,
            "Write in my journal",
            "Put what you're feeling into words, just for you.",
        ),
    ]

    outcome = forms.ChoiceField(
        error_messages={
            "required": "Choose how this moment ended with one of the buttons below.",
            "invalid_choice": "That isn't one of the choices here. Choose one of the buttons "
            "below.",
        },
    )

    class Meta:
        model = Urge
        fields = ["outcome", "note"]
        labels = {"note": "Anything you want to note (optional)"}
        help_texts = {
            "note": "What you were feeling, what helped. Only you can read it; it is stored "
            "encrypted."
        }
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, safety_first=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.endings = self.SAFETY_FIRST_ENDINGS if safety_first else self.ENDINGS
        cast(forms.ChoiceField, self.fields["outcome"]).choices = [
            (value, label) for value, label, _ in self.endings
        ]
