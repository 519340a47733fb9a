"""The danger check (issue 22, item 4): for a person whose safety answers suggest abuse, the
"are you sure?" page is a few questions on the signs research links to the greatest danger.
Any yes (or "not sure" on strangulation, a weapon or threats to kill) puts the emergency number
and the country's abuse line above everything else; all no, a calm line. The answers are the
person's own, encrypted, in their summary and their export."""

import html
import json
import re

import pytest
from django.urls import reverse

from progress.models import Readiness
from safety import content as safety_content
from safety.models import DangerCheck, Helpline
from tests.factories import UserFactory
from tests.factories.progress import ReadinessFactory
from tests.factories.safety import (
    DANGER_ALL_NO,
    DangerCheckFactory,
    SafetyCheckFactory,
    danger_check_form_data,
)
from tests.helpers.vault import raw_values

pytestmark = pytest.mark.django_db

READINESS = reverse("progress:readiness")
DANGER_CHECK = reverse("safety:danger_check")
URGENT = '<section class="danger-urgent'
QUESTION_KEYS = [key for key, *_ in safety_content.DANGER_QUESTIONS]


def page(client, url=READINESS, **extra) -> str:
    response = client.get(url, **extra)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def before_in_main(page_html: str, marker: str) -> str:
    """The visible text of the page's main region before `marker`."""
    main = page_html.split("<main", 1)[1]
    return visible_text_of(main.split(">", 1)[1].split(marker, 1)[0])


def visible_text_of(fragment: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"(?s)<[^>]+>", " ", fragment)).strip()


# Who sees it -----------------------------------------------------------------------------------
def test_an_unsafe_person_sees_the_danger_check_at_the_readiness_url(afraid_client):
    """Someone afraid of their ex finds a danger check where the getting-back-together aid would be.

    The readiness address shows the danger check, every question with yes, no and not sure,
    and none of the decision aid about getting back together."""
    text = page(afraid_client)
    assert '<h1 class="h2">A danger check</h1>' in text
    for _, question, _ in safety_content.DANGER_QUESTIONS:
        assert question in text
    assert text.count('value="not_sure"') == len(safety_content.DANGER_QUESTIONS)
    assert "Reasons for getting back together" not in text
    assert "not part of your path" not in text
    assert reverse("safety:plan") in text and 'href="/safety/"' in text


def test_the_page_says_what_the_check_is_and_is_not(afraid_client):
    """The danger check says it is no diagnosis or score, names its source, and is private.

    Not a diagnosis or a score, adapted from the Danger Assessment with its source named,
    private and encrypted."""
    text = page(afraid_client)
    assert "not a diagnosis and not a score" in text
    assert "Danger Assessment by Jacquelyn C. Campbell" in text
    assert "American Journal of Public Health, 2003" in text
    assert "private and encrypted" in text


def test_a_person_with_no_yes_sees_the_ordinary_decision_aid(program_client):
    """A person who said no to every safety question gets the decision aid as written."""
    text = page(program_client)
    assert "Reasons for getting back together" in text
    assert "A danger check" not in text


def test_the_stage_page_lists_the_danger_check_for_an_unsafe_person(afraid_client):
    """For someone afraid of their ex, the are-you-sure stage's exercise is the danger check.

    On the "are you sure?" part of the program the danger check is the exercise, not a step
    set aside."""
    text = page(afraid_client, reverse("progress:detail", args=["are-you-sure"]))
    assert f'href="{READINESS}"' in text
    assert "A danger check" in text
    assert "Set aside for you" not in text


# What the answers lead to ------------------------------------------------------------------
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

    text = page(afraid_client)
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


@pytest.mark.parametrize("key", safety_content.DANGER_NOT_SURE_IS_URGENT)
def test_not_sure_about_strangulation_a_weapon_or_threats_to_kill_is_urgent(
    afraid_client, user, key
):
    """Not knowing whether they could strangle, arm themselves or kill is itself a warning."""
    DangerCheckFactory(user=user, answers=danger_check_form_data(**{key: "not_sure"}))
    text = page(afraid_client)
    assert before_in_main(text, URGENT) == ""


def test_not_sure_elsewhere_is_met_gently_without_the_urgent_step(afraid_client, user):
    """Answering not sure on an ordinary question brings a gentle word, neither alarm nor all-clear.

    "Not sure" on a question where it is not itself a warning: a word about talking it
    through, no urgent block and no calm all-clear."""
    DangerCheckFactory(user=user, answers=danger_check_form_data(jealous_control="not_sure"))
    text = page(afraid_client)
    assert URGENT not in text
    assert safety_content.DANGER_UNSURE in text
    assert safety_content.DANGER_CALM not in text


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


def test_leaving_is_named_as_a_dangerous_time(afraid_client, user):
    """A yes to having left in the past year adds that leaving can be the most dangerous time."""
    DangerCheckFactory(user=user, answers=danger_check_form_data(left="yes"))
    assert safety_content.DANGER_URGENT_LEAVING in page(afraid_client)


def test_an_unknown_country_gets_the_international_directories(afraid_client, user):
    """With no country known, the urgent step points to the local emergency number and directories.

    With no country on the account and none in the browser's language, the urgent step says
    to call the local emergency number and lists the international directories."""
    DangerCheckFactory(user=user, answers=danger_check_form_data(capable="yes"))
    urgent = page(afraid_client).split(URGENT, 1)[1].split("</section>", 1)[0]
    assert "call your local emergency number" in urgent
    for directory in Helpline.objects.international():
        assert directory.name in urgent
    assert reverse("account") in urgent  # where to choose a country


def test_the_browsers_region_picks_the_country_as_on_the_safety_page(afraid_client, user):
    """With no country on the account, an Australian browser gets Australia's urgent numbers.

    No country on the account: the browser's language region chooses, as on the Safety
    page."""
    DangerCheckFactory(user=user, answers=danger_check_form_data(weapon="yes"))
    urgent = page(afraid_client, HTTP_ACCEPT_LANGUAGE="en-AU,en;q=0.8").split(URGENT, 1)[1]
    assert "Australia emergency number" in urgent
    assert 'href="tel:000"' in urgent
    assert "1800RESPECT" in urgent


def test_a_country_without_an_abuse_line_gets_its_emergency_number_and_the_directories(
    afraid_client, user
):
    """Someone in Switzerland, with no abuse line listed, gets the emergency number and directories.

    Switzerland's only line listed is a general listening line: the emergency number, and the
    international directories for an abuse service."""
    user.country = "CH"
    user.save()
    DangerCheckFactory(user=user, answers=danger_check_form_data(strangled="yes"))
    urgent = page(afraid_client).split(URGENT, 1)[1].split("</section>", 1)[0]
    assert "Switzerland emergency number" in urgent
    assert "We don't list a domestic-abuse line for Switzerland yet" in urgent
    assert "Hot Peach Pages" in urgent


def test_every_country_but_switzerland_has_an_abuse_line_marked():
    """The migration marks each country's domestic-abuse lines; general crisis lines are not."""
    countries = set(Helpline.objects.countries())
    marked = set(Helpline.objects.filter(is_abuse_support=True).values_list("country", flat=True))
    assert marked == countries - {"CH"}
    assert not Helpline.objects.filter(is_abuse_support=True, name__icontains="Samaritans")
    assert not Helpline.objects.filter(is_abuse_support=True, is_emergency=True)


# Saving -----------------------------------------------------------------------------------------
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


def test_bad_input_leaves_saved_answers_as_they_were(afraid_client, user):
    """A person who answered before and sends an incomplete form keeps what was saved."""
    DangerCheckFactory(user=user, answers=danger_check_form_data(threats_to_kill="yes"))
    data = danger_check_form_data()
    del data["pregnant"]
    assert afraid_client.post(READINESS, data).status_code == 200
    assert DangerCheck.objects.get(user=user).answers["threats_to_kill"] == "yes"


def test_answers_can_be_changed(afraid_client, user):
    """The page opens with the saved answers chosen, and a new save replaces them."""
    check = DangerCheckFactory(user=user, answers=danger_check_form_data(escalating="yes"))
    text = page(afraid_client)
    assert re.search(r'name="escalating" value="yes"[^>]*checked', text)
    afraid_client.post(READINESS, {**danger_check_form_data(), "version": check.version})
    check.refresh_from_db()
    assert check.answers == DANGER_ALL_NO
    assert check.version == 2


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


def test_the_same_answers_sent_twice_are_saved_once(afraid_client, user):
    """A double click: the second post finds its answers saved and moves on."""
    check = DangerCheckFactory(user=user)
    data = {**danger_check_form_data(forced_sex="yes"), "version": check.version}
    assert afraid_client.post(READINESS, data).status_code == 302
    assert afraid_client.post(READINESS, data).status_code == 302
    assert DangerCheck.objects.get(user=user).version == 2


def test_a_post_to_the_readiness_url_never_saves_the_decision_aid_for_an_unsafe_person(
    afraid_client, user
):
    """What the danger check saves is the danger check: no decision-aid row appears."""
    afraid_client.post(READINESS, danger_check_form_data())
    assert not Readiness.objects.filter(user=user).exists()


# Whose it is -----------------------------------------------------------------------------------
def test_another_person_cannot_see_or_change_it(client, user, other_user):
    """Another signed-in person never sees or changes your danger check answers.

    Another person, unsafe too, gets their own empty check at both addresses, and their
    save is theirs alone."""
    DangerCheckFactory(user=user, answers=danger_check_form_data(strangled="yes", capable="yes"))
    SafetyCheckFactory(user=other_user, afraid=True)
    client.force_login(other_user)
    for url in (READINESS, DANGER_CHECK):
        text = page(client, url)
        assert URGENT not in text
        assert " checked" not in text.split("<form", 1)[1].split("</form>", 1)[0]
    client.post(DANGER_CHECK, danger_check_form_data())
    assert DangerCheck.objects.get(user=user).answers["strangled"] == "yes"
    assert DangerCheck.objects.get(user=other_user).answers == DANGER_ALL_NO


@pytest.mark.parametrize("url", [READINESS, DANGER_CHECK])
def test_a_visitor_is_sent_to_log_in(client, url):
    """Signed out, both addresses lead to the log-in page, and a post saves nothing."""
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert client.post(url, danger_check_form_data()).status_code == 302
    assert not DangerCheck.objects.exists()


def test_the_answers_are_encrypted_at_rest(afraid_client, user):
    """The database holds ciphertext, with no column that says whether any answer was yes."""
    afraid_client.post(READINESS, danger_check_form_data(strangled="yes"))
    ((stored,),) = raw_values("safety_dangercheck", ["answers"])
    assert "strangled" not in stored and "yes" not in stored
    assert stored.startswith("gAAAAA")  # a Fernet token
    columns = {field.column for field in DangerCheck._meta.concrete_fields}
    assert columns == {"id", "user_id", "answers", "updated_at", "version"}


# Where else it appears ---------------------------------------------------------------------
def test_the_summary_holds_the_danger_check_for_an_unsafe_person(afraid_client, user):
    """Your summary shows your danger check answers and what they mean, not the decision aid.

    The personal summary lists each question with its answer and what they mean, and
    nothing of the decision aid, even when it was answered before."""
    ReadinessFactory(user=user, reasons=[{"side": "for", "text": "Old times", "weight": 2}])
    DangerCheckFactory(user=user, answers=danger_check_form_data(weapon="not_sure"))
    text = page(afraid_client, reverse("progress:summary"))
    assert safety_content.DANGER_QUESTIONS[2][1] in text
    assert "<dd>Not sure</dd>" in text
    assert safety_content.DANGER_SUMMARY["urgent"] in text
    assert "Old times" not in text


def test_the_summary_shows_no_danger_check_to_a_person_with_no_yes(program_client, user):
    """Someone who said no to every safety question sees no danger check in their summary.

    The decision aid's summary as before for a person who said no to every safety
    question."""
    DangerCheckFactory(user=user)
    text = page(program_client, reverse("progress:summary"))
    assert "Danger check" not in text


def test_the_json_export_holds_the_danger_check(afraid_client, user):
    """The account's JSON export has the answers as given and whether they were urgent."""
    DangerCheckFactory(user=user, answers=danger_check_form_data(pregnant="yes"))
    data = json.loads(afraid_client.get(reverse("account_export_json")).content)
    danger = data["program"]["danger_check"]
    assert danger["answers"] == danger_check_form_data(pregnant="yes")
    assert danger["urgent"] is True


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


def test_a_person_can_open_the_danger_check_at_its_own_address(client, db):
    """Anyone signed in can open the danger check at its own address, whatever their answers.

    safety:danger_check is there for anyone signed in, whatever their answers (the Safety
    app's pages do not ask the safety check first)."""
    client.force_login(UserFactory())
    assert '<h1 class="h2">A danger check</h1>' in page(client, DANGER_CHECK)


@pytest.mark.parametrize(
    ("phone", "dial"),
    [
        ("999", "999"),
        ("0808 2000 247", "08082000247"),
        ("17 or 112", "17"),
        ("112 (police: 110)", "112"),
        ("1-800-799-7233", "18007997233"),
        ("#8008", "%238008"),
    ],
)
def test_a_tel_link_dials_the_first_number_of_the_phone(phone, dial):
    """Phones written for people ("17 or 112") still give a tel: link a number to dial."""
    assert Helpline(phone=phone).dial == dial
