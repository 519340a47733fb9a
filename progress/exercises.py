"""Every exercise of the program, declared once.

An exercise belongs to one stage and has one page (its URL name in the `progress` namespace is
its key, and so is the name of its view in views.py), a model holding what the person wrote,
and a form. The stage page lists a stage's exercises from here; the dashboard's recent
activity, the personal summary (one template per exercise, `progress/summary/<key>.html`) and
the account export all read this list. Adding an exercise means one declaration below, plus
its model, form, view and templates.
"""

from dataclasses import dataclass

from django.db import models

from . import forms
from . import models as m

# The stage slugs the code itself needs to know (stages.content holds them all).
SAY_SORRY = "say-sorry"
SELF_CARE = m.SELF_CARE_SLUG
TIME_AND_SPACE = "time-and-space"
YOUR_VALUE = "never-lower-your-value"
RESPONSIBILITY = "take-responsibility"
PATTERNS = "change-bad-patterns"
GOOD_TIMES = "celebrate-the-good-times"
ARE_YOU_SURE = "are-you-sure"


@dataclass(frozen=True)
class Exercise:
    key: str
    stage: str
    title: str
    activity: str
    model: type[models.Model]
    form: type
    export_key: str
    export_fields: tuple[str, ...]
    export_order: tuple[str, ...] = ()
    # A step towards the ex: for a person for whom reconnecting is unsafe it is set aside or
    # rewritten (stages.content.unsafe: SET_ASIDE, EXERCISE_TITLES; the urge flow offers
    # support instead), which tests/progress/test_exercises.py checks for each.
    reconnects: bool = False
    # False for a tool with a button of its own on the stage pages (the "I want to reach out"
    # flow), rather than the stage's exercise: it is still in the summary and the export.
    listed_on_stage: bool = True

    @property
    def url_name(self) -> str:
        return f"progress:{self.key}"

    @property
    def summary_template(self) -> str:
        return f"progress/summary/{self.key}.html"

    @property
    def one_per_person(self) -> bool:
        return bool(self.model._meta.get_field("user").one_to_one)

    @property
    def changed_field(self) -> str:
        """When a row last changed: its `updated_at`, or `created_at` for rows never edited."""
        names = {field.name for field in self.model._meta.get_fields()}
        return "updated_at" if "updated_at" in names else "created_at"

    def queryset(self, user) -> m.OwnedQuerySet:
        return self.model._default_manager.filter(user=user)  # type: ignore[return-value]


EXERCISES = (
    Exercise(
        key="apology",
        reconnects=True,
        stage=SAY_SORRY,
        title="Sincerity check and apology draft",
        activity="Apology draft",
        model=m.Apology,
        form=forms.ApologyForm,
        export_key="apology",
        export_fields=("sincerity", "draft", "status", "updated_at"),
    ),
    Exercise(
        key="selfcare",
        stage=SELF_CARE,
        title="Daily self-care check-in",
        activity="Self-care check-in",
        model=m.SelfCareCheckIn,
        form=forms.CheckInForm,
        export_key="self_care_check_ins",
        export_fields=("date", "hours_slept", "ate_well", "moved", "basic_care", "mood", "note"),
        export_order=("date",),
    ),
    Exercise(
        key="contacts",
        stage=TIME_AND_SPACE,
        title="Contact log",
        activity="Contact log",
        model=m.Contact,
        form=forms.ContactForm,
        export_key="contacts",
        export_fields=("date", "initiated_by", "method", "how_it_went"),
        export_order=("date", "id"),
    ),
    Exercise(
        key="feelings",
        stage=TIME_AND_SPACE,
        title="Signs of their feelings",
        activity="Feelings checklist",
        model=m.FeelingSign,
        form=forms.FeelingsForm,
        export_key="feelings",
        export_fields=("feeling", "noticed", "note", "updated_at"),
        export_order=("feeling",),
    ),
    Exercise(
        key="reach_out",
        reconnects=True,
        stage=YOUR_VALUE,
        title="Before you reach out",
        activity="Before you reach out",
        model=m.ReachOutCheck,
        form=forms.ReachOutForm,
        export_key="reach_out_check",
        export_fields=("answers", "updated_at"),
    ),
    Exercise(
        key="held_messages",
        reconnects=True,
        stage=YOUR_VALUE,
        title="Held messages",
        activity="Held message",
        model=m.HeldMessage,
        form=forms.HeldMessageForm,
        export_key="held_messages",
        export_fields=("text", "hold_hours", "status", "created_at", "ready_at", "decided_at"),
        export_order=("created_at", "id"),
    ),
    Exercise(
        key="reach_out_now",
        reconnects=True,
        listed_on_stage=False,
        stage=YOUR_VALUE,
        title="I want to reach out",
        activity="A hard moment, noted",
        model=m.Urge,
        form=forms.UrgeForm,
        export_key="urges",
        export_fields=("created_at", "outcome", "note"),
        export_order=("created_at", "id"),
    ),
    Exercise(
        key="responsibilities",
        stage=RESPONSIBILITY,
        title="Your part in what happened",
        activity="Taking responsibility",
        model=m.Responsibility,
        form=forms.ResponsibilityForm,
        export_key="responsibilities",
        export_fields=("what_happened", "my_part", "do_differently", "created_at", "updated_at"),
        export_order=("created_at", "id"),
    ),
    Exercise(
        key="patterns",
        stage=PATTERNS,
        title="Patterns and new habits",
        activity="Patterns and new habits",
        model=m.PatternAnswers,
        form=forms.PatternForm,
        export_key="patterns",
        export_fields=("answers", "updated_at"),
    ),
    Exercise(
        key="memories",
        reconnects=True,
        stage=GOOD_TIMES,
        title="Good memories",
        activity="Good memories",
        model=m.Memory,
        form=forms.MemoryForm,
        export_key="memories",
        export_fields=("what", "when", "where", "why_good", "created_at", "updated_at"),
        export_order=("created_at", "id"),
    ),
    Exercise(
        key="date_idea",
        reconnects=True,
        stage=GOOD_TIMES,
        title="A date idea",
        activity="Date idea",
        model=m.DateIdea,
        form=forms.DateIdeaForm,
        export_key="date_idea",
        export_fields=("idea", "updated_at"),
    ),
    Exercise(
        key="readiness",
        reconnects=True,
        stage=ARE_YOU_SURE,
        title="Are you sure?",
        activity="Are you sure?",
        model=m.Readiness,
        form=forms.ReadinessForm,
        export_key="readiness",
        export_fields=("answers", "reasons", "updated_at"),
    ),
)

BY_KEY = {exercise.key: exercise for exercise in EXERCISES}


def for_stage(slug: str) -> list[Exercise]:
    return [exercise for exercise in EXERCISES if exercise.stage == slug]


# The stage pages that carry the "I want to reach out" button.
URGE_STAGES = (TIME_AND_SPACE, YOUR_VALUE)
