"""Hostile input never gets a server error, and nothing is half-saved."""

# Every page the URL patterns of exback, safety, stages and journal name, and allauth's pages, is
# opened by a signed-in person (allauth's also by a visitor), plainly and with hostile query
# strings. Every form on the page is then read from its HTML and posted with hostile values,
# one field at a time, the other fields keeping what the page gave them (or a plausible value):
# NUL, huge and negative numbers, inf, nan, 1e309, impossible dates, 100 KB of text,
# right-to-left text and emoji, HTML, bytes that are not UTF-8, a repeated field, a missing one.
#
# Each answer must be below 500; the person's rows may change only with a redirect (a save);
# and no log line may hold what was typed. After a save the page is opened again, as a person
# would, so the next post carries a fresh one-time token and the current version.

import logging
import uuid
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import quote, urlencode

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import RequestDataTooBig
from django.db import connection
from django.db.models import Count, ForeignKey, Max, OuterRef, Subquery
from django.http import UnreadablePostError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from exback.bad_requests import bad_request
from journal.models import Entry
from tests.clock import frozen
from tests.factories import PASSWORD
from tests.factories.safety import SafetyCheckFactory
from tests.helpers.pages import PAGES, VARIANTS, VISITOR_DATA, page_url, person_data, sign_in

pytestmark = [pytest.mark.django_db, frozen]


# Part of every typed hostile value: it must never reach a log line.
TYPED = "Qz7-typed-words"
MISSING = object()
NOT_UTF8 = object()
REPEATED = object()  # the field twice: two of its own choices, or a number and words

VALUES: dict[str, object] = {
    "NUL": f"{TYPED}\x00after",
    "huge number": "9" * 400,
    "huge integer": "99999999999999999999",
    "negative": "-1",
    "inf": "inf",
    "nan": "nan",
    "1e309": "1e309",
    "-0": "-0",
    "30 February": "2026-02-30",
    "day zero": "0000-00-00",
    "year 99999": "99999-01-01",
    "100 KB of text": (TYPED + " ") * (100_000 // (len(TYPED) + 1)),
    "right-to-left and emoji": f"\u202e{TYPED} שלום مرحبا 🙂👩‍❤️‍👨\u200f",
    "HTML": f"<script>alert('{TYPED}')</script><iframe src=//evil.example>",
    "not UTF-8": NOT_UTF8,
    "repeated": REPEATED,
    "missing": MISSING,
}

# Every form gets every value in all its fields at once (Django cleans each field on its own,
# so that tries each value on each field). Then, one field at a time with the other fields as
# the page gave them, the values that field might accept, which can reach the save: by kind.
ONE_AT_A_TIME = {
    "text": ["100 KB of text", "right-to-left and emoji", "NUL", "missing"],
    "number": ["-0", "1e309", "huge integer", "nan", "missing"],
    "date": ["30 February", "day zero", "year 99999", "missing"],
    "choice": ["repeated", "missing"],
    # Hidden fields hold versions, one-time tokens, a `next`, a prompt, a choice.
    "hidden": [
        "NUL",
        "huge integer",
        "negative",
        "-0",
        "1e309",
        "not UTF-8",
        "repeated",
        "missing",
    ],
}

# Query strings every page is opened with (encoded as a browser sends them), with huge,
# negative, repeated and bracketed values for the parameters pages read (page, q, stage,
# mood, prompt, next); the last, a NUL, gets the 400 page.
QUERIES = [
    "page=99999999999999999999&stage=say-sorry&stage=faq&prompt=99999999999999999999"
    "&mood=nan&stage%5B%5D=&next=javascript%3Aalert(1)&q=%E2%80%AEemoji%F0%9F%99%82",
    "page=-1&q=" + "x" * 5000 + "&mood=-1&prompt=-1&next=%2F%2Fevil.example",
    "page=1e309&q=%FF%FE%C0&stage=%3Cscript%3E&prompt=1e309&mood=99999999999999999999"
    "&next=dashboard",
    "stage=%00&page=%00&q=%00",
]


def _cases():
    cases = []
    for name, params, allauth in PAGES:
        cases.append(pytest.param(name, params, "person", {}, id=f"{name}-person"))
        if allauth:  # a visitor's too: log in, sign up, reset a password, links from emails
            cases.append(pytest.param(name, params, "visitor", {}, id=f"{name}-visitor"))
        for number, sources in enumerate(VARIANTS.get(name, ()), start=2):
            cases.append(pytest.param(name, params, "person", sources, id=f"{name}-{number}"))
    return cases


# Forms ---------------------------------------------------------------------------------------
@dataclass
class Field:
    name: str
    kind: str  # the input's type, "textarea" or "select"
    value: str = ""
    checked: bool = False
    options: list[tuple[str, bool]] = field(default_factory=list)  # a select's (value, selected)


@dataclass
class Form:
    method: str
    action: str
    fields: list[Field] = field(default_factory=list)
    buttons: list[tuple[str, str]] = field(default_factory=list)  # named submit buttons

    def key(self):
        return (self.method, self.action, tuple((f.name, f.value) for f in self.fields))


class FormParser(HTMLParser):
    """The forms of a page, with their fields as a browser would submit them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._textarea: Field | None = None
        self._select: Field | None = None

    def handle_starttag(self, tag, attrs):
        a = {key: value or "" for key, value in attrs}
        if tag == "form":
            self._form = Form((a.get("method") or "get").lower(), a.get("action", ""))
            self.forms.append(self._form)
        elif tag == "option" and self._select is not None:
            self._select.options.append((a.get("value", ""), "selected" in a))
        elif self._form is not None and a.get("name"):
            self._field(self._form, tag, a)

    def _field(self, form: Form, tag: str, a: dict[str, str]) -> None:
        name = a["name"]
        kind = (a.get("type") or ("submit" if tag == "button" else "text")).lower()
        if tag in {"input", "button"} and kind == "submit":
            form.buttons.append((name, a.get("value", "")))
        elif tag == "input" and kind not in {"button", "reset", "image", "file"}:
            default = "on" if kind in {"checkbox", "radio"} else ""
            form.fields.append(Field(name, kind, a.get("value", default), "checked" in a))
        elif tag == "textarea":
            self._textarea = Field(name, "textarea")
            form.fields.append(self._textarea)
        elif tag == "select":
            self._select = Field(name, "select")
            form.fields.append(self._select)

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.value += data


def parse_forms(html: str) -> list[Form]:
    parser = FormParser()
    parser.feed(html)
    return parser.forms


def kind(form: Form, name: str) -> str:
    """Which list of ONE_AT_A_TIME a field gets, from how the page shows it."""
    kinds = {f.kind for f in form.fields if f.name == name}
    if kinds & {"radio", "checkbox", "select"}:
        return "choice"
    if kinds & {"hidden", "number", "date"}:
        return kinds.pop()
    return "text"


def plausible(f: Field) -> str:
    """A value for an empty field that a person could have typed."""
    if f.kind == "password":
        return PASSWORD
    if f.kind == "email":
        return f"new-{uuid.uuid4().hex[:8]}@example.com"
    if f.kind == "date":
        return timezone.localdate().isoformat()
    if f.kind == "number":
        return "1"
    if f.kind == "select":
        chosen = [value for value, selected in f.options if selected]
        return chosen[0] if chosen else next((v for v, _ in f.options if v), "")
    return "A few plain words."


def baseline(form: Form) -> dict[str, list[str]]:
    """What submitting the form as the page shows it sends, with empty fields filled."""
    data: dict[str, list[str]] = {}
    radios: dict[str, list[Field]] = {}
    for f in form.fields:
        if f.kind == "radio":
            radios.setdefault(f.name, []).append(f)
        elif f.kind == "checkbox":
            data.setdefault(f.name, [])
            if f.checked:
                data[f.name].append(f.value)
        elif f.kind == "hidden":
            data.setdefault(f.name, []).append(f.value)
        else:
            data.setdefault(f.name, []).append(f.value or plausible(f))
    for name, group in radios.items():
        data[name] = [next((f.value for f in group if f.checked), group[0].value)]
    return data


def choices(form: Form, name: str) -> list[str]:
    fields = [f for f in form.fields if f.name == name]
    values = [v for f in fields for v, _ in f.options] or [f.value for f in fields]
    return [v for v in values if v] or ["1"]


def with_value(form: Form, data: dict, name: str, value) -> tuple[dict, dict]:
    """The data with one field set to a hostile value: (data, raw percent-encoded extras)."""
    data = {k: list(v) for k, v in data.items() if k != name}
    if value is MISSING:
        return data, {}
    if value is NOT_UTF8:
        return data, {name: "%FF%FE%C0" + quote(TYPED)}
    if value is REPEATED:
        # Two of the field's own choices, or a number and words where one value is expected.
        options = choices(form, name)
        value = [options[0], options[-1]] if kind(form, name) == "choice" else ["1", TYPED]
    data[name] = value if isinstance(value, list) else [value]
    return data, {}


def encode(data: dict[str, list[str]], raw: dict[str, str]) -> str:
    """A urlencoded body; `raw` values go in as they are (already percent-encoded)."""
    pairs = urlencode([(k, v) for k, values in data.items() for v in values])
    extra = "&".join(f"{quote(k)}={v}" for k, v in raw.items())
    return "&".join(part for part in (pairs, extra) if part)


def variants(form: Form):
    """(label, data, raw) for each post of a form: every value in every field at once, then
    one field at a time with the values of its kind (ONE_AT_A_TIME)."""
    data = baseline(form)
    for button in form.buttons[:1]:
        data[button[0]] = [button[1]]
    names = [name for name in data if name != "csrfmiddlewaretoken"]
    names = [n for n in names if n not in dict(form.buttons)] or ["unexpected"]
    if len(names) > 1:
        for label, value in VALUES.items():
            changed, raw = data, {}
            for name in names:
                changed, extra = with_value(form, changed, name, value)
                raw.update(extra)
            yield f"all fields={label}", changed, raw
    for name in names:
        # A form without fields of its own (delete, complete) gets one it does not expect.
        labels = ONE_AT_A_TIME["hidden" if name == "unexpected" else kind(form, name)]
        for label in labels:
            yield (f"{name}={label}", *with_value(form, data, name, VALUES[label]))
    # Each further submit button (allauth's email page has several), once.
    for button in form.buttons[1:]:
        changed = {k: v for k, v in data.items() if k != form.buttons[0][0]}
        changed[button[0]] = [button[1]]
        yield f"button {button[0]}", changed, {}


# The person and what they have ----------------------------------------------------------------
@pytest.fixture
def person(program_client, user):
    """A signed-in person (through the log-in form, see sign_in) with something in every part
    of the program, a held message past its cooling-off period, a completed stage and a
    journal entry."""
    return program_client, user, person_data(program_client, user)


def snapshot_query(user) -> tuple[str, tuple]:
    """One query for what the person has: for each model of ours, allauth's accounts and
    two-factor with a foreign key to the user, how many rows and when the last changed; and
    the user row. Built once with the ORM, run as SQL for each post (it runs twice a post)."""
    User = get_user_model()
    columns: dict = {}
    for model in apps.get_models():
        if model._meta.app_label not in {
            "exback",
            "safety",
            "stages",
            "journal",
            "reminders",
            "account",
            "mfa",
        }:
            continue
        names = {f.name for f in model._meta.concrete_fields}
        for fk in model._meta.concrete_fields:
            if isinstance(fk, ForeignKey) and fk.related_model is User:
                rows = model._base_manager.filter(**{fk.name: OuterRef("pk")}).order_by()
                rows = rows.values(fk.name)
                label = f"{model._meta.label_lower}_{fk.name}".replace(".", "_")
                columns[f"{label}_count"] = Subquery(rows.annotate(v=Count("pk")).values("v"))
                # Not last_visited_at: opening a stage page notes the visit.
                for changed in ("updated_at", "version", "completed_at"):
                    if changed in names:
                        latest = rows.annotate(v=Max(changed)).values("v")
                        columns[f"{label}_{changed}"] = Subquery(latest)
    query = User.objects.filter(pk=user.pk).annotate(**columns)
    return query.values_list("password", "email", *columns).query.sql_with_params()


def snapshot(user, query: tuple[str, tuple] | None) -> tuple:
    """The person's rows (see snapshot_query); for a visitor, how many accounts and addresses
    there are."""
    if user is None or query is None:
        return (get_user_model().objects.count(), EmailAddress.objects.count())
    with connection.cursor() as cursor:
        cursor.execute(*query)
        return tuple(cursor.fetchone())


# Logs ----------------------------------------------------------------------------------------
class Remember(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))

    def emit(self, record):
        self.lines.append(self.format(record))  # with the traceback, when there is one


@pytest.fixture
def log_lines():
    """Every log line written during the test, from every logger, whether it propagates."""
    handler = Remember()
    loggers = [logging.getLogger()] + [
        logger
        for logger in logging.Logger.manager.loggerDict.values()
        if isinstance(logger, logging.Logger) and not logger.propagate
    ]
    for logger in loggers:
        logger.addHandler(handler)
    yield handler.lines
    for logger in loggers:
        logger.removeHandler(handler)


# The walk ------------------------------------------------------------------------------------
class Walk:
    """Posts and fetches for one page, noting every answer that is wrong."""

    def __init__(self, client, user, url):
        self.client = client
        self.client.raise_request_exception = False
        self.user = user
        self.url = url
        self.problems: list[str] = []
        self.query = snapshot_query(user) if user is not None else None

    def get(self, url, label):
        response = self.client.get(url)
        if response.status_code >= 500:
            self.problems.append(f"GET {label}: {response.status_code}")
        if self.user is not None and "_auth_user_id" not in self.client.session:
            sign_in(self.client, self.user)  # the quick exit's link signs out
        return response

    def post(self, url, body, label):
        before = snapshot(self.user, self.query)
        response = self.client.post(url, body, content_type="application/x-www-form-urlencoded")
        status = response.status_code
        if status >= 500:
            self.problems.append(f"POST {label}: {status}")
        elif status != 302 and snapshot(self.user, self.query) != before:
            self.problems.append(f"POST {label}: {status}, yet the person's data changed")
        if status == 302 and self.user is not None and "_auth_user_id" not in self.client.session:
            sign_in(self.client, self.user)  # the log-out form
        return response

    def forms(self) -> tuple[int, list[Form]]:
        response = self.client.get(self.url)
        if response.status_code >= 500:
            self.problems.append(f"GET {self.url}: {response.status_code}")
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            return response.status_code, []
        unique = {form.key(): form for form in parse_forms(response.content.decode())}
        return 200, list(unique.values())


def fuzz_form(walk: Walk, form: Form, label: str) -> None:
    """Post the form's variants; after a redirect (a save, or sent away) open the page again,
    as a person would, for a fresh one-time token and the current version."""
    url = form.action or walk.url
    for which, data, raw in variants(form):
        response = walk.post(url, encode(data, raw), f"{label} {which}")
        if response.status_code == 302:
            _, forms = walk.forms()
            again = [f for f in forms if (f.method, f.action) == (form.method, form.action)]
            if not again:
                return  # the form is gone (its row deleted, its message decided)
            form = again[0]


def fuzz_query(walk: Walk, form: Form, label: str) -> None:
    """A search form (method get): its variants as query strings."""
    url = form.action or walk.url
    for which, data, raw in variants(form):
        walk.get(f"{url}?{encode(data, raw)}", f"{label} search {which}")


def is_header_logout(form: Form, name: str) -> bool:
    """The log-out button in every page's header: walked on the log-out page only."""
    return form.action == reverse("account_logout") and name != "account_logout"


@pytest.mark.parametrize(("name", "params", "who", "sources"), _cases())
def test_hostile_input_gets_no_server_error_and_saves_nothing_half(
    request, name, params, who, sources, log_lines
):
    """Every page, with hostile query strings; every form on it, with hostile values."""
    if who == "person":
        client, user, data = request.getfixturevalue("person")
    else:
        client, user, data = request.getfixturevalue("client"), None, VISITOR_DATA
    url = page_url(name, params, data, sources)
    walk = Walk(client, user, url)

    for query in QUERIES:
        walk.get(f"{url}?{query}", f"{name}?{query[:60]}")
    status, forms = walk.forms()
    if status == 405:
        # It only takes posts: its form is on another page (test_every_form_is_walked), and
        # it gets hostile posts here too.
        forms = [Form("post", url)]
    for form in forms:
        if is_header_logout(form, name):
            continue
        if form.method == "get":
            fuzz_query(walk, form, name)
        else:
            fuzz_form(walk, form, name)

    assert not walk.problems, "\n".join(walk.problems)
    leaked = [line[:300] for line in log_lines if TYPED in line]
    assert not leaked, "A log line holds what was typed:\n" + "\n".join(leaked)


def test_every_form_is_walked(person):
    """Every form a person can send is tried with hostile input; none is left out of the walk.

    The walk above reaches every form: each URL that only takes posts is the action of a
    form on a page the walk opens."""
    client, user, data = person
    pages = [page_url(name, params, data) for name, params, _ in PAGES]
    pages += [
        page_url(name, list(sources), data, sources)
        for name, variants in VARIANTS.items()
        for sources in variants
    ]
    actions, post_only = set(), set()
    for url in pages:
        response = client.get(url)
        if "_auth_user_id" not in client.session:
            sign_in(client, user)  # the quick exit's link signs out
        if response.status_code == 405:
            post_only.add(url)
        elif response.status_code == 200 and "html" in response["Content-Type"]:
            actions |= {f.action or url for f in parse_forms(response.content.decode())}
    assert post_only, "expected some URLs that only take posts"
    assert post_only <= actions, f"no page has a form for {sorted(post_only - actions)}"


@pytest.mark.parametrize("multipart", [False, True], ids=["urlencoded", "multipart"])
def test_a_body_over_the_upload_limit_gets_the_413_page(program_client, user, multipart):
    """Too large to read: the site's own page, saying that nothing was saved, and no entry."""
    program_client.raise_request_exception = False
    data = {"title": "Long", "body": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)}
    body = data if multipart else urlencode(data)
    kind = {} if multipart else {"content_type": "application/x-www-form-urlencoded"}

    response = program_client.post(reverse("journal:new"), body, **kind)

    assert response.status_code == 413
    text = response.content.decode()
    assert "That was too much to send at once" in text
    assert "nothing was saved" in text
    assert 'class="site-header"' in text  # the site's layout
    assert not Entry.objects.filter(user=user).exists()


def test_the_413_page_is_shown_when_the_sender_goes_away_mid_body(rf, user):
    """Reading the rest of the body can fail (the browser gave up): the page is still made."""
    request = rf.post(reverse("journal:new"), "x=1", content_type="text/plain")
    request.user = user

    def gone(*args):
        raise UnreadablePostError("connection reset")

    request.read = gone
    response = bad_request(request, RequestDataTooBig())
    assert response.status_code == 413


def test_other_bad_requests_keep_the_400_page(program_client):
    """Only a body too large gets the 413 page: too many fields is still a bad request."""
    program_client.raise_request_exception = False
    fields = urlencode([("f", "1")] * (settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
    response = program_client.post(
        reverse("journal:new"), fields, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400
    assert "Something about that request wasn't right" in response.content.decode()


# Any charset but UTF-8: what a browser would be sent, with the CSRF check a real server makes.
FOREIGN_CHARSETS = ["latin-1", "x-nope", "utf-16", "cp1252", "rot13"]


def csrf_client(user=None) -> Client:
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    client.get(reverse("journal:new" if user else "account_login"))  # sets the CSRF cookie
    return client


def post_in(client, url, fields, charset):
    """Post `fields` urlencoded, declaring `charset` (encoded in it, when Python can)."""
    data = {"csrfmiddlewaretoken": client.cookies["csrftoken"].value, **fields}
    try:
        body = urlencode(data, encoding=charset).encode("ascii")
    except LookupError:
        body = urlencode(data).encode("ascii")
    content_type = f"application/x-www-form-urlencoded; charset={charset}"
    return client.generic("POST", url, body, content_type=content_type)


def assert_400_page_and_nothing_logged_as_an_error(response, log_lines):
    assert response.status_code == 400
    text = response.content.decode()
    assert "Something about that request wasn't right" in text
    assert "nothing was saved" in text
    assert 'class="site-header"' in text  # the site's layout
    assert not [line for line in log_lines if " ERROR " in line or " CRITICAL " in line]


@pytest.mark.parametrize("charset", FOREIGN_CHARSETS)
def test_a_log_in_form_in_another_charset_gets_the_400_page(charset, user, log_lines):
    """It got an empty 500 and a traceback: Django's 400 and 500 pages read the body again."""
    client = csrf_client()
    fields = {"login": user.email, "password": PASSWORD}
    response = post_in(client, reverse("account_login"), fields, charset)
    assert_400_page_and_nothing_logged_as_an_error(response, log_lines)
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("charset", FOREIGN_CHARSETS)
def test_a_signed_in_form_in_another_charset_gets_the_400_page_and_saves_nothing(
    charset, user, log_lines
):
    """A journal entry sent in another charset: the 400 page, no entry."""
    SafetyCheckFactory(user=user)
    client = csrf_client(user)
    fields = {
        "title": "Café",
        "body": "Crème brûlée by the sea",
        "submission_token": str(uuid.uuid4()),
    }
    response = post_in(client, reverse("journal:new"), fields, charset)
    assert_400_page_and_nothing_logged_as_an_error(response, log_lines)
    assert not Entry.objects.filter(user=user).exists()


@pytest.mark.parametrize("charset", ["utf-8", "UTF-8", "utf8", "us-ascii"])
def test_a_form_declaring_utf_8_or_ascii_is_read_as_utf_8(charset, user):
    """A form sent as utf8 or us-ascii saves its text, accents and all, rather than failing.

    UTF-8 by any of its names, and ASCII (part of it), are read and saved; Django alone
    refused "utf8" and "us-ascii"."""
    SafetyCheckFactory(user=user)
    client = csrf_client(user)
    body = "By the sea" if charset == "us-ascii" else "Crème brûlée by the sea"
    fields = {"title": "", "body": body, "submission_token": str(uuid.uuid4())}
    response = post_in(client, reverse("journal:new"), fields, charset)
    assert response.status_code == 302
    assert Entry.objects.get(user=user).body == body


@pytest.mark.parametrize("query", ["stage=%00", "%00=1", "q=a%00b&page=2"])
def test_a_nul_in_the_query_string_gets_the_400_page(program_client, query):
    """A stray NUL in an address's query gets the site's friendly bad-request page."""
    response = program_client.get(f"{reverse('journal:new')}?{query}")
    assert response.status_code == 400
    assert "Something about that request wasn't right" in response.content.decode()


def test_a_nul_in_the_path_gets_the_400_page(client):
    """A stray NUL in a link's path gets a bad-request page, not a server error."""
    response = client.get("/accounts/password/reset/key/1-a%00b/")
    assert response.status_code == 400
