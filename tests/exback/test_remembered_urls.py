"""Links on every page lead where they always did, now that `{% url %}` remembers its answers."""

import pytest
from django.template import Context, Template, engines
from django.urls import NoReverseMatch, set_script_prefix

from exback.templatetags import remembered_urls


def render(source, **context):
    """Render as any template of the site does: the remembering tag is a builtin."""
    return Template(source).render(Context(context))


@pytest.mark.parametrize(
    ("source", "context", "expected"),
    [
        ("{% url 'dashboard' %}", {}, "/dashboard/"),
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
def test_url_tag_answers_as_django_does(source, context, expected):
    """Links on every page lead where they always did, now that their addresses are remembered."""
    assert render(source, **context) == expected
    assert render(source, **context) == expected  # and again, remembered


def test_every_template_of_the_site_remembers():
    """The site's templates, allauth's included, use the remembering tag without loading it."""
    engine = engines["django"].engine
    node = engine.from_string("{% url 'dashboard' %}").nodelist[0]
    assert isinstance(node, remembered_urls.RememberedURLNode)


def test_a_remembered_answer_is_not_asked_again():
    """The second page asking for the same link reads the remembered answer."""
    remembered_urls._reverse.cache_clear()
    render("{% url 'progress:detail' 'say-sorry' %}")
    render("{% url 'progress:detail' 'say-sorry' %}")
    info = remembered_urls._reverse.cache_info()
    assert (info.hits, info.misses) == (1, 1)
    assert info.maxsize == remembered_urls.REMEMBERED


class Named:
    """An argument whose text can change, as a model instance's can."""

    def __init__(self, text):
        self.text = text

    def __str__(self):
        return self.text


def test_an_object_as_argument_is_reversed_each_time():
    """A link built from an object, whose text could change, is never remembered."""
    slug = Named("say-sorry")
    assert render("{% url 'progress:detail' slug %}", slug=slug) == "/stages/say-sorry/"
    slug.text = "faq"
    assert render("{% url 'progress:detail' slug %}", slug=slug) == "/stages/faq/"


def test_url_tag_still_fails_loudly_for_a_wrong_name():
    """A link to a page that does not exist fails loudly in testing, not silently for a person."""
    with pytest.raises(NoReverseMatch):
        render("{% url 'nowhere' %}")


def test_url_tag_follows_the_script_prefix():
    """Links stay right when the site is served under a path such as /app/."""
    assert render("{% url 'dashboard' %}") == "/dashboard/"
    set_script_prefix("/app/")
    try:
        assert render("{% url 'dashboard' %}") == "/app/dashboard/"
    finally:
        set_script_prefix("/")
    assert render("{% url 'dashboard' %}") == "/dashboard/"
