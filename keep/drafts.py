"""Keys for the drafts the browser keeps of unsaved text (static/js/drafts.js and the
journal's journal.js), for the safety plan, the program and the journal.

Without them a reload, a lost connection or a session that ran out would throw away what a
person was writing. A key is opaque and per person, never the email, so a shared device shows
no one whose drafts it holds (the quick exit and logout forget them all); and a draft is
forgotten only on the page after a save, so nothing unsaved is dropped."""

from django.utils.crypto import salted_hmac

SAVED_SESSION_KEY = "saved_draft"


def draft_owner(user) -> str:
    """The person's part of every draft key. The salt is fixed: changing it would orphan
    every draft kept in browsers."""
    return salted_hmac("exback.journal.draft", str(user.pk), algorithm="sha256").hexdigest()[:20]


def draft_key(request) -> str:
    """The key of the form on this page: one per person and path. drafts.js keeps it under
    its own prefix; the page never names the site (discreet mode)."""
    return f"draft:{draft_owner(request.user)}:{request.path}"


def mark_saved(request, key: str | None = None, *, session_key: str = SAVED_SESSION_KEY) -> None:
    """The form was saved: the next page tells the browser to forget its draft, `key` (by
    default this page's draft_key)."""
    request.session[session_key] = draft_key(request) if key is None else key


def pop_saved(request, *, session_key: str = SAVED_SESSION_KEY) -> str:
    """The draft a save just made safe to forget, once; "" when there is none."""
    return request.session.pop(session_key, "") if session_key in request.session else ""
