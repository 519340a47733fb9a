"""The program's pages: content loading, the safety check, stage pages and progress."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.conf import settings
from django.template import Context, Template
from django.urls import reverse

from progress.models import StageProgress
from safety import content as safety_content
from safety.models import SafetyCheck
from stages import content
from stages.models import Stage
from tests.clock import frozen
from tests.factories.progress import StageProgressFactory, memory_form_data
from tests.factories.safety import SafetyCheckFactory, safety_check_form_data

load_migration = importlib.import_module("stages.migrations.0002_load_program")

# No to every question of the safety check, the children question included.
ALL_NO = safety_check_form_data()


def test_data_migration_loaded_all_eleven_sections(db):
    """A fresh site offers all eleven sections of the program, seven of them numbered stages."""
    assert Stage.objects.count() == 11
    assert list(Stage.objects.values_list("slug", flat=True)) == [
        s["slug"] for s in content.SECTIONS
    ]
    assert Stage.objects.stages().count() == 7


def test_the_migration_names_every_section_of_the_content_and_nothing_else():
    """A fresh site's sections match the program's text, one for one and in order.

    The rows are identities written as literals in the migration (it imports no live
    code): they must match the sections the content package holds, in order."""
    assert [(n, slug, kind) for n, slug, kind in load_migration.SECTIONS] == [
        (s["number"], s["slug"], s["kind"]) for s in content.SECTIONS
    ]


def test_the_program_has_no_text_in_the_database():
    """The program's text ships with the code, so every site shows the same reviewed words."""
    names = {field.name for field in Stage._meta.get_fields()}
    assert not names & {"title", "summary", "body", "key_points", "prompts", "faqs"}


def test_rerunning_the_load_neither_duplicates_nor_touches_progress(user):
    """Reloading the program adds no duplicate sections and keeps everyone's progress."""
    progress = StageProgressFactory(user=user, status=StageProgress.Status.COMPLETED)
    load_migration.load_program(django_apps.get_app_config("stages").apps, None)
    assert Stage.objects.count() == 11
    progress.refresh_from_db()
    assert progress.status == StageProgress.Status.COMPLETED
    assert progress.stage.slug == "say-sorry"


def test_plaintext_filter_escapes_and_builds_paragraphs_and_bullets():
    """Program text shows as paragraphs and bullet lists, with any HTML in it shown as text."""
    html = Template("{% load program %}{{ text|plaintext }}").render(
        Context({"text": "Hello <b>you</b>\nstill here\n\nA list:\n- one & two\n- three"})
    )
    assert "<p>Hello &lt;b&gt;you&lt;/b&gt; still here</p>" in html
    assert "<p>A list:</p>" in html
    assert "<ul><li>one &amp; two</li><li>three</li></ul>" in html


# Safety check -------------------------------------------------------------------------------
def test_first_visit_to_the_program_shows_the_safety_check_first(client_logged_in):
    """Opening the program for the first time leads to the safety check first."""
    response = client_logged_in.get(reverse("progress:index"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("safety:check"))


def test_first_visit_to_a_stage_shows_the_safety_check_and_returns_there(client_logged_in, user):
    """Opening a stage first asks the safety check, then returns you to that stage."""
    url = reverse("progress:detail", args=["say-sorry"])
    response = client_logged_in.get(url)
    assert response.url == reverse("safety:check") + "?next=%2Fstages%2Fsay-sorry%2F"
    answers = dict(ALL_NO)
    response = client_logged_in.post(reverse("safety:check"), {**answers, "next": url})
    assert response.url == url
    assert SafetyCheck.objects.get(user=user).any_yes is False


def test_safety_check_requires_every_answer(client_logged_in, user):
    """A safety check with answers missing asks for them and saves nothing."""
    response = client_logged_in.post(reverse("safety:check"), {"violence": "no"})
    assert response.status_code == 200
    assert "Please choose an answer." in response.content.decode()
    assert not SafetyCheck.objects.filter(user=user).exists()


def test_safety_check_ignores_an_outside_next_url(client_logged_in):
    """After the safety check you are never sent to another site, only into the program."""
    answers = dict(ALL_NO)
    response = client_logged_in.post(
        reverse("safety:check"), {**answers, "next": "https://evil.example/"}
    )
    assert response.url == reverse("progress:index")


def test_a_yes_shows_the_safety_message_and_keeps_the_program_open(client_logged_in, user):
    """A yes on the safety check shows a safety message with help, and the program stays open."""
    answers = dict(ALL_NO) | {"afraid": "yes"}
    client_logged_in.post(reverse("safety:check"), answers)
    assert SafetyCheck.objects.get(user=user).any_yes
    for url in (reverse("progress:index"), reverse("dashboard")):
        page = client_logged_in.get(url).content.decode()
        assert safety_content.SAFETY_MESSAGE.split(".")[0] in page
        assert reverse("safety:index") in page
        assert reverse("safety:check") in page
    overview = client_logged_in.get(reverse("progress:index")).content.decode()
    assert "Recommended for you right now" in overview
    assert client_logged_in.get(reverse("progress:detail", args=["say-sorry"])).status_code == 200


def test_answers_can_be_changed_later(client_logged_in, user):
    """You can change your safety answers later; with all no, the safety message goes."""
    SafetyCheckFactory(user=user, afraid=True)
    page = client_logged_in.get(reverse("safety:check")).content.decode()
    assert "Your safety answers" in page
    assert "<title>Your safety answers" in page  # the tab says what the heading says
    answers = dict(ALL_NO)
    client_logged_in.post(reverse("safety:check"), answers)
    assert SafetyCheck.objects.get(user=user).any_yes is False
    assert (
        safety_content.SAFETY_MESSAGE[:30]
        not in client_logged_in.get(reverse("dashboard")).content.decode()
    )


def test_all_no_shows_no_safety_message(program_client):
    """Answering no to every safety question shows no safety message."""
    assert (
        safety_content.SAFETY_MESSAGE[:30]
        not in program_client.get(reverse("progress:index")).content.decode()
    )


# Overview and stage pages -------------------------------------------------------------------
def test_overview_lists_every_section_in_order_with_status_text(program_client, user):
    """The program overview lists every section in order, each marked completed or not started."""
    StageProgressFactory(user=user, status=StageProgress.Status.COMPLETED)
    full = program_client.get(reverse("progress:index")).content.decode()
    assert "1 of 7 stages completed" in full
    page = full[full.index('class="section-list') :]
    positions = [page.index(s["title"].replace("'", "&#x27;")) for s in content.SECTIONS]
    assert positions == sorted(positions)
    assert "Completed" in page
    assert "Not started" in page


def test_stage_page_shows_text_prompts_with_journal_links_and_exercise(program_client, user):
    """A stage page shows its text, a Write about this link per prompt, and its exercise."""
    StageProgress.touch(user, "say-sorry")
    stage = content.for_reader(None).section("say-sorry")
    page = program_client.get(reverse("progress:detail", args=[stage.slug])).content.decode()
    assert stage.summary.replace("'", "&#x27;") in page
    for i, _ in enumerate(stage.prompts):
        assert f"{reverse('journal:new')}?stage=say-sorry&amp;prompt={i}" in page
    assert page.count("Write about this") == len(stage.prompts)
    assert reverse("progress:apology") in page
    assert "Mark this stage complete" in page


def test_stage_page_has_the_program_beside_it(program_client, user):
    """The side column: the person's progress and every section, this one marked current."""
    StageProgressFactory(user=user, status=StageProgress.Status.COMPLETED)
    page = program_client.get(reverse("progress:detail", args=["say-sorry"])).content.decode()
    aside = page[page.index('<aside class="stage-aside"') : page.index("</aside>")]
    assert "stages completed" in aside
    for section in content.SECTIONS:
        assert reverse("progress:detail", args=[section["slug"]]) in aside
    assert f'href="{reverse("progress:detail", args=["say-sorry"])}" aria-current="page"' in aside
    assert 'href="#exercise"' in page  # on a phone, a way to the exercise from the top


def test_every_mention_of_the_safety_page_links_to_it(program_client, user):
    """The program's text says "see the Safety page" in several places: each is a link."""
    safety = reverse("safety:index")
    mentions = 0
    for section in content.SECTIONS:
        page = program_client.get(reverse("progress:detail", args=[section["slug"]])).content
        text = page.decode()
        mentions += text.count("Safety page")
        assert text.count("Safety page") == text.count(f'<a href="{safety}">Safety page</a>')
    assert mentions >= 4
    check = SafetyCheck.objects.get(user=user)
    check.answers = {**check.answers, "afraid": "yes"}
    check.save()
    page = program_client.get(reverse("progress:index")).content.decode()
    assert f'The <a href="{safety}">Safety page</a> lists places where you can find help' in page


@pytest.mark.parametrize("slug", [s["slug"] for s in content.SECTIONS])
def test_every_section_renders(program_client, slug):
    """Every section of the program opens."""
    assert program_client.get(reverse("progress:detail", args=[slug])).status_code == 200


def test_opening_a_stage_marks_nothing_and_starting_it_marks_it_in_progress(program_client, user):
    """Just reading a stage marks nothing; starting it marks it in progress."""
    program_client.get(reverse("progress:detail", args=["say-sorry"]))
    assert not StageProgress.objects.filter(user=user).exists()
    program_client.post(reverse("progress:start", args=["say-sorry"]))
    progress = StageProgress.objects.get(user=user, stage__slug="say-sorry")
    assert progress.status == StageProgress.Status.IN_PROGRESS
    assert progress.started_at and progress.last_visited_at


def test_completing_and_reopening_a_stage(program_client, user):
    """A stage marked complete stays so on later visits until you reopen it."""
    program_client.get(reverse("progress:detail", args=["say-sorry"]))
    response = program_client.post(reverse("progress:complete", args=["say-sorry"]))
    assert response.url == reverse("progress:detail", args=["say-sorry"])
    progress = StageProgress.objects.get(user=user, stage__slug="say-sorry")
    assert progress.status == StageProgress.Status.COMPLETED and progress.completed_at

    # Visiting again does not undo the completion.
    page = program_client.get(reverse("progress:detail", args=["say-sorry"])).content.decode()
    assert "Reopen this stage" in page
    progress.refresh_from_db()
    assert progress.status == StageProgress.Status.COMPLETED

    program_client.post(reverse("progress:reopen", args=["say-sorry"]))
    progress.refresh_from_db()
    assert progress.status == StageProgress.Status.IN_PROGRESS
    assert progress.completed_at is None


def test_only_numbered_stages_can_be_completed(program_client):
    """Only the numbered stages can be marked complete, not the FAQ."""
    assert program_client.post(reverse("progress:complete", args=["faq"])).status_code == 404


def test_saving_an_exercise_marks_its_stage_in_progress_but_keeps_completed(program_client, user):
    """Saving an exercise marks its stage in progress, and leaves a completed stage completed."""
    program_client.post(reverse("progress:complete", args=["take-responsibility"]))
    program_client.post(
        reverse("progress:memories"),
        memory_form_data(what="The picnic", when="", where="", why_good=""),
    )
    statuses = dict(StageProgress.objects.filter(user=user).values_list("stage__slug", "status"))
    assert statuses["celebrate-the-good-times"] == "in_progress"
    assert statuses["take-responsibility"] == "completed"


@frozen  # the message is cooling off for 24 hours from now
def test_summary_shows_held_message_counts_not_site_messages(program_client, user):
    """The summary says how many held messages are cooling off, not as a site alert."""
    from tests.factories.progress import HeldMessageFactory

    HeldMessageFactory(user=user)
    page = program_client.get(reverse("progress:summary")).content.decode()
    assert "Held messages: 1 cooling off" in page
    assert 'class="alert alert-info">waiting' not in page


def test_the_admin_holds_no_program_text_and_never_shows_answers(client, db):
    """The program's words are in code now: staff edit nothing of the program here."""
    from django.contrib import admin

    from progress import models

    assert not admin.site.is_registered(models.Stage)
    for private in (
        models.StageProgress,
        models.Apology,
        models.SelfCareCheckIn,
        models.HeldMessage,
        models.Memory,
    ):
        assert not admin.site.is_registered(private)


@pytest.mark.parametrize(
    "name",
    [
        "progress:summary",
        "progress:apology",
        "progress:selfcare",
        "progress:contacts",
        "progress:readiness",
    ],
)
def test_every_program_page_asks_the_safety_check_first(client_logged_in, name):
    """Every page of the program leads to the safety check until it is answered."""
    response = client_logged_in.get(reverse(name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("safety:check"))


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


def test_printed_summary_names_the_product_neutrally_in_discreet_mode(program_client, user):
    """The printed summary is headed exback, or Notes in discreet mode.

    The summary's print header names the product and the date; in discreet mode the
    product goes by its neutral name there."""
    head = 'class="print-only summary-head"><span class="summary-brand">'
    page = program_client.get(reverse("progress:summary")).content.decode()
    assert f"{head}exback</span>" in page
    user.discreet = True
    user.save()
    page = program_client.get(reverse("progress:summary")).content.decode()
    assert f"{head}{settings.DISCREET_NAME}</span>" in page
