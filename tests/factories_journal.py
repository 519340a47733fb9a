import uuid

import factory

from journal.models import Entry
from journal.services import entry_index
from stages.models import Stage

from .factories import UserFactory


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


class StageFactory(factory.django.DjangoModelFactory):
    """A program page of the tests' own, so journal tests do not depend on the program's
    text (stages/content.py) staying as it is."""

    class Meta:
        model = Stage

    number = factory.Sequence(lambda n: 900 + n)
    slug = factory.Sequence(lambda n: f"journal-test-stage-{n}")
    kind = Stage.Kind.STAGE
    title = factory.Sequence(lambda n: f"Test stage {n}")
    summary = "A stage for journal tests."
    body = "Some text."
    prompts = factory.LazyFunction(
        lambda: ["What did you learn today?", "What would you\nsay to a friend?"]
    )
