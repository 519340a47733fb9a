"""One-time submission tokens: a form that adds a row carries a fresh token in a hidden
field, and the row keeps it (unique per person).

Without this, a double click, a form sent again after a slow connection, or Back and submit
would add the same check-in, memory or journal entry twice, and a person tidying up the copy
could delete the one they meant to keep. With it, the second submit finds the row the first
one made, even when both arrive at once (the unique constraint, then save_once)."""

import uuid
from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from .versions import is_saved

FIELD = "submission_token"


def token_field(*, required: bool = False) -> forms.UUIDField:
    """The hidden field: a fresh token each time a form is shown."""
    return forms.UUIDField(widget=forms.HiddenInput, required=required, initial=uuid.uuid4)


def add_token(form: forms.BaseForm, instance: Any) -> None:
    """Give a form that adds a row (no instance, or one not saved yet) its hidden token; a
    form over a saved row needs none."""
    if not is_saved(instance):
        form.fields[FIELD] = token_field()


def stamp_token(obj: Any, form: forms.BaseForm) -> None:
    """Put the form's token, if it has one, on the row it is about to add."""
    token = form.cleaned_data.get(FIELD)
    if token:
        obj.submission_token = token


def made_by(model: type[models.Model], *, user, token) -> Any:
    """This person's row that `token` already made, if any (another person's never)."""
    if not token:
        return None
    return model._default_manager.filter(user=user, submission_token=token).first()


def _model_of(form) -> type[models.Model] | None:
    meta = getattr(form, "_meta", None)
    return getattr(meta, "model", None) or getattr(form, "model", None)


def submitted_before(*, user, form) -> Any:
    """The row this very form already added (the same token), if any: the model of a
    ModelForm, or a form's `model`. Read from the posted data before validation: the second
    submit of a check-in would otherwise be refused as a second check-in for the day."""
    field = form.fields.get(FIELD)
    model = _model_of(form)
    if field is None or model is None or not form.is_bound:
        return None
    try:
        token = field.clean(form.data.get(form.add_prefix(FIELD)))
    except ValidationError:
        return None
    return made_by(model, user=user, token=token)


def save_once[T](save: Callable[[], T], *, find: Callable[[], Any]) -> tuple[T, bool]:
    """Run `save` (which adds a row with a token) in a savepoint, and return its row with
    True. When the same form, posted twice at once, already added the row (the unique
    constraint refuses the second), return that row, `find()`, with False; any other
    integrity error is raised."""
    try:
        with transaction.atomic():
            return save(), True
    except IntegrityError:
        existing = find()
        if existing is None:
            raise
        return existing, False
