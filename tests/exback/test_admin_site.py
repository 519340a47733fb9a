"""The admin opens only through the site's log-in, and only for staff with two-factor on."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse

from tests.clock import frozen
from tests.factories import PASSWORD, UserFactory
from tests.helpers.accounts import current_code, with_totp

pytestmark = pytest.mark.django_db


# The admin signs in through the site, and opens only with two-factor.


def test_posting_a_password_to_the_admin_login_signs_no_one_in(client):
    """A password posted to the admin's log-in signs no one in; it leads to the site's log-in."""
    staff = UserFactory(is_staff=True, is_superuser=True)
    with_totp(staff)
    response = client.post(reverse("admin:login"), {"username": staff.email, "password": PASSWORD})
    # Sent to the site's log-in instead, where rate limits and two-factor apply.
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login") + "?next=")
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("admin:index")).status_code == 302


@frozen
def test_staff_with_an_authenticator_log_in_through_the_site_with_a_code_and_open_the_admin(
    client,
):
    """Staff reach the admin only after the site's log-in and a code from their authenticator."""
    staff = UserFactory(is_staff=True, is_superuser=True)
    secret = with_totp(staff)
    response = client.get(reverse("admin:index"), follow=True)
    login_url = reverse("account_login") + "?" + urlencode({"next": reverse("admin:index")})
    assert response.redirect_chain[-1][0] == login_url

    response = client.post(login_url, {"login": staff.email, "password": PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get(reverse("admin:index")).status_code == 302  # not without the code
    response = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert response["Location"] == reverse("admin:index")
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert "Site administration" in response.content.decode()


def test_signed_in_staff_with_an_authenticator_pass_the_admin_login_straight_to_the_admin(
    client,
):
    """Signed-in staff with an authenticator who open the admin log-in go straight to the admin."""
    staff = UserFactory(is_staff=True)
    with_totp(staff)
    client.force_login(staff)
    response = client.get(reverse("admin:login"))
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def test_staff_without_an_authenticator_are_told_how_to_set_one_up(client):
    """Staff without an authenticator are refused the admin and shown how to set one up."""
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get(reverse("admin:index"), follow=True)
    assert response.status_code == 403
    page = response.content.decode()
    assert "The admin needs two-factor authentication" in page
    assert reverse("mfa_activate_totp") in page
    assert '<main id="main"' in page  # the site's layout, not the admin's log-in form
    assert 'name="password"' not in page


def test_someone_without_staff_rights_is_refused_the_admin(client_logged_in, user):
    """A signed-in person without staff rights cannot open the admin."""
    with_totp(user)
    assert client_logged_in.get(reverse("admin:index")).status_code == 302
    assert client_logged_in.get(reverse("admin:login")).status_code == 403
