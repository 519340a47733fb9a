"""Who is reading, and the one function that picks each text for them.

A reader is anything with two booleans, `unsafe` (reconnecting is unsafe: a yes to a safety
question) and `coparent` (they share, or care for, children with their ex): the safety app's
`Situation`, or a `Reader` made here (tests, the demo data, a visitor). `for_reader` returns
the program as that reader should see it: each of its texts comes from the most specific
audience that wrote one (`audiences`), then from `everyone`.
"""

import copy
import functools
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Protocol

from . import coparent, everyone, unsafe, unsafe_coparent

EVERYONE = "everyone"
UNSAFE = "unsafe"
COPARENT = "coparent"
UNSAFE_COPARENT = "unsafe_coparent"

MODULES: dict[str, ModuleType] = {
    EVERYONE: everyone,
    UNSAFE: unsafe,
    COPARENT: coparent,
    UNSAFE_COPARENT: unsafe_coparent,
}

# Texts a page may ask for by name, with what everyone reads. A reader's own module replaces
# any of them in its TEXTS; names that only exist for some readers default to None here.
EVERYONE_TEXTS: dict[str, Any] = {
    "SELF_CARE_INTRO": everyone.SELF_CARE_INTRO,
    "SPACE_GUIDANCE": everyone.SPACE_GUIDANCE,
    "CONTACT_LOG_INTRO": everyone.CONTACT_LOG_INTRO,
    "VALUE_REMINDERS": everyone.VALUE_REMINDERS,
    "URGE_ENCOURAGEMENT": everyone.URGE_ENCOURAGEMENT,
    "URGE_TITLE": everyone.URGE_TITLE,
    "URGE_ENDED": everyone.URGE_ENDED,
    "RESPONSIBILITY_REMINDER": everyone.RESPONSIBILITY_REMINDER,
    "MEMORY_GUIDANCE": everyone.MEMORY_GUIDANCE,
    "DATE_IDEA_REMINDER": everyone.DATE_IDEA_REMINDER,
    "REACH_OUT_QUESTIONS": everyone.REACH_OUT_QUESTIONS,
    "INSIGHTS": everyone.INSIGHTS,
    "COUNSELLOR": everyone.COUNSELLOR,
    "EXERCISE_TITLES": {},
    "SET_ASIDE": {},
    # The exercise whose page, summary and place in the program are, for this reader, the
    # safety app's danger check instead (None: no exercise is).
    "DANGER_CHECK_IN": None,
}

SECTION_FIELDS = ("title", "summary", "body", "key_points", "prompts", "faqs")


class ReaderLike(Protocol):
    @property
    def unsafe(self) -> bool: ...

    @property
    def coparent(self) -> bool: ...


@dataclass(frozen=True)
class Reader:
    unsafe: bool = False
    coparent: bool = False


EVERYONE_READER = Reader()


def audiences(reader: ReaderLike | None) -> tuple[str, ...]:
    """The audiences whose words this reader gets, most specific first. A person for whom
    reconnecting is unsafe gets the unsafe text before the co-parent's: their safety decides."""
    unsafe_reader = bool(reader and reader.unsafe)
    parent = bool(reader and reader.coparent)
    if unsafe_reader and parent:
        return (UNSAFE_COPARENT, UNSAFE, COPARENT, EVERYONE)
    if unsafe_reader:
        return (UNSAFE, EVERYONE)
    if parent:
        return (COPARENT, EVERYONE)
    return (EVERYONE,)


@dataclass
class Section:
    """One part of the program as one reader sees it. Pages set per-person progress on it
    (`user_progress`, `user_status` and friends: progress.reports), so each call of
    `for_reader` builds new ones."""

    number: int
    slug: str
    kind: str
    title: str
    summary: str
    body: str
    key_points: list[str] = field(default_factory=list)
    prompts: list[str] = field(default_factory=list)
    faqs: list[dict[str, str]] = field(default_factory=list)
    # Per request, set by progress.reports.with_progress.
    user_progress: Any = None
    user_status: str = "not_started"
    user_status_label: str = ""
    user_status_badge: Any = ""
    exercises: list = field(default_factory=list)
    set_aside: list = field(default_factory=list)

    def __str__(self):
        return f"Stage {self.number}: {self.title}" if self.is_stage else self.title

    @property
    def is_stage(self) -> bool:
        return self.kind == "stage"

    @property
    def is_self_care(self) -> bool:
        return self.slug == everyone.SELF_CARE_SLUG


@dataclass
class Program:
    """The program's words for one reader."""

    audiences: tuple[str, ...]
    sections: list[Section]
    texts: dict[str, Any]

    def section(self, slug: str, *, stages_only: bool = False) -> Section | None:
        for section in self.sections:
            if section.slug == slug and (section.is_stage or not stages_only):
                return section
        return None

    def text(self, name: str) -> Any:
        return self.texts[name]

    def set_aside(self, exercise_key: str) -> dict[str, str] | None:
        """What an exercise that is not part of this reader's path says instead, or None."""
        return self.texts["SET_ASIDE"].get(exercise_key)

    def is_danger_check(self, exercise_key: str) -> bool:
        """Whether this exercise is, for this reader, the safety app's danger check."""
        return self.texts["DANGER_CHECK_IN"] == exercise_key

    def exercise_title(self, exercise_key: str, default: str) -> str:
        return self.texts["EXERCISE_TITLES"].get(exercise_key, default)

    @property
    def unsafe(self) -> bool:
        return UNSAFE in self.audiences

    @property
    def coparent(self) -> bool:
        return COPARENT in self.audiences


def _pick_section(base: dict, order: tuple[str, ...]) -> Section:
    values = {}
    for name in SECTION_FIELDS:
        for audience in order:
            written = (
                base if audience == EVERYONE else MODULES[audience].SECTIONS.get(base["slug"], {})
            )
            if name in written:
                values[name] = copy.deepcopy(written[name])
                break
    return Section(number=base["number"], slug=base["slug"], kind=base["kind"], **values)


def _pick_text(name: str, order: tuple[str, ...]) -> Any:
    for audience in order:
        if audience == EVERYONE:
            return copy.deepcopy(EVERYONE_TEXTS[name])
        texts = MODULES[audience].TEXTS
        if name in texts:
            return copy.deepcopy(texts[name])
    raise KeyError(name)


@functools.cache
def _picked(order: tuple[str, ...]) -> tuple[tuple[Section, ...], dict[str, Any]]:
    """Each reader's sections and texts, picked once per process: there are four orders of
    audiences, and the content never changes while a process runs. Picking them anew cost
    about 0.15 ms a page (a deep copy of every section and text)."""
    return (
        tuple(_pick_section(base, order) for base in everyone.SECTIONS),
        {name: _pick_text(name, order) for name in EVERYONE_TEXTS},
    )


def for_reader(reader: ReaderLike | None) -> Program:
    """The program as this reader should read it: every section and every named text, each
    from the most specific audience that wrote it. The one place that decides.

    Each call gets its own Section objects, since pages set per-person progress on them; the
    words inside (strings, and the lists and dicts of the content) are shared and read-only:
    a page that changed one would change it for every reader after
    (tests/stages/test_content.py opens every page as each reader and checks the words are
    unchanged after)."""
    order = audiences(reader)
    sections, texts = _picked(order)
    fresh = []
    for kept in sections:
        section = copy.copy(kept)
        section.exercises, section.set_aside = [], []
        fresh.append(section)
    return Program(audiences=order, sections=fresh, texts=dict(texts))


def every_prompt() -> set[str]:
    """Every journal prompt any reader may be offered (the journal keeps only these)."""
    prompts: set[str] = set()
    for section in everyone.SECTIONS:
        prompts.update(str(prompt) for prompt in section["prompts"])  # type: ignore[attr-defined]
    for audience in (UNSAFE, COPARENT, UNSAFE_COPARENT):
        for written in MODULES[audience].SECTIONS.values():
            prompts.update(written.get("prompts", ()))
    return prompts


def every_text(module: ModuleType) -> list[str]:
    """Every string a module holds, in its SECTIONS and TEXTS (for the tests' word lists)."""
    found: list[str] = []

    def walk(value):
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)

    walk(getattr(module, "SECTIONS", {}))
    walk(getattr(module, "TEXTS", {}))
    return found
