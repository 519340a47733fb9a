"""Links on every page lead where they always did, now that `{% url %}` remembers its answers."""

import pytest
from django.template import Context, Template
from django.urls import NoReverseMatch, reverse, set_script_prefix

from tests.clock import frozen

pytestmark = frozen


# {% url %} remembers ------------------------------------------------------------------------


def render(source, **context):
    """Render as a template that loads the remembering tag by name, as the busy pages do."""
    return Template("{% load urls_once %}" + source).render(Context(context))


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
