"""The private safety plan: written, saved encrypted, printable (blank or filled), reachable
from the Safety page, the footer and, for anyone who said yes to a safety question, as the
dashboard's main action."""

import re
from html import unescape

import pytest
from django.urls import reverse

from safety import content as safety_content
from safety.models import SafetyPlan
from tests.clock import frozen
from tests.factories.safety import SafetyCheckFactory
from tests.helpers.vault import raw_values

pytestmark = [pytest.mark.django_db, frozen]

FIELDS = [part.field for part in safety_content.SAFETY_PLAN_SECTIONS]
STEPS = [part.field for part in safety_content.SAFETY_PLAN_STEPS]
OPTIONAL = [part.field for part in safety_content.SAFETY_PLAN_OPTIONAL]


def plan_data(**changes):
    return {field: "" for field in FIELDS} | changes


def test_a_visitor_is_sent_to_log_in(client):
    """A visitor opening the safety plan or its printable page is sent to log in."""
    for name in ("safety:plan", "safety:plan_print"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_the_plan_needs_no_safety_check_first(client_logged_in):
    """Anyone signed in can open the safety plan at once, each part with its prompt and example."""
    response = client_logged_in.get(reverse("safety:plan"))
    assert response.status_code == 200
    html = unescape(response.content.decode())
    for part in safety_content.SAFETY_PLAN_SECTIONS:
        assert part.heading in html
        assert part.prompt in html and part.example in html


def test_the_stanley_brown_steps_come_first_in_their_order(client_logged_in):
    """The plan opens with Stanley and Brown's seven numbered steps, then the abuse-planning parts.

    The seven steps are numbered fields in the Safety Planning Intervention's order
    (warning signs, own coping, distraction, people to ask, professionals, a safer
    environment, reasons for living); the abuse-planning parts come after them."""
    html = unescape(client_logged_in.get(reverse("safety:plan")).content.decode())
    labels = re.findall(r'<label\s+for="id_([a-z_]+)"[^>]*>\s*([^<*]+?)\s*<', html)
    assert [field for field, _ in labels] == FIELDS
    assert [label for _, label in labels][:7] == [
        "1. Warning signs",
        "2. My own ways to cope",
        "3. People and places that take my mind off things",
        "4. People I can ask for help",
        "5. Professionals and services",
        "6. Making my surroundings safer",
        "7. My reasons for living",
    ]
    assert html.index('id="plan-steps"') < html.index('id="plan-optional"')


def test_the_abuse_planning_parts_are_optional_and_closed_until_written(client_logged_in, user):
    """The abuse-planning parts are marked optional and stay folded until you write in one.

    Each domestic-abuse part sits in its own <details>, marked optional: closed on a new
    plan, open once it holds text, so nothing written is ever hidden."""
    html = client_logged_in.get(reverse("safety:plan")).content.decode()
    parts = re.findall(
        r'<details class="plan-optional mb-3"( open)?>\s*<summary>(.*?)</summary>', html, re.S
    )
    assert len(parts) == len(OPTIONAL)
    assert not any(is_open for is_open, _ in parts)
    assert all("(optional)" in summary for _, summary in parts)
    for heading in ("Children", "Pets", "Phone, accounts and location", "Keeping a record"):
        assert any(heading in summary for _, summary in parts)

    SafetyPlan.objects.create(user=user, pets="Jo takes the cat")
    html = client_logged_in.get(reverse("safety:plan")).content.decode()
    opened = re.findall(
        r'<details class="plan-optional mb-3" open>\s*<summary>(.*?)</summary>', html, re.S
    )
    assert len(opened) == 1 and "Pets" in opened[0]


def test_an_error_in_an_optional_part_opens_it(client_logged_in, user):
    """A too-long optional part opens itself to show its message, and nothing is saved."""
    response = client_logged_in.post(reverse("safety:plan"), plan_data(evidence="x" * 3001))
    html = response.content.decode()
    opened = re.findall(
        r'<details class="plan-optional mb-3" open>\s*<summary>(.*?)</summary>', html, re.S
    )
    assert len(opened) == 1 and "Keeping a record" in opened[0]
    assert not SafetyPlan.objects.filter(user=user).exists()


def test_the_plan_page_names_its_sources(client_logged_in):
    """The plan page cites its sources and links the services, loading nothing from their sites.

    Stanley and Brown's paper is cited, and the domestic-abuse services named, with plain
    links to their own sites; no script of theirs is loaded."""
    html = unescape(client_logged_in.get(reverse("safety:plan")).content.decode())
    assert "Stanley B, Brown GK. Safety Planning Intervention" in html
    assert "Cognitive and Behavioral Practice, 2012" in html
    for name, link in (
        ("Women's Aid (England)", "https://www.womensaid.org.uk/"),
        ("Refuge", "https://refugetechsafety.org/"),
        ("National Domestic Violence Hotline", "https://www.thehotline.org/"),
    ):
        assert name in html and f'href="{link}' in html
    assert not re.search(r"<script[^>]+src=\"https?://", html)
    for part in safety_content.SAFETY_PLAN_SECTIONS:  # and each part beside what it comes from
        assert f"<td>{part.heading}</td><td>{part.implements}</td>" in html


def test_saving_the_plan_keeps_it_encrypted_and_says_so(client_logged_in, user):
    """Saving the plan says so and shows your words, while the database holds none of them."""
    words = "Call Sam, code word umbrella"
    response = client_logged_in.post(
        reverse("safety:plan"), plan_data(help_people=words, phone_location=words), follow=True
    )
    assert "Your safety plan is saved" in response.content.decode()
    plan = SafetyPlan.objects.get(user=user)
    assert plan.help_people == plan.phone_location == words
    for raw in raw_values("safety_safetyplan", FIELDS)[0]:
        assert words not in raw
    assert words in response.content.decode()  # back in the form, for its owner


def test_every_part_is_saved_and_read_back(client_logged_in, user):
    """Every part of the safety plan comes back exactly as written."""
    data = {field: f"My words for {field}" for field in FIELDS}
    client_logged_in.post(reverse("safety:plan"), data)
    plan = SafetyPlan.objects.get(user=user)
    assert {field: getattr(plan, field) for field in FIELDS} == data


def test_each_person_sees_only_their_own_plan(client, user, other_user):
    """Nobody else's safety plan shows on your plan page or your printout."""
    SafetyPlan.objects.create(user=other_user, warning_signs="Their private sign")
    client.force_login(user)
    for name in ("safety:plan", "safety:plan_print"):
        assert "Their private sign" not in client.get(reverse(name)).content.decode()


def test_the_printed_plan_shows_every_step_in_order_and_the_parts_written(client_logged_in, user):
    """The printed plan shows every step in order with room to write, and the optional parts used.

    Every step is printed, numbered, with room to write in those left empty; of the
    optional parts, only those written in."""
    SafetyPlan.objects.create(
        user=user, documents_money="Passport at my sister's", coping="Slow breathing"
    )
    html = client_logged_in.get(reverse("safety:plan_print")).content.decode()
    steps = re.findall(r'<h2 class="h5" id="plan-([a-z_]+)">(\d)\. ([^<]+)</h2>', html)
    assert steps == [
        (part.field, str(n), part.heading)
        for n, part in enumerate(safety_content.SAFETY_PLAN_STEPS, start=1)
    ]
    assert re.findall(r'<h3 class="h5" id="plan-([a-z_]+)">', html) == ["documents_money"]
    assert "Passport at my sister&#x27;s" in html and "Slow breathing" in html
    assert html.count('class="plan-blank"') == len(STEPS) - 1
    assert "<title>Your safety plan, to print" in html
    assert "Stanley B, Brown GK" in html  # the sources, on paper too


def test_a_blank_plan_can_be_printed_to_fill_in_by_hand(client_logged_in, user):
    """With nothing written, every part (the optional ones too) is printed with room to write."""
    html = client_logged_in.get(reverse("safety:plan_print")).content.decode()
    assert "Fill it in by hand" in html
    assert html.count('class="plan-blank"') == len(FIELDS)
    assert re.findall(r'<h3 class="h5" id="plan-([a-z_]+)">', html) == OPTIONAL
    assert not SafetyPlan.objects.filter(user=user).exists()


def test_an_overlong_part_gets_a_message_and_nothing_is_saved(client_logged_in, user):
    """A part over 3,000 characters gets a message, keeps what you typed, and saves nothing."""
    response = client_logged_in.post(
        reverse("safety:plan"),
        plan_data(warning_signs="x" * 3001, help_people="kept as typed"),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ensure this value has at most 3000 characters" in html
    assert "kept as typed" in html
    assert not SafetyPlan.objects.filter(user=user).exists()


def test_a_save_from_a_stale_tab_keeps_both_texts(client_logged_in, user):
    """Saving the plan from an old tab overwrites nothing and shows both versions."""
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
    """Your JSON download holds every part of your safety plan, in order, with its headings.

    Every part, in the plan's order, under its field's name, with the headings the page
    uses."""
    SafetyPlan.objects.create(user=user, professional_help="My doctor", evidence="Diary at work")
    data = client_logged_in.get(reverse("account_export_json")).json()["program"]["safety_plan"]
    assert (data["professional_help"], data["evidence"], data["coping"]) == (
        "My doctor",
        "Diary at work",
        "",
    )
    assert [key for key in data if key in FIELDS] == FIELDS
    assert data["headings"]["reasons_for_living"] == "My reasons for living"


def test_the_safety_page_names_the_model_and_links_the_plan(client_logged_in):
    """The Safety page names Stanley and Brown's model and links to your plan."""
    html = client_logged_in.get(reverse("safety:index")).content.decode()
    assert "Stanley" in html and "Brown" in html
    assert f'href="{reverse("safety:plan")}"' in html


def test_the_footer_links_the_plan_for_a_signed_in_person(client_logged_in, client):
    """Signed in, the footer links to your safety plan."""
    assert reverse("safety:plan") in client_logged_in.get(reverse("about")).content.decode()


def test_a_yes_person_gets_the_plan_as_the_dashboards_main_action(client_logged_in, user):
    """After a yes on the safety check, Your safety plan is the dashboard's first button."""
    SafetyCheckFactory(user=user, afraid=True)
    html = client_logged_in.get(reverse("dashboard")).content.decode()
    first_button = re.search(r'<a class="btn btn-primary" href="([^"]+)">([^<]+)</a>', html)
    assert first_button.groups() == (
        reverse("safety:plan"),
        "Your safety plan",
    )
