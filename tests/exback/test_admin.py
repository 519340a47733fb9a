"""Staff see how many journal entries people have, never what they wrote."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from tests.factories import UserFactory
from tests.factories.journal import EntryFactory

pytestmark = pytest.mark.django_db


def test_admin_shows_entry_counts_without_text(client, user):
    """Staff see in the admin how many journal entries a person has, never a word of them."""
    EntryFactory(user=user, title="Top secret title", body="Top secret body")
    EntryFactory(user=user, title="Another secret", body="Hidden")
    staff = UserFactory(is_staff=True, is_superuser=True)
    TOTP.activate(staff, generate_totp_secret())  # the admin opens only with two-factor on
    client.force_login(staff)

    response = client.get("/admin/exback/user/")

    assert response.status_code == 200
    content = response.content.decode()
    assert user.email in content
    assert "secret" not in content.lower()
    assert "Journal entries" in content
