"""The program's sections as the rows that point to them know them (a person's progress, a
journal entry's stage). The words are in code, in `stages.content`."""

from django.db import models


class StageQuerySet(models.QuerySet):
    def stages(self):
        """The seven numbered stages, without the introduction, closing, reflection or FAQ."""
        return self.filter(kind=Stage.Kind.STAGE)


class Stage(models.Model):
    """One part of the program, as the rows that point to it know it: per-person progress and
    journal entries. Its words are not here: they live in code (stages.content), written for
    each kind of reader, and staff do not edit them in the admin. The rows are created by
    migration 0002 and never change."""

    class Kind(models.TextChoices):
        INTRO = "intro", "Introduction"
        STAGE = "stage", "Stage"
        CLOSING = "closing", "Closing"
        REFLECTION = "reflection", "Reflection"
        FAQ = "faq", "FAQ"

    number = models.PositiveSmallIntegerField(unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.STAGE)

    objects = StageQuerySet.as_manager()

    class Meta:
        ordering = ["number"]

    def __str__(self):
        return self.slug
