"""What issue 16 keeps instead of recomputing on every page, and what proves it stays true:
the dashboard's figures kept per person, the stage page writing nothing, and `{% url %}`
remembering its answers."""

import datetime

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse, set_script_prefix
from django.utils import timezone

from progress import overview, services
from progress.exercises import BY_KEY
from progress.models import Overview, StageProgress
from stages.models import Stage
from tests.clock import NOON, frozen
from tests.factories.progress import (
    CheckInFactory,
    ContactFactory,
    HeldMessageFactory,
    UrgeFactory,
    checkin_form_data,
)

pytestmark = frozen

DAY = datetime.timedelta(days=1)


def writes(queries):
    return [
        q["sql"]
        for q in queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
        and "django_session" not in q["sql"]
    ]


# The program's sections ------------------------------------------------------------------


def test_an_unknown_section_is_a_404(program_client):
    """A part of the program that does not exist is a 404, and the FAQ cannot be completed."""
    assert program_client.get(reverse("progress:detail", args=["no-such-part"])).status_code == 404
    complete = reverse("progress:complete", args=["faq"])  # exists, but is not a stage
    assert program_client.post(complete).status_code == 404


# Opening a stage marks nothing; starting it does ---------------------------------------------


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


def test_the_start_button_starts_a_stage(program_client, user):
    """Pressing Start this stage marks it in progress and offers Mark this stage complete."""
    response = program_client.post(reverse("progress:start", args=["say-sorry"]))
    assert response.status_code == 302
    progress = StageProgress.objects.get(user=user, stage__slug="say-sorry")
    assert progress.status == StageProgress.Status.IN_PROGRESS
    page = program_client.get(reverse("progress:detail", args=["say-sorry"])).content.decode()
    assert "Mark this stage complete" in page
    assert "Start this stage" not in page


def test_start_needs_a_post_and_a_stage(program_client):
    """Only the Start button starts a stage, never a mere link, and the FAQ cannot be started."""
    assert program_client.get(reverse("progress:start", args=["say-sorry"])).status_code == 405
    assert program_client.post(reverse("progress:start", args=["faq"])).status_code == 404


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


def test_a_completed_section_stays_completed_when_visited(program_client, user):
    """A completed stage stays completed when the person opens it again."""
    StageProgress.complete(user, "say-sorry")
    program_client.get(reverse("progress:detail", args=["time-and-space"]))
    program_client.get(reverse("progress:detail", args=["say-sorry"]))
    stage = Stage.objects.get(slug="say-sorry")
    assert StageProgress.objects.get(user=user, stage=stage).status == "completed"


# The dashboard's figures, kept per person -----------------------------------------------------


def figures(client):
    response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    return response.context


def test_a_check_in_saved_after_the_dashboard_shows_at_once(program_client, user):
    """A check-in saved after the dashboard was opened shows on it at once, streak and activity."""
    assert figures(program_client)["streak"] == 0
    assert Overview.objects.get(user=user).figures["streak"] == 0  # kept
    response = program_client.post(
        reverse("progress:checkin_today"),
        checkin_form_data(note=""),
    )
    assert response.status_code == 302
    context = figures(program_client)
    assert context["streak"] == 1
    assert [item["label"] for item in context["activity"]] == ["Self-care check-in"]


def test_every_kind_of_write_and_delete_is_seen(program_client, user):
    """A new contact, urge or held message, or a deleted urge, shows on the dashboard at once."""
    figures(program_client)
    ContactFactory(user=user, date=timezone.localdate() - 2 * DAY)
    assert figures(program_client)["contact"]["days_since"] == 2
    urge = UrgeFactory(user=user)
    assert figures(program_client)["urges"] == {"total": 1, "resisted": 1}
    services.exercise_delete(user=user, obj=urge, exercise=BY_KEY["reach_out_now"])
    assert figures(program_client)["urges"] == {"total": 0, "resisted": 0}
    HeldMessageFactory(user=user)
    assert figures(program_client)["waiting"]["count"] == 1


def test_unchanged_figures_cost_one_query(program_client, user, django_assert_max_num_queries):
    """With nothing new, the dashboard's figures cost one query, so it opens fast."""
    CheckInFactory(user=user)
    ContactFactory(user=user)
    figures(program_client)
    with django_assert_max_num_queries(1):
        overview.figures_for(user)


def test_a_new_day_rebuilds_the_streak_and_days_since_contact(program_client, user, time_machine):
    """Days later, the dashboard's streak and days since contact move on with nothing new saved."""
    CheckInFactory(user=user, date=timezone.localdate())
    ContactFactory(user=user, date=timezone.localdate())
    context = figures(program_client)
    assert (context["streak"], context["contact"]["days_since"]) == (1, 0)
    time_machine.move_to(NOON + 2 * DAY, tick=False)
    context = figures(program_client)
    assert (context["streak"], context["contact"]["days_since"]) == (0, 2)


def test_a_held_message_leaves_the_waiting_count_once_ready(program_client, user, time_machine):
    """A held message stops counting as waiting on the dashboard once it is ready."""
    HeldMessageFactory(user=user, ready_at=timezone.now() + datetime.timedelta(hours=2))
    assert figures(program_client)["waiting"]["count"] == 1
    time_machine.move_to(NOON + datetime.timedelta(hours=3), tick=False)
    assert figures(program_client)["waiting"]["count"] == 0


def test_a_write_while_the_dashboard_builds_is_never_hidden(program_client, user, monkeypatch):
    """Another tab saves while this dashboard is reading: what it read is not kept."""
    figures(program_client)
    CheckInFactory(user=user)  # out of date now
    real_build = overview.build

    def build_then_another_tab_saves(*args):
        result = real_build(*args)
        ContactFactory(user=user)
        return result

    monkeypatch.setattr(overview, "build", build_then_another_tab_saves)
    overview.figures_for(user)
    monkeypatch.setattr(overview, "build", real_build)
    row = Overview.objects.get(user=user)
    assert row.built_generation != row.generation
    assert figures(program_client)["contact"]["total"] == 1


def test_the_kept_figures_hold_no_words(program_client, user):
    """None of a person's words end up in the dashboard's stored figures, only counts."""
    ContactFactory(user=user, how_it_went="PRIVATE-NOTE")
    UrgeFactory(user=user, note="PRIVATE-URGE")
    figures(program_client)
    assert "PRIVATE" not in str(Overview.objects.get(user=user).figures)


def test_one_person_s_writes_leave_another_s_figures_alone(program_client, user, other_user):
    """Another person's saves leave your dashboard's figures as they were."""
    figures(program_client)
    row = Overview.objects.get(user=user)
    ContactFactory(user=other_user)
    assert Overview.objects.get(user=user).generation == row.generation


def test_deleting_an_account_leaves_no_figures(program_client, user):
    """Deleting an account leaves none of its dashboard figures behind."""
    figures(program_client)
    ContactFactory(user=user)
    user.delete()
    assert not Overview.objects.filter(user_id=user.pk).exists()


# {% url %} remembers ------------------------------------------------------------------------


def render(source, **context):
    return Template(source).render(Context(context))


@pytest.mark.parametrize(
    ("source", "context", "expected"),
    [
        ("{% url 'dashboard' %}", {}, reverse("dashboard")),
        ("{% url 'progress:detail' slug %}", {"slug": "say-sorry"}, "/stages/say-sorry/"),
        ("{% url 'progress:detail' slug=slug %}", {"slug": "faq"}, "/stages/faq/"),
        (
            "{% url 'journal:detail' pk %}",
            {"pk": "0" * 8 + "-0000-4000-8000-" + "0" * 12},
            "/journal/00000000-0000-4000-8000-000000000000/",
        ),
        ("{% url 'dashboard' as there %}[{{ there }}]", {}, "[/dashboard/]"),
        ("{% url 'nowhere' as there %}[{{ there }}]", {}, "[]"),
    ],
)
def test_url_tag_answers_as_django_does(db, source, context, expected):
    """Links on every page lead where they always did, now that their addresses are remembered."""
    assert render(source, **context) == expected
    assert render(source, **context) == expected  # and again, remembered


def test_url_tag_still_fails_loudly_for_a_wrong_name(db):
    """A link to a page that does not exist fails loudly in testing, not silently for a person."""
    with pytest.raises(NoReverseMatch):
        render("{% url 'nowhere' %}")


def test_url_tag_follows_the_script_prefix(db):
    """Links stay right when the site is served under a path such as /app/."""
    assert render("{% url 'dashboard' %}") == "/dashboard/"
    set_script_prefix("/app/")
    try:
        assert render("{% url 'dashboard' %}") == "/app/dashboard/"
    finally:
        set_script_prefix("/")
    assert render("{% url 'dashboard' %}") == "/dashboard/"
