"""One factory per exercise (the progress app), shared by every test."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from progress import models, overview
from stages.models import Stage

from .factories import UserFactory


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
