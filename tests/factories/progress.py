"""One factory per exercise (the progress app), and one builder of what its form sends."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from progress import models, overview
from stages.models import Stage
from tests.factories import UserFactory, form_data


class ExerciseFactory(factory.django.DjangoModelFactory):
    """A row saved as the app saves it: progress.services marks the person's dashboard
    figures out of date after every write, and so does this."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        obj = super()._create(model_class, *args, **kwargs)
        overview.forget(obj.user_id)
        return obj


class StageProgressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.StageProgress

    user = factory.SubFactory(UserFactory)
    stage = factory.LazyFunction(lambda: Stage.objects.get(slug="say-sorry"))
    status = models.StageProgress.Status.IN_PROGRESS
    started_at = factory.LazyFunction(timezone.now)
    last_visited_at = factory.LazyFunction(timezone.now)


class ApologyFactory(ExerciseFactory):
    class Meta:
        model = models.Apology

    user = factory.SubFactory(UserFactory)
    sincerity = factory.LazyFunction(
        lambda: {
            "has_reason": "yes",
            "seeking_approval": "no",
            "telling_them_what_they_want": "not_sure",
        }
    )
    draft = "I'm sorry I stopped listening."


class CheckInFactory(ExerciseFactory):
    class Meta:
        model = models.SelfCareCheckIn

    user = factory.SubFactory(UserFactory)
    date = factory.LazyFunction(timezone.localdate)
    hours_slept = Decimal("7.5")
    ate_well = True
    moved = False
    basic_care = True
    mood = 3


class ContactFactory(ExerciseFactory):
    class Meta:
        model = models.Contact

    user = factory.SubFactory(UserFactory)
    date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=5))
    initiated_by = models.Contact.By.ME
    method = models.Contact.Method.TEXT
    how_it_went = "Short and friendly."


class HeldMessageFactory(ExerciseFactory):
    class Meta:
        model = models.HeldMessage

    user = factory.SubFactory(UserFactory)
    text = "I miss our Sunday walks."
    hold_hours = 24
    ready_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(hours=24))


class ResponsibilityFactory(ExerciseFactory):
    class Meta:
        model = models.Responsibility

    user = factory.SubFactory(UserFactory)
    what_happened = "We argued about money."
    my_part = "I kept secrets about spending."
    do_differently = "Talk about it every month."


class MemoryFactory(ExerciseFactory):
    class Meta:
        model = models.Memory

    user = factory.SubFactory(UserFactory)
    what = factory.Sequence(lambda n: f"Good day number {n}")
    when = "Summer 2022"
    where = "The seaside"


class PatternAnswersFactory(ExerciseFactory):
    class Meta:
        model = models.PatternAnswers

    user = factory.SubFactory(UserFactory)
    answers = factory.LazyFunction(
        lambda: {
            "taking_value": {"answer": "yes", "habits": ["Give first", "Ask first", "Listen"]},
            "less_invested": {"answer": "no", "habits": []},
            "fears_insecurities": {"answer": "no", "habits": []},
        }
    )


class ReadinessFactory(ExerciseFactory):
    class Meta:
        model = models.Readiness

    user = factory.SubFactory(UserFactory)
    answers = factory.LazyFunction(
        lambda: {
            "still_in_love": "yes",
            "impulsive": "no",
            "band_aid": "no",
            "ready_to_compromise": "yes",
            "ready_to_admit": "yes",
            "ready_to_change": "yes",
        }
    )


class DateIdeaFactory(ExerciseFactory):
    class Meta:
        model = models.DateIdea

    user = factory.SubFactory(UserFactory)
    idea = "Coffee at the little place by the station."


class ReachOutCheckFactory(ExerciseFactory):
    class Meta:
        model = models.ReachOutCheck

    user = factory.SubFactory(UserFactory)
    answers = factory.LazyFunction(
        lambda: {
            "desperate": "no",
            "fine_without_reply": "yes",
            "pleading": "no",
            "know_open": "yes",
        }
    )


class FeelingSignFactory(ExerciseFactory):
    class Meta:
        model = models.FeelingSign

    user = factory.SubFactory(UserFactory)
    feeling = "longing"
    noticed = True
    note = "They mentioned our song."


class UrgeFactory(ExerciseFactory):
    """One moment of wanting to reach out that ended with waiting."""

    class Meta:
        model = models.Urge

    user = factory.SubFactory(UserFactory)
    outcome = models.Urge.Outcome.WAITED
    note = "Went for a walk instead."


# What each exercise's form sends, as a person would fill it in: one builder per exercise.
# Keyword arguments replace fields; None leaves a field out.
def apology_form_data(**overrides) -> dict:
    """Stage 1: an apology draft and the answers to its sincerity check."""
    return form_data(
        {
            "has_reason": "yes",
            "seeking_approval": "not_sure",
            "telling_them_what_they_want": "no",
            "draft": "I'm sorry for the things I said in March.",
            "status": "draft",
        },
        overrides,
    )


def checkin_form_data(**overrides) -> dict:
    """Stage 2: a self-care check-in (today's, unless a `date` is given)."""
    return form_data(
        {
            "hours_slept": "7.5",
            "ate_well": "yes",
            "moved": "no",
            "basic_care": "yes",
            "mood": "4",
            "note": "A walk helped.",
        },
        overrides,
    )


def contact_form_data(**overrides) -> dict:
    """Stage 3: a contact noted in the contact log, yesterday unless a `date` is given."""
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    return form_data(
        {
            "date": yesterday.isoformat(),
            "initiated_by": "them",
            "method": "call",
            "how_it_went": "Warm.",
        },
        overrides,
    )


def feelings_form_data(**overrides) -> dict:
    """Stage 3: the signs of their feelings, one ticked with a note."""
    return form_data(
        {"longing_noticed": "on", "longing_note": "They asked about the dog."}, overrides
    )


def reach_out_form_data(**overrides) -> dict:
    """Stage 4: the check before reaching out, answered steadily."""
    return form_data(
        {"desperate": "no", "fine_without_reply": "yes", "pleading": "no", "know_open": "yes"},
        overrides,
    )


def held_message_form_data(**overrides) -> dict:
    """Stage 4: a message held back for a day before it could be sent."""
    return form_data({"text": "I miss you.", "hold_hours": "24"}, overrides)


def responsibility_form_data(**overrides) -> dict:
    """Stage 5: what happened and one's own part in it."""
    return form_data(
        {
            "what_happened": "I forgot her birthday.",
            "my_part": "I didn't plan.",
            "do_differently": "",
        },
        overrides,
    )


def pattern_form_data(**overrides) -> dict:
    """Stage 6: the patterns, one answered yes with its three new habits."""
    return form_data(
        {
            "taking_value": "yes",
            "taking_value_habit_1": "Give first.",
            "taking_value_habit_2": "Ask how they feel.",
            "taking_value_habit_3": "See their side.",
            "less_invested": "no",
            "fears_insecurities": "no",
        },
        overrides,
    )


def memory_form_data(**overrides) -> dict:
    """Stage 7: a good memory."""
    return form_data(
        {"what": "Dancing in the kitchen", "when": "2021", "where": "Home", "why_good": "Silly."},
        overrides,
    )


def date_idea_form_data(**overrides) -> dict:
    """Stage 7: the date idea."""
    return form_data({"idea": "The bench by the river."}, overrides)


def readiness_form_data(**overrides) -> dict:
    """Are you sure?: the decision aid's questions, each answered as someone ready would."""
    return form_data(
        {
            "still_in_love": "yes",
            "impulsive": "no",
            "band_aid": "no",
            "ready_to_compromise": "yes",
            "ready_to_admit": "yes",
            "ready_to_change": "yes",
        },
        overrides,
    )


def urge_form_data(**overrides) -> dict:
    """I want to reach out: how the moment ended (waiting), with no note."""
    return form_data({"outcome": "waited", "note": ""}, overrides)
