"""A person's situation, as they told it in the safety check: the one reading of it that the
program, the journal, the reminders and the site use. Nothing outside this app reads the
answers themselves, so what "unsafe" or "co-parent" means is decided here, once."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

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
    def of(cls, check: SafetyCheck | None, now: datetime.datetime | None = None) -> "Situation":
        """The situation a safety check row describes; no row: not asked yet."""
        if check is None:
            return UNCHECKED
        return cls(
            checked=True,
            unsafe=check.any_yes,
            coparent=check.coparent,
            concerns=tuple(check.concerns()),
            due_for_review=check.is_due_for_review(now or timezone.now()),
            updated_at=check.updated_at,
        )


# Someone who has not answered yet (or a visitor): nothing is assumed.
UNCHECKED = Situation(
    checked=False, unsafe=False, coparent=False, concerns=(), due_for_review=False, updated_at=None
)


def situation_for(user) -> Situation:
    """This person's situation: one query (none for a visitor)."""
    if not getattr(user, "is_authenticated", False):
        return UNCHECKED
    return Situation.of(SafetyCheck.objects.for_user(user).first())
