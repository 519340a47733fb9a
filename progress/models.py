"""What each person has done in the program: their progress through the sections, the rows
of the twelve exercises (everything they write is encrypted at rest, vault.fields) and the
dashboard's kept figures (Overview)."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Max, Min, Q
from django.utils import timezone

from keep.models import SubmittedOnce, Versioned
from safety.situation import Situation
from stages import content
from stages.models import Stage
from vault.fields import EncryptedCharField, EncryptedJSONField, EncryptedTextField

YES, NO, NOT_SURE = "yes", "no", "not_sure"
YES_NO = [(YES, "Yes"), (NO, "No")]
YES_NO_NOT_SURE = [(YES, "Yes"), (NO, "No"), (NOT_SURE, "Not sure")]

# Stage 3: how many whole days since the last logged contact count as "too soon" (fewer than
# this) and "too long" (more than this); everything in between is a balanced gap.
SPACE_TOO_SOON_BELOW_DAYS = 3
SPACE_TOO_LONG_ABOVE_DAYS = 30


def days_before(day: datetime.date, today: datetime.date) -> int:
    """Whole days from `day` to the person's local `today`, never fewer than 0: a day ahead of
    today was today where the person was when they wrote it (a zone further east, before they
    moved theirs west), so it counts as today."""
    return max((today - day).days, 0)


# The stage brought to the front for anyone who answers yes to a safety question.
SELF_CARE_SLUG = content.SELF_CARE_SLUG

# The answers that suggest a person is ready, from the notes in stages.content.
READY_ANSWERS = {
    "still_in_love": YES,
    "impulsive": NO,
    "band_aid": NO,
    "ready_to_compromise": YES,
    "ready_to_admit": YES,
    "ready_to_change": YES,
}
REACH_OUT_HEALTHY = {"desperate": NO, "fine_without_reply": YES, "pleading": NO, "know_open": YES}


class StageProgressQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user)


class StageProgress(models.Model):
    """Where one person is with one section. Content reloads never touch these rows."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        COMPLETED = "completed", "Completed"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="progress")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.NOT_STARTED)
    started_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    last_visited_at = models.DateTimeField(null=True, blank=True)

    objects = StageProgressQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "stage"], name="stageprogress_one_per_stage")
        ]

    def __str__(self):
        return f"{self.stage} – {self.get_status_display()}"

    @classmethod
    def _row(cls, user, slug: str) -> "StageProgress":
        progress, _ = cls.objects.get_or_create(
            user=user, stage=Stage.objects.only("pk").get(slug=slug)
        )
        return progress

    @classmethod
    def touch(cls, user, slug: str):
        """Record work on a section (a save, or its start button): starts the section unless
        it is already completed. Opening a page never calls this."""
        now = timezone.now()
        progress = cls._row(user, slug)
        progress.last_visited_at = now
        if progress.status == cls.Status.NOT_STARTED:
            progress.status = cls.Status.IN_PROGRESS
            progress.started_at = now
        progress.save()
        return progress

    @classmethod
    def complete(cls, user, slug: str):
        now = timezone.now()
        progress = cls._row(user, slug)
        progress.status = cls.Status.COMPLETED
        progress.started_at = progress.started_at or now
        progress.completed_at = now
        progress.last_visited_at = now
        progress.save()
        return progress

    @classmethod
    def reopen(cls, user, slug: str):
        progress = cls._row(user, slug)
        progress.status = cls.Status.IN_PROGRESS
        progress.started_at = progress.started_at or timezone.now()
        progress.completed_at = None
        progress.last_visited_at = timezone.now()
        progress.save()
        return progress


class OwnedQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user)

    def summary(self, today: datetime.date):
        """What the personal summary shows of one person's rows (already for_user)."""
        if self.model._meta.get_field("user").one_to_one:
            return self.first()
        return list(self)


class Apology(Versioned):
    """Stage 1: the sincerity check and a private apology draft that is never sent."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Still a draft"
        READY = "ready", "Ready (I'll say it myself, in my own time)"
        DECIDED_NOT = "decided_not", "I've decided not to apologise"

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    sincerity = EncryptedJSONField(default=dict)
    draft = EncryptedTextField(max_length=5000, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    def __str__(self):
        return f"Apology draft ({self.get_status_display()})"

    def sincerity_pairs(self) -> list[tuple[str, str | None]]:
        return [
            (question, self.sincerity.get(key)) for key, question, _ in content.SINCERITY_QUESTIONS
        ]

    def sincerity_replies(self) -> list[tuple[str, str]]:
        """(question, reply) for each answer that suggests apologising for the wrong reasons."""
        return [
            (question, content.SINCERITY_REPLIES[key, self.sincerity[key]])
            for key, question, _ in content.SINCERITY_QUESTIONS
            if (key, self.sincerity.get(key)) in content.SINCERITY_REPLIES
        ]


class CheckInQuerySet(OwnedQuerySet):
    def streak(self, today: datetime.date) -> int:
        """Consecutive days with a check-in, ending today, or yesterday if today isn't done.

        Reads only a recent window of dates (one query for any streak under two months),
        widening it only while the streak runs back to the window's edge. A check-in dated
        ahead of today counts as today's (days_before).
        """
        window = 64
        while True:
            since = today - datetime.timedelta(days=window)
            dates = {
                min(date, today)
                for date in self.filter(date__gt=since).values_list("date", flat=True)
            }
            day = today if today in dates else today - datetime.timedelta(days=1)
            count = 0
            while day in dates:
                count += 1
                day -= datetime.timedelta(days=1)
            if day > since:  # the streak ended inside the window
                return count
            window *= 4

    def of_today(self, today: datetime.date):
        """Today's check-in, if there is one: dated today or, made before the person moved
        their zone west, dated ahead of it (days_before)."""
        return self.filter(date__gte=today).order_by("date").first()

    def summary(self, today: datetime.date):
        """The streak and every check-in, newest first (the mood history): two queries."""
        return {"streak": self.streak(today), "rows": list(self.order_by("-date"))}


class SelfCareCheckIn(SubmittedOnce):
    """Stage 2: one daily self-care check-in per person per day."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    date = models.DateField()
    hours_slept = models.DecimalField(
        max_digits=3,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("24"))],
    )
    ate_well = models.BooleanField()
    moved = models.BooleanField()
    basic_care = models.BooleanField()
    mood = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(5)])
    note = EncryptedTextField(max_length=1000, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CheckInQuerySet.as_manager()

    class Meta(SubmittedOnce.Meta):
        ordering = ["-date"]
        constraints = [
            *SubmittedOnce.Meta.constraints,
            models.UniqueConstraint(fields=["user", "date"], name="checkin_one_per_day"),
        ]

    def __str__(self):
        return f"Check-in {self.date}"

    @property
    def is_editable(self):
        return days_before(self.date, timezone.localdate()) == 0


class ContactQuerySet(OwnedQuerySet):
    def picture(self, today: datetime.date) -> dict:
        """Days since the last contact, counts, and which guidance fits, in one query."""
        figures = self.aggregate(
            last=Max("date"),
            total=Count("id"),
            by_me=Count("id", filter=Q(initiated_by=Contact.By.ME)),
            by_them=Count("id", filter=Q(initiated_by=Contact.By.THEM)),
        )
        days = days_before(figures["last"], today) if figures["last"] else None
        if days is None:
            key = "none"
        elif days < SPACE_TOO_SOON_BELOW_DAYS:
            key = "too_soon"
        elif days > SPACE_TOO_LONG_ABOVE_DAYS:
            key = "too_long"
        else:
            key = "balanced"
        return {**figures, "days_since": days, "guidance_key": key}

    def summary(self, today: datetime.date):
        """The counts, and every contact with what the person noted: two queries."""
        return {**self.picture(today), "rows": list(self.order_by("-date", "-id"))}


class Contact(SubmittedOnce):
    """Stage 3: one time the person and their ex were in touch."""

    class By(models.TextChoices):
        ME = "me", "I did"
        THEM = "them", "They did"

    class Method(models.TextChoices):
        CALL = "call", "A call"
        TEXT = "text", "A text or message"
        IN_PERSON = "in_person", "In person"
        OTHER = "other", "Other"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    date = models.DateField()
    initiated_by = models.CharField("Who reached out?", max_length=4, choices=By.choices)
    method = models.CharField("How?", max_length=10, choices=Method.choices)
    how_it_went = EncryptedTextField("How did it go?", max_length=1000, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ContactQuerySet.as_manager()

    class Meta(SubmittedOnce.Meta):
        ordering = ["-date", "-id"]

    def __str__(self):
        return f"Contact on {self.date}"


class FeelingSign(models.Model):
    """Stage 3: signs the person has noticed of one of the feelings space can give room to."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    feeling = models.CharField(
        max_length=20, choices=[(k, label) for k, label, _ in content.EX_FEELINGS]
    )
    noticed = models.BooleanField(default=False)
    note = EncryptedCharField(max_length=500, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "feeling"], name="feelingsign_one_per_feeling")
        ]

    def __str__(self):
        return self.get_feeling_display()


class ReachOutCheck(Versioned):
    """Stage 4: the latest answers to the pause-before-reaching-out questions."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    answers = EncryptedJSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    def __str__(self):
        return "Before you reach out"

    def pairs(self):
        """(question, answer) in content order; None where not answered."""
        return [
            (question, self.answers.get(key)) for key, question, _ in content.REACH_OUT_QUESTIONS
        ]

    def flags(self):
        """Questions whose saved answer suggests waiting before reaching out."""
        return [
            question
            for key, question, _ in content.REACH_OUT_QUESTIONS
            if key in self.answers and self.answers[key] != REACH_OUT_HEALTHY[key]
        ]


class HeldMessageQuerySet(OwnedQuerySet):
    def waiting(self, now=None):
        now = now or timezone.now()
        return self.filter(status=HeldMessage.Status.HELD, ready_at__gt=now)

    def waiting_summary(self, now=None) -> dict:
        """How many messages are still cooling off and when the next one is ready, in one query."""
        return self.waiting(now).aggregate(count=Count("id"), next_ready=Min("ready_at"))

    def summary(self, today: datetime.date):
        """How many messages are cooling off, ready, sent elsewhere and let go, and every
        message with its text: one query."""
        now = timezone.now()
        rows: list[HeldMessage] = list(self.order_by("-created_at", "-id"))  # type: ignore[arg-type]
        counts = {"waiting": 0, "ready": 0, "sent_elsewhere": 0, "let_go": 0}
        for message in rows:
            if message.status == HeldMessage.Status.HELD:
                counts["waiting" if message.ready_at > now else "ready"] += 1
            else:
                counts[message.status] += 1
        return {**counts, "rows": rows}


class HeldMessage(SubmittedOnce):
    """Stage 4: a message the person would like to send, held back for a cooling-off period.
    exback never sends anything."""

    class Hold(models.IntegerChoices):
        DAY = 24, "24 hours"
        TWO_DAYS = 48, "48 hours"
        THREE_DAYS = 72, "72 hours"
        WEEK = 168, "1 week"

    class Status(models.TextChoices):
        HELD = "held", "Held"
        SENT_ELSEWHERE = "sent_elsewhere", "I sent it myself"
        LET_GO = "let_go", "Let go"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    text = EncryptedTextField("Your message", max_length=5000)
    hold_hours = models.PositiveSmallIntegerField(
        "Cooling-off period", choices=Hold.choices, default=Hold.DAY
    )
    status = models.CharField(max_length=14, choices=Status.choices, default=Status.HELD)
    created_at = models.DateTimeField(auto_now_add=True)
    ready_at = models.DateTimeField()
    decided_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = HeldMessageQuerySet.as_manager()

    class Meta(SubmittedOnce.Meta):
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"Held message ({self.get_status_display()})"

    def start_hold(self):
        self.status = self.Status.HELD
        self.decided_at = None
        self.ready_at = timezone.now() + datetime.timedelta(hours=self.hold_hours)

    @property
    def is_waiting(self):
        return self.status == self.Status.HELD and self.ready_at > timezone.now()

    @property
    def is_ready(self):
        return self.status == self.Status.HELD and self.ready_at <= timezone.now()

    def decide(self, status):
        self.status = status
        self.decided_at = timezone.now()
        if status == self.Status.LET_GO:
            self.text = ""


class Responsibility(SubmittedOnce):
    """Stage 5: one acknowledged mistake and what the person will do differently."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    what_happened = EncryptedTextField("What happened", max_length=2000)
    my_part = EncryptedTextField("My part in it", max_length=2000)
    do_differently = EncryptedTextField("What I'll do differently", max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    class Meta(SubmittedOnce.Meta):
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "responsibilities"

    def __str__(self):
        return "Acknowledged mistake"


class PatternAnswers(Versioned):
    """Stage 6: the yes/no answer to each pattern question, three new habits for each yes
    and any the person wrote beside a no."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    # {"taking_value": {"answer": "yes", "habits": ["...", "...", "..."]}, ...}
    answers = EncryptedJSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    def __str__(self):
        return "Patterns and new habits"

    def habits(self):
        """(question, habits) for each pattern with new habits, in content order."""
        return [
            (q["question"], self.answers[q["key"]]["habits"])
            for q in content.PATTERN_QUESTIONS
            if self.answers.get(q["key"], {}).get("habits")
        ]


class Memory(SubmittedOnce):
    """Stage 7: one good memory."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    what = EncryptedCharField("What happened", max_length=500)
    when = EncryptedCharField("When", max_length=100, blank=True)
    where = EncryptedCharField("Where", max_length=200, blank=True)
    why_good = EncryptedTextField("What made it good", max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    class Meta(SubmittedOnce.Meta):
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "memories"

    def __str__(self):
        return "Good memory"


class DateIdea(Versioned):
    """Stage 7: one idea for a date near where the two of them first met."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    idea = EncryptedTextField("Your date idea", max_length=1000)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    def __str__(self):
        return "Date idea"


class Readiness(Versioned):
    """The "are you sure?" decision aid: the readiness answers, and the reasons for and against
    getting back together, each weighed by the person."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    answers = EncryptedJSONField(default=dict)
    # [{"side": "for" | "against", "text": str, "weight": 1..5}, ...]
    reasons = EncryptedJSONField(default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    class Meta(Versioned.Meta):
        verbose_name_plural = "readiness answers"

    def __str__(self):
        return "Are you sure?"

    def pairs(self):
        """(question, answer) in content order; None where not answered."""
        return [(question, self.answers.get(key)) for key, question in content.READINESS_QUESTIONS]

    def weights(self) -> dict[str, int]:
        """The summed weight of the reasons on each side."""
        totals = {"for": 0, "against": 0}
        for reason in self.reasons:
            totals[reason["side"]] += reason["weight"]
        return totals

    def reasons_for(self) -> list[dict]:
        return [r for r in self.reasons if r["side"] == "for"]

    def reasons_against(self) -> list[dict]:
        return [r for r in self.reasons if r["side"] == "against"]

    def concerns(self, situation: Situation | None = None) -> list[dict]:
        """What the decision aid names: each concern with the answer that raised it, why it
        matters and what to do next; safety answers first, then the readiness questions in
        order, then the weighing."""
        found = []
        if situation is not None and situation.unsafe:
            found.append(
                {
                    "answer": "You told us that "
                    + _join(list(situation.concerns))
                    + " (your safety check).",
                    "why": "When a relationship has been frightening or controlling, getting back "
                    "together is not the goal, and nothing on this page outweighs your safety.",
                    "next": "Look at the Safety page and make a safety plan; talk to a helpline "
                    "that knows about abuse.",
                    "safety": True,
                }
            )
        labels = dict(YES_NO_NOT_SURE)
        for key, question in content.READINESS_QUESTIONS:
            answer = self.answers.get(key)
            if answer is None or answer == READY_ANSWERS[key]:
                continue
            why, next_step = content.READINESS_CONCERNS[key]
            found.append(
                {
                    "answer": f"\u201c{question}\u201d You answered \u201c{labels[answer]}\u201d.",
                    "why": why,
                    "next": next_step,
                    "safety": False,
                }
            )
        totals = self.weights()
        if totals["against"] > totals["for"]:
            found.append(
                {
                    "answer": f"Your reasons against weigh {totals['against']}; your reasons for "
                    f"weigh {totals['for']}.",
                    "why": "By your own weighing, what speaks against getting back together "
                    "matters more to you right now than what speaks for it.",
                    "next": "Read your reasons against once more, slowly. If they still weigh "
                    "more in a week, trust that.",
                    "safety": False,
                }
            )
        return found

    def note(self, situation: Situation | None = None):
        """One line on the answers as a whole. Never a reassurance above a safety concern: for
        a person who said yes to a safety question, there is no line at all (the concern,
        first in `concerns`, says what matters)."""
        answers = self.answers
        if not answers or (situation is not None and situation.unsafe):
            return None
        unsure = [k for k, v in answers.items() if v == NOT_SURE]
        not_ready = [
            k
            for k, v in answers.items()
            if k in READY_ANSWERS and v not in (READY_ANSWERS[k], NOT_SURE)
        ]
        totals = self.weights()
        if totals["against"] > totals["for"]:
            not_ready.append("weighing")
        if not unsure and not not_ready:
            return (
                "From your answers, you seem to be coming at this with clear eyes. Keep going "
                "gently, and keep looking after yourself whatever happens."
            )
        if not_ready:
            return (
                "Some of your answers suggest this might not be the right moment, and that's "
                "okay. There's no rush. You could come back to these questions in a few weeks, "
                "or write about them in your journal."
            )
        return (
            "You're not sure about some of these yet, which is honest. Give yourself time; the "
            "answers often get clearer after a while."
        )


def _join(phrases: list[str]) -> str:
    if len(phrases) <= 1:
        return "".join(phrases)
    return ", ".join(phrases[:-1]) + " and " + phrases[-1]


class UrgeQuerySet(OwnedQuerySet):
    def resisted(self):
        return self.exclude(outcome=Urge.Outcome.REACHED_OUT)

    def picture(self) -> dict:
        """How many urges were logged and how many ended without reaching out: one query."""
        return self.aggregate(
            total=Count("id"), resisted=Count("id", filter=~Q(outcome=Urge.Outcome.REACHED_OUT))
        )

    def summary(self, today: datetime.date):
        """Every urge with its note, and how many ended each way: one query."""
        rows: list[Urge] = list(self)  # type: ignore[arg-type]
        counts = {outcome: 0 for outcome in Urge.Outcome.values}
        for urge in rows:
            counts[urge.outcome] += 1
        resisted = len(rows) - counts[Urge.Outcome.REACHED_OUT]
        return {"rows": rows, "counts": counts, "total": len(rows), "resisted": resisted}


class Urge(SubmittedOnce):
    """One moment the person wanted to reach out to their ex, and where it ended."""

    class Outcome(models.TextChoices):
        WAITED = "waited", "I waited"
        HELD = "held", "I wrote a held message"
        JOURNAL = "journal", "I wrote in my journal"
        REACHED_OUT = "reached_out", "I reached out anyway"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    created_at = models.DateTimeField(default=timezone.now)
    outcome = models.CharField(max_length=12, choices=Outcome.choices)
    note = EncryptedTextField("Anything you want to note", max_length=1000, blank=True)

    objects = UrgeQuerySet.as_manager()

    class Meta(SubmittedOnce.Meta):
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"Urge on {self.created_at:%Y-%m-%d}"


class Overview(models.Model):
    """What the dashboard shows of one person's program, kept in one row so that the dashboard
    reads it instead of eight aggregates and an eleven-way UNION (about 6 ms a page): counts,
    dates and which exercises were saved last, never anything the person wrote (a database
    reader learns nothing here that the exercise tables' own dates and row counts don't say).

    Built by the first dashboard that finds it missing or out of date, for the person's local
    day and until the next held message is ready. Every save or delete of one of the person's
    exercise rows raises `generation` (progress.services calls overview.forget), and a dashboard stores what it built
    only if the generation is still the one it started from: a write in another tab while it
    was building wins."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True
    )
    generation = models.PositiveBigIntegerField(default=0)
    built_generation = models.PositiveBigIntegerField(null=True, blank=True)
    day = models.DateField(null=True, blank=True)
    valid_until = models.DateTimeField(null=True, blank=True)
    figures = models.JSONField(default=dict, blank=True)

    def __str__(self):
        return f"Overview of user {self.user_id}"

    def is_current(self, today: datetime.date, now: datetime.datetime) -> bool:
        return (
            self.built_generation == self.generation
            and self.day == today
            and (self.valid_until is None or now < self.valid_until)
        )
