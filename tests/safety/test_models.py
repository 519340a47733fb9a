"""Danger check answers are sealed at rest, and a helpline's phone gives a number to dial."""

import pytest
from django.urls import reverse

from safety.models import DangerCheck, Helpline
from tests.factories.safety import danger_check_form_data
from tests.helpers.vault import raw_values

pytestmark = pytest.mark.django_db


READINESS = reverse("progress:readiness")


def test_the_answers_are_encrypted_at_rest(afraid_client, user):
    """The database holds ciphertext, with no column that says whether any answer was yes."""
    afraid_client.post(READINESS, danger_check_form_data(strangled="yes"))
    ((stored,),) = raw_values("safety_dangercheck", ["answers"])
    assert "strangled" not in stored and "yes" not in stored
    assert stored.startswith("gAAAAA")  # a Fernet token
    columns = {field.column for field in DangerCheck._meta.concrete_fields}
    assert columns == {"id", "user_id", "answers", "updated_at", "version"}


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
