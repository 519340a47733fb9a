"""The personal summary printed the way a browser prints it: Chromium's PDF of the page, each
page turned into an image with poppler's pdftoppm (PNGs in test-artifacts/summary-print/ to
look at), then measured: the product's name, the date and page numbers on the paper, the
progress drawn in black rather than in a background colour that printing leaves out, the
text across the page, and no page but the last left half empty."""

import random
import shutil
import subprocess

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from tests import tools
from tests.browser.helpers import log_in


@pytest.fixture
def poppler():
    if shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None:
        tools.skip_or_fail("pdftoppm/pdftotext not found (apt-get install -y poppler-utils)")


@pytest.fixture
def person(transactional_db, user, noon_today):
    from demo import seed as demo

    # This seed leaves two stages open: the printed bar is part filled.
    demo.fill_program([user], rng=random.Random(7), today=timezone.localdate())  # noqa: S311
    return user


def grey_pages(pdf, out):
    """Each page of the PDF as (width, height, bytes) of an 8-bit grey image, plus PNGs."""
    subprocess.run(["pdftoppm", "-png", "-r", "60", pdf, out / "page"], check=True)
    subprocess.run(["pdftoppm", "-gray", "-r", "30", pdf, out / "grey"], check=True)
    pages = []
    for path in sorted(out.glob("grey-*.pgm")):
        data = path.read_bytes()
        magic, width, height, depth, pixels = data.split(maxsplit=4)
        assert magic == b"P5" and depth == b"255"
        pages.append((int(width), int(height), pixels))
    return pages


def inked(width, height, pixels):
    """The last row and the leftmost and rightmost columns with something printed on them,
    between the page's running header and its page number (the margin boxes)."""
    body = range(int(0.06 * height), int(0.93 * height))
    rows = [y for y in body if min(pixels[y * width : (y + 1) * width]) < 160]
    if not rows:
        return None
    columns = [x for x in range(width) if any(pixels[y * width + x] < 160 for y in rows)]
    return rows[-1], columns[0], columns[-1]


def test_summary_prints_as_a_clean_a4_document(
    live_server, page, person, password, artifacts, poppler
):
    """The printed summary has its title, date, page numbers, a visible bar, no half-empty page."""
    out = artifacts / "summary-print"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    log_in(page, live_server, person.email, password)
    page.goto(live_server.url + reverse("progress:summary"))
    page.emulate_media(media="print")
    bar = page.evaluate(
        """() => { const s = getComputedStyle(document.querySelector('.summary .progress-bar'));
                   return [s.borderTopStyle, parseFloat(s.borderTopWidth), s.borderTopColor]; }"""
    )
    assert bar[0] == "solid" and bar[1] >= 8 and bar[2] == "rgb(0, 0, 0)", bar
    pdf = out / "summary.pdf"
    page.pdf(path=pdf, prefer_css_page_size=True)

    text = subprocess.run(
        ["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "exback" in text
    assert f"Printed {date_format(timezone.localdate(), 'j F Y')}" in text
    pages = grey_pages(pdf, out)
    assert 1 <= len(pages) <= 6, len(pages)
    assert f"Page 1 of {len(pages)}" in text
    for number, (width, height, pixels) in enumerate(pages, start=1):
        found = inked(width, height, pixels)
        assert found, f"page {number} is empty"
        bottom, left, right = found
        assert right - left > 0.75 * width, f"page {number}: the text is a narrow column"
        if number < len(pages):
            assert bottom > 0.85 * height, f"page {number} ends {bottom / height:.0%} down"
