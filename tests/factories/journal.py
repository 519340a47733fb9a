import itertools
import uuid

import factory

from journal.models import Entry
from journal.services import entry_index
from stages import content
from stages.models import Stage
from tests.factories import UserFactory


class EntryFactory(factory.django.DjangoModelFactory):
    """A saved journal entry, encrypted and indexed for search like one written in the app."""

    class Meta:
        model = Entry
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Entry number {n}")
    body = "Today I walked by the river.\nThen I went home."
    mood = 3
    submission_token = factory.LazyFunction(uuid.uuid4)

    @factory.post_generation
    def indexed(self, create, extracted, **kwargs):
        if create and extracted is not False:
            entry_index(entry=self)


_STAGE_SLUGS = itertools.cycle(["say-sorry", "time-and-space", "change-bad-patterns", "faq"])


def StageFactory(slug: str | None = None) -> Stage:  # noqa: N802 - reads like the factories
    """A part of the program, as journal entries point to it: the row of one of the program's
    sections (their words live in code, so there are no sections of the tests' own), with its
    title and prompts as everyone reads them, for the tests to compare against."""
    stage = Stage.objects.get(slug=slug or next(_STAGE_SLUGS))
    section = content.for_reader(None).section(stage.slug)
    assert section is not None
    stage.title, stage.prompts = str(section), section.prompts  # type: ignore[attr-defined]
    return stage
