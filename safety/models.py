import datetime
import re

from django.conf import settings
from django.db import models
from django.utils import timezone

from keep.models import Versioned
from vault.fields import EncryptedJSONField, EncryptedTextField

from . import content

YES, NO, NOT_SURE = "yes", "no", "not_sure"
YES_NO = [(YES, "Yes"), (NO, "No")]
YES_NO_NOT_SURE = [(YES, "Yes"), (NO, "No"), (NOT_SURE, "Not sure")]

# After this many days the dashboard asks whether the safety answers still hold.
REVIEW_DAYS = 30


class OwnedQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user)


class SafetyCheck(Versioned):
    """The safety check: the safety questions, asked before the program, and the person's
    situation (whether they share children with their ex), changeable at any time from the
    check or the account page. Read through safety.situation, never directly."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    # Encrypted, with no "any yes" column beside it: a database reader can't tell who said yes,
    # nor who has children. {"violence": "no", ..., "children": "yes"}
    answers = EncryptedJSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    def __str__(self):
        return f"Safety check for {self.user}"

    @property
    def any_yes(self) -> bool:
        return any_yes(self.answers)

    def concerns(self) -> list[str]:
        return concerns(self.answers)

    @property
    def coparent(self) -> bool:
        return coparent(self.answers)

    def is_due_for_review(self, now=None) -> bool:
        return is_due_for_review(self.updated_at, now)


# What the answers mean, for a check row and for its answers read alone (safety.situation).
def any_yes(answers: dict) -> bool:
    """A yes to a safety question (the situation's questions are not safety concerns)."""
    return any(answers.get(key) == YES for key, _ in content.SAFETY_QUESTIONS)


def concerns(answers: dict) -> list[str]:
    """What the person said yes to, in their own terms, in the questions' order."""
    return [phrase for key, phrase in content.SAFETY_CONCERNS.items() if answers.get(key) == YES]


def coparent(answers: dict) -> bool:
    """Shares, or cares for, children with their ex. Someone who answered before the
    question was asked counts as no until they answer it."""
    return answers.get("children") == YES


def is_due_for_review(updated_at: datetime.datetime, now=None) -> bool:
    """Thirty days on, the dashboard gently asks whether anything has changed."""
    now = now or timezone.now()
    return updated_at <= now - datetime.timedelta(days=REVIEW_DAYS)


class SafetyPlan(Versioned):
    """A private, printable safety plan: the steps of the Stanley-Brown Safety Planning
    Intervention in their order, then the optional parts that domestic-abuse safety planning
    adds (content.SAFETY_PLAN_STEPS and SAFETY_PLAN_OPTIONAL say what each one is for)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    # The steps, in order.
    warning_signs = EncryptedTextField(max_length=3000, blank=True)
    coping = EncryptedTextField(max_length=3000, blank=True)
    distractions = EncryptedTextField(max_length=3000, blank=True)
    help_people = EncryptedTextField(max_length=3000, blank=True)
    professional_help = EncryptedTextField(max_length=3000, blank=True)
    safer_surroundings = EncryptedTextField(max_length=3000, blank=True)
    reasons_for_living = EncryptedTextField(max_length=3000, blank=True)
    # The optional parts, for danger from a partner or ex.
    children = EncryptedTextField(max_length=3000, blank=True)
    pets = EncryptedTextField(max_length=3000, blank=True)
    phone_location = EncryptedTextField(max_length=3000, blank=True)
    documents_money = EncryptedTextField(max_length=3000, blank=True)
    evidence = EncryptedTextField(max_length=3000, blank=True)
    protective_orders = EncryptedTextField(max_length=3000, blank=True)
    after_leaving = EncryptedTextField(max_length=3000, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    def __str__(self):
        return "Safety plan"

    def _parts(self, parts) -> list[dict]:
        return [
            {"field": part.field, "title": part.heading, "text": getattr(self, part.field)}
            for part in parts
        ]

    def steps(self) -> list[dict]:
        """The Stanley-Brown steps with what the person wrote, in their order."""
        return self._parts(content.SAFETY_PLAN_STEPS)

    def optional_parts(self) -> list[dict]:
        """The domestic-abuse parts with what the person wrote."""
        return self._parts(content.SAFETY_PLAN_OPTIONAL)

    def written_optional_parts(self) -> list[dict]:
        return [part for part in self.optional_parts() if str(part["text"]).strip()]

    def sections(self) -> list[dict]:
        """Every part of the plan with its heading and what the person wrote, in order."""
        return self._parts(content.SAFETY_PLAN_SECTIONS)

    def is_empty(self) -> bool:
        return not any(str(section["text"]).strip() for section in self.sections())


class HelplineQuerySet(models.QuerySet):
    def for_country(self, country: str):
        return self.filter(country=country.upper()).order_by("-is_emergency", "order", "name")

    def international(self):
        return self.filter(country="").order_by("order", "name")

    def countries(self) -> list[str]:
        return list(
            self.exclude(country="").order_by().values_list("country", flat=True).distinct()
        )

    def checked_before(self, day: datetime.date):
        """Entries last checked before this day, the longest unchecked first."""
        return self.filter(checked_on__lt=day).order_by("checked_on", "country", "name")


class Helpline(models.Model):
    """A place to turn to, by country: kept as data so staff can correct it in the admin.
    Every row names the published source it was checked against, and when; a row whose
    details could not all be confirmed says so (`verified`, `note`). `manage.py
    stale_helplines` lists the rows due for another check."""

    country = models.CharField(
        max_length=2,
        blank=True,
        db_index=True,
        help_text="ISO 3166-1 alpha-2, e.g. GB. Empty for an international directory, shown "
        "to everyone.",
    )
    name = models.CharField(max_length=120)
    purpose = models.CharField(max_length=200, help_text="What it is for, in a few words.")
    is_emergency = models.BooleanField(
        "emergency number", default=False, help_text="The country's emergency number."
    )
    is_abuse_support = models.BooleanField(
        "domestic-abuse support",
        default=False,
        help_text="A line for people affected by domestic abuse: the danger check shows it "
        "beside the emergency number when a person's answers show a sign of serious danger.",
    )
    phone = models.CharField(max_length=40, blank=True)
    text = models.CharField("text / SMS", max_length=80, blank=True)
    chat_url = models.URLField("chat or website", blank=True)
    hours = models.CharField(max_length=80, blank=True)
    source_url = models.URLField("source", help_text="Where this was checked.")
    checked_on = models.DateField("checked on")
    verified = models.BooleanField(
        default=True,
        help_text="Untick when a detail could not be confirmed against a published source: "
        "the Safety page then says it is not yet verified.",
    )
    note = models.CharField(
        max_length=200,
        blank=True,
        help_text="Shown under the entry: what a reader should know, such as what could not be "
        "confirmed.",
    )
    order = models.PositiveSmallIntegerField(default=0)

    objects = HelplineQuerySet.as_manager()

    class Meta:
        ordering = ["country", "-is_emergency", "order", "name"]
        constraints = [
            # Named when the table belonged to exback; the name stays what the database has.
            models.UniqueConstraint(fields=["country", "name"], name="exback_helpline_unique_name")
        ]

    def __str__(self):
        return f"{self.name} ({self.country})"

    @property
    def dial(self) -> str:
        """What a tel: link dials: the phone up to its first word, without spaces, dashes or
        brackets ("17 or 112" dials 17, "(852) 2343 2255" dials 85223432255), with a "#"
        escaped for the URL (#8008)."""
        number = re.match(r"[\d\s+#()-]*", self.phone)
        digits = re.sub(r"[\s()-]", "", number.group() if number else "")
        return digits.replace("#", "%23")


class DangerCheck(Versioned):
    """The danger check (content.DANGER_QUESTIONS): for a person whose safety answers suggest
    abuse, the signs research links to the greatest danger, answered yes, no or not sure. One
    per person, changeable at any time; what it means is decided here (`urgent`)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    # Encrypted, with no column saying whether any answer is yes. {"strangled": "no", ...}
    answers = EncryptedJSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    def __str__(self):
        return "Danger check"

    @property
    def urgent(self) -> bool:
        """Any yes, or "not sure" where not knowing is itself a warning (strangulation, a
        weapon, threats to kill): the page leads with the emergency number and a helpline."""
        return any(
            self.answers.get(key) == YES
            or (self.answers.get(key) == NOT_SURE and key in content.DANGER_NOT_SURE_IS_URGENT)
            for key, *_ in content.DANGER_QUESTIONS
        )

    @property
    def all_no(self) -> bool:
        return all(self.answers.get(key) == NO for key, *_ in content.DANGER_QUESTIONS)

    def signs(self) -> list[str]:
        """What the person said yes to, in their terms, in the questions' order."""
        return [sign for key, _, sign in content.DANGER_QUESTIONS if self.answers.get(key) == YES]

    def summary_note(self) -> str:
        """What the personal summary says after the answers."""
        if self.urgent:
            return content.DANGER_SUMMARY["urgent"]
        return content.DANGER_SUMMARY["calm" if self.all_no else "unsure"]

    def pairs(self) -> list[tuple[str, str]]:
        """(question, answer label) in the questions' order, "Not answered" where none."""
        labels = dict(YES_NO_NOT_SURE)
        return [
            (question, labels.get(self.answers.get(key), "Not answered"))
            for key, question, _ in content.DANGER_QUESTIONS
        ]
