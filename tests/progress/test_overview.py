"""The dashboard's figures show every save at once, yet cost one query when nothing changed."""

# The dashboard's figures kept per person (progress.overview) instead of recomputed on every
# page, and what proves they stay true.

import datetime

from django.urls import reverse
from django.utils import timezone

from progress import overview, services
from progress.exercises import BY_KEY
from progress.models import Overview
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


def test_starting_completing_and_reopening_a_stage_show_on_the_dashboard_at_once(
    program_client, user
):
    """A stage started, marked complete or opened again after the dashboard was opened shows so."""

    def stage_status():
        stages = figures(program_client)["progress"]["stages"]
        return next(s.user_status for s in stages if s.slug == "say-sorry")

    assert stage_status() == "not_started"
    program_client.post(reverse("progress:start", args=["say-sorry"]))
    assert stage_status() == "in_progress"
    assert figures(program_client)["progress"]["continue_to"].slug == "say-sorry"
    program_client.post(reverse("progress:complete", args=["say-sorry"]))
    assert stage_status() == "completed"
    assert "1 of 7 stages completed" in program_client.get(reverse("dashboard")).content.decode()
    program_client.post(reverse("progress:reopen", args=["say-sorry"]))
    assert stage_status() == "in_progress"


def test_figures_kept_before_they_held_the_sections_are_rebuilt(program_client, user):
    """A dashboard kept before it held each section's progress is rebuilt once, then kept."""
    services.stage_complete(user=user, slug="say-sorry")
    figures(program_client)
    kept = Overview.objects.get(user=user)
    del kept.figures["sections"]
    kept.save()
    stages = figures(program_client)["progress"]["stages"]
    assert next(s.user_status for s in stages if s.slug == "say-sorry") == "completed"
    assert "sections" in Overview.objects.get(user=user).figures
