"""Staff find nothing of the program's words or of anyone's answers in the admin."""


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
