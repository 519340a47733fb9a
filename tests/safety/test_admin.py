"""Staff can correct helplines in the admin, and can read no one's answers or plan there."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib import admin
from django.urls import reverse

from safety.models import Helpline, SafetyCheck, SafetyPlan
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


# Helplines --------------------------------------------------------------------------------------


def test_staff_can_correct_a_helpline_in_the_admin(client):
    """Staff can open a helpline in the admin to correct it, and find it listed by country."""
    staff = UserFactory(is_staff=True, is_superuser=True)
    TOTP.activate(staff, generate_totp_secret())
    client.force_login(staff)
    line = Helpline.objects.for_country("GB").filter(is_emergency=False).first()
    response = client.get(reverse("admin:safety_helpline_change", args=[line.pk]))
    assert response.status_code == 200
    assert line.source_url in response.content.decode()
    listing = client.get(reverse("admin:safety_helpline_changelist"), {"country": "GB"})
    assert line.name in listing.content.decode()


def test_staff_can_mark_an_entry_not_yet_verified(client):
    """Staff can list the helplines marked not yet verified in the admin."""
    staff = UserFactory(is_staff=True, is_superuser=True)
    TOTP.activate(staff, generate_totp_secret())
    client.force_login(staff)
    listing = client.get(reverse("admin:safety_helpline_changelist"), {"verified__exact": "0"})
    assert "Shine Helpline" in listing.content.decode()
    assert "Women&#x27;s Refuge" not in listing.content.decode()


# No answers, no plans ---------------------------------------------------------------------------


def test_staff_can_read_no_answers_or_plans_in_the_admin():
    """Only the helplines are in the admin; the answers and plans are not registered."""
    assert admin.site.is_registered(Helpline)
    assert not admin.site.is_registered(SafetyCheck)
    assert not admin.site.is_registered(SafetyPlan)
