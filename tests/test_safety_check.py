"""The safety check and the person's situation, asked once and changeable any time: on the
safety check page and in "Your situation" on the account page, through the same form and the
same save, with the same "nothing lost" guard against a save from a stale tab."""

import pytest
from django.contrib import admin
from django.urls import reverse

from safety.models import Helpline, SafetyCheck, SafetyPlan
from safety.situation import situation_for
from tests.factories.safety import SafetyCheckFactory, safety_check_form_data

pytestmark = pytest.mark.django_db

ALL_NO = safety_check_form_data()


def on_check_page(answers: dict) -> dict:
    return dict(answers)


def on_account_page(answers: dict) -> dict:
    """The account page's situation form: its fields carry a prefix, and a hidden field says
    which of the page's two forms was sent."""
    return {"form": "situation", **{f"situation-{key}": value for key, value in answers.items()}}


# (URL name, how that page names the fields, the message after a save)
PAGES = [
    ("safety:check", on_check_page, "Your answers are saved"),
    ("account", on_account_page, "Your situation is saved."),
]
PAGE_IDS = ["safety check", "account page"]


def field_error(html: str, key: str, prefix: str = "") -> str:
    """The error shown inside the field's own block (crispy's invalid-feedback)."""
    name = f"{prefix}{key}"
    start = html.index(f'id="div_id_{name}"')
    block = html[start : html.index("</fieldset>", start)]
    marker = f'id="error_1_id_{name}"><strong>'
    if marker not in block:
        return ""
    return block[block.index(marker) + len(marker) :].split("</strong>")[0]


def checked(html: str, key: str, value: str, prefix: str = "") -> bool:
    index = {"yes": 0, "no": 1}[value]
    tag_start = html.index(f'id="id_{prefix}{key}_{index}"')
    return " checked" in html[tag_start : html.index(">", tag_start)]


@pytest.mark.parametrize("name", ["safety:check", "account"])
def test_a_visitor_is_sent_to_log_in(client, name):
    """Neither page, nor a save from it, is open to someone signed out."""
    for response in (client.get(reverse(name)), client.post(reverse(name), on_check_page(ALL_NO))):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    assert not SafetyCheck.objects.exists()


@pytest.mark.parametrize(("name", "fields", "saved"), PAGES, ids=PAGE_IDS)
def test_a_first_answer_from_either_page_is_saved(client_logged_in, user, name, fields, saved):
    """Someone who never took the check can answer it on either page; the program then opens."""
    response = client_logged_in.post(reverse(name), fields(ALL_NO | {"children": "yes"}))
    assert response.status_code == 302
    assert saved in client_logged_in.get(response["Location"]).content.decode()
    assert SafetyCheck.objects.get(user=user).answers == ALL_NO | {"children": "yes"}
    situation = situation_for(user)
    assert situation.checked and situation.coparent and not situation.unsafe
    assert client_logged_in.get(reverse("progress:index")).status_code == 200


@pytest.mark.parametrize(("name", "fields", "saved"), PAGES, ids=PAGE_IDS)
def test_changing_the_situation_from_either_page(client_logged_in, user, name, fields, saved):
    """A co-parent who no longer shares children says so; their safety answers change too."""
    SafetyCheckFactory(user=user, coparent=True)
    answers = ALL_NO | {"afraid": "yes"}
    response = client_logged_in.post(reverse(name), fields(answers))
    assert response.status_code == 302
    assert SafetyCheck.objects.get(user=user).answers == answers
    situation = situation_for(user)
    assert situation.unsafe and not situation.coparent
    assert situation.concerns == ("you have felt afraid of your ex",)


def test_the_account_page_shows_the_saved_answers(client_logged_in, user):
    """Prefilled: each saved answer is the checked one, and the form sends its version."""
    SafetyCheckFactory(user=user, coparent=True)
    html = client_logged_in.get(reverse("account")).content.decode()
    assert "Your situation" in html
    assert checked(html, "children", "yes", "situation-")
    assert checked(html, "afraid", "no", "situation-")
    assert 'name="situation-version" value="1"' in html


@pytest.mark.parametrize(("name", "prefix"), [("safety:check", ""), ("account", "situation-")])
def test_an_answer_from_before_the_children_question_is_asked_for(
    client_logged_in, user, name, prefix
):
    """Someone who answered before the children question finds it unanswered on both pages.

    Someone who answered before the question existed counts as no (see
    test_safety_situation), and both pages show it unanswered, to be answered."""
    SafetyCheckFactory(user=user, before_children=True)
    html = client_logged_in.get(reverse(name)).content.decode()
    assert not checked(html, "children", "yes", prefix)
    assert not checked(html, "children", "no", prefix)
    assert checked(html, "violence", "no", prefix)


@pytest.mark.parametrize(("name", "fields", "saved"), PAGES, ids=PAGE_IDS)
@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"children": None}, "Please choose an answer."),
        ({"children": "maybe"}, "Please choose yes or no."),
        ({"threats": "sometimes"}, "Please choose yes or no."),
    ],
    ids=["children missing", "children not a choice", "a safety answer not a choice"],
)
def test_bad_input_is_shown_at_the_field_and_saves_nothing(
    client_logged_in, user, name, fields, saved, change, error
):
    """A missing or odd answer is flagged at its field, the rest stay chosen, and nothing saves.

    The error sits in the field's own block; the other answers stay as chosen; the stored
    answers do not change."""
    SafetyCheckFactory(user=user, coparent=True)
    answers = {key: value for key, value in (ALL_NO | {"afraid": "yes"} | change).items() if value}
    response = client_logged_in.post(reverse(name), fields(answers))
    assert response.status_code == 200
    html = response.content.decode()
    prefix = "situation-" if name == "account" else ""
    (key,) = change
    assert field_error(html, key, prefix) == error
    assert field_error(html, "violence", prefix) == ""
    assert checked(html, "afraid", "yes", prefix)  # what was chosen is still chosen
    assert "Please answer each question with yes or no." in html
    assert SafetyCheck.objects.get(user=user).answers == ALL_NO | {"children": "yes"}


def test_another_person_sees_and_changes_only_their_own(client, user, other_user):
    """A person never sees another's safety answers, and saving changes only their own.

    The form always reads and writes the signed-in person's row: another's answers never
    show, and a save changes only one's own."""
    SafetyCheckFactory(user=other_user, answers=ALL_NO | {"violence": "yes", "children": "yes"})
    client.force_login(user)
    for name, prefix in (("safety:check", ""), ("account", "situation-")):
        html = client.get(reverse(name)).content.decode()
        assert not checked(html, "violence", "yes", prefix)
        assert not checked(html, "children", "yes", prefix)
    client.post(reverse("account"), on_account_page(ALL_NO))
    assert SafetyCheck.objects.get(user=user).answers == ALL_NO
    assert SafetyCheck.objects.get(user=other_user).answers["violence"] == "yes"
    assert situation_for(other_user).coparent


@pytest.mark.parametrize(
    ("stale_page", "fields"), [("safety:check", on_check_page), ("account", on_account_page)]
)
def test_a_save_from_a_stale_page_keeps_both_answers(client_logged_in, user, stale_page, fields):
    """A save from a stale tab is refused but keeps its answers, beside what was saved meanwhile.

    Loaded on one page, changed meanwhile on the other: the stale save is refused, its
    answers stay in the form at the current version, and what was saved is listed below."""
    SafetyCheckFactory(user=user)  # version 1
    fresh = "account" if stale_page == "safety:check" else "safety:check"
    fresh_fields = on_account_page if fresh == "account" else on_check_page
    client_logged_in.post(reverse(fresh), fresh_fields(ALL_NO | {"children": "yes", "version": 1}))
    response = client_logged_in.post(
        reverse(stale_page), fields(ALL_NO | {"afraid": "yes", "version": 1})
    )
    assert response.status_code == 200
    html = response.content.decode()
    prefix = "situation-" if stale_page == "account" else ""
    assert "changed in another tab" in html
    assert checked(html, "afraid", "yes", prefix)  # the stale page's answers, kept
    assert f'name="{prefix}version" value="2"' in html
    assert "What was saved meanwhile" in html
    assert SafetyCheck.objects.get(user=user).answers == ALL_NO | {"children": "yes"}
    # Saving again, now at the current version, wins.
    client_logged_in.post(reverse(stale_page), fields(ALL_NO | {"afraid": "yes", "version": 2}))
    assert SafetyCheck.objects.get(user=user).answers["afraid"] == "yes"


def test_saving_the_situation_leaves_the_settings_alone_and_back(client_logged_in, user):
    """The account page's two forms save separately."""
    SafetyCheckFactory(user=user)
    client_logged_in.post(reverse("account"), on_account_page(ALL_NO | {"children": "yes"}))
    user.refresh_from_db()
    assert (user.time_zone, user.country, user.discreet) == ("", "", False)
    response = client_logged_in.post(reverse("account"), {"time_zone": "Europe/Paris"}, follow=True)
    assert "Your settings are saved." in response.content.decode()
    assert SafetyCheck.objects.get(user=user).answers["children"] == "yes"


def test_the_export_says_any_yes_of_the_safety_questions_only(client_logged_in, user):
    """The export holds every answer, and its any-yes speaks of the safety questions only.

    The export holds every answer, the children question's too; its "any yes" is about
    safety alone."""
    SafetyCheckFactory(user=user, coparent=True)
    exported = client_logged_in.get(reverse("account_export_json")).json()["program"]
    assert exported["safety_check"]["answers"]["children"] == "yes"
    assert exported["safety_check"]["any_yes"] is False


def test_staff_can_read_no_answers_or_plans_in_the_admin():
    """Only the helplines are in the admin; the answers and plans are not registered."""
    assert admin.site.is_registered(Helpline)
    assert not admin.site.is_registered(SafetyCheck)
    assert not admin.site.is_registered(SafetyPlan)
