"""The site's voice on a page: sentence case, and "log in" where others say "sign in"."""

import re
from html.parser import HTMLParser

# Words that keep their capital after a heading's first word. Kept short: each is a proper
# noun or an acronym a person reads as one.
ALLOWED_CAPITALS = {
    "I",  # the pronoun: "I have saved my recovery codes"
    "QR",  # the QR code an authenticator app scans
}
# The elements a person reads as a page's headings, buttons and labels; and `a` with
# Bootstrap's `btn` class, which looks like a button.
CHECKED = {"title", "h1", "h2", "h3", "button", "label", "legend", "summary"}
# The site says "log in" and "log out" ("Sign up" is the site's own word for joining).
SIGN_IN_OUT = re.compile(r"\bsign(?:ed|ing|s)?[- ]?(?:in|out)\b", re.IGNORECASE)
SIGN_UP_TITLE_CASE = re.compile(r"\bSign[- ]?Up\b")
# Attributes whose words a person reads or hears.
READ_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt"}


class VoiceParser(HTMLParser):
    """The text of each checked element, and all the words a person reads on the page."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, str]] = []
        self.words: list[str] = []
        # Every open element (tag, whether it is checked, its text so far), so that an end
        # tag closes the element it belongs to.
        self._open: list[tuple[str, bool, list[str]]] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        a = {key: value or "" for key, value in attrs}
        self.words += [a[name] for name in READ_ATTRIBUTES if a.get(name)]
        if tag == "input" and a.get("type") in {"submit", "button"} and a.get("value"):
            self.elements.append(("button", a["value"]))
        if tag in {"script", "style"}:
            self._skip += 1
        if tag not in self.VOID:
            checked = tag in CHECKED or (tag == "a" and "btn" in a.get("class", "").split())
            self._open.append((tag, checked, []))

    def handle_endtag(self, tag):
        if tag in {"script", "style"}:
            self._skip = max(0, self._skip - 1)
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i][0] == tag:
                for name, checked, parts in reversed(self._open[i:]):
                    if checked:
                        self.elements.append((name, " ".join("".join(parts).split())))
                del self._open[i:]
                return

    def handle_data(self, data):
        if self._skip:
            return
        self.words.append(data)
        for _, checked, parts in self._open:
            if checked:
                parts.append(data)


def parse(html):
    parser = VoiceParser()
    parser.feed(html)
    parser.close()
    return parser


def title_case_words(text):
    """Words after a sentence's first that start with a capital letter, unless allowed."""
    found = []
    for sentence in re.split(r"(?<=[.:?!·])\s+", text):
        words = re.findall(r"[^\W\d_][\w'’]*", sentence)
        found += [w for w in words[1:] if w[0].isupper() and w not in ALLOWED_CAPITALS]
    return found


def voice_problems(html):
    """What on the page is not in the site's voice, as readable lines."""
    page = parse(html)
    problems = []
    for name, text in page.elements:
        if name == "title":
            text = text.rsplit(" · ", 1)[0]  # "Log in · exback": the site's name last
        if capitals := title_case_words(text):
            problems.append(f"<{name}> {text!r} is in Title Case ({', '.join(capitals)})")
    words = " ".join(" ".join(page.words).split())
    for pattern in (SIGN_IN_OUT, SIGN_UP_TITLE_CASE):
        for match in pattern.finditer(words):
            start = max(0, match.start() - 40)
            problems.append(f"says {match.group()!r}: …{words[start : match.end() + 40]}…")
    return problems
