"""Signed-in sessions (allauth.usersessions): the Sessions page lists them (allauth's view, our
template, each named by `browser_name`) and ends all the others; `end_session` ends one. After
a change of password or of second factor, every session but the one that made the change ends."""

from allauth.account import signals as account_signals
from allauth.mfa import signals as mfa_signals
from allauth.usersessions.adapter import get_adapter
from allauth.usersessions.models import UserSession
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST
from ua_parser import parse

UNKNOWN_BROWSER = "An unknown browser"

# ua-parser's names as a person would say them: the browser, not its mobile build.
BROWSERS = {
    "Chrome Mobile": "Chrome",
    "Chrome Mobile iOS": "Chrome",
    "Chrome Mobile WebView": "Chrome",
    "Edge Mobile": "Edge",
    "Firefox Mobile": "Firefox",
    "Firefox iOS": "Firefox",
    "HeadlessChrome": "Headless Chrome",
    "Mobile Safari": "Safari",
    "Mobile Safari UI/WKWebView": "Safari",
}
SYSTEMS = {"Mac OS X": "macOS", "Chrome OS": "ChromeOS"}
# On iOS the device says more than the system: "Safari on iPhone".
APPLE_DEVICES = {"iPhone", "iPad", "iPod"}


def browser_name(user_agent: str) -> str:
    """A session's browser as a person would name it ("Chrome on Linux", "Safari on
    iPhone"), from the User-Agent header by ua-parser and its builtin rules; "An unknown
    browser" when they recognise neither the browser nor the system."""
    result = parse(user_agent or "")
    browser = result.user_agent.family if result.user_agent else None
    system = result.os.family if result.os else None
    device = result.device.family if result.device else None
    if system == "iOS" and device in APPLE_DEVICES:
        system = device
    browser = BROWSERS.get(browser, browser) if browser not in (None, "Other") else None
    system = SYSTEMS.get(system, system) if system not in (None, "Other") else None
    if browser and system:
        return f"{browser} on {system}"
    if browser:
        return browser
    if system:
        return f"A browser on {system}"
    return UNKNOWN_BROWSER


def other_sessions(request, user):
    """The person's sessions other than the one making this request."""
    current = request.session.session_key if request is not None else None
    return UserSession.objects.filter(user_id=user.pk).exclude(session_key=current)


@require_POST
def end_session(request, pk):
    session = get_object_or_404(other_sessions(request, request.user), pk=pk)
    get_adapter().end_sessions([session])
    messages.success(request, "That session is logged out.")
    return redirect("usersessions_list")


def end_other_sessions(sender, request, user, **kwargs):
    """Receiver: a password or second-factor change ends every other session. Django already
    refuses the others after a password change (their hash no longer matches); this deletes
    them, and covers authenticator changes, which leave the password hash alone."""
    get_adapter().end_sessions(list(other_sessions(request, user)))


SECURITY_CHANGES = [
    account_signals.password_changed,
    account_signals.password_set,
    account_signals.password_reset,
    mfa_signals.authenticator_added,
    mfa_signals.authenticator_removed,
    mfa_signals.authenticator_reset,
]


def connect_signals():
    for signal in SECURITY_CHANGES:
        signal.connect(end_other_sessions, dispatch_uid="exback.sessions.end_other_sessions")
