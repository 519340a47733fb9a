"""A model form's save behind both guards at once: the version (keep.versions) and the
one-time token (keep.submissions), as the model's fields call for them.

Without this, each form and each save would wire the two guards up itself, and the one that
forgot would lose a person's words: an edit written over a newer one, a row added twice."""

from typing import Any

from django import forms
from django.db import models, transaction

from . import submissions, versions


def _has_field(model: type[models.Model], name: str) -> bool:
    return any(f.name == name for f in model._meta.fields)


def add_save_guards(form: forms.BaseForm, model: type[models.Model], instance: Any) -> None:
    """The hidden fields that keep a person's words safe (guarded_save acts on them): on a
    model with a `version`, the version an edit was loaded from; on a model with a
    `submission_token`, on a form that adds a row, a one-time token."""
    if _has_field(model, "version"):
        versions.add_version(form, instance)
    if _has_field(model, submissions.FIELD):
        submissions.add_token(form, instance)


@transaction.atomic
def guarded_save(*, user, form):
    """form.save(user=...) behind both guards: raises versions.Conflict for a stale edit;
    returns the saved row, or the row the same form already added."""
    versions.claim_version(user=user, form=form)
    row, _ = submissions.save_once(
        lambda: form.save(user=user),
        find=lambda: submissions.submitted_before(user=user, form=form),
    )
    return row
