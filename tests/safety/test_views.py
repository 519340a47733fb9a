"""The safety check, the danger check and the safety plan: asked, saved, changed, kept private."""

import html
import re
from html import unescape

import pytest
from django.urls import reverse

from progress.models import Readiness
from safety import content as safety_content
from safety.models import DangerCheck, Helpline, SafetyCheck, SafetyPlan
from safety.situation import situation_for
from tests.clock import frozen
from tests.factories import UserFactory
from tests.factories.safety import (
    DANGER_ALL_NO,
    DangerCheckFactory,
    SafetyCheckFactory,
    danger_check_form_data,
    safety_check_form_data,
)
from tests.helpers.html import page_text
from tests.helpers.vault import raw_values

# The safety check and the person's situation ----------------------------------------------------
# Asked once and changeable any time: on the safety check page and in "Your situation" on
# the account page, through the same form and the same save, with the same "nothing lost"
# guard against a save from a stale tab.

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


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["safety:check", "account"])
def test_a_visitor_is_sent_to_log_in(client, name):
    """Neither page, nor a save from it, is open to someone signed out."""
    for response in (client.get(reverse(name)), client.post(reverse(name), on_check_page(ALL_NO))):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    assert not SafetyCheck.objects.exists()


@pytest.mark.django_db
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


@pytest.mark.django_db
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


@pytest.mark.django_db
def test_the_account_page_shows_the_saved_answers(client_logged_in, user):
    """Prefilled: each saved answer is the checked one, and the form sends its version."""
    SafetyCheckFactory(user=user, coparent=True)
    html = client_logged_in.get(reverse("account")).content.decode()
    assert "Your situation" in html
    assert checked(html, "children", "yes", "situation-")
    assert checked(html, "afraid", "no", "situation-")
    assert 'name="situation-version" value="1"' in html


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "prefix"), [("safety:check", ""), ("account", "situation-")])
def test_an_answer_from_before_the_children_question_is_asked_for(
    client_logged_in, user, name, prefix
):
    """Someone who answered before the children question finds it unanswered on both pages.

    Someone who answered before the question existed counts as no (see
    tests/safety/test_situation.py), and both pages show it unanswered, to be answered."""
    SafetyCheckFactory(user=user, before_children=True)
    html = client_logged_in.get(reverse(name)).content.decode()
    assert not checked(html, "children", "yes", prefix)
    assert not checked(html, "children", "no", prefix)
    assert checked(html, "violence", "no", prefix)


@pytest.mark.django_db
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


@pytest.mark.django_db
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


@pytest.mark.django_db
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


@pytest.mark.django_db
def test_saving_the_situation_leaves_the_settings_alone_and_back(client_logged_in, user):
    """The account page's two forms save separately."""
    SafetyCheckFactory(user=user)
    client_logged_in.post(reverse("account"), on_account_page(ALL_NO | {"children": "yes"}))
    user.refresh_from_db()
    assert (user.time_zone, user.country, user.discreet) == ("", "", False)
    response = client_logged_in.post(reverse("account"), {"time_zone": "Europe/Paris"}, follow=True)
    assert "Your settings are saved." in response.content.decode()
    assert SafetyCheck.objects.get(user=user).answers["children"] == "yes"


# The safety check's answers ---------------------------------------------------------------------


def test_safety_check_requires_every_answer(client_logged_in, user):
    """A safety check with answers missing asks for them and saves nothing."""
    response = client_logged_in.post(reverse("safety:check"), {"violence": "no"})
    assert response.status_code == 200
    assert "Please choose an answer." in response.content.decode()
    assert not SafetyCheck.objects.filter(user=user).exists()


def test_safety_check_ignores_an_outside_next_url(client_logged_in):
    """After the safety check you are never sent to another site, only into the program."""
    answers = dict(ALL_NO)
    response = client_logged_in.post(
        reverse("safety:check"), {**answers, "next": "https://evil.example/"}
    )
    assert response.url == reverse("progress:index")


def test_answers_can_be_changed_later(client_logged_in, user):
    """You can change your safety answers later; with all no, the safety message goes."""
    SafetyCheckFactory(user=user, afraid=True)
    page = client_logged_in.get(reverse("safety:check")).content.decode()
    assert "Your safety answers" in page
    assert "<title>Your safety answers" in page  # the tab says what the heading says
    answers = dict(ALL_NO)
    client_logged_in.post(reverse("safety:check"), answers)
    assert SafetyCheck.objects.get(user=user).any_yes is False
    assert (
        safety_content.SAFETY_MESSAGE[:30]
        not in client_logged_in.get(reverse("dashboard")).content.decode()
    )


# Where the safety check leads -------------------------------------------------------------------


@pytest.mark.django_db
@frozen
@pytest.mark.parametrize(
    "next_url",
    [
        "javascript:alert(1)",
        "//evil.example",
        "/\\evil.example",
        "https://evil.example/stages/",
        "progress:index",  # a URL name, which redirect() would have looked up
        "dashboard",
        "no-such-name",
        "/stages/\x00",
        "/stages/\n/",
    ],
)
def test_safety_check_follows_only_a_path_of_this_site(program_client, next_url):
    """Anything but a same-site path goes to the program's start, and the answers are saved."""
    response = program_client.post(reverse("safety:check"), safety_check_form_data(next=next_url))
    assert response.status_code == 302
    assert response.url == reverse("progress:index")


@pytest.mark.django_db
@frozen
def test_safety_check_follows_a_path_of_this_site(program_client):
    """After the safety check you land on the page of this site you were heading to."""
    response = program_client.post(
        reverse("safety:check"), safety_check_form_data(next=reverse("progress:summary"))
    )
    assert response.status_code == 302
    assert response.url == reverse("progress:summary")


# The danger check -------------------------------------------------------------------------------
# For a person whose safety answers suggest abuse, the "are you sure?" page is a few
# questions on the signs research links to the greatest danger. Any yes (or "not sure" on
# strangulation, a weapon or threats to kill) puts the emergency number and the country's
# abuse line above everything else; all no, a calm line. The answers are the person's own.

READINESS = reverse("progress:readiness")
DANGER_CHECK = reverse("safety:danger_check")
URGENT = '<section class="danger-urgent'
QUESTION_KEYS = [key for key, *_ in safety_content.DANGER_QUESTIONS]


def before_in_main(page_html: str, marker: str) -> str:
    """The visible text of the page's main region before `marker`."""
    main = page_html.split("<main", 1)[1]
    return visible_text_of(main.split(">", 1)[1].split(marker, 1)[0])


def visible_text_of(fragment: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"(?s)<[^>]+>", " ", fragment)).strip()


# Who sees it -----------------------------------------------------------------------------------
@pytest.mark.django_db
def test_an_unsafe_person_sees_the_danger_check_at_the_readiness_url(afraid_client):
    """Someone afraid of their ex finds a danger check where the getting-back-together aid would be.

    The readiness address shows the danger check, every question with yes, no and not sure,
    and none of the decision aid about getting back together."""
    text = page_text(afraid_client, READINESS)
    assert '<h1 class="h2">A danger check</h1>' in text
    for _, question, _ in safety_content.DANGER_QUESTIONS:
        assert question in text
    assert text.count('value="not_sure"') == len(safety_content.DANGER_QUESTIONS)
    assert "Reasons for getting back together" not in text
    assert "not part of your path" not in text
    assert reverse("safety:plan") in text and 'href="/safety/"' in text


@pytest.mark.django_db
def test_the_page_says_what_the_check_is_and_is_not(afraid_client):
    """The danger check says it is no diagnosis or score, names its source, and is private.

    Not a diagnosis or a score, adapted from the Danger Assessment with its source named,
    private and encrypted."""
    text = page_text(afraid_client, READINESS)
    assert "not a diagnosis and not a score" in text
    assert "Danger Assessment by Jacquelyn C. Campbell" in text
    assert "American Journal of Public Health, 2003" in text
    assert "private and encrypted" in text


# What the answers lead to ------------------------------------------------------------------
@pytest.mark.django_db
@pytest.mark.parametrize("key", QUESTION_KEYS)
def test_any_yes_puts_the_urgent_step_above_everything_else(afraid_client, user, key):
    """Any yes on the danger check opens the page with the emergency number and abuse line first.

    One yes, to any question: saved, and the page then opens with the country's emergency
    number and its abuse line, before the check itself and before any message."""
    user.country = "GB"
    user.save()
    response = afraid_client.post(READINESS, danger_check_form_data(**{key: "yes"}))
    assert response.status_code == 302
    assert response.url == READINESS
    assert DangerCheck.objects.get(user=user).answers[key] == "yes"

    text = page_text(afraid_client, READINESS)
    assert before_in_main(text, URGENT) == ""
    main = text.split("<main", 1)[1]
    assert main.index(URGENT) < main.index(">A danger check</h2>") < main.index("<form")
    urgent = text.split(URGENT, 1)[1].split("</section>", 1)[0]
    assert safety_content.DANGER_URGENT_TITLE in urgent
    emergency = Helpline.objects.get(country="GB", is_emergency=True)
    refuge = Helpline.objects.get(country="GB", name="National Domestic Abuse Helpline (Refuge)")
    assert f'href="tel:{emergency.phone}"' in urgent
    assert refuge.phone in urgent
    assert "Samaritans" not in urgent  # the abuse lines, not every line
    assert reverse("safety:plan") in urgent
    assert reverse("safety:index") in urgent
    assert safety_content.DANGER_CALM not in text


@pytest.mark.django_db
@pytest.mark.parametrize("key", safety_content.DANGER_NOT_SURE_IS_URGENT)
def test_not_sure_about_strangulation_a_weapon_or_threats_to_kill_is_urgent(
    afraid_client, user, key
):
    """Not knowing whether they could strangle, arm themselves or kill is itself a warning."""
    DangerCheckFactory(user=user, answers=danger_check_form_data(**{key: "not_sure"}))
    text = page_text(afraid_client, READINESS)
    assert before_in_main(text, URGENT) == ""


@pytest.mark.django_db
def test_not_sure_elsewhere_is_met_gently_without_the_urgent_step(afraid_client, user):
    """Answering not sure on an ordinary question brings a gentle word, neither alarm nor all-clear.

    "Not sure" on a question where it is not itself a warning: a word about talking it
    through, no urgent block and no calm all-clear."""
    DangerCheckFactory(user=user, answers=danger_check_form_data(jealous_control="not_sure"))
    text = page_text(afraid_client, READINESS)
    assert URGENT not in text
    assert safety_content.DANGER_UNSURE in text
    assert safety_content.DANGER_CALM not in text


@pytest.mark.django_db
def test_all_no_shows_the_calm_line(afraid_client, user):
    """Answering no to everything saves the check and shows a calm line that help is still there.

    Every answer no: saved, with a calm line that the signs are still worth watching and help
    is there anyway."""
    response = afraid_client.post(READINESS, danger_check_form_data(), follow=True)
    text = html.unescape(response.content.decode())
    assert URGENT not in text
    assert safety_content.DANGER_CALM in text
    assert "Your answers are saved" in text
    assert DangerCheck.objects.get(user=user).answers == DANGER_ALL_NO


@pytest.mark.django_db
def test_leaving_is_named_as_a_dangerous_time(afraid_client, user):
    """A yes to having left in the past year adds that leaving can be the most dangerous time."""
    DangerCheckFactory(user=user, answers=danger_check_form_data(left="yes"))
    assert safety_content.DANGER_URGENT_LEAVING in page_text(afraid_client, READINESS)


@pytest.mark.django_db
def test_an_unknown_country_gets_the_international_directories(afraid_client, user):
    """With no country known, the urgent step points to the local emergency number and directories.

    With no country on the account and none in the browser's language, the urgent step says
    to call the local emergency number and lists the international directories."""
    DangerCheckFactory(user=user, answers=danger_check_form_data(capable="yes"))
    urgent = page_text(afraid_client, READINESS).split(URGENT, 1)[1].split("</section>", 1)[0]
    assert "call your local emergency number" in urgent
    for directory in Helpline.objects.international():
        assert directory.name in urgent
    assert reverse("account") in urgent  # where to choose a country


@pytest.mark.django_db
def test_the_browsers_region_picks_the_country_as_on_the_safety_page(afraid_client, user):
    """With no country on the account, an Australian browser gets Australia's urgent numbers.

    No country on the account: the browser's language region chooses, as on the Safety
    page."""
    DangerCheckFactory(user=user, answers=danger_check_form_data(weapon="yes"))
    urgent = page_text(afraid_client, READINESS, HTTP_ACCEPT_LANGUAGE="en-AU,en;q=0.8").split(
        URGENT, 1
    )[1]
    assert "Australia emergency number" in urgent
    assert 'href="tel:000"' in urgent
    assert "1800RESPECT" in urgent


@pytest.mark.django_db
def test_a_country_without_an_abuse_line_gets_its_emergency_number_and_the_directories(
    afraid_client, user
):
    """Someone in Switzerland, with no abuse line listed, gets the emergency number and directories.

    Switzerland's only line listed is a general listening line: the emergency number, and the
    international directories for an abuse service."""
    user.country = "CH"
    user.save()
    DangerCheckFactory(user=user, answers=danger_check_form_data(strangled="yes"))
    urgent = page_text(afraid_client, READINESS).split(URGENT, 1)[1].split("</section>", 1)[0]
    assert "Switzerland emergency number" in urgent
    assert "We don't list a domestic-abuse line for Switzerland yet" in urgent
    assert "Hot Peach Pages" in urgent


# Saving -----------------------------------------------------------------------------------------
@pytest.mark.django_db
def test_bad_input_keeps_the_other_answers_and_saves_nothing(afraid_client, user):
    """A missing or invalid answer gets a message beside it, keeps the other answers, saves nothing.

    A missing answer and one that is not a choice: messages beside them, every other
    answer still chosen, and nothing stored."""
    data = danger_check_form_data(weapon="yes", capable="perhaps")
    del data["strangled"]
    response = afraid_client.post(READINESS, data)
    text = response.content.decode()
    assert response.status_code == 200
    assert "Please choose an answer." in text
    assert "Please choose yes, no or not sure." in text
    assert re.search(r'name="weapon" value="yes"[^>]*checked', text)
    assert re.search(r'name="left" value="no"[^>]*checked', text)
    assert not DangerCheck.objects.filter(user=user).exists()


@pytest.mark.django_db
def test_bad_input_leaves_saved_answers_as_they_were(afraid_client, user):
    """A person who answered before and sends an incomplete form keeps what was saved."""
    DangerCheckFactory(user=user, answers=danger_check_form_data(threats_to_kill="yes"))
    data = danger_check_form_data()
    del data["pregnant"]
    assert afraid_client.post(READINESS, data).status_code == 200
    assert DangerCheck.objects.get(user=user).answers["threats_to_kill"] == "yes"


@pytest.mark.django_db
def test_answers_can_be_changed(afraid_client, user):
    """The page opens with the saved answers chosen, and a new save replaces them."""
    check = DangerCheckFactory(user=user, answers=danger_check_form_data(escalating="yes"))
    text = page_text(afraid_client, READINESS)
    assert re.search(r'name="escalating" value="yes"[^>]*checked', text)
    afraid_client.post(READINESS, {**danger_check_form_data(), "version": check.version})
    check.refresh_from_db()
    assert check.answers == DANGER_ALL_NO
    assert check.version == 2


@pytest.mark.django_db
def test_a_save_from_a_stale_tab_does_not_overwrite(afraid_client, user):
    """Two tabs: the second save, from the older version, is refused and shows both."""
    check = DangerCheckFactory(user=user, answers=danger_check_form_data(escalating="yes"))
    afraid_client.post(
        READINESS, {**danger_check_form_data(weapon="yes"), "version": check.version}
    )
    response = afraid_client.post(READINESS, {**danger_check_form_data(), "version": check.version})
    assert response.status_code == 200
    assert "changed in another tab" in response.content.decode()
    assert DangerCheck.objects.get(user=user).answers == danger_check_form_data(weapon="yes")


@pytest.mark.django_db
def test_the_same_answers_sent_twice_are_saved_once(afraid_client, user):
    """A double click: the second post finds its answers saved and moves on."""
    check = DangerCheckFactory(user=user)
    data = {**danger_check_form_data(forced_sex="yes"), "version": check.version}
    assert afraid_client.post(READINESS, data).status_code == 302
    assert afraid_client.post(READINESS, data).status_code == 302
    assert DangerCheck.objects.get(user=user).version == 2


@pytest.mark.django_db
def test_a_post_to_the_readiness_url_never_saves_the_decision_aid_for_an_unsafe_person(
    afraid_client, user
):
    """What the danger check saves is the danger check: no decision-aid row appears."""
    afraid_client.post(READINESS, danger_check_form_data())
    assert not Readiness.objects.filter(user=user).exists()


# Whose it is -----------------------------------------------------------------------------------
@pytest.mark.django_db
def test_another_person_cannot_see_or_change_it(client, user, other_user):
    """Another signed-in person never sees or changes your danger check answers.

    Another person, unsafe too, gets their own empty check at both addresses, and their
    save is theirs alone."""
    DangerCheckFactory(user=user, answers=danger_check_form_data(strangled="yes", capable="yes"))
    SafetyCheckFactory(user=other_user, afraid=True)
    client.force_login(other_user)
    for url in (READINESS, DANGER_CHECK):
        text = page_text(client, url)
        assert URGENT not in text
        assert " checked" not in text.split("<form", 1)[1].split("</form>", 1)[0]
    client.post(DANGER_CHECK, danger_check_form_data())
    assert DangerCheck.objects.get(user=user).answers["strangled"] == "yes"
    assert DangerCheck.objects.get(user=other_user).answers == DANGER_ALL_NO


@pytest.mark.django_db
@pytest.mark.parametrize("url", [READINESS, DANGER_CHECK])
def test_a_visitor_is_sent_to_log_in_from_the_danger_check(client, url):
    """Signed out, both addresses lead to the log-in page, and a post saves nothing."""
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert client.post(url, danger_check_form_data()).status_code == 302
    assert not DangerCheck.objects.exists()


@pytest.mark.django_db
def test_the_urgent_page_costs_a_fixed_number_of_queries(
    afraid_client, user, django_assert_max_num_queries
):
    """The session, the user, the safety check, the danger check and two for the helplines."""
    user.country = "GB"
    user.save()
    DangerCheckFactory(user=user, answers=danger_check_form_data(capable="yes"))
    afraid_client.get(READINESS)  # the first request of a session notes the verified email
    with django_assert_max_num_queries(6):
        assert afraid_client.get(READINESS).status_code == 200


@pytest.mark.django_db
def test_a_person_can_open_the_danger_check_at_its_own_address(client, db):
    """Anyone signed in can open the danger check at its own address, whatever their answers.

    safety:danger_check is there for anyone signed in, whatever their answers (the Safety
    app's pages do not ask the safety check first)."""
    client.force_login(UserFactory())
    assert '<h1 class="h2">A danger check</h1>' in page_text(client, DANGER_CHECK)


# The safety plan --------------------------------------------------------------------------------
# Written, saved encrypted, printable (blank or filled), reachable from the Safety page and
# the footer.

FIELDS = [part.field for part in safety_content.SAFETY_PLAN_SECTIONS]
STEPS = [part.field for part in safety_content.SAFETY_PLAN_STEPS]
OPTIONAL = [part.field for part in safety_content.SAFETY_PLAN_OPTIONAL]


def plan_data(**changes):
    return {field: "" for field in FIELDS} | changes


@pytest.mark.django_db
@frozen
def test_a_visitor_is_sent_to_log_in_from_the_safety_plan(client):
    """A visitor opening the safety plan or its printable page is sent to log in."""
    for name in ("safety:plan", "safety:plan_print"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.django_db
@frozen
def test_the_plan_needs_no_safety_check_first(client_logged_in):
    """Anyone signed in can open the safety plan at once, each part with its prompt and example."""
    response = client_logged_in.get(reverse("safety:plan"))
    assert response.status_code == 200
    html = unescape(response.content.decode())
    for part in safety_content.SAFETY_PLAN_SECTIONS:
        assert part.heading in html
        assert part.prompt in html and part.example in html


@pytest.mark.django_db
@frozen
def test_the_stanley_brown_steps_come_first_in_their_order(client_logged_in):
    """The plan opens with Stanley and Brown's seven numbered steps, then the abuse-planning parts.

    The seven steps are numbered fields in the Safety Planning Intervention's order
    (warning signs, own coping, distraction, people to ask, professionals, a safer
    environment, reasons for living); the abuse-planning parts come after them."""
    html = unescape(client_logged_in.get(reverse("safety:plan")).content.decode())
    labels = re.findall(r'<label\s+for="id_([a-z_]+)"[^>]*>\s*([^<*]+?)\s*<', html)
    assert [field for field, _ in labels] == FIELDS
    assert [label for _, label in labels][:7] == [
        "1. Warning signs",
        "2. My own ways to cope",
        "3. People and places that take my mind off things",
        "4. People I can ask for help",
        "5. Professionals and services",
        "6. Making my surroundings safer",
        "7. My reasons for living",
    ]
    assert html.index('id="plan-steps"') < html.index('id="plan-optional"')


@pytest.mark.django_db
@frozen
def test_the_abuse_planning_parts_are_optional_and_closed_until_written(client_logged_in, user):
    """The abuse-planning parts are marked optional and stay folded until you write in one.

    Each domestic-abuse part sits in its own <details>, marked optional: closed on a new
    plan, open once it holds text, so nothing written is ever hidden."""
    html = client_logged_in.get(reverse("safety:plan")).content.decode()
    parts = re.findall(
        r'<details class="plan-optional mb-3"( open)?>\s*<summary>(.*?)</summary>', html, re.S
    )
    assert len(parts) == len(OPTIONAL)
    assert not any(is_open for is_open, _ in parts)
    assert all("(optional)" in summary for _, summary in parts)
    for heading in ("Children", "Pets", "Phone, accounts and location", "Keeping a record"):
        assert any(heading in summary for _, summary in parts)

    SafetyPlan.objects.create(user=user, pets="Jo takes the cat")
    html = client_logged_in.get(reverse("safety:plan")).content.decode()
    opened = re.findall(
        r'<details class="plan-optional mb-3" open>\s*<summary>(.*?)</summary>', html, re.S
    )
    assert len(opened) == 1 and "Pets" in opened[0]


@pytest.mark.django_db
@frozen
def test_an_error_in_an_optional_part_opens_it(client_logged_in, user):
    """A too-long optional part opens itself to show its message, and nothing is saved."""
    response = client_logged_in.post(reverse("safety:plan"), plan_data(evidence="x" * 3001))
    html = response.content.decode()
    opened = re.findall(
        r'<details class="plan-optional mb-3" open>\s*<summary>(.*?)</summary>', html, re.S
    )
    assert len(opened) == 1 and "Keeping a record" in opened[0]
    assert not SafetyPlan.objects.filter(user=user).exists()


@pytest.mark.django_db
@frozen
def test_the_plan_page_names_its_sources(client_logged_in):
    """The plan page cites its sources and links the services, loading nothing from their sites.

    Stanley and Brown's paper is cited, and the domestic-abuse services named, with plain
    links to their own sites; no script of theirs is loaded."""
    html = unescape(client_logged_in.get(reverse("safety:plan")).content.decode())
    assert "Stanley B, Brown GK. Safety Planning Intervention" in html
    assert "Cognitive and Behavioral Practice, 2012" in html
    for name, link in (
        ("Women's Aid (England)", "https://www.womensaid.org.uk/"),
        ("Refuge", "https://refugetechsafety.org/"),
        ("National Domestic Violence Hotline", "https://www.thehotline.org/"),
    ):
        assert name in html and f'href="{link}' in html
    assert not re.search(r"<script[^>]+src=\"https?://", html)
    for part in safety_content.SAFETY_PLAN_SECTIONS:  # and each part beside what it comes from
        assert f"<td>{part.heading}</td><td>{part.implements}</td>" in html


@pytest.mark.django_db
@frozen
def test_saving_the_plan_keeps_it_encrypted_and_says_so(client_logged_in, user):
    """Saving the plan says so and shows your words, while the database holds none of them."""
    words = "Call Sam, code word umbrella"
    response = client_logged_in.post(
        reverse("safety:plan"), plan_data(help_people=words, phone_location=words), follow=True
    )
    assert "Your safety plan is saved" in response.content.decode()
    plan = SafetyPlan.objects.get(user=user)
    assert plan.help_people == plan.phone_location == words
    for raw in raw_values("safety_safetyplan", FIELDS)[0]:
        assert words not in raw
    assert words in response.content.decode()  # back in the form, for its owner


@pytest.mark.django_db
@frozen
def test_every_part_is_saved_and_read_back(client_logged_in, user):
    """Every part of the safety plan comes back exactly as written."""
    data = {field: f"My words for {field}" for field in FIELDS}
    client_logged_in.post(reverse("safety:plan"), data)
    plan = SafetyPlan.objects.get(user=user)
    assert {field: getattr(plan, field) for field in FIELDS} == data


@pytest.mark.django_db
@frozen
def test_each_person_sees_only_their_own_plan(client, user, other_user):
    """Nobody else's safety plan shows on your plan page or your printout."""
    SafetyPlan.objects.create(user=other_user, warning_signs="Their private sign")
    client.force_login(user)
    for name in ("safety:plan", "safety:plan_print"):
        assert "Their private sign" not in client.get(reverse(name)).content.decode()


@pytest.mark.django_db
@frozen
def test_the_printed_plan_shows_every_step_in_order_and_the_parts_written(client_logged_in, user):
    """The printed plan shows every step in order with room to write, and the optional parts used.

    Every step is printed, numbered, with room to write in those left empty; of the
    optional parts, only those written in."""
    SafetyPlan.objects.create(
        user=user, documents_money="Passport at my sister's", coping="Slow breathing"
    )
    html = client_logged_in.get(reverse("safety:plan_print")).content.decode()
    steps = re.findall(r'<h2 class="h5" id="plan-([a-z_]+)">(\d)\. ([^<]+)</h2>', html)
    assert steps == [
        (part.field, str(n), part.heading)
        for n, part in enumerate(safety_content.SAFETY_PLAN_STEPS, start=1)
    ]
    assert re.findall(r'<h3 class="h5" id="plan-([a-z_]+)">', html) == ["documents_money"]
    assert "Passport at my sister&#x27;s" in html and "Slow breathing" in html
    assert html.count('class="plan-blank"') == len(STEPS) - 1
    assert "<title>Your safety plan, to print" in html
    assert "Stanley B, Brown GK" in html  # the sources, on paper too


@pytest.mark.django_db
@frozen
def test_a_blank_plan_can_be_printed_to_fill_in_by_hand(client_logged_in, user):
    """With nothing written, every part (the optional ones too) is printed with room to write."""
    html = client_logged_in.get(reverse("safety:plan_print")).content.decode()
    assert "Fill it in by hand" in html
    assert html.count('class="plan-blank"') == len(FIELDS)
    assert re.findall(r'<h3 class="h5" id="plan-([a-z_]+)">', html) == OPTIONAL
    assert not SafetyPlan.objects.filter(user=user).exists()


@pytest.mark.django_db
@frozen
def test_an_overlong_part_gets_a_message_and_nothing_is_saved(client_logged_in, user):
    """A part over 3,000 characters gets a message, keeps what you typed, and saves nothing."""
    response = client_logged_in.post(
        reverse("safety:plan"),
        plan_data(warning_signs="x" * 3001, help_people="kept as typed"),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ensure this value has at most 3000 characters" in html
    assert "kept as typed" in html
    assert not SafetyPlan.objects.filter(user=user).exists()


@pytest.mark.django_db
@frozen
def test_a_save_from_a_stale_tab_keeps_both_texts(client_logged_in, user):
    """Saving the plan from an old tab overwrites nothing and shows both versions."""
    plan = SafetyPlan.objects.create(user=user, warning_signs="first tab")
    stale = plan_data(warning_signs="second tab", version=plan.version)
    client_logged_in.post(
        reverse("safety:plan"), plan_data(warning_signs="first tab, edited", version=1)
    )
    html = client_logged_in.post(reverse("safety:plan"), stale).content.decode()
    assert "changed in another tab" in html
    assert "second tab" in html and "first tab, edited" in html
    assert SafetyPlan.objects.get(user=user).warning_signs == "first tab, edited"


@pytest.mark.django_db
@frozen
def test_the_safety_page_names_the_model_and_links_the_plan(client_logged_in):
    """The Safety page names Stanley and Brown's model and links to your plan."""
    html = client_logged_in.get(reverse("safety:index")).content.decode()
    assert "Stanley" in html and "Brown" in html
    assert f'href="{reverse("safety:plan")}"' in html


@pytest.mark.django_db
@frozen
def test_the_footer_links_the_plan_for_a_signed_in_person(client_logged_in, client):
    """Signed in, the footer links to your safety plan."""
    assert reverse("safety:plan") in client_logged_in.get(reverse("about")).content.decode()


# The Safety page --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_safety_page_says_reuniting_is_not_the_goal_and_lists_help(client):
    """The Safety page says this is not therapy nor about getting back together, and lists help."""
    html = client.get(reverse("safety:index")).content.decode()
    assert "not therapy" in html
    assert "getting back together is not what this program is for" in html
    assert "Where to find help" in html
