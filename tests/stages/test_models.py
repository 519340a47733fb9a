"""The program's text ships with the code: nothing of it lives in the database."""

from stages.models import Stage


def test_the_program_has_no_text_in_the_database():
    """The program's text ships with the code, so every site shows the same reviewed words."""
    names = {field.name for field in Stage._meta.get_fields()}
    assert not names & {"title", "summary", "body", "key_points", "prompts", "faqs"}
