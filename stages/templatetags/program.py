import functools

from django import template
from django.urls import get_script_prefix, reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


def _link_safety_page(escaped: str) -> str:
    """Every mention of the Safety page in the program's text links to it."""
    return escaped.replace("Safety page", f'<a href="{reverse("safety:index")}">Safety page</a>')


@register.filter
def safety_links(value):
    """Escape a line of the program's text and link its mentions of the Safety page."""
    return mark_safe(_link_safety_page(escape(value)))  # noqa: S308 - escaped first


@register.filter
def plaintext(value):
    """Turn the program's plain text (stages.content) into HTML: blank lines separate
    paragraphs and lines that start with "- " become a bulleted list. Every piece is escaped
    before it is wrapped."""
    return _plaintext(str(value or ""), get_script_prefix())


@functools.lru_cache(maxsize=512)
def _plaintext(value: str, prefix: str):
    """Remembered per text (the program's words live in code and never change while a process
    runs; four kinds of reader make a few hundred texts) and script prefix (the Safety page's link). For the program's own text only: a person's
    words must never be passed here, or they would stay in the process's memory."""
    del prefix  # part of the key only
    html = []
    for block in value.replace("\r\n", "\n").split("\n\n"):
        paragraph: list[str] = []
        bullets: list[str] = []
        for line in block.split("\n"):
            line = line.strip()
            if not line:
                continue
            if line.startswith("- "):
                if paragraph:
                    html.append(f"<p>{escape(' '.join(paragraph))}</p>")
                    paragraph = []
                bullets.append(f"<li>{escape(line[2:].strip())}</li>")
            else:
                if bullets:
                    html.append(f"<ul>{''.join(bullets)}</ul>")
                    bullets = []
                paragraph.append(line)
        if paragraph:
            html.append(f"<p>{escape(' '.join(paragraph))}</p>")
        if bullets:
            html.append(f"<ul>{''.join(bullets)}</ul>")
    return mark_safe(_link_safety_page("\n".join(html)))  # noqa: S308 - every piece is escaped


@register.filter
def answer_label(value):
    return {"yes": "Yes", "no": "No", "not_sure": "Not sure"}.get(value, "Not answered")


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None
