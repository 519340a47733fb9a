"""The program's words, in code: one package, each text saying whom it is for.

- `everyone.py`: what every reader sees unless a text written for them replaces it.
- `unsafe.py`: for a person for whom reconnecting is unsafe (any yes to a safety question).
  The program becomes a path of its own: no page coaches contact, apology, reconciliation or
  self-blame.
- `coparent.py`: for a parent who shares children (or cares for children) with their ex: never
  "cut all contact"; contact kept to the children, brief and businesslike.
- `unsafe_coparent.py`: for a person who is both: contact about the children arranged through
  a third party or a contact centre.

`for_reader(reader)` is the one place that decides which text a page shows (readers.py).
Plain Python data and no Django imports, so that every string can later be wrapped for
gettext. Adapted in our own words from "7 Crucial Stages Of Getting Back Together With An Ex"
by Paul R. Brian & Renee Shen.
"""

from .everyone import (
    CONTACT_LOG_INTRO,
    DATE_IDEA_REMINDER,
    EX_FEELINGS,
    MEMORY_GUIDANCE,
    PATTERN_QUESTIONS,
    REACH_OUT_QUESTIONS,
    READINESS_CONCERNS,
    READINESS_QUESTIONS,
    READINESS_REASON_ROWS,
    READINESS_WEIGHTS,
    RESPONSIBILITY_REMINDER,
    SECTIONS,
    SELF_CARE_INTRO,
    SELF_CARE_SLUG,
    SINCERITY_QUESTIONS,
    SINCERITY_REPLIES,
    SPACE_GUIDANCE,
    URGE_BREATHING,
    URGE_ENCOURAGEMENT,
    URGE_GROUNDING,
    URGE_WAITS,
    VALUE_REMINDERS,
    PatternQuestion,
)
from .readers import Program, Reader, Section, every_prompt, for_reader

__all__ = [
    "CONTACT_LOG_INTRO",
    "DATE_IDEA_REMINDER",
    "EX_FEELINGS",
    "MEMORY_GUIDANCE",
    "PATTERN_QUESTIONS",
    "REACH_OUT_QUESTIONS",
    "READINESS_CONCERNS",
    "READINESS_QUESTIONS",
    "READINESS_REASON_ROWS",
    "READINESS_WEIGHTS",
    "RESPONSIBILITY_REMINDER",
    "SECTIONS",
    "SELF_CARE_INTRO",
    "SELF_CARE_SLUG",
    "SINCERITY_QUESTIONS",
    "SINCERITY_REPLIES",
    "SPACE_GUIDANCE",
    "URGE_BREATHING",
    "URGE_ENCOURAGEMENT",
    "URGE_GROUNDING",
    "URGE_WAITS",
    "VALUE_REMINDERS",
    "PatternQuestion",
    "Program",
    "Reader",
    "Section",
    "every_prompt",
    "for_reader",
]
