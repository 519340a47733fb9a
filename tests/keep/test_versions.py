"""keep.versions: a save from a stale tab writes nothing over newer words; the person keeps
what they typed and sees what was saved meanwhile. Tried on the safety plan, the safety
answers and a journal entry, against the database."""

import pytest
from django import forms

from journal.models import Entry
from keep.saves import guarded_save
from keep.versions import (
    CONFLICT_MESSAGE,
    MAX_VERSION,
    Conflict,
    add_version,
    claim_version,
    lost_to,
    saved_values,
    update_at_version,
)
from safety import content
from safety.forms import SafetyCheckForm, SafetyPlanForm
from safety.models import DangerCheck, SafetyCheck, SafetyPlan
from tests.factories.journal import EntryFactory
from tests.factories.safety import SafetyCheckFactory, SafetyPlanFactory

pytestmark = pytest.mark.django_db

FIELDS = [part.field for part in content.SAFETY_PLAN_SECTIONS]


def plan_form(plan, **changes):
    """The plan's form as a tab posts it: every part, and the version it was loaded from."""
    data = {field: getattr(plan, field) for field in FIELDS} | changes
    form = SafetyPlanForm(data, instance=SafetyPlan.objects.get(pk=plan.pk))
    assert form.is_valid(), form.errors
    return form


def check_answers(check, **changes):
    return {key: check.answers.get(key, "no") for key, _ in SafetyCheckForm.questions} | changes


def test_two_tabs_saving_the_same_plan_the_second_is_told_and_overwrites_nothing(user):
    """Two tabs saving the same row: the second is told it changed elsewhere, nothing is overwritten."""
    plan = SafetyPlanFactory(user=user)
    first = plan_form(plan, warning_signs="Written in the first tab", version="1")
    second = plan_form(plan, warning_signs="Written in the second tab", version="1")

    claim_version(user=user, form=first)
    first.save(user=user)
    with pytest.raises(Conflict) as lost:
        claim_version(user=user, form=second)

    plan.refresh_from_db()
    assert (plan.warning_signs, plan.version) == ("Written in the first tab", 2)
    assert lost.value.current.warning_signs == "Written in the first tab"
    assert lost.value.current.version == 2


def test_guarded_save_refuses_a_stale_tab_and_saves_a_fresh_one(user):
    """Through both guards: the up-to-date tab saves, the stale one is refused and writes nothing."""
    plan = SafetyPlanFactory(user=user)
    guarded_save(user=user, form=plan_form(plan, coping="A walk", version="1"))
    with pytest.raises(Conflict):
        guarded_save(user=user, form=plan_form(plan, coping="A bath", version="1"))
    plan.refresh_from_db()
    assert (plan.coping, plan.version) == ("A walk", 2)


def test_a_page_opened_before_versions_still_saves(user):
    """A form posted without a version (a page from before versions) is saved, not refused."""
    plan = SafetyPlanFactory(user=user)
    form = plan_form(plan, coping="Tea with a friend")
    claim_version(user=user, form=form)
    form.save(user=user)
    plan.refresh_from_db()
    assert (plan.coping, plan.version) == ("Tea with a friend", 1)


def test_after_a_conflict_the_typed_text_stays_and_saving_again_goes_through(user):
    """After a conflict the typed text stays, the saved text is listed beside it, and saving again works."""
    plan = SafetyPlanFactory(user=user, coping="Saved elsewhere")
    SafetyPlan.objects.filter(pk=plan.pk).update(version=2)  # another tab saved meanwhile
    stale = plan_form(plan, coping="Typed here", version="1")
    with pytest.raises(Conflict) as lost:
        claim_version(user=user, form=stale)

    rows = stale.lost_to(lost.value.current)

    assert stale.non_field_errors() == [CONFLICT_MESSAGE]
    assert stale["coping"].value() == "Typed here"
    assert stale["version"].value() == "2"
    assert ("2. My own ways to cope", "Saved elsewhere") in rows
    again = plan_form(
        plan, coping="Typed here, and saved elsewhere", version=stale["version"].value()
    )
    claim_version(user=user, form=again)
    again.save(user=user)
    plan.refresh_from_db()
    assert (plan.coping, plan.version) == ("Typed here, and saved elsewhere", 3)


def test_on_the_account_page_the_saved_answers_are_listed_in_words(user):
    """On the account page's situation form a conflict lists the saved answers in words ("Yes", "No")."""
    check = SafetyCheckFactory(user=user, coparent=True)
    SafetyCheck.objects.filter(pk=check.pk).update(version=2)
    data = {f"situation-{key}": value for key, value in check_answers(check).items()}
    form = SafetyCheckForm.for_user(
        user, {**data, "situation-children": "no", "situation-version": "1"}, prefix="situation"
    )
    assert form.is_valid(), form.errors
    with pytest.raises(Conflict) as lost:
        claim_version(user=user, form=form)

    rows = dict(form.lost_to(lost.value.current))

    assert form["version"].value() == "2"
    assert form["children"].value() == "no"  # what this tab said stays in the form
    assert set(rows.values()) == {"Yes", "No"}
    assert [label for label, value in rows.items() if value == "Yes"] == [
        question for key, question in content.SITUATION_QUESTIONS if key == "children"
    ]


def test_a_question_the_saved_answers_lack_is_listed_empty(user):
    """A question answered only after the saved answers is listed blank: nothing was saved for it."""
    check = SafetyCheckFactory(user=user, before_children=True)
    SafetyCheck.objects.filter(pk=check.pk).update(version=2)
    form = SafetyCheckForm.for_user(user, {**check_answers(check), "version": "1"})
    assert form.is_valid(), form.errors
    with pytest.raises(Conflict) as lost:
        claim_version(user=user, form=form)
    rows = dict(form.lost_to(lost.value.current))
    children = next(q for key, q in content.SITUATION_QUESTIONS if key == "children")
    assert rows[children] == ""
    assert form["children"].value() == "no"


def test_answers_kept_with_notes_are_listed_by_their_answer_and_missing_fields_left_out():
    """An answer kept with notes is listed by its words; a field the saved row lacks is left out."""

    class Answers(forms.Form):
        strangled = forms.ChoiceField(label="Strangled?", choices=[("yes", "Yes"), ("no", "No")])
        weapon = forms.ChoiceField(label="A weapon?", choices=[("yes", "Yes"), ("no", "No")])
        note = forms.CharField(label="Not on the row")
        version = forms.IntegerField(widget=forms.HiddenInput)

    current = DangerCheck(answers={"strangled": {"answer": "yes", "note": "x"}, "weapon": "no"})
    assert saved_values(Answers(), current) == [("Strangled?", "Yes"), ("A weapon?", "No")]


def test_a_lost_save_in_the_program_keeps_its_text_under_the_current_version(user):
    """The program's conflict: the same message, the version moved on, both texts on the page."""
    plan = SafetyPlanFactory(user=user, pets="Saved: the cat")
    SafetyPlan.objects.filter(pk=plan.pk).update(version=5)
    form = plan_form(plan, pets="Typed: the cat and the dog", version="4")
    rows = lost_to(form, SafetyPlan.objects.get(pk=plan.pk))
    assert form.non_field_errors() == [CONFLICT_MESSAGE]
    assert form["version"].value() == "5"
    assert form["pets"].value() == "Typed: the cat and the dog"
    assert ("Pets", "Saved: the cat") in rows


def test_an_edit_from_a_stale_tab_writes_nothing_through_the_conditional_update(user):
    """A journal edit from a stale tab writes nothing: the newer text stays."""
    entry = EntryFactory(user=user, body="Original")
    rows = Entry.objects.filter(pk=entry.pk, user=user)

    assert update_at_version(rows, 1, body="From tab one") is True
    assert update_at_version(rows, 1, body="From tab two") is False

    entry.refresh_from_db()
    assert (entry.body, entry.version) == ("From tab one", 2)


def test_another_persons_row_is_never_written(user, other_user):
    """The update names the person: someone else's entry at the right version is untouched."""
    theirs = EntryFactory(user=other_user, body="Theirs")
    assert not update_at_version(Entry.objects.filter(pk=theirs.pk, user=user), 1, body="Mine")
    theirs.refresh_from_db()
    assert (theirs.body, theirs.version) == ("Theirs", 1)


@pytest.mark.parametrize("posted", ["0", "-1", str(MAX_VERSION + 1), "1e309", "two"])
def test_a_tampered_version_is_a_form_error_not_a_write(user, posted):
    """A version no page ever sends is refused by the form: nothing is written, no error page."""
    plan = SafetyPlanFactory(user=user)
    data = {field: getattr(plan, field) for field in FIELDS} | {"coping": "x", "version": posted}
    form = SafetyPlanForm(data, instance=plan)
    assert not form.is_valid()
    assert "version" in form.errors
    plan.refresh_from_db()
    assert plan.version == 1


def test_only_a_saved_row_gets_a_version_field(user):
    """A form that adds a row has no version to claim; a form over a saved row carries its."""
    new, saved = forms.Form(), forms.Form()
    add_version(new, SafetyPlan(user=user))
    plan = SafetyPlanFactory(user=user)
    SafetyPlan.objects.filter(pk=plan.pk).update(version=7)
    add_version(saved, SafetyPlan.objects.get(pk=plan.pk))
    assert "version" not in new.fields
    assert saved["version"].value() == 7
    assert saved.fields["version"].widget.is_hidden
