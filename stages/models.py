from django.db import models


class StageQuerySet(models.QuerySet):
    def stages(self):
        """The seven numbered stages, without the introduction, closing, reflection or FAQ."""
        return self.filter(kind=Stage.Kind.STAGE)


class Stage(models.Model):
    """One page of the program: the introduction, a stage, the closing note, the
    "are you sure?" reflection or the FAQ. Loaded by data migration, editable by staff."""

    class Kind(models.TextChoices):
        INTRO = "intro", "Introduction"
        STAGE = "stage", "Stage"
        CLOSING = "closing", "Closing"
        REFLECTION = "reflection", "Reflection"
        FAQ = "faq", "FAQ"

    number = models.PositiveSmallIntegerField(unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.STAGE)
    title = models.CharField(max_length=120)
    summary = models.CharField(max_length=300)
    body = models.TextField(help_text='Plain text: blank lines between paragraphs, "- " bullets.')
    key_points = models.JSONField(default=list, blank=True)
    prompts = models.JSONField(default=list, blank=True, help_text="Journal prompts.")
    faqs = models.JSONField(default=list, blank=True, help_text='[{"question", "answer"}]')

    objects = StageQuerySet.as_manager()

    class Meta:
        ordering = ["number"]

    def __str__(self):
        if self.kind == self.Kind.STAGE:
            return f"Stage {self.number}: {self.title}"
        return self.title
