"""Impossible numbers get a message beside their field, and each weight names its reason."""

import pytest
from django.urls import reverse

from progress.models import SelfCareCheckIn
from tests.clock import frozen
from tests.factories.progress import checkin_form_data

pytestmark = [pytest.mark.django_db, frozen]


# Hours slept ------------------------------------------------------------------------------------
CHECK_IN = checkin_form_data(date="2026-03-01", hours_slept=None, mood="3", note=None)


@pytest.mark.parametrize("hours", ["1e309", "-1e309", "1e999999999", "inf", "nan", "25", "-1"])
def test_hours_slept_out_of_range_is_an_error_next_to_the_field(program_client, user, hours):
    """Impossible hours of sleep get one message beside the field, keep your text, save nothing."""
    response = program_client.post(
        reverse("progress:checkin_new"), {**CHECK_IN, "hours_slept": hours}
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["hours_slept"]
    assert len(form.errors["hours_slept"]) == 1
    assert form["hours_slept"].value() == hours  # what was typed is kept
    assert not SelfCareCheckIn.objects.filter(user=user).exists()


def test_hours_slept_off_the_half_hour_step_is_still_refused(program_client, user):
    """Hours slept that are not a whole or half hour are refused with a message by the field."""
    response = program_client.post(
        reverse("progress:checkin_new"), {**CHECK_IN, "hours_slept": "7.3"}
    )
    assert response.status_code == 200
    assert "multiple of step size" in str(response.context["form"].errors["hours_slept"])


def test_minus_zero_hours_is_saved_as_zero(program_client, user):
    """Typing -0 hours of sleep saves the check-in with plain zero hours."""
    response = program_client.post(
        reverse("progress:checkin_new"), {**CHECK_IN, "hours_slept": "-0"}
    )
    assert response.status_code == 302
    checkin = SelfCareCheckIn.objects.get(user=user)
    assert not checkin.hours_slept.is_signed()


# The decision aid's reasons ---------------------------------------------------------------------
URL = reverse("progress:readiness")


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
