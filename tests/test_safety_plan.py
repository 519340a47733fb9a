"""The private safety plan: written, saved encrypted, printable (blank or filled), reachable
from the Safety page, the footer and, for anyone who said yes to a safety question, as the
dashboard's main action."""

import re

import pytest
from django.urls import reverse

from safety import content
from safety.models import SafetyPlan

from .clock import frozen
from .factories_safety import SafetyCheckFactory
from .test_vault import raw_values

pytestmark = [pytest.mark.django_db, frozen]

FIELDS = [field for field, *_ in content.SAFETY_PLAN_SECTIONS]


def plan_data(**changes):
    return {field: "" for field in FIELDS} | changes


def test_a_visitor_is_sent_to_log_in(client):
    for name in ("safety:plan", "safety:plan_print"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_the_plan_needs_no_safety_check_first(client_logged_in):
    response = client_logged_in.get(reverse("safety:plan"))
    assert response.status_code == 200
    html = response.content.decode()
    for _, title, prompt, _ in content.SAFETY_PLAN_SECTIONS:
        assert title in html
        assert prompt.split(":")[0] in html


def test_saving_the_plan_keeps_it_encrypted_and_says_so(client_logged_in, user):
    words = "Call Sam, code word umbrella"
    response = client_logged_in.post(
        reverse("safety:plan"), plan_data(people_places=words), follow=True
    )
    assert "Your safety plan is saved" in response.content.decode()
    plan = SafetyPlan.objects.get(user=user)
    assert plan.people_places == words
    (raw,) = raw_values("safety_safetyplan", ["people_places"])[0]
    assert words not in raw
    assert words in response.content.decode()  # back in the form, for its owner


def test_each_person_sees_only_their_own_plan(client, user, other_user):
    SafetyPlan.objects.create(user=other_user, warning_signs="Their private sign")
    client.force_login(user)
    for name in ("safety:plan", "safety:plan_print"):
        assert "Their private sign" not in client.get(reverse(name)).content.decode()


def test_the_printed_plan_shows_every_part_in_order(client_logged_in, user):
    SafetyPlan.objects.create(user=user, keep_ready="Passport at my sister's")
    html = client_logged_in.get(reverse("safety:plan_print")).content.decode()
    headings = re.findall(r'<h2 class="h5" id="plan-[a-z_]+">\d\. ([^<]+)</h2>', html)
    assert headings == [title for _, title, *_ in content.SAFETY_PLAN_SECTIONS]
    assert "Passport at my sister&#x27;s" in html
    assert "<title>Your safety plan, to print" in html


def test_a_blank_plan_can_be_printed_to_fill_in_by_hand(client_logged_in, user):
    html = client_logged_in.get(reverse("safety:plan_print")).content.decode()
    assert "Fill it in by hand" in html
    assert html.count('class="plan-blank"') == len(FIELDS)
    assert not SafetyPlan.objects.filter(user=user).exists()


def test_an_overlong_part_gets_a_message_and_nothing_is_saved(client_logged_in, user):
    response = client_logged_in.post(
        reverse("safety:plan"),
        plan_data(warning_signs="x" * 3001, people_places="kept as typed"),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ensure this value has at most 3000 characters" in html
    assert "kept as typed" in html
    assert not SafetyPlan.objects.filter(user=user).exists()


def test_a_save_from_a_stale_tab_keeps_both_texts(client_logged_in, user):
    plan = SafetyPlan.objects.create(user=user, warning_signs="first tab")
    stale = plan_data(warning_signs="second tab", version=plan.version)
    client_logged_in.post(
        reverse("safety:plan"), plan_data(warning_signs="first tab, edited", version=1)
    )
    html = client_logged_in.post(reverse("safety:plan"), stale).content.decode()
    assert "changed in another tab" in html
    assert "second tab" in html and "first tab, edited" in html
    assert SafetyPlan.objects.get(user=user).warning_signs == "first tab, edited"


def test_the_plan_is_in_the_account_export(client_logged_in, user):
    SafetyPlan.objects.create(user=user, professional_help="My doctor")
    data = client_logged_in.get(reverse("account_export_json")).json()
    assert data["program"]["safety_plan"]["professional_help"] == "My doctor"


def test_the_safety_page_names_the_model_and_links_the_plan(client_logged_in):
    html = client_logged_in.get(reverse("safety:index")).content.decode()
    assert "Stanley" in html and "Brown" in html
    assert f'href="{reverse("safety:plan")}"' in html


def test_the_footer_links_the_plan_for_a_signed_in_person(client_logged_in, client):
    assert reverse("safety:plan") in client_logged_in.get(reverse("about")).content.decode()


def test_a_yes_person_gets_the_plan_as_the_dashboards_main_action(client_logged_in, user):
    SafetyCheckFactory(user=user, afraid=True)
    html = client_logged_in.get(reverse("dashboard")).content.decode()
    first_button = re.search(r'<a class="btn btn-primary" href="([^"]+)">([^<]+)</a>', html)
    assert first_button.groups() == (
        reverse("safety:plan"),
        "Your safety plan",
    )
