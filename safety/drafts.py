"""Keys for the drafts the browser keeps of unsaved text (static/js/drafts.js), shared by the
safety plan, the program and the journal: opaque per person, never the email, so a shared
device shows no one whose drafts it holds; the quick exit and logout forget them all. Here,
beside the quick exit, because the safety plan needs them and safety imports no other app."""

from django.utils.crypto import salted_hmac

SAVED_SESSION_KEY = "saved_draft"


def draft_owner(user) -> str:
    return salted_hmac("exback.journal.draft", str(user.pk), algorithm="sha256").hexdigest()[:20]


def draft_key(request) -> str:
    """The key of the form on this page: one per person and path. drafts.js keeps it under
    its own prefix; the page never names the site (discreet mode)."""
    return f"draft:{draft_owner(request.user)}:{request.path}"


def mark_saved(request) -> None:
    """The form on this page was saved: the next page tells the browser to forget its draft."""
    request.session[SAVED_SESSION_KEY] = draft_key(request)


def pop_saved(request) -> str:
    return (
        request.session.pop(SAVED_SESSION_KEY, "") if SAVED_SESSION_KEY in request.session else ""
    )
