"""Reading a page as a person would: its text, its tab title, the figures it shows."""

import html
import re


def page_text(client, url, **extra) -> str:
    """The page at `url` (it must open: 200), with its HTML entities read as characters."""
    response = client.get(url, **extra)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def main_text(response) -> str:
    """What a person reads in the page's main region, without tags, on one line."""
    page = response.content.decode()
    main = re.search(r"(?s)<main\b.*?</main>", page)[0]
    main = re.sub(r"(?s)<[^>]+>", " ", main)
    return re.sub(r"\s+", " ", html.unescape(main))


def title_of(response):
    return re.search(r"<title>([^<]*)</title>", response.content.decode()).group(1)


def urges_resisted(page):
    """The dashboard's count of urges resisted (or hard moments got through)."""
    return re.search(r'id="fig-urges">[^<]+</h2>\s*<p class="big mb-1">(\d+)</p>', page).group(1)
