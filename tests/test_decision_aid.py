"""The "are you sure?" decision aid (reasons weighed, readiness answers, each concern named
with why it matters and what to do next) and the apology's replies to its sincerity check."""

import pytest
from django.urls import reverse

from progress.models import Apology, Readiness
from safety.situation import situation_for
from stages import content
from tests.clock import frozen
from tests.factories.progress import ReadinessFactory, apology_form_data, readiness_form_data
from tests.factories.safety import SafetyCheckFactory
from tests.helpers.vault import raw_values

pytestmark = [pytest.mark.django_db, frozen]

URL = reverse("progress:readiness")


def test_reasons_are_saved_with_their_weights_encrypted_and_shown_again(program_client, user):
    """Reasons you weigh come back when you return, and whoever reads the database sees no words."""
    program_client.post(
        URL,
        {
            **readiness_form_data(),
            "for_1": "We laughed every day",
            "for_1_weight": "4",
            "against_1": "We argued about money",
            "against_1_weight": "2",
        },
    )
    readiness = Readiness.objects.get(user=user)
    assert readiness.reasons == [
        {"side": "for", "text": "We laughed every day", "weight": 4},
        {"side": "against", "text": "We argued about money", "weight": 2},
    ]
    (raw,) = raw_values("progress_readiness", ["reasons"])[0]
    assert "laughed" not in raw
    html = program_client.get(URL).content.decode()
    assert 'value="We laughed every day"' in html
    assert "clear eyes" in html


def test_each_weight_is_labelled_as_a_person_would_read_it_with_its_reason(program_client):
    """Each reason and its weight are labelled in words, like how much your fifth reason matters.

    Not "How much does it matter? (for 1)": each reason and its weight name the same
    reason in words, inside the fieldset that says for or against."""
    html = " ".join(program_client.get(URL).content.decode().split())
    assert "(for 1)" not in html and "(against 1)" not in html
    for side in ("for", "against"):
        assert f'<label for="id_{side}_1" class="form-label"> Your first reason </label>' in html
        assert (
            f'<label for="id_{side}_5_weight" class="form-label"> '
            "How much does your fifth reason matter? </label>"
        ) in html


def test_an_answer_that_suggests_waiting_is_named_with_why_and_what_next(program_client):
    """An answer that suggests waiting is named, with your answer, why it matters and what next."""
    response = program_client.post(URL, readiness_form_data(impulsive="yes"), follow=True)
    html = response.content.decode()
    why, next_step = content.READINESS_CONCERNS["impulsive"]
    assert "1 thing worth a second look" in html
    assert "Am I deciding this on impulse?" in html
    assert "You answered \u201cYes\u201d" in html
    assert why in html
    assert next_step in html


def test_heavier_reasons_against_are_a_concern(program_client):
    """When reasons against outweigh those for, the aid shows both sums and suggests waiting."""
    html = program_client.post(
        URL,
        {
            **readiness_form_data(),
            "for_1": "Shared friends",
            "for_1_weight": "2",
            "against_1": "I felt small around them",
            "against_1_weight": "5",
            "against_2": "They never listened",
            "against_2_weight": "3",
        },
        follow=True,
    ).content.decode()
    assert "Your reasons against weigh 8; your reasons for weigh 2." in html
    assert "might not be the right moment" in html


def test_a_safety_yes_comes_first_among_the_concerns_and_nothing_reassures(user):
    """Answers that would read as ready still never reassure above a safety concern."""
    safety = situation_for(SafetyCheckFactory(user=user, afraid=True).user)
    readiness = ReadinessFactory(user=user)  # every answer the "ready" one
    concerns = readiness.concerns(safety)
    assert concerns[0]["safety"] is True
    assert "You told us that you have felt afraid of your ex" in concerns[0]["answer"]
    assert readiness.note(safety) is None
    assert "clear eyes" in readiness.note(None)


def test_the_decision_aid_gives_way_to_the_danger_check_when_reconnecting_is_unsafe(
    client_logged_in, user
):
    """Someone afraid of their ex gets the danger check instead of the decision aid.

    Weighing up getting back together is not this reader's path: the page is the danger
    check (tests/test_danger_check.py), and the decision aid's answers posted to it save
    nothing."""
    SafetyCheckFactory(user=user, afraid=True)
    html = client_logged_in.post(URL, readiness_form_data(), follow=True).content.decode()
    assert "Reasons for getting back together" not in html
    assert "A danger check" in html
    assert reverse("safety:plan") in html
    assert not Readiness.objects.filter(user=user).exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"for_1": "A reason"}, "for_1_weight", "Choose how much this reason matters"),
        ({"against_2_weight": "3"}, "against_2", "Write the reason, or clear its weight."),
        ({"for_1": "x" * 201, "for_1_weight": "1"}, "for_1", "at most 200 characters"),
        ({"for_1": "A reason", "for_1_weight": "9"}, "for_1_weight", "Select a valid choice"),
    ],
)
def test_a_half_filled_reason_gets_a_message_next_to_it(
    program_client, user, changes, field, message
):
    """A half-filled or invalid reason gets a message beside it, keeps your text, saves nothing."""
    data = {
        **readiness_form_data(),
        "against_1": "kept as typed",
        "against_1_weight": "2",
        **changes,
    }
    response = program_client.post(URL, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert f'id="error_1_id_{field}"' in html
    assert 'value="kept as typed"' in html
    assert not Readiness.objects.filter(user=user).exists()


def test_the_summary_holds_the_reasons_and_the_concerns(program_client):
    """Your summary shows your reasons with their weights and the next step for each concern."""
    program_client.post(
        URL,
        {**readiness_form_data(band_aid="yes"), "against_1": "Old habits", "against_1_weight": "3"},
    )
    html = program_client.get(reverse("progress:summary")).content.decode()
    assert "Old habits (3)" in html
    assert "Reasons against (weight 3)" in html
    assert content.READINESS_CONCERNS["band_aid"][1] in html


# The apology's sincerity check --------------------------------------------------------------
APOLOGY = apology_form_data(seeking_approval="no", draft="I'm sorry I missed your exhibition.")


def test_approval_seeking_gets_a_warm_reply(program_client, user):
    """Saying your apology seeks approval gets a warm reply about it on the page."""
    html = program_client.post(
        reverse("progress:apology"), {**APOLOGY, "seeking_approval": "yes"}, follow=True
    ).content.decode()
    assert content.SINCERITY_REPLIES["seeking_approval", "yes"] in html.replace("&#x27;", "'")
    assert (
        Apology.objects.get(user=user).sincerity_replies()[0][0]
        == (content.SINCERITY_QUESTIONS[1][1])
    )


def test_sincere_answers_need_no_reply(program_client):
    """Sincere answers to the apology's sincerity check get no reply about them."""
    html = program_client.post(reverse("progress:apology"), APOLOGY, follow=True).content.decode()
    assert "About your answers" not in html


def test_the_summary_holds_the_apology_and_its_sincerity_answers(program_client):
    """Your summary shows your apology draft and the reply to each doubtful sincerity answer."""
    program_client.post(
        reverse("progress:apology"), {**APOLOGY, "telling_them_what_they_want": "not_sure"}
    )
    html = program_client.get(reverse("progress:summary")).content.decode().replace("&#x27;", "'")
    assert "I'm sorry I missed your exhibition." in html
    assert content.SINCERITY_REPLIES["telling_them_what_they_want", "not_sure"] in html


def test_the_summary_holds_everything_written_in_the_early_stages(program_client, user):
    """Your summary holds everything you wrote in the early stages, notes and memories included.

    Issue 14: the check-ins with their notes (the mood history), the contacts with what
    was noted, the held messages' words, the reach-out answers, and the memories' where and why."""
    from tests.factories.progress import (
        CheckInFactory,
        ContactFactory,
        HeldMessageFactory,
        MemoryFactory,
        ReachOutCheckFactory,
    )

    CheckInFactory(user=user, note="Slept badly, walked it off", mood=2)
    ContactFactory(user=user, how_it_went="Short and kind")
    HeldMessageFactory(user=user, text="I still think of the lake")
    ReachOutCheckFactory(user=user)
    MemoryFactory(user=user, what="Lake day", where="By the old pier", why_good="We laughed")
    html = program_client.get(reverse("progress:summary")).content.decode()
    for words in (
        "Slept badly, walked it off",
        "2 / 5",
        "Short and kind",
        "I still think of the lake",
        content.REACH_OUT_QUESTIONS[0][1],
        "By the old pier",
        "We laughed",
    ):
        assert words in html, words
