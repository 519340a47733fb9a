"""Versions: a row a person may edit in two places at once (two tabs, a phone and a laptop)
carries a version, and a save names the version its form was loaded from.

Without this, the later of two saves would silently overwrite the earlier: whatever the
person wrote in the other tab would be gone, and they would never know. With it, the later
save writes nothing and is told so (Conflict); the form keeps what was typed, at the current
version so that saving again goes through, and lists what was saved meanwhile."""

import copy
from collections.abc import Callable
from typing import Any

from django import forms
from django.db import models
from django.db.models import F

# The largest version a form may post: a PositiveIntegerField's range on every database.
MAX_VERSION = 2**31 - 1

CONFLICT_MESSAGE = (
    "This was changed in another tab or window after you opened it, so nothing was saved. "
    "Your text is still in the form, and what was saved meanwhile is shown below it. "
    "Keep what you want and save again."
)

# saved_value's answer for a field the saved row has no value for: no row is listed.
MISSING: Any = object()

ValueOf = Callable[[Any, str], Any]


class Conflict(Exception):
    """The row changed after this form was loaded (another tab, another device)."""

    def __init__(self, current: models.Model):
        super().__init__("changed elsewhere")
        self.current = current


def update_at_version(rows: models.QuerySet[Any], version: int, **values: Any) -> bool:
    """The conditional UPDATE: write `values` to `rows` and move their version on, only where
    they are still at `version`. False, with nothing written, when a save made meanwhile
    moved it first; of two saves at once, exactly one wins."""
    return bool(rows.filter(version=version).update(version=F("version") + 1, **values))


def claim_version(*, user, form) -> None:
    """Raise Conflict unless the form's row (this person's) is still at the version the form
    was loaded from (its hidden `version`); then move it on, so of two tabs saving at once
    exactly one wins. A form without a saved row, or without a posted version (a page from
    before versions), claims nothing."""
    instance = getattr(form, "instance", None)
    posted = form.cleaned_data.get("version")
    if instance is None or instance.pk is None or posted is None:
        return
    rows = type(instance)._default_manager.filter(pk=instance.pk, user=user)
    if not update_at_version(rows, posted):
        raise Conflict(rows.get())
    instance.version = posted + 1


def version_field(*, required: bool = False) -> forms.IntegerField:
    """The hidden field that names the version a form was loaded from."""
    return forms.IntegerField(
        widget=forms.HiddenInput, required=required, min_value=1, max_value=MAX_VERSION
    )


def is_saved(instance: Any) -> bool:
    """Whether a form's instance is a saved row (not None, not a new one: a model whose
    primary key has a default, a UUID, has one before it is saved)."""
    return instance is not None and bool(instance.pk) and not instance._state.adding


def add_version(form: forms.BaseForm, instance: Any) -> None:
    """Give a form over a saved row its hidden `version`, at the row's version. A form that
    adds a row (no instance, or one not saved yet) gets none."""
    if is_saved(instance):
        form.fields["version"] = version_field()
        form.initial["version"] = instance.version


def saved_value(current: Any, name: str) -> Any:
    """What the saved row holds for the form field `name`: its answer in the row's `answers`
    (or `sincerity`) dict, else the row's attribute; MISSING when it has neither."""
    answers = {**getattr(current, "sincerity", {}), **getattr(current, "answers", {})}
    if name in answers:
        return answers[name]
    return getattr(current, name, MISSING)


def saved_values(
    form: forms.BaseForm, current: Any, value_of: ValueOf = saved_value
) -> list[tuple[str, str]]:
    """(label, saved value) for each visible field of the form, read from the saved row by
    `value_of`: a choice by its label, an answer kept as {"answer": ...} by its answer's."""
    rows: list[tuple[str, str]] = []
    for name, field in form.fields.items():
        if field.widget.is_hidden:
            continue
        value = value_of(current, name)
        if value is MISSING:
            continue
        choices = dict(getattr(field, "choices", ()) or ())
        if isinstance(value, dict):
            value = choices.get(value.get("answer"), value.get("answer"))
        rows.append((str(field.label or name), str(choices.get(value, value) or "")))
    return rows


def keep_typed(form: forms.BaseForm, current: Any) -> None:
    """After a save lost to one made meanwhile: keep what the person typed in the form, set to
    the current version (so saving again keeps it), and say so above the form."""
    data: Any = copy.copy(form.data)  # a QueryDict's copy is mutable
    data[form.add_prefix("version")] = str(current.version)
    form.data = data
    form.add_error(None, CONFLICT_MESSAGE)


def lost_to(
    form: forms.BaseForm, current: Any, value_of: ValueOf = saved_value
) -> list[tuple[str, str]]:
    """keep_typed, then saved_values: both texts are on the page, nothing is lost."""
    keep_typed(form, current)
    return saved_values(form, current, value_of)


class VersionedForm(forms.BaseForm):
    """A form over a row a person may edit in two tabs at once: `add_version()` (in
    __init__, once `self.instance` is set) adds the hidden `version`; after a Conflict,
    `lost_to(conflict.current)` keeps what was typed and lists what was saved meanwhile. A
    form whose fields are not the row's attributes says how to read them (`saved_value`)."""

    def add_version(self) -> None:
        add_version(self, getattr(self, "instance", None))

    def saved_value(self, current: Any, name: str) -> Any:
        return saved_value(current, name)

    def lost_to(self, current: Any) -> list[tuple[str, str]]:
        return lost_to(self, current, self.saved_value)
