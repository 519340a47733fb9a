"""What a form does with text no key can read (vault.fields returns it marked `unreadable`)."""

UNREADABLE_HELP = "What was here can't be read with the current keys; what you type replaces it."


def blank_unreadable(form) -> None:
    """Never put unreadable text back in a form: saving it would store the notice in place of
    the person's words. The field starts empty and says why."""
    for name, field in form.fields.items():
        if getattr(form.initial.get(name), "unreadable", False):
            form.initial[name] = ""
            field.help_text = UNREADABLE_HELP
