"""Program text shows as paragraphs and lists, with any HTML in it shown as text."""

from django.template import Context, Template


def test_plaintext_filter_escapes_and_builds_paragraphs_and_bullets():
    """Program text shows as paragraphs and bullet lists, with any HTML in it shown as text."""
    html = Template("{% load program %}{{ text|plaintext }}").render(
        Context({"text": "Hello <b>you</b>\nstill here\n\nA list:\n- one & two\n- three"})
    )
    assert "<p>Hello &lt;b&gt;you&lt;/b&gt; still here</p>" in html
    assert "<p>A list:</p>" in html
    assert "<ul><li>one &amp; two</li><li>three</li></ul>" in html
