"""Every program page costs a fixed number of queries, however much a person has written."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from progress.models import StageProgress
from stages.models import Stage
from tests.clock import frozen
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
)

pytestmark = frozen

DAY = datetime.timedelta(days=1)


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


@pytest.mark.parametrize(
    ("name", "args", "budget"),
    [
        # The session, the user, the progress rows, the safety check and the kept figures
        # (progress.Overview): the sections' words come from code (stages.content).
        ("dashboard", [], 5),
        ("progress:index", [], 4),
        # Opening a section writes nothing, the first time too (the session's first request
        # also notes the session: one query more).
        ("progress:detail", ["take-care-of-yourself"], 5),
        # One query per exercise in the registry (issue 15 added the urges), and one more each
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


def test_a_section_seen_again_costs_four_queries(busy_client, django_assert_max_num_queries):
    """The session, the user, the safety check and the progress rows; no write."""
    url = reverse("progress:detail", args=["never-lower-your-value"])
    busy_client.get(url)
    with django_assert_max_num_queries(4):
        assert busy_client.get(url).status_code == 200
