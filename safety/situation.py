"""A person's situation, as they told it in the safety check: the one reading of it that the
program, the journal, the reminders and the site use. Nothing outside this app reads the
answers themselves, so what "unsafe" or "co-parent" means is decided here, once."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from vault.fields import log_unreadable

from . import models
from .models import SafetyCheck


@dataclass(frozen=True)
class Situation:
    checked: bool  # has answered the safety check
    unsafe: bool  # said yes to any safety question: reconnecting is unsafe
    coparent: bool  # shares, or cares for, children with their ex
    concerns: tuple[str, ...]  # what they said yes to, in their terms, in the questions' order
    due_for_review: bool  # the 30-day "do your answers still hold?" prompt
    updated_at: datetime.datetime | None

    @classmethod
    def of_answers(
        cls, answers: dict, updated_at: datetime.datetime, now: datetime.datetime | None = None
    ) -> "Situation":
        """The situation a safety check's answers describe, as of `now`."""
        return cls(
            checked=True,
            unsafe=models.any_yes(answers),
            coparent=models.coparent(answers),
            concerns=tuple(models.concerns(answers)),
            due_for_review=models.is_due_for_review(updated_at, now or timezone.now()),
            updated_at=updated_at,
        )


# Someone who has not answered yet (or a visitor): nothing is assumed.
UNCHECKED = Situation(
    checked=False, unsafe=False, coparent=False, concerns=(), due_for_review=False, updated_at=None
)


def situation_for(user) -> Situation:
    """This person's situation: one query (none for a visitor), of the two values it needs.
    Every page reads it, and the row's model instance and ordered query cost about 0.1 ms a
    page more; answers no key can read are logged as the model instance logs them."""
    if not getattr(user, "is_authenticated", False):
        return UNCHECKED
    rows = SafetyCheck.objects.for_user(user).values_list("pk", "answers", "updated_at")[:1]
    for pk, answers, updated_at in rows:
        log_unreadable(SafetyCheck._meta.db_table, pk, {"answers": answers})
        return Situation.of_answers(answers, updated_at)
    return UNCHECKED
