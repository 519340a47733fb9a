"""Nothing written in an exercise is lost: one row per submit, no overwrite from another tab."""

import re
import uuid

import pytest
from django.urls import reverse

from progress.models import (
    Apology,
    Contact,
    HeldMessage,
    Memory,
    Readiness,
    Responsibility,
    SelfCareCheckIn,
    StageProgress,
    Urge,
)
from tests.clock import frozen
from tests.factories.progress import (
    ApologyFactory,
    MemoryFactory,
    ReadinessFactory,
    apology_form_data,
    checkin_form_data,
    contact_form_data,
    held_message_form_data,
    memory_form_data,
    readiness_form_data,
    responsibility_form_data,
    urge_form_data,
)

# Nothing lost -----------------------------------------------------------------------------------
# A double submit adds one row, and two tabs editing the same thing never silently
# overwrite each other (both texts are shown).

ADD_FORMS = [
    (
        "progress:contacts",
        Contact,
        contact_form_data(date="2026-03-17"),
    ),
    ("progress:held_messages", HeldMessage, held_message_form_data()),
    (
        "progress:responsibilities",
        Responsibility,
        responsibility_form_data(
            what_happened="I shouted.", my_part="I was tired.", do_differently="Pause."
        ),
    ),
    (
        "progress:memories",
        Memory,
        memory_form_data(what="The lake", when="June", where="", why_good=""),
    ),
    (
        "progress:checkin_new",
        SelfCareCheckIn,
        checkin_form_data(date="2026-03-16", hours_slept="7", mood="3", note=""),
    ),
    ("progress:reach_out_now_end", Urge, urge_form_data(note="It passed.")),
]


def hidden_value(html, name):
    match = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert match, f"no hidden {name} in the form"
    return match.group(1)


@pytest.mark.django_db
@frozen
@pytest.mark.parametrize(("url_name", "model", "data"), ADD_FORMS)
def test_a_double_submit_adds_one_row(program_client, user, url_name, model, data):
    """A double submit of an add form keeps one row and still says it was saved."""
    page = program_client.get(reverse(url_name)).content.decode()
    token = hidden_value(page, "submission_token")
    posted = {**data, "submission_token": token}

    first = program_client.post(reverse(url_name), posted)
    second = program_client.post(reverse(url_name), posted, follow=True)

    assert first.status_code == 302
    assert second.redirect_chain[0][1] == 302
    assert model.objects.filter(user=user).count() == 1
    assert "alert-success" in second.content.decode()


@pytest.mark.django_db
@frozen
def test_a_new_form_gets_a_new_token(program_client):
    """Each freshly opened add form saves on its own, so a second real memory is never dropped."""
    first = hidden_value(
        program_client.get(reverse("progress:memories")).content.decode(), "submission_token"
    )
    second = hidden_value(
        program_client.get(reverse("progress:memories")).content.decode(), "submission_token"
    )
    assert uuid.UUID(first) != uuid.UUID(second)


@pytest.mark.django_db
@frozen
def test_another_persons_token_adds_a_row_of_ones_own(program_client, user, other_user):
    """A form carrying another person's token still saves your memory, as your own."""
    token = uuid.uuid4()
    MemoryFactory(user=other_user, submission_token=token)
    program_client.post(
        reverse("progress:memories"), {"what": "Mine", "submission_token": str(token)}
    )
    assert Memory.objects.filter(user=user).count() == 1


def apology_form(**overrides):
    return apology_form_data(
        **{"seeking_approval": "no", "draft": "Words from the first tab.", **overrides}
    )


@pytest.mark.django_db
@frozen
def test_two_tabs_editing_the_apology_keep_both_texts(program_client, user):
    """Saving an apology from a stale tab shows both drafts, and saving again keeps this tab's."""
    apology = ApologyFactory(user=user, draft="The saved draft.")
    url = reverse("progress:apology")
    # Two tabs open the same draft.
    version = hidden_value(program_client.get(url).content.decode(), "version")
    assert version == str(apology.version)

    first = program_client.post(url, apology_form(version=version))
    assert first.status_code == 302
    second = program_client.post(
        url, apology_form(version=version, draft="Words from the second tab.")
    )

    html = second.content.decode()
    assert second.status_code == 200
    assert "changed in another tab or window" in html
    assert "Words from the second tab." in html  # what this tab typed, still in the form
    assert "Words from the first tab." in html  # what was saved meanwhile, shown beside it
    assert Apology.objects.get(user=user).draft == "Words from the first tab."

    # Saving again from the second tab keeps its words: the form now carries the new version.
    again = program_client.post(
        url,
        apology_form(version=hidden_value(html, "version"), draft="Words from the second tab."),
    )
    assert again.status_code == 302
    assert Apology.objects.get(user=user).draft == "Words from the second tab."


@pytest.mark.django_db
@frozen
def test_two_tabs_editing_a_memory_keep_both_texts(program_client, user):
    """Two tabs editing a memory show both texts, and the first tab's save is kept."""
    memory = MemoryFactory(user=user, what="The pier")
    url = reverse("progress:memory_edit", args=[memory.pk])
    version = hidden_value(program_client.get(url).content.decode(), "version")
    program_client.post(url, {"what": "The pier at dusk", "version": version})
    response = program_client.post(url, {"what": "The pier in the rain", "version": version})
    html = response.content.decode()
    assert response.status_code == 200
    assert "The pier in the rain" in html and "The pier at dusk" in html
    assert Memory.objects.get(pk=memory.pk).what == "The pier at dusk"


@pytest.mark.django_db
@frozen
def test_two_tabs_answering_the_same_questions_show_the_saved_answers(program_client, user):
    """A second tab answering are-you-sure is warned, and the first tab's answers are kept."""
    answers = readiness_form_data()
    ReadinessFactory(user=user, answers=answers)
    url = reverse("progress:readiness")
    version = hidden_value(program_client.get(url).content.decode(), "version")
    program_client.post(url, {**answers, "impulsive": "not_sure", "version": version})
    response = program_client.post(url, {**answers, "band_aid": "yes", "version": version})
    assert response.status_code == 200
    assert "changed in another tab or window" in response.content.decode()
    saved = Readiness.objects.get(user=user).answers
    assert (saved["impulsive"], saved["band_aid"]) == ("not_sure", "no")


@pytest.mark.django_db
@frozen
def test_a_form_from_before_versions_still_saves(program_client, user):
    """An apology form left open since before the upgrade still saves."""
    ApologyFactory(user=user, draft="Old.")
    response = program_client.post(reverse("progress:apology"), apology_form(draft="New."))
    assert response.status_code == 302
    assert Apology.objects.get(user=user).draft == "New."


# One transaction --------------------------------------------------------------------------------


def test_a_failed_save_leaves_nothing_behind(program_client, user, monkeypatch):
    """The exercise row and the progress change are one transaction."""

    def broken_touch(*args, **kwargs):
        raise RuntimeError("progress could not be saved")

    monkeypatch.setattr(StageProgress, "touch", broken_touch)
    with pytest.raises(RuntimeError):
        program_client.post(
            reverse("progress:memories"),
            memory_form_data(what="Picnic", when="", where="", why_good=""),
        )
    from progress.models import Memory

    assert not Memory.objects.filter(user=user).exists()
