"""Every page of the program opens for its owner alone, saves what is written, refuses bad input."""

import datetime
import html
import random
import re
import uuid
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from demo import seed as demo
from journal.models import Entry
from progress.models import (
    Apology,
    Contact,
    DateIdea,
    FeelingSign,
    HeldMessage,
    Memory,
    PatternAnswers,
    ReachOutCheck,
    Readiness,
    Responsibility,
    SelfCareCheckIn,
    StageProgress,
    Urge,
)
from safety import content as safety_content
from safety.models import SafetyCheck
from stages import content
from stages.models import Stage
from tests.clock import NOON, frozen
from tests.factories.progress import (
    ApologyFactory,
    CheckInFactory,
    ContactFactory,
    DateIdeaFactory,
    FeelingSignFactory,
    HeldMessageFactory,
    MemoryFactory,
    PatternAnswersFactory,
    ReachOutCheckFactory,
    ReadinessFactory,
    ResponsibilityFactory,
    StageProgressFactory,
    UrgeFactory,
    apology_form_data,
    checkin_form_data,
    contact_form_data,
    date_idea_form_data,
    feelings_form_data,
    held_message_form_data,
    memory_form_data,
    pattern_form_data,
    reach_out_form_data,
    readiness_form_data,
    responsibility_form_data,
    urge_form_data,
)
from tests.factories.safety import SafetyCheckFactory, safety_check_form_data
from tests.helpers.html import page_text, urges_resisted
from tests.helpers.vault import raw_values
from vault import crypto

# Who may see and do what ------------------------------------------------------------------------
# Owners only, signed in, with the right method.

PAGES = [
    ("progress:index", []),
    ("safety:check", []),
    ("progress:summary", []),
    ("progress:detail", ["say-sorry"]),
    ("progress:apology", []),
    ("progress:selfcare", []),
    ("progress:checkin_today", []),
    ("progress:checkin_new", []),
    ("progress:contacts", []),
    ("progress:feelings", []),
    ("progress:reach_out", []),
    ("progress:held_messages", []),
    ("progress:responsibilities", []),
    ("progress:patterns", []),
    ("progress:memories", []),
    ("progress:date_idea", []),
    ("progress:readiness", []),
]

# (url name, factory, model, method) for every view that acts on one object.
OBJECT_VIEWS = [
    ("progress:checkin_edit", CheckInFactory, SelfCareCheckIn, "get"),
    ("progress:checkin_edit", CheckInFactory, SelfCareCheckIn, "post"),
    ("progress:checkin_delete", CheckInFactory, SelfCareCheckIn, "get"),
    ("progress:checkin_delete", CheckInFactory, SelfCareCheckIn, "post"),
    ("progress:contact_delete", ContactFactory, Contact, "get"),
    ("progress:message_delete", HeldMessageFactory, HeldMessage, "get"),
    ("progress:responsibility_delete", ResponsibilityFactory, Responsibility, "get"),
    ("progress:memory_delete", MemoryFactory, Memory, "get"),
    ("progress:contact_edit", ContactFactory, Contact, "get"),
    ("progress:contact_edit", ContactFactory, Contact, "post"),
    ("progress:contact_delete", ContactFactory, Contact, "post"),
    ("progress:message_detail", HeldMessageFactory, HeldMessage, "get"),
    ("progress:message_rewrite", HeldMessageFactory, HeldMessage, "get"),
    ("progress:message_rewrite", HeldMessageFactory, HeldMessage, "post"),
    ("progress:message_decide", HeldMessageFactory, HeldMessage, "post"),
    ("progress:message_delete", HeldMessageFactory, HeldMessage, "post"),
    ("progress:responsibility_edit", ResponsibilityFactory, Responsibility, "get"),
    ("progress:responsibility_edit", ResponsibilityFactory, Responsibility, "post"),
    ("progress:responsibility_delete", ResponsibilityFactory, Responsibility, "post"),
    ("progress:memory_edit", MemoryFactory, Memory, "get"),
    ("progress:memory_edit", MemoryFactory, Memory, "post"),
    ("progress:memory_delete", MemoryFactory, Memory, "post"),
]


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_anonymous_visitor_is_sent_to_log_in(client, db, name, args):
    """A visitor opening any page of the program is sent to log in."""
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_every_page_opens_for_its_owner(program_client, name, args):
    """Every page of the program opens for a signed-in person."""
    assert program_client.get(reverse(name, args=args)).status_code == 200


@pytest.mark.parametrize(("name", "factory", "model", "method"), OBJECT_VIEWS)
def test_other_user_gets_404_and_changes_nothing(
    client, user, other_user, name, factory, model, method
):
    """Another signed-in person reaching for any of your program entries gets a 404; it stays."""
    obj = factory(user=user)
    before = model.objects.filter(pk=obj.pk).values().get()
    SafetyCheckFactory(user=other_user)
    client.force_login(other_user)
    response = getattr(client, method)(
        reverse(name, args=[obj.pk]), {"decision": "let_go", "text": "x"}
    )
    assert response.status_code == 404
    assert model.objects.filter(pk=obj.pk).values().get() == before


@pytest.mark.parametrize(("name", "factory", "model", "method"), OBJECT_VIEWS)
def test_anonymous_visitor_cannot_act_on_objects(client, user, name, factory, model, method):
    """A visitor trying to open or change a program entry is sent to log in instead."""
    obj = factory(user=user)
    response = getattr(client, method)(reverse(name, args=[obj.pk]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_unknown_ids_get_404(program_client):
    """A link to a contact, message or memory that does not exist gets a 404."""
    for name in ("progress:contact_edit", "progress:message_detail", "progress:memory_edit"):
        assert program_client.get(reverse(name, args=[999999])).status_code == 404


def test_unknown_stage_gets_404(program_client):
    """A link to a stage that does not exist gets a 404."""
    assert program_client.get(reverse("progress:detail", args=["no-such-stage"])).status_code == 404


def test_lists_never_show_another_persons_entries(program_client, other_user):
    """Your contacts, memories, responsibilities, messages and summary never show others'."""
    ContactFactory(user=other_user, how_it_went="SECRET-CONTACT")
    MemoryFactory(user=other_user, what="SECRET-MEMORY")
    ResponsibilityFactory(user=other_user, my_part="SECRET-PART")
    HeldMessageFactory(user=other_user)
    for name in (
        "progress:contacts",
        "progress:memories",
        "progress:responsibilities",
        "progress:summary",
    ):
        body = program_client.get(reverse(name)).content.decode()
        assert "SECRET" not in body
    assert (
        "No held messages" in program_client.get(reverse("progress:held_messages")).content.decode()
    )


@pytest.mark.parametrize(
    "name",
    ["progress:complete", "progress:reopen"],
)
def test_stage_actions_refuse_get_with_405(program_client, name):
    """Merely following a link cannot mark a stage complete or reopen it."""
    assert program_client.get(reverse(name, args=["say-sorry"])).status_code == 405


@pytest.mark.parametrize("name", ["progress:message_decide"])
def test_object_actions_refuse_get_with_405(program_client, user, name):
    """Merely following a link cannot decide what happens to a held message."""
    assert program_client.get(reverse(name, args=[1])).status_code == 405


@pytest.mark.parametrize(
    ("name", "args"),
    [("progress:index", []), ("progress:summary", []), ("progress:detail", ["faq"])],
)
def test_read_only_pages_refuse_post_with_405(program_client, name, args):
    """A form sent to a read-only program page is refused and changes nothing."""
    assert program_client.post(reverse(name, args=args)).status_code == 405


def test_other_user_cannot_complete_for_someone_else(program_client, user, other_user):
    """Progress is always the signed-in person's own: there is no user id to tamper with."""
    program_client.post(reverse("progress:complete", args=["say-sorry"]), {"user": other_user.pk})
    assert not other_user.stageprogress_set.exists()
    assert user.stageprogress_set.get().status == "completed"


# The safety check first, the overview and the stage pages ---------------------------------------

# No to every question of the safety check, the children question included.
ALL_NO = safety_check_form_data()


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


# The program's sections, and what a stage page writes -------------------------------------------


def writes(queries):
    return [
        q["sql"]
        for q in queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
        and "django_session" not in q["sql"]
    ]


@frozen
def test_an_unknown_section_is_a_404(program_client):
    """A part of the program that does not exist is a 404, and the FAQ cannot be completed."""
    assert program_client.get(reverse("progress:detail", args=["no-such-part"])).status_code == 404
    complete = reverse("progress:complete", args=["faq"])  # exists, but is not a stage
    assert program_client.post(complete).status_code == 404


# Opening a stage marks nothing; starting it does ---------------------------------------------


@frozen
def test_opening_a_section_writes_nothing_and_marks_nothing(program_client, user):
    """Reading is not starting: the page writes no row, and the stage stays not started."""
    url = reverse("progress:detail", args=["say-sorry"])
    program_client.get(url)  # the session's first request notes the session itself
    with CaptureQueriesContext(connection) as queries:
        response = program_client.get(url)
    assert response.status_code == 200
    assert writes(queries) == []
    assert not StageProgress.objects.filter(user=user).exists()
    assert "Start this stage" in response.content.decode()


@frozen
def test_the_start_button_starts_a_stage(program_client, user):
    """Pressing Start this stage marks it in progress and offers Mark this stage complete."""
    response = program_client.post(reverse("progress:start", args=["say-sorry"]))
    assert response.status_code == 302
    progress = StageProgress.objects.get(user=user, stage__slug="say-sorry")
    assert progress.status == StageProgress.Status.IN_PROGRESS
    page = program_client.get(reverse("progress:detail", args=["say-sorry"])).content.decode()
    assert "Mark this stage complete" in page
    assert "Start this stage" not in page


@frozen
def test_start_needs_a_post_and_a_stage(program_client):
    """Only the Start button starts a stage, never a mere link, and the FAQ cannot be started."""
    assert program_client.get(reverse("progress:start", args=["say-sorry"])).status_code == 405
    assert program_client.post(reverse("progress:start", args=["faq"])).status_code == 404


@frozen
def test_continue_leads_to_the_stage_last_worked_on(program_client, user, time_machine):
    """Continue leads to the stage last started, not to one merely opened since."""
    program_client.post(reverse("progress:start", args=["say-sorry"]))
    time_machine.move_to(NOON + datetime.timedelta(minutes=5), tick=False)
    program_client.post(reverse("progress:start", args=["time-and-space"]))
    page = program_client.get(reverse("dashboard")).content.decode()
    assert (
        reverse("progress:detail", args=["time-and-space"]) + '">Continue where you left off'
        in page
    )
    # Merely opening another stage does not move where one continues from.
    program_client.get(reverse("progress:detail", args=["say-sorry"]))
    page = program_client.get(reverse("dashboard")).content.decode()
    assert (
        reverse("progress:detail", args=["time-and-space"]) + '">Continue where you left off'
        in page
    )


@frozen
def test_a_completed_section_stays_completed_when_visited(program_client, user):
    """A completed stage stays completed when the person opens it again."""
    StageProgress.complete(user, "say-sorry")
    program_client.get(reverse("progress:detail", args=["time-and-space"]))
    program_client.get(reverse("progress:detail", args=["say-sorry"]))
    stage = Stage.objects.get(slug="say-sorry")
    assert StageProgress.objects.get(user=user, stage=stage).status == "completed"


# Each stage's exercise --------------------------------------------------------------------------
# Saving, editing, and refusing bad input without saving anything.

TODAY = timezone.localdate
DAY = datetime.timedelta(days=1)


# Stage 1: say sorry -------------------------------------------------------------------------
@frozen
def test_apology_is_saved_and_edited_in_place(program_client, user):
    """An apology draft saves and is edited in place, and the page says it is never sent."""
    program_client.post(reverse("progress:apology"), apology_form_data())
    program_client.post(
        reverse("progress:apology"), apology_form_data(status="ready", draft="Better words.")
    )
    apology = Apology.objects.get(user=user)
    assert apology.status == "ready"
    assert apology.draft == "Better words."
    assert apology.sincerity["seeking_approval"] == "not_sure"
    page = program_client.get(reverse("progress:apology")).content.decode()
    assert "Better words." in page
    assert "never sends it anywhere" in page


@frozen
@pytest.mark.parametrize(
    "bad", [{"draft": "x" * 5001}, {"has_reason": ""}, {"has_reason": "maybe"}, {"status": "sent"}]
)
def test_apology_bad_input_saves_nothing_and_keeps_what_was_typed(program_client, user, bad):
    """A bad apology form says nothing was saved yet, and keeps the draft as typed."""
    response = program_client.post(reverse("progress:apology"), apology_form_data(**bad))
    assert response.status_code == 200
    assert "Nothing was saved yet" in response.content.decode()
    typed = apology_form_data(**bad)["draft"].replace("'", "&#x27;")
    assert typed in response.content.decode()
    assert not Apology.objects.filter(user=user).exists()


# Stage 2: self-care check-ins ---------------------------------------------------------------
@frozen
def test_todays_check_in_is_created_then_edited(program_client, user):
    """Today's check-in saved twice is one check-in, holding the second answers."""
    program_client.post(reverse("progress:checkin_today"), checkin_form_data())
    program_client.post(reverse("progress:checkin_today"), checkin_form_data(mood="2", moved="yes"))
    checkin = SelfCareCheckIn.objects.get(user=user)
    assert checkin.date == TODAY()
    assert checkin.mood == 2
    assert checkin.moved is True
    assert checkin.hours_slept == Decimal("7.5")


@frozen
def test_new_check_in_defaults_to_today(program_client):
    """A new check-in's date starts as today."""
    form = program_client.get(reverse("progress:checkin_new")).context["form"]
    assert form["date"].value() == TODAY()


@frozen
def test_a_missed_day_can_be_added(program_client, user):
    """A person can add a check-in for a day they missed."""
    program_client.post(reverse("progress:checkin_new"), checkin_form_data(date=TODAY() - 2 * DAY))
    assert SelfCareCheckIn.objects.get(user=user).date == TODAY() - 2 * DAY


@frozen
@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"hours_slept": "25"}, "less than or equal to 24"),
        ({"hours_slept": "-1"}, "greater than or equal to 0"),
        ({"hours_slept": "7.3"}, "multiple of step size 0.5"),
        ({"mood": "6"}, "Select a valid choice"),
        ({"mood": "0"}, "Select a valid choice"),
        ({"note": "x" * 1001}, "at most 1000 characters"),
        ({"ate_well": ""}, "This field is required"),
    ],
)
def test_check_in_bad_input_is_refused_next_to_the_field(program_client, user, bad, message):
    """An impossible check-in answer is refused with a message, and nothing is saved."""
    response = program_client.post(reverse("progress:checkin_today"), checkin_form_data(**bad))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not SelfCareCheckIn.objects.filter(user=user).exists()


@frozen
def test_check_in_for_a_future_date_is_refused(program_client, user):
    """A check-in dated in the future is refused, saying so."""
    response = program_client.post(
        reverse("progress:checkin_new"), checkin_form_data(date=TODAY() + DAY)
    )
    assert "That date is in the future" in response.content.decode()
    assert not SelfCareCheckIn.objects.filter(user=user).exists()


@frozen
def test_second_check_in_for_the_same_day_gets_a_clear_error(program_client, user):
    """A second check-in for a day says there is one already, and the first stays as it was."""
    CheckInFactory(user=user, date=TODAY() - DAY, mood=1)
    response = program_client.post(
        reverse("progress:checkin_new"), checkin_form_data(date=TODAY() - DAY)
    )
    assert "You already have a check-in for" in response.content.decode()
    assert SelfCareCheckIn.objects.get(user=user).mood == 1


@frozen
def test_past_check_ins_are_read_only(program_client, user):
    """The self-care page offers today's check-in, and saving it never changes an earlier day's."""
    CheckInFactory(user=user, date=TODAY() - DAY, mood=1)
    page = program_client.get(reverse("progress:selfcare")).content.decode()
    assert reverse("progress:checkin_today") in page  # the today button
    assert ">edit</a>" not in page
    # Today's check-in view never reaches an older day.
    program_client.post(reverse("progress:checkin_today"), checkin_form_data(mood="5"))
    assert SelfCareCheckIn.objects.get(user=user, date=TODAY() - DAY).mood == 1


@frozen
def test_self_care_page_has_an_accessible_chart_and_table(program_client, user):
    """The self-care mood chart is described for screen readers and repeated as a table."""
    CheckInFactory(user=user, date=TODAY(), mood=5)
    CheckInFactory(user=user, date=TODAY() - 3 * DAY, mood=2)
    CheckInFactory(user=user, date=TODAY() - 40 * DAY, mood=1)
    response = program_client.get(reverse("progress:selfcare"))
    page = response.content.decode()
    assert 'role="img"' in page and 'aria-labelledby="svg-title svg-desc"' in page
    assert "2 of 30 days have a check-in" in page
    assert page.count('class="bar mood-') == 2
    assert "<table" in page and "5 / 5" in page and "2 / 5" in page
    assert "style=" not in page
    assert "Current streak: 1 day" in page


# Stage 3: contacts and feelings -------------------------------------------------------------
@frozen
def test_contact_is_added_edited_and_deleted(program_client, user):
    """A contact can be noted, edited and deleted."""
    program_client.post(reverse("progress:contacts"), contact_form_data())
    contact = Contact.objects.get(user=user)
    program_client.post(
        reverse("progress:contact_edit", args=[contact.pk]), contact_form_data(method="text")
    )
    contact.refresh_from_db()
    assert contact.method == "text"
    program_client.post(reverse("progress:contact_delete", args=[contact.pk]))
    assert not Contact.objects.filter(user=user).exists()


@frozen
def test_contact_in_the_future_is_refused(program_client, user):
    """A contact dated in the future is refused, saying so."""
    response = program_client.post(
        reverse("progress:contacts"), contact_form_data(date=(TODAY() + 2 * DAY).isoformat())
    )
    assert "in the future" in response.content.decode()
    assert not Contact.objects.filter(user=user).exists()


@frozen
@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"how_it_went": "x" * 1001}, "at most 1000 characters"),
        ({"initiated_by": "someone"}, "Select a valid choice"),
        ({"method": "pigeon"}, "Select a valid choice"),
    ],
)
def test_contact_bad_input_saves_nothing(program_client, user, bad, message):
    """A contact with an overlong note or a made-up choice is refused with a message."""
    response = program_client.post(reverse("progress:contacts"), contact_form_data(**bad))
    assert message in response.content.decode()
    assert not Contact.objects.filter(user=user).exists()


@frozen
def test_contacts_are_listed_newest_first(program_client, user):
    """Contacts are listed newest first, with the days since the last one."""
    ContactFactory(user=user, date=TODAY() - 10 * DAY, how_it_went="OLDER")
    ContactFactory(user=user, date=TODAY() - 4 * DAY, how_it_went="NEWER")
    page = program_client.get(reverse("progress:contacts")).content.decode()
    assert page.index("NEWER") < page.index("OLDER")
    assert "4 days since the last contact you noted" in page


@frozen
@pytest.mark.parametrize(
    ("days_ago", "key"),
    [
        (None, "none"),
        (0, "too_soon"),
        (2, "too_soon"),
        (3, "balanced"),
        (30, "balanced"),
        (31, "too_long"),
    ],
)
def test_space_guidance_follows_the_documented_thresholds(program_client, user, days_ago, key):
    """The contact log's advice changes at 3 and at 31 days since the last contact."""
    if days_ago is not None:
        ContactFactory(user=user, date=TODAY() - days_ago * DAY)
    response = program_client.get(reverse("progress:contacts"))
    assert response.context["picture"]["guidance_key"] == key
    assert content.SPACE_GUIDANCE[key].replace("'", "&#x27;") in response.content.decode()


@frozen
def test_feelings_checklist_saves_ticks_and_notes(program_client, user):
    """The feelings checklist keeps each tick and note across saves."""
    data = feelings_form_data()
    program_client.post(reverse("progress:feelings"), data)
    program_client.post(reverse("progress:feelings"), {**data, "regret_noticed": "on"})
    signs = {s.feeling: s for s in FeelingSign.objects.filter(user=user)}
    assert len(signs) == len(content.EX_FEELINGS)
    assert signs["longing"].noticed and signs["longing"].note == "They asked about the dog."
    assert signs["regret"].noticed and not signs["desire"].noticed


@frozen
def test_feelings_note_is_limited_to_500(program_client, user):
    """A feelings note over 500 characters is refused, and nothing is saved."""
    response = program_client.post(reverse("progress:feelings"), {"regret_note": "x" * 501})
    assert "at most 500 characters" in response.content.decode()
    assert not FeelingSign.objects.filter(user=user).exists()


# Stage 4: before you reach out, held messages -----------------------------------------------
@frozen
def test_reach_out_check_saves_and_flags_unhealthy_answers(program_client, user):
    """A desperate answer to the reach-out check suggests waiting, with reminders of your value."""
    data = reach_out_form_data(desperate="yes")
    program_client.post(reverse("progress:reach_out"), data)
    assert ReachOutCheck.objects.get(user=user).answers == data
    page = program_client.get(reverse("progress:reach_out")).content.decode()
    assert "suggest waiting" in page
    for reminder in content.VALUE_REMINDERS:
        assert reminder.replace("'", "&#x27;") in page


@frozen
def test_a_held_message_stays_hidden_until_its_time(program_client, user):
    """A held message stays hidden until its time, and the pages say when that is."""
    program_client.post(
        reverse("progress:held_messages"),
        held_message_form_data(text="PLEASE-COME-BACK", hold_hours="48"),
    )
    message = HeldMessage.objects.get(user=user)
    assert message.status == "held"
    ready_at = timezone.now() + datetime.timedelta(hours=48)
    assert message.ready_at == ready_at
    listing = program_client.get(reverse("progress:held_messages")).content.decode()
    assert f"Waiting until {date_format(timezone.localtime(ready_at), 'j F, H:i')}" in listing
    detail = program_client.get(
        reverse("progress:message_detail", args=[message.pk])
    ).content.decode()
    assert "cooling off until" in detail
    assert date_format(timezone.localtime(ready_at), "l j F, H:i") in detail
    assert "PLEASE-COME-BACK" not in listing + detail


@frozen
def test_a_waiting_message_can_be_let_go_but_not_marked_sent(program_client, user):
    """A message still cooling off can be let go, wiping it, but not marked sent or rewritten."""
    message = HeldMessageFactory(user=user)
    program_client.post(
        reverse("progress:message_decide", args=[message.pk]), {"decision": "sent_elsewhere"}
    )
    message.refresh_from_db()
    assert message.status == "held"
    assert (
        program_client.get(reverse("progress:message_rewrite", args=[message.pk])).status_code
        == 302
    )
    program_client.post(
        reverse("progress:message_decide", args=[message.pk]), {"decision": "let_go"}
    )
    message.refresh_from_db()
    assert message.status == "let_go" and message.text == ""


@frozen
def test_a_ready_message_is_shown_with_the_check_and_can_be_marked_sent(program_client, user):
    """A ready message shows with the reach-out questions and can be marked as sent."""
    message = HeldMessageFactory(user=user, text="READY-TEXT", ready_at=timezone.now() - DAY)
    page = program_client.get(
        reverse("progress:message_detail", args=[message.pk])
    ).content.decode()
    assert "READY-TEXT" in page
    assert content.REACH_OUT_QUESTIONS[0][1] in page
    program_client.post(
        reverse("progress:message_decide", args=[message.pk]), {"decision": "sent_elsewhere"}
    )
    message.refresh_from_db()
    assert message.status == "sent_elsewhere" and message.decided_at


@frozen
def test_rewriting_a_ready_message_restarts_the_hold(program_client, user):
    """Rewriting a ready message starts its cooling-off again."""
    message = HeldMessageFactory(user=user, ready_at=timezone.now() - DAY)
    program_client.post(
        reverse("progress:message_rewrite", args=[message.pk]),
        held_message_form_data(text="Gentler.", hold_hours="72"),
    )
    message.refresh_from_db()
    assert message.text == "Gentler." and message.is_waiting and message.hold_hours == 72


@frozen
@pytest.mark.parametrize("bad", [{"text": "x" * 5001}, {"text": ""}, {"hold_hours": "5"}])
def test_held_message_bad_input_saves_nothing(program_client, user, bad):
    """An empty or overlong held message, or an odd hold time, saves nothing."""
    response = program_client.post(
        reverse("progress:held_messages"), held_message_form_data(**{"text": "Hi", **bad})
    )
    assert response.status_code == 200
    assert not HeldMessage.objects.filter(user=user).exists()


@frozen
def test_unknown_decision_changes_nothing(program_client, user):
    """A made-up decision on a ready message leaves it held."""
    message = HeldMessageFactory(user=user, ready_at=timezone.now() - DAY)
    program_client.post(
        reverse("progress:message_decide", args=[message.pk]), {"decision": "send_now"}
    )
    message.refresh_from_db()
    assert message.status == "held"


@frozen
def test_held_message_can_be_deleted(program_client, user):
    """A held message can be deleted."""
    message = HeldMessageFactory(user=user)
    program_client.post(reverse("progress:message_delete", args=[message.pk]))
    assert not HeldMessage.objects.filter(pk=message.pk).exists()


# Stage 5: responsibility --------------------------------------------------------------------
@frozen
def test_responsibility_is_added_edited_and_deleted(program_client, user):
    """A responsibility entry can be added, edited and deleted."""
    data = responsibility_form_data()
    program_client.post(reverse("progress:responsibilities"), data)
    item = Responsibility.objects.get(user=user)
    program_client.post(
        reverse("progress:responsibility_edit", args=[item.pk]),
        {**data, "do_differently": "Calendar."},
    )
    item.refresh_from_db()
    assert item.do_differently == "Calendar."
    program_client.post(reverse("progress:responsibility_delete", args=[item.pk]))
    assert not Responsibility.objects.filter(user=user).exists()


@frozen
@pytest.mark.parametrize(
    "bad",
    [
        {"what_happened": ""},
        {"my_part": ""},
        {"my_part": "x" * 2001},
        {"do_differently": "x" * 2001},
    ],
)
def test_responsibility_first_two_fields_are_required_and_all_limited(program_client, user, bad):
    """A responsibility entry needs what happened and your part, and overlong text is refused."""
    data = responsibility_form_data(**{"what_happened": "A", "my_part": "B", **bad})
    response = program_client.post(reverse("progress:responsibilities"), data)
    assert response.status_code == 200
    assert not Responsibility.objects.filter(user=user).exists()


@frozen
def test_responsibility_page_shows_the_reminder(program_client):
    """The responsibility page shows its reminder."""
    page = program_client.get(reverse("progress:responsibilities")).content.decode()
    assert content.RESPONSIBILITY_REMINDER.replace("'", "&#x27;") in page


# Stage 6: patterns --------------------------------------------------------------------------
@frozen
def test_patterns_save_three_habits_per_yes(program_client, user):
    """Each pattern answered yes saves its three new habits."""
    program_client.post(reverse("progress:patterns"), pattern_form_data())
    answers = PatternAnswers.objects.get(user=user).answers
    assert answers["taking_value"] == {
        "answer": "yes",
        "habits": ["Give first.", "Ask how they feel.", "See their side."],
    }
    assert answers["less_invested"] == {"answer": "no", "habits": []}


@frozen
def test_habits_required_for_each_yes(program_client, user):
    """A yes with fewer than three habits says how many so far and keeps what was typed."""
    response = program_client.post(
        reverse("progress:patterns"), pattern_form_data(taking_value_habit_3="  ")
    )
    assert (
        "You answered yes: write three new habits for this pattern (2 of 3 so far)."
        in response.content.decode()
    )
    assert "Give first." in response.content.decode()
    assert not PatternAnswers.objects.filter(user=user).exists()


@frozen
def test_habits_typed_beside_a_no_are_kept(program_client, user):
    """A no makes the habits optional: what the person typed anyway is saved, not refused."""
    response = program_client.post(
        reverse("progress:patterns"), pattern_form_data(less_invested_habit_2="Text back slower.")
    )
    assert response.status_code == 302
    answers = PatternAnswers.objects.get(user=user)
    assert answers.answers["less_invested"] == {"answer": "no", "habits": ["Text back slower."]}
    page = program_client.get(reverse("progress:patterns")).content.decode()
    assert 'value="Text back slower."' in page
    assert "the habits are optional" in page
    summary = program_client.get(reverse("progress:summary")).content.decode()
    assert "Text back slower." in summary


@frozen
def test_every_pattern_question_needs_an_answer_and_habits_are_limited(program_client, user):
    """An unanswered pattern question or an overlong habit is refused, and nothing saves."""
    response = program_client.post(
        reverse("progress:patterns"),
        pattern_form_data(fears_insecurities="", taking_value_habit_1="x" * 301),
    )
    page = response.content.decode()
    assert "Please answer yes or no." in page
    assert "at most 300 characters" in page
    assert not PatternAnswers.objects.filter(user=user).exists()


@frozen
def test_patterns_page_shows_the_worked_example_and_edits_in_place(program_client, user):
    """The patterns page shows a worked example, and saving again edits the same answers."""
    page = program_client.get(reverse("progress:patterns")).content.decode()
    assert content.PATTERN_QUESTIONS[0]["example_habits"][0] in page
    program_client.post(reverse("progress:patterns"), pattern_form_data())
    program_client.post(
        reverse("progress:patterns"),
        {"taking_value": "no", "less_invested": "no", "fears_insecurities": "no"},
    )
    assert PatternAnswers.objects.filter(user=user).count() == 1
    assert PatternAnswers.objects.get(user=user).answers["taking_value"]["habits"] == []


# Stage 7: memories and the date idea --------------------------------------------------------
@frozen
def test_memory_is_added_edited_and_deleted(program_client, user):
    """A good memory can be added, edited and deleted."""
    data = memory_form_data()
    program_client.post(reverse("progress:memories"), data)
    memory = Memory.objects.get(user=user)
    program_client.post(reverse("progress:memory_edit", args=[memory.pk]), {**data, "when": "2020"})
    memory.refresh_from_db()
    assert memory.when == "2020"
    program_client.post(reverse("progress:memory_delete", args=[memory.pk]))
    assert not Memory.objects.filter(user=user).exists()


@frozen
@pytest.mark.parametrize(
    "bad",
    [
        {"what": ""},
        {"what": "x" * 501},
        {"when": "x" * 101},
        {"where": "x" * 201},
        {"why_good": "x" * 1001},
    ],
)
def test_memory_bad_input_saves_nothing(program_client, user, bad):
    """A memory with nothing in what, or overlong text, is refused and saves nothing."""
    data = memory_form_data(**{"what": "A", "when": "", "where": "", "why_good": "", **bad})
    assert program_client.post(reverse("progress:memories"), data).status_code == 200
    assert not Memory.objects.filter(user=user).exists()


@frozen
def test_date_idea_is_saved_once_and_shown_with_the_reminder(program_client, user):
    """The date idea page shows its reminder and keeps one idea, refusing an overlong one."""
    page = program_client.get(reverse("progress:date_idea")).content.decode()
    assert content.DATE_IDEA_REMINDER.replace("'", "&#x27;") in page
    program_client.post(reverse("progress:date_idea"), date_idea_form_data())
    program_client.post(
        reverse("progress:date_idea"), date_idea_form_data(idea="The café by the river.")
    )
    assert DateIdea.objects.get(user=user).idea == "The café by the river."
    assert (
        program_client.post(
            reverse("progress:date_idea"), date_idea_form_data(idea="x" * 1001)
        ).status_code
        == 200
    )
    assert DateIdea.objects.get(user=user).idea == "The café by the river."


@frozen
def test_memories_are_listed(program_client, user):
    """Saved memories are listed on the memories page."""
    MemoryFactory(user=user, what="ICE-CREAM")
    assert "ICE-CREAM" in program_client.get(reverse("progress:memories")).content.decode()


# Are you sure? ------------------------------------------------------------------------------
@frozen
@pytest.mark.parametrize(
    ("overrides", "note"),
    [
        ({}, "clear eyes"),
        ({"impulsive": "yes"}, "might not be the right moment"),
        ({"band_aid": "not_sure"}, "not sure about some"),
    ],
)
def test_readiness_answers_are_saved_with_a_gentle_note(program_client, user, overrides, note):
    """The are-you-sure answers are saved and met with a gentle note to match."""
    program_client.post(reverse("progress:readiness"), readiness_form_data(**overrides))
    assert Readiness.objects.get(user=user).answers == readiness_form_data(**overrides)
    assert note in program_client.get(reverse("progress:readiness")).content.decode()


@frozen
def test_readiness_needs_every_answer(program_client, user):
    """Every are-you-sure question must be answered before anything saves."""
    response = program_client.post(reverse("progress:readiness"), {"still_in_love": "yes"})
    assert "Please choose an answer." in response.content.decode()
    assert not Readiness.objects.filter(user=user).exists()


# Past check-ins: edited and deleted ---------------------------------------------------------
@frozen
def test_a_past_check_in_is_edited_from_the_list(program_client, user):
    """Every check-in in the list has its own edit link, not only today's."""
    past = CheckInFactory(user=user, date=TODAY() - 3 * DAY, mood=2, note="")
    page = program_client.get(reverse("progress:selfcare")).content.decode()
    assert reverse("progress:checkin_edit", args=[past.pk]) in page
    form = program_client.get(reverse("progress:checkin_edit", args=[past.pk])).content.decode()
    assert "Edit a check-in" in form
    response = program_client.post(
        reverse("progress:checkin_edit", args=[past.pk]),
        checkin_form_data(date=past.date.isoformat(), mood="5", note="Better than I thought."),
    )
    assert response.status_code == 302
    past.refresh_from_db()
    assert (past.mood, past.note, past.date) == (5, "Better than I thought.", TODAY() - 3 * DAY)


@frozen
def test_a_past_check_in_cannot_move_onto_another_days(program_client, user):
    """A past check-in cannot be moved onto a day that has one; its date stays."""
    past = CheckInFactory(user=user, date=TODAY() - 3 * DAY, mood=2)
    CheckInFactory(user=user, date=TODAY() - 2 * DAY, mood=4)
    response = program_client.post(
        reverse("progress:checkin_edit", args=[past.pk]),
        checkin_form_data(date=(TODAY() - 2 * DAY).isoformat()),
    )
    assert "You already have a check-in for" in response.content.decode()
    past.refresh_from_db()
    assert past.date == TODAY() - 3 * DAY


@frozen
def test_a_check_in_is_deleted_after_confirming(program_client, user):
    """Deleting a check-in asks first, then deletes it and says so."""
    past = CheckInFactory(user=user, date=TODAY() - 5 * DAY)
    url = reverse("progress:checkin_delete", args=[past.pk])
    page = program_client.get(url).content.decode()
    assert "Delete this check-in?" in page and "<title>Delete this check-in?" in page
    assert SelfCareCheckIn.objects.filter(pk=past.pk).exists()
    response = program_client.post(url, follow=True)
    assert "Check-in deleted." in response.content.decode()
    assert not SelfCareCheckIn.objects.filter(pk=past.pk).exists()


# Deleting asks first -------------------------------------------------------------------------
@frozen
@pytest.mark.parametrize(
    ("factory", "delete", "keep", "model"),
    [
        (ContactFactory, "progress:contact_delete", "progress:contact_edit", Contact),
        (MemoryFactory, "progress:memory_delete", "progress:memory_edit", Memory),
        (
            ResponsibilityFactory,
            "progress:responsibility_delete",
            "progress:responsibility_edit",
            Responsibility,
        ),
        (HeldMessageFactory, "progress:message_delete", "progress:message_detail", HeldMessage),
    ],
)
def test_delete_links_open_a_confirmation_that_deletes_nothing(
    program_client, user, factory, delete, keep, model
):
    """Delete opens a page that asks first; only its button deletes, and Keep it goes back.

    The edit page's Delete is a link to a page that asks (no JavaScript needed); only its
    button deletes, and "Keep it" goes back to the row."""
    row = factory(user=user)
    delete_url = reverse(delete, args=[row.pk])
    assert delete_url in program_client.get(reverse(keep, args=[row.pk])).content.decode()
    page = program_client.get(delete_url).content.decode()
    assert "cannot be brought back" in page
    assert f'href="{reverse(keep, args=[row.pk])}">Keep it' in page
    assert model.objects.filter(pk=row.pk).exists()
    program_client.post(delete_url)
    assert not model.objects.filter(pk=row.pk).exists()


# The "are you sure?" decision aid and the apology's sincerity check -----------------------------
# Reasons weighed, readiness answers, each concern named with why it matters and what to do
# next; and the apology's replies to its sincerity check.

URL = reverse("progress:readiness")


@pytest.mark.django_db
@frozen
def test_reasons_are_saved_with_their_weights_encrypted_and_shown_again(program_client, user):
    """Reasons you weigh come back when you return, and whoever reads the database sees no words."""
    program_client.post(
        URL,
        {
            **readiness_form_data(),
            "for_1": "We laughed every day",
            "for_1_weight": "4",
            "against_1": "We argued about money",
            "against_1_weight": "2",
        },
    )
    readiness = Readiness.objects.get(user=user)
    assert readiness.reasons == [
        {"side": "for", "text": "We laughed every day", "weight": 4},
        {"side": "against", "text": "We argued about money", "weight": 2},
    ]
    (raw,) = raw_values("progress_readiness", ["reasons"])[0]
    assert "laughed" not in raw
    html = program_client.get(URL).content.decode()
    assert 'value="We laughed every day"' in html
    assert "clear eyes" in html


@pytest.mark.django_db
@frozen
def test_an_answer_that_suggests_waiting_is_named_with_why_and_what_next(program_client):
    """An answer that suggests waiting is named, with your answer, why it matters and what next."""
    response = program_client.post(URL, readiness_form_data(impulsive="yes"), follow=True)
    html = response.content.decode()
    why, next_step = content.READINESS_CONCERNS["impulsive"]
    assert "1 thing worth a second look" in html
    assert "Am I deciding this on impulse?" in html
    assert "You answered \u201cYes\u201d" in html
    assert why in html
    assert next_step in html


@pytest.mark.django_db
@frozen
def test_heavier_reasons_against_are_a_concern(program_client):
    """When reasons against outweigh those for, the aid shows both sums and suggests waiting."""
    html = program_client.post(
        URL,
        {
            **readiness_form_data(),
            "for_1": "Shared friends",
            "for_1_weight": "2",
            "against_1": "I felt small around them",
            "against_1_weight": "5",
            "against_2": "They never listened",
            "against_2_weight": "3",
        },
        follow=True,
    ).content.decode()
    assert "Your reasons against weigh 8; your reasons for weigh 2." in html
    assert "might not be the right moment" in html


@pytest.mark.django_db
@frozen
def test_the_decision_aid_gives_way_to_the_danger_check_when_reconnecting_is_unsafe(
    client_logged_in, user
):
    """Someone afraid of their ex gets the danger check instead of the decision aid.

    Weighing up getting back together is not this reader's path: the page is the danger
    check (tests/safety/test_views.py), and the decision aid's answers posted to it save
    nothing."""
    SafetyCheckFactory(user=user, afraid=True)
    html = client_logged_in.post(URL, readiness_form_data(), follow=True).content.decode()
    assert "Reasons for getting back together" not in html
    assert "A danger check" in html
    assert reverse("safety:plan") in html
    assert not Readiness.objects.filter(user=user).exists()


@pytest.mark.django_db
@frozen
@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"for_1": "A reason"}, "for_1_weight", "Choose how much this reason matters"),
        ({"against_2_weight": "3"}, "against_2", "Write the reason, or clear its weight."),
        ({"for_1": "x" * 201, "for_1_weight": "1"}, "for_1", "at most 200 characters"),
        ({"for_1": "A reason", "for_1_weight": "9"}, "for_1_weight", "Select a valid choice"),
    ],
)
def test_a_half_filled_reason_gets_a_message_next_to_it(
    program_client, user, changes, field, message
):
    """A half-filled or invalid reason gets a message beside it, keeps your text, saves nothing."""
    data = {
        **readiness_form_data(),
        "against_1": "kept as typed",
        "against_1_weight": "2",
        **changes,
    }
    response = program_client.post(URL, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert f'id="error_1_id_{field}"' in html
    assert 'value="kept as typed"' in html
    assert not Readiness.objects.filter(user=user).exists()


# The apology's sincerity check --------------------------------------------------------------
APOLOGY = apology_form_data(seeking_approval="no", draft="I'm sorry I missed your exhibition.")


@pytest.mark.django_db
@frozen
def test_approval_seeking_gets_a_warm_reply(program_client, user):
    """Saying your apology seeks approval gets a warm reply about it on the page."""
    html = program_client.post(
        reverse("progress:apology"), {**APOLOGY, "seeking_approval": "yes"}, follow=True
    ).content.decode()
    assert content.SINCERITY_REPLIES["seeking_approval", "yes"] in html.replace("&#x27;", "'")
    assert (
        Apology.objects.get(user=user).sincerity_replies()[0][0]
        == (content.SINCERITY_QUESTIONS[1][1])
    )


@pytest.mark.django_db
@frozen
def test_sincere_answers_need_no_reply(program_client):
    """Sincere answers to the apology's sincerity check get no reply about them."""
    html = program_client.post(reverse("progress:apology"), APOLOGY, follow=True).content.decode()
    assert "About your answers" not in html


# The decision aid or the danger check -----------------------------------------------------------
READINESS = reverse("progress:readiness")


@pytest.mark.django_db
def test_a_person_with_no_yes_sees_the_ordinary_decision_aid(program_client):
    """A person who said no to every safety question gets the decision aid as written."""
    text = page_text(program_client, READINESS)
    assert "Reasons for getting back together" in text
    assert "A danger check" not in text


@pytest.mark.django_db
def test_the_stage_page_lists_the_danger_check_for_an_unsafe_person(afraid_client):
    """For someone afraid of their ex, the are-you-sure stage's exercise is the danger check.

    On the "are you sure?" part of the program the danger check is the exercise, not a step
    set aside."""
    text = page_text(afraid_client, reverse("progress:detail", args=["are-you-sure"]))
    assert f'href="{READINESS}"' in text
    assert "A danger check" in text
    assert "Set aside for you" not in text


# "I want to reach out" --------------------------------------------------------------------------
# The check, a moment to ground, and where it ends. Each ending logs one urge (a double
# submit logs one), its note sealed at rest; anyone who said yes to a safety question is
# offered support rather than a step towards their ex.

START = reverse("progress:reach_out_now")
GROUND = reverse("progress:reach_out_now_ground")
END = reverse("progress:reach_out_now_end")
FLOW = [START, GROUND, END]

STEADY = reach_out_form_data()
PULLED = reach_out_form_data(desperate="yes", fine_without_reply="no", know_open="no")

# Words that only appear where the flow coaches someone towards contact.
REACH_OUT_COACHING = [
    "I want to reach out",
    "Am I acting out of desperation right now?",
    "Write it as a held message",
    "I reached out anyway",
]


def token():
    return str(uuid.uuid4())


def end(client, outcome, note="", submission_token=None):
    return client.post(
        END,
        urge_form_data(outcome=outcome, note=note, submission_token=submission_token or token()),
    )


def raw_notes():
    """The note column as stored, read with SQL rather than the ORM."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT note FROM {connection.ops.quote_name('progress_urge')}")  # noqa: S608
        return [row[0] for row in cursor.fetchall()]


# The flow ------------------------------------------------------------------------------------
@pytest.mark.django_db
@frozen
def test_the_check_saves_the_reach_out_answers_and_leads_to_grounding(program_client, user):
    """The urge check asks afresh, saves the answers and leads to grounding that reflects them."""
    ReachOutCheckFactory(user=user)  # steady answers from weeks ago
    page = program_client.get(START).content.decode()
    assert "Am I acting out of desperation right now?" in page
    assert "checked" not in page  # asked afresh for this moment, not pre-filled

    response = program_client.post(START, {**PULLED, "version": "1"})

    assert response.status_code == 302
    assert response.url == GROUND
    assert ReachOutCheck.objects.get(user=user).answers == PULLED
    page = program_client.get(GROUND).content.decode()
    assert "Your latest answers suggest waiting a little" in page
    assert "Am I acting out of desperation right now?" in page
    assert "Breathe in slowly through your nose" in page
    assert "things you can see" in page
    assert f'href="{END}"' in page


@pytest.mark.django_db
@frozen
def test_the_first_check_is_saved_too(program_client, user):
    """A first urge check is saved and leads to grounding, with no advice to wait if steady."""
    response = program_client.post(START, STEADY)
    assert response.url == GROUND
    assert ReachOutCheck.objects.get(user=user).answers == STEADY
    assert "suggest waiting" not in program_client.get(GROUND).content.decode()


@pytest.mark.django_db
@frozen
def test_the_questions_can_be_skipped(program_client, user):
    """A person can skip the urge questions and go straight to grounding, saving nothing."""
    page = program_client.get(START).content.decode()
    assert f'href="{GROUND}">Skip the questions' in page
    assert program_client.get(GROUND).status_code == 200
    assert not ReachOutCheck.objects.filter(user=user).exists()


@pytest.mark.django_db
@frozen
def test_an_unanswered_question_is_refused_next_to_it_and_nothing_changes(program_client, user):
    """An unanswered urge question is flagged beside it, and the earlier answers stay."""
    ReachOutCheckFactory(user=user)
    response = program_client.post(START, {**PULLED, "desperate": "", "version": "1"})
    assert response.status_code == 200
    assert "Please choose an answer." in response.content.decode()
    assert "Nothing was saved yet" in response.content.decode()
    assert ReachOutCheck.objects.get(user=user).answers["desperate"] == "no"


@pytest.mark.django_db
@frozen
def test_the_check_sent_twice_goes_on_to_grounding_both_times(program_client, user):
    """Sending the urge check twice leads to grounding both times, with no conflict warning."""
    ReachOutCheckFactory(user=user)
    first = program_client.post(START, {**PULLED, "version": "1"})
    second = program_client.post(START, {**PULLED, "version": "1"})
    assert first.url == second.url == GROUND
    check = ReachOutCheck.objects.get(user=user)
    assert check.answers == PULLED and check.version == 2


@pytest.mark.django_db
@frozen
def test_answers_changed_in_another_tab_meanwhile_are_shown_not_overwritten(program_client, user):
    """Answers changed in another tab meanwhile are shown, not overwritten."""
    ReachOutCheckFactory(user=user)
    program_client.post(reverse("progress:reach_out"), {**STEADY, "version": "1"})  # other tab
    response = program_client.post(START, {**PULLED, "version": "1"})
    assert response.status_code == 200
    assert "changed in another tab" in response.content.decode()
    assert ReachOutCheck.objects.get(user=user).answers == STEADY


@pytest.mark.django_db
@frozen
def test_an_optional_wait_says_until_when(program_client):
    """Choosing to wait 10 minutes says until what time, with a countdown."""
    page = program_client.get(GROUND).content.decode()
    assert 'href="?wait=10">Wait 10 minutes' in page
    page = program_client.get(GROUND + "?wait=10").content.decode()
    assert "Stay with it until" in page
    assert '<time datetime="2026-03-18T12:10:00+00:00">12:10</time>' in page  # frozen at noon
    assert 'data-seconds="600"' in page


@pytest.mark.django_db
@frozen
@pytest.mark.parametrize(
    "wait", ["7", "-10", "99999999999999999999", "9" * 5000, "1e3", "ten", "\u00b2", "010"]
)
def test_a_wait_that_is_not_offered_is_ignored(program_client, wait):
    """A made-up wait in the address shows the plain grounding page, with no countdown."""
    response = program_client.get(GROUND, {"wait": wait})
    assert response.status_code == 200
    assert "Stay with it until" not in response.content.decode()


@pytest.mark.django_db
@frozen
@pytest.mark.parametrize(
    ("outcome", "goes_to", "says"),
    [
        ("waited", "dashboard", "You waited. That took strength"),
        ("held", "progress:held_messages", "nothing here is ever sent"),
        ("journal", "journal:new", "Only you can read it."),
        ("reached_out", "progress:contacts", "Noted, without judgement."),
    ],
)
def test_each_ending_logs_one_urge_and_leads_on(program_client, user, outcome, goes_to, says):
    """Each way a moment ends logs one urge with its note and leads to the right page."""
    page = program_client.get(END).content.decode()
    assert f'name="outcome" value="{outcome}"' in page

    response = end(program_client, outcome, note="The song came on in the shop.")

    assert response.status_code == 302
    assert response.url == reverse(goes_to)
    urge = Urge.objects.get(user=user)
    assert urge.outcome == outcome
    assert urge.note == "The song came on in the shop."
    assert says in program_client.get(response.url).content.decode()


@pytest.mark.django_db
@frozen
def test_the_held_message_ending_opens_the_held_message_form(program_client, user):
    """Ending by holding a message opens the held message form, with nothing written yet."""
    response = end(program_client, "held")
    page = program_client.get(response.url).content.decode()
    assert 'name="text"' in page and "Hold this message" in page
    assert not HeldMessage.objects.filter(user=user).exists()  # written there, not here


@pytest.mark.django_db
@frozen
def test_the_note_is_optional(program_client, user):
    """An urge can be logged without a note."""
    end(program_client, "waited")
    assert Urge.objects.get(user=user).note == ""


@pytest.mark.django_db
@frozen
def test_the_note_is_sealed_at_rest(program_client, user):
    """An urge's note is unreadable in the database but reads back for its owner."""
    end(program_client, "waited", note="Zanzibar lighthouse, 3am")
    (stored,) = raw_notes()
    assert stored.startswith(crypto.TOKEN_PREFIX)
    assert "Zanzibar" not in stored and "lighthouse" not in stored
    assert Urge.objects.get(user=user).note == "Zanzibar lighthouse, 3am"


@pytest.mark.django_db
@frozen
def test_a_double_submit_logs_one_urge(program_client, user):
    """A double submit, or a second button pressed, logs one urge with the first choice."""
    same = token()
    first = end(program_client, "waited", note="once", submission_token=same)
    second = end(program_client, "waited", note="once", submission_token=same)
    # A second button pressed before the first answer came: still the first choice.
    third = end(program_client, "reached_out", submission_token=same)
    assert first.url == second.url == third.url == reverse("dashboard")
    assert Urge.objects.filter(user=user).count() == 1
    assert Urge.objects.get(user=user).outcome == "waited"


@pytest.mark.django_db
@frozen
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"outcome": "waited", "note": "x" * 1001}, "at most 1000 characters"),
        ({"outcome": "sent_it"}, "That isn't one of the choices here."),
        ({"outcome": ""}, "Choose how this moment ended"),
        ({"note": "no button"}, "Choose how this moment ended"),
    ],
)
def test_bad_input_gets_a_message_and_saves_nothing(program_client, user, data, message):
    """A bad ending or an overlong note gets a message, keeps the note typed, and saves nothing."""
    response = program_client.post(END, {"submission_token": token(), **data})
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert message in page
    assert "Nothing was saved yet" in page
    if data.get("note"):
        assert data["note"] in page  # what was typed is kept
    assert not Urge.objects.exists()


# Whose it is -----------------------------------------------------------------------------------
@pytest.mark.django_db
@frozen
@pytest.mark.parametrize("url", FLOW)
def test_a_visitor_is_sent_to_log_in(client, url):
    """A visitor opening any step of the urge flow is sent to log in, and nothing is logged."""
    for response in (client.get(url), client.post(url, {"outcome": "waited"})):
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))
    assert not Urge.objects.exists()


@pytest.mark.django_db
@frozen
@pytest.mark.parametrize("url", FLOW)
def test_the_safety_check_comes_first(client_logged_in, url):
    """Someone who has not taken the safety check is sent there before the urge flow."""
    response = client_logged_in.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("safety:check"))


@pytest.mark.django_db
@frozen
def test_another_persons_token_neither_finds_nor_touches_their_urge(
    program_client, user, other_user
):
    """Reusing another person's form token logs your own urge and leaves theirs untouched.

    The one-time token is looked up among the person's own urges only: reusing someone
    else's logs the person's own urge and leaves theirs as it was."""
    theirs = UrgeFactory(user=other_user, submission_token=uuid.uuid4(), note="Theirs.")
    response = end(program_client, "journal", submission_token=str(theirs.submission_token))
    assert response.url == reverse("journal:new")
    mine = Urge.objects.get(user=user)
    assert mine.outcome == "journal"
    theirs.refresh_from_db()
    assert (theirs.outcome, theirs.note) == ("waited", "Theirs.")


@pytest.mark.django_db
@frozen
def test_a_wait_is_counted_on_the_dashboard_straight_away(program_client):
    """After I waited, the dashboard says it took strength and counts it straight away."""
    response = end(program_client, "waited")
    page = program_client.get(response.url).content.decode()
    assert "You waited. That took strength" in page
    assert urges_resisted(page) == "1"
    assert "A hard moment, noted" in page  # recent activity


def test_an_urge_after_the_dashboard_was_opened_is_counted_too(program_client, user):
    """An urge ended after the dashboard was already open shows on its next visit."""
    program_client.get(reverse("dashboard"))  # the figures are kept from here on
    program_client.post(START, STEADY)
    end(program_client, "waited")
    page = program_client.get(reverse("dashboard")).content.decode()
    assert urges_resisted(page) == "1"
    assert Urge.objects.filter(user=user).count() == 1
    # A moment of wanting to reach out is not work on a stage: no stage is marked under way.
    assert not StageProgress.objects.filter(user=user).exists()


# The stage pages --------------------------------------------------------------------------------
@pytest.mark.django_db
@frozen
@pytest.mark.parametrize("slug", ["time-and-space", "never-lower-your-value"])
def test_stages_three_and_four_carry_the_button_once(program_client, slug):
    """Stages three and four each show the I want to reach out button once."""
    page = program_client.get(reverse("progress:detail", args=[slug])).content.decode()
    assert page.count(f'href="{START}"') == 1
    assert "When the urge to get in touch hits" in page


@pytest.mark.django_db
@frozen
@pytest.mark.parametrize("slug", ["say-sorry", "take-care-of-yourself"])
def test_other_stages_do_not(program_client, slug):
    """Other stages show no I want to reach out button."""
    page = program_client.get(reverse("progress:detail", args=[slug])).content.decode()
    assert f'href="{START}"' not in page


# Safety first ------------------------------------------------------------------------------------
@pytest.mark.django_db
@frozen
def test_a_yes_person_is_offered_support_not_a_step_towards_their_ex(afraid_client, user):
    """Someone afraid of their ex finds support in the urge flow, never coaching towards contact."""
    pages = {url: afraid_client.get(url).content.decode() for url in FLOW}
    for url, page in pages.items():
        assert 'href="/safety/"' in page, url
        for words in REACH_OUT_COACHING:
            assert words not in page, (url, words)
    assert "Helplines and support on the Safety page" in pages[START]
    assert 'name="desperate"' not in pages[START]  # no questions about getting in touch
    assert 'value="waited"' in pages[END] and 'value="journal"' in pages[END]


@pytest.mark.django_db
@frozen
def test_a_yes_person_is_not_asked_the_questions_even_by_post(afraid_client, user):
    """Someone afraid of their ex is never asked the reach-out questions, even by a crafted post."""
    response = afraid_client.post(START, STEADY)
    assert response.status_code == 200
    assert not ReachOutCheck.objects.filter(user=user).exists()


@pytest.mark.django_db
@frozen
@pytest.mark.parametrize("outcome", ["held", "reached_out"])
def test_a_yes_person_cannot_choose_an_ending_towards_their_ex(afraid_client, outcome):
    """Someone afraid of their ex cannot end the moment by holding a message or reaching out."""
    response = end(afraid_client, outcome)
    assert response.status_code == 200
    assert "That isn't one of the choices here." in html.unescape(response.content.decode())
    assert not Urge.objects.exists()


@pytest.mark.django_db
@frozen
def test_a_yes_person_gets_through_a_moment_and_sees_it_counted(afraid_client, user):
    """Someone afraid of their ex sees each moment got through counted, in gentler words."""
    response = end(afraid_client, "waited", note="Called my sister.")
    assert response.url == reverse("dashboard")
    page = afraid_client.get(response.url).content.decode()
    assert "You got through this moment." in page
    assert re.search(r'id="fig-urges">Hard moments you got through</h2>', page)
    assert urges_resisted(page) == "1"
    assert f'href="{START}">Having a hard moment?</a>' in page
    assert "I want to reach out" not in page


@pytest.mark.django_db
@frozen
@pytest.mark.parametrize("slug", ["time-and-space", "never-lower-your-value"])
def test_a_yes_persons_stage_pages_offer_support_not_reaching_out(afraid_client, slug):
    """Someone afraid of their ex sees Having a hard moment? on stages three and four instead."""
    page = afraid_client.get(reverse("progress:detail", args=[slug])).content.decode()
    assert f'href="{START}">Having a hard moment?</a>' in page
    assert "I want to reach out" not in page


# Query budgets: the program's pages -------------------------------------------------------------
# Every program page costs a fixed number of queries, however much a person has written.


@pytest.fixture
def busy_client(program_client, user):
    """A person deep into the program: every stage in progress and plenty of rows."""
    for stage in Stage.objects.all():
        StageProgressFactory(user=user, stage=stage, status=StageProgress.Status.IN_PROGRESS)
    today = timezone.localdate()
    for days_ago in range(40):
        CheckInFactory(user=user, date=today - days_ago * DAY, mood=1 + days_ago % 5)
    for days_ago in range(20):
        ContactFactory(user=user, date=today - days_ago * DAY)
    MemoryFactory.create_batch(20, user=user)
    ResponsibilityFactory.create_batch(20, user=user)
    HeldMessageFactory.create_batch(10, user=user)
    HeldMessageFactory.create_batch(10, user=user, ready_at=timezone.now() - DAY)
    FeelingSignFactory(user=user)
    for outcome in ("waited", "held", "journal", "reached_out"):
        UrgeFactory.create_batch(5, user=user, outcome=outcome)
    for factory in (
        ApologyFactory,
        PatternAnswersFactory,
        ReadinessFactory,
        DateIdeaFactory,
        ReachOutCheckFactory,
    ):
        factory(user=user)
    # Warm the session's "email verified" flag so it is not counted against the page.
    program_client.get(reverse("dashboard"))
    return program_client


@frozen
@pytest.mark.parametrize(
    ("name", "args", "budget"),
    [
        # The session, the user, the safety check and the kept figures with each section's
        # progress (progress.Overview): the sections' words come from code (stages.content).
        ("dashboard", [], 4),
        ("progress:index", [], 4),
        # Opening a section writes nothing, the first time too (the session's first request
        # also notes the session: one query more).
        ("progress:detail", ["take-care-of-yourself"], 5),
        # One query per exercise in the registry (the urges among them), and one more each
        # for the check-ins and the contacts, whose rows the summary lists beside their counts.
        ("progress:summary", [], 19),
        # The side column's progress is the page's one query; the urge button costs none.
        ("progress:detail", ["never-lower-your-value"], 5),
        ("progress:reach_out_now", [], 5),
        ("progress:reach_out_now_ground", [], 5),
        ("progress:reach_out_now_end", [], 4),
        ("progress:selfcare", [], 6),
        ("progress:contacts", [], 6),
        ("progress:held_messages", [], 5),
        ("progress:memories", [], 6),
        ("progress:responsibilities", [], 5),
        ("progress:feelings", [], 5),
        ("progress:patterns", [], 5),
        ("progress:readiness", [], 5),
    ],
)
def test_page_query_count_is_fixed(busy_client, django_assert_max_num_queries, name, args, budget):
    """Each program page stays within its query budget for a busy person, so it opens fast."""
    with django_assert_max_num_queries(budget):
        response = busy_client.get(reverse(name, args=args))
    assert response.status_code == 200


@frozen
def test_a_section_seen_again_costs_four_queries(busy_client, django_assert_max_num_queries):
    """The session, the user, the safety check and the progress rows; no write."""
    url = reverse("progress:detail", args=["never-lower-your-value"])
    busy_client.get(url)
    with django_assert_max_num_queries(4):
        assert busy_client.get(url).status_code == 200


# Query budgets: every other signed-in page ------------------------------------------------------
# The signed-in pages with no budget of their own elsewhere (the journal list's is in
# tests/journal/test_listing.py). Each page is measured for a person with little data and
# again with a lot: the count must not grow.

SECTIONS = [
    "introduction",
    "say-sorry",
    "take-care-of-yourself",
    "time-and-space",
    "never-lower-your-value",
    "take-responsibility",
    "change-bad-patterns",
    "celebrate-the-good-times",
    "keep-in-mind",
    "are-you-sure",
    "faq",
]


def pages(user):
    entry = Entry.objects.for_user(user).first()
    contact = Contact.objects.filter(user=user).first()
    memory = Memory.objects.filter(user=user).first()
    responsibility = Responsibility.objects.filter(user=user).first()
    message = HeldMessage.objects.filter(user=user).first()
    return {
        # The session, the user, the countries that have helplines and the safety check
        # (the page's "Your situation").
        "account": (reverse("account"), 4),
        "account delete": (reverse("account_delete"), 2),
        # The journal also reads the person's situation: it names the program's parts and
        # offers prompts in the words written for them.
        "journal new": (reverse("journal:new"), 5),
        "journal new from a prompt": (reverse("journal:new") + "?stage=say-sorry&prompt=0", 5),
        "journal edit": (reverse("journal:edit", args=[entry.pk]), 5),
        "journal delete": (reverse("journal:delete", args=[entry.pk]), 3),
        "apology": (reverse("progress:apology"), 4),
        "reach out": (reverse("progress:reach_out"), 4),
        "date idea": (reverse("progress:date_idea"), 4),
        "check-in today": (reverse("progress:checkin_today"), 4),
        "check-in new": (reverse("progress:checkin_new"), 4),
        "contact edit": (reverse("progress:contact_edit", args=[contact.pk]), 5),
        "memory edit": (reverse("progress:memory_edit", args=[memory.pk]), 5),
        "responsibility edit": (
            reverse("progress:responsibility_edit", args=[responsibility.pk]),
            5,
        ),
        "held message": (reverse("progress:message_detail", args=[message.pk]), 6),
        "safety check": (reverse("safety:check"), 3),
        "safety plan": (reverse("safety:plan"), 3),
        "safety plan to print": (reverse("safety:plan_print"), 3),
        "are you sure": (reverse("progress:readiness"), 4),
        # Opening a section never writes: the session, the user, the safety check, the progress
        # rows.
        **{f"section {slug}": (reverse("progress:detail", args=[slug]), 4) for slug in SECTIONS},
    }


def measure(client, url, django_assert_max_num_queries, budget):
    client.get(url)  # the first request of a session also notes the verified email
    with django_assert_max_num_queries(budget) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


@pytest.mark.django_db
@frozen
def test_signed_in_pages_cost_the_same_with_little_or_much_data(
    client_logged_in, user, django_assert_max_num_queries
):
    """Signed-in pages make as many queries after months of use as on day one, so they stay fast."""
    assert Stage.objects.count() == 11
    rng = random.Random(3)  # noqa: S311
    demo.fill_program([user], rng=rng, today=timezone.localdate())
    demo.fill_journal([(user, 2)], rng=rng)
    few = {
        name: measure(client_logged_in, url, django_assert_max_num_queries, budget)
        for name, (url, budget) in pages(user).items()
    }
    # Much more of everything: many entries, contacts, memories, mistakes and messages.
    demo.fill_journal([(user, 120)], rng=rng)
    for _ in range(4):
        demo.fill_program_rows([user], rng=rng, today=timezone.localdate())
    many = {
        name: measure(client_logged_in, url, django_assert_max_num_queries, budget)
        for name, (url, budget) in pages(user).items()
    }
    assert many == few
