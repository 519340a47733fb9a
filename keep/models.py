"""The abstract models whose fields the guards act on: `version` (keep.versions) and
`submission_token` (keep.submissions). Without them, a model would have to remember both
fields and the unique constraint by hand, and a row missing one would be overwritten from a
stale tab or added twice by a double submit.

Abstract only: they live outside any installed app, and each model that inherits them gets
the fields and the constraint in its own app's table (`%(app_label)s_%(class)s_one_per_submit`
names it there, as it always has, so no migration changes)."""

from django.db import models


class Versioned(models.Model):
    """Something a person may edit in two tabs at once: a save names the version it was
    loaded from, and loses to a save made meanwhile instead of overwriting it (keep.versions)."""

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


class SubmittedOnce(Versioned):
    """A row added by a form: the form's one-time token makes a double submit one row
    (keep.submissions)."""

    submission_token = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        abstract = True
        constraints = [
            models.UniqueConstraint(
                fields=["user", "submission_token"], name="%(app_label)s_%(class)s_one_per_submit"
            )
        ]
