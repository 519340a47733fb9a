"""keep.submissions (and keep.saves): a form that adds a row adds it once, however often it
is posted, and one person's token never finds another's row. Tried on journal entries,
against the database."""

import uuid

import pytest
from django import forms
from django.db import IntegrityError

from journal.models import Entry
from journal.services import entry_create
from keep.saves import add_save_guards, guarded_save
from keep.submissions import made_by, save_once, stamp_token, submitted_before, token_field
from tests.factories.journal import EntryFactory

pytestmark = pytest.mark.django_db


class EntryForm(forms.ModelForm):
    """A model form that adds a journal entry behind keep's guards, as the program's are."""

    class Meta:
        model = Entry
        fields = ["title", "body"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        add_save_guards(self, Entry, self.instance)

    def save(self, commit=True, *, user=None):
        entry = super().save(commit=False)
        entry.user = user
        stamp_token(entry, self)
        if commit:
            entry.save()
        return entry


def test_posting_the_same_form_twice_adds_one_row(user):
    """A double click on Save: one entry, and the second submit is answered with it."""
    token = EntryForm()["submission_token"].value()
    data = {"title": "", "body": "Written once", "submission_token": str(token)}

    first = guarded_save(user=user, form=_valid(EntryForm(data)))
    again = submitted_before(user=user, form=EntryForm(data))

    assert again == first
    assert Entry.objects.filter(user=user).count() == 1
    assert str(first.submission_token) == token


def test_two_posts_at_once_the_race_loser_gets_the_winners_row(user):
    """The same form posted twice at once: the second gets the entry the first made, and there is one entry."""
    token = uuid.uuid4()
    data = {"title": "", "body": "Sent twice at once", "submission_token": str(token)}
    winner = guarded_save(user=user, form=_valid(EntryForm(data)))
    loser = _valid(EntryForm(data))  # a form checks no token: only the insert meets it

    assert guarded_save(user=user, form=loser) == winner
    assert Entry.objects.filter(user=user).count() == 1


def test_the_journal_answers_a_double_submit_with_the_first_entry(user):
    """entry_create with a token already used: no second entry, and `created` is False."""
    token = uuid.uuid4()
    first, created = entry_create(user=user, title="", body="Once", submission_token=token)
    second, created_again = entry_create(user=user, title="", body="Once", submission_token=token)
    assert (created, created_again) == (True, False)
    assert second == first
    assert Entry.objects.filter(user=user).count() == 1


def test_save_once_returns_the_row_a_concurrent_submit_added(user):
    """The other request's insert won the race: the person is shown the entry that was saved, not an error."""
    existing = EntryFactory(user=user, body="The other request's")

    def insert():
        entry = Entry(user=user, body="Ours", submission_token=existing.submission_token)
        entry.save(force_insert=True)
        return entry

    row, created = save_once(
        insert, find=lambda: made_by(Entry, user=user, token=existing.submission_token)
    )
    assert (row, created) == (existing, False)
    assert list(Entry.objects.filter(user=user).values_list("body", flat=True)) == [
        "The other request's"
    ]


def test_a_save_refused_for_another_reason_is_not_taken_for_a_double_submit(user):
    """A save the database refuses for another reason (a mood of 9) is an error, never some other row."""

    def insert():
        return Entry.objects.create(user=user, body="x", mood=9, submission_token=uuid.uuid4())

    with pytest.raises(IntegrityError):
        save_once(insert, find=lambda: None)
    assert Entry.objects.filter(user=user).count() == 0


def test_another_persons_token_finds_nothing_of_theirs(user, other_user):
    """The same token from two people: each finds only their own row, never the other's."""
    theirs = EntryFactory(user=other_user)
    assert made_by(Entry, user=user, token=theirs.submission_token) is None
    assert made_by(Entry, user=other_user, token=theirs.submission_token) == theirs
    mine, created = entry_create(
        user=user, title="", body="Mine", submission_token=theirs.submission_token
    )
    assert created and mine.user == user and mine != theirs


@pytest.mark.parametrize("posted", ["", "not-a-uuid", "\x00"])
def test_a_missing_or_damaged_token_finds_no_earlier_row(user, posted):
    """A form with no token, or a damaged one, is never mistaken for an earlier submit."""
    EntryFactory(user=user)
    form = EntryForm({"title": "", "body": "New", "submission_token": posted})
    assert submitted_before(user=user, form=form) is None
    assert made_by(Entry, user=user, token=None) is None


def test_each_time_the_form_is_shown_it_carries_a_new_token():
    """Two entries written one after the other are never mistaken for one double submit."""
    first, second = EntryForm(), EntryForm()
    assert first["submission_token"].value() != second["submission_token"].value()
    assert first.fields["submission_token"].widget.is_hidden


def test_a_form_over_a_saved_row_carries_no_token_but_its_version(user):
    """Editing a saved entry adds nothing, so there is no token; the version guards it."""
    entry = EntryFactory(user=user)
    form = EntryForm({"body": "Edited", "version": "1"}, instance=entry)
    assert "submission_token" not in form.fields
    assert form["version"].value() == "1"
    assert submitted_before(user=user, form=form) is None


def test_the_journal_token_is_required():
    """The journal's new-entry form cannot be saved without its token (its page says it was out of date)."""
    field = token_field(required=True)
    with pytest.raises(forms.ValidationError):
        field.clean("")


def _valid(form):
    assert form.is_valid(), form.errors
    return form
