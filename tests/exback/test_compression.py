"""Public pages arrive compressed; a page with a secret on it never is."""

import pytest
from django.urls import reverse


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["home", "about", "privacy", "safety:index"])
def test_public_pages_without_a_form_are_gzipped(client, name):
    """Public pages without a form arrive compressed, so they load faster."""
    response = client.get(reverse(name), headers={"accept-encoding": "gzip, br"})
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]


@pytest.mark.django_db
def test_pages_with_a_csrf_token_are_never_compressed(client):
    """BREACH: a page with a secret on it is sent as it is (exback/compression.py)."""
    response = client.get(reverse("account_login"), headers={"accept-encoding": "gzip"})
    assert b'name="csrfmiddlewaretoken"' in response.content
    assert not response.has_header("Content-Encoding")


@pytest.mark.django_db
def test_signed_in_pages_are_never_compressed(client_logged_in):
    """Signed-in pages arrive uncompressed, so their secrets can't be guessed from their size."""
    for name in ("dashboard", "about"):
        response = client_logged_in.get(reverse(name), headers={"accept-encoding": "gzip"})
        assert response.status_code == 200
        assert not response.has_header("Content-Encoding"), name
