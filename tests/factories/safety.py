"""Factories for the safety app: the safety check (with the person's situation), the safety
plan and helplines."""

import datetime

import factory

from safety import models
from tests.factories import UserFactory, form_data

NO_TO_ALL = {"violence": "no", "threats": "no", "controlled": "no", "afraid": "no"}


class SafetyCheckFactory(factory.django.DjangoModelFactory):
    """A safety check with every answer no, children included."""

    class Meta:
        model = models.SafetyCheck

    user = factory.SubFactory(UserFactory)
    answers = factory.LazyFunction(lambda: {**NO_TO_ALL, "children": "no"})

    class Params:
        # Someone who said they are afraid of their ex.
        afraid = factory.Trait(
            answers=factory.LazyFunction(lambda: {**NO_TO_ALL, "afraid": "yes", "children": "no"})
        )
        # Someone who shares children with their ex.
        coparent = factory.Trait(
            answers=factory.LazyFunction(lambda: {**NO_TO_ALL, "children": "yes"})
        )
        # Someone who answered before the children question was asked.
        before_children = factory.Trait(answers=factory.LazyFunction(lambda: dict(NO_TO_ALL)))


class SafetyPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.SafetyPlan

    user = factory.SubFactory(UserFactory)
    warning_signs = "Messages arriving late at night."
    help_people = "My sister (code word umbrella)."


class HelplineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Helpline

    country = "GB"
    name = factory.Sequence(lambda n: f"Test helpline {n}")
    purpose = "Support for anyone affected by abuse"
    phone = "0800 000 0000"
    source_url = "https://example.org/helpline"
    checked_on = datetime.date(2026, 1, 15)


DANGER_ALL_NO = {
    "escalating": "no",
    "strangled": "no",
    "weapon": "no",
    "threats_to_kill": "no",
    "jealous_control": "no",
    "left": "no",
    "forced_sex": "no",
    "pregnant": "no",
    "capable": "no",
}


class DangerCheckFactory(factory.django.DjangoModelFactory):
    """A danger check with every answer no."""

    class Meta:
        model = models.DangerCheck

    user = factory.SubFactory(UserFactory)
    answers = factory.LazyFunction(lambda: dict(DANGER_ALL_NO))


def safety_check_form_data(**overrides) -> dict:
    """The safety check's form with every answer no, the children question included."""
    return form_data({**NO_TO_ALL, "children": "no"}, overrides)


def danger_check_form_data(**overrides) -> dict:
    """The danger check's form with every answer no."""
    return form_data(DANGER_ALL_NO, overrides)
