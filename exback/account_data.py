"""A person's own data: download everything (JSON, or the journal as Markdown) and delete
the account. Downloads hold decrypted journal text, so they are never cached."""

import datetime
import html
import json
import re

from allauth.core import ratelimit
from crispy_forms.helper import FormHelper
from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods, require_safe

from journal.models import Entry


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, limited=False, **kwargs):
        self.user = user
        self.limited = limited
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True

    def clean_password(self):
        password = self.cleaned_data["password"]
        if self.limited:
            # Checked before the password, so the form cannot be used to guess it.
            raise forms.ValidationError(
                "Too many attempts. Please wait a minute, then try again. Nothing was deleted."
            )
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your password. Nothing was deleted.")
        return password


def _entries(user):
    return Entry.objects.for_user(user).select_related("stage").order_by("created_at")


def _section_names(user) -> dict[str, str]:
    """The program's parts as this person reads them (exports name them the same way)."""
    from stages.program import program_for

    return {section.slug: str(section) for section in program_for(user).sections}


def _entry_data(entry, names: dict[str, str]):
    return {
        "id": str(entry.pk),
        "created_at": entry.created_at.isoformat(),
        "updated_at": entry.updated_at.isoformat(),
        "title": entry.title,
        "body": entry.body,
        "mood": entry.mood,
        "stage": entry.stage.slug if entry.stage else None,
        "stage_title": names.get(entry.stage.slug) if entry.stage else None,
        "prompt": entry.prompt,
    }


@sensitive_variables()
def export_data(user) -> dict:
    """Everything exback holds about this person, decrypted, JSON-ready."""
    from progress.export import user_data  # the program's half, owned by stages
    from reminders.models import ReminderSettings

    names = _section_names(user)
    return {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "time_zone": user.time_zone,
            "country": user.country,
            "discreet": user.discreet,
        },
        "program": user_data(user),
        "reminders": ReminderSettings.for_user(user).as_data(),
        "journal": [_entry_data(entry, names) for entry in _entries(user).iterator(chunk_size=200)],
    }


# Characters that make Markdown inline structure (emphasis, code, links, images, strikethrough,
# tables) or a heading's closing #s: a backslash before each shows it as itself.
_MD_INLINE = re.compile(r"([\\`*_\[\]#|~])")
# What can still open a block at the start of a line once those and HTML are escaped: a list
# item, a heading underline or a thematic break (- + =), an ordered list (1. or 1)).
_MD_BLOCK_MARKER = re.compile(r"^(\s*)(?:([-+=])|(\d+)(?=[.)]))")
_INDENT = re.compile(r"^[ \t]+")


def _md_text(text: str) -> str:
    """One line of someone's own text, inert in Markdown: HTML is escaped (<script> shows as
    text), and nothing in the line can make a heading, a list, a quote, a code block, a link
    or an image. Indentation becomes no-break spaces: kept, without opening a code block."""
    text = html.escape(_MD_INLINE.sub(r"\\\1", text), quote=False)
    text = _INDENT.sub(lambda m: "\u00a0" * len(m[0].expandtabs(4)), text)
    return _MD_BLOCK_MARKER.sub(
        lambda m: f"{m[1]}\\{m[2]}" if m[2] else f"{m[1]}{m[3]}\\", text, count=1
    )


def _md_line(text: str) -> str:
    """Text that must stay on one line (a title, a stage's name): line breaks, tabs and runs of
    spaces become one space, so it cannot start a heading or a link of its own."""
    return _md_text(" ".join(text.split()))


# The insights page's groups, as the Markdown export names them (progress.insights.export).
_INSIGHT_GROUPS = [
    ("with_contact", "Days with contact"),
    ("day_after_contact", "The day after contact"),
    ("without_contact", "Days without contact"),
]


def _insights_markdown(user) -> list[str]:
    """The insights page's figures (progress.insights), for a person with a check-in in its
    window: figures only, none of what they wrote."""
    from progress.insights import day_count, export

    figures = export(user, timezone.localdate())
    if not figures["check_in_days"]:
        return []
    start = datetime.date.fromisoformat(figures["from"]).strftime("%-d %B %Y")
    end = datetime.date.fromisoformat(figures["to"]).strftime("%-d %B %Y")
    lines = [
        f"## My insights, {start} to {end}",
        "",
        f"From my check-ins and contact log: {day_count(figures['check_in_days'])} with a "
        f"check-in, {day_count(figures['contact_days'])} with contact. An average needs at least "
        f"{figures['minimum_days']} days with a check-in. This shows what happened together, "
        "not what caused what.",
        "",
    ]
    for key, label in _INSIGHT_GROUPS:
        group = figures[key]
        if group["mood"] is None:
            said = "too few days to tell"
        else:
            said = f"mood {group['mood']} out of 5, sleep {group['hours_slept']} hours on average"
        lines.append(f"- {label} ({day_count(group['days'])}): {said}")
    lines += [
        f"- Urges resisted: {figures['urges_resisted']}; reached out: "
        f"{figures['urges_reached_out']}",
        "",
    ]
    return lines


@sensitive_variables()
def export_markdown(user) -> str:
    """The journal as Markdown that renders as the person wrote it and nothing more: what they
    wrote is escaped (_md_text), so it cannot add headings, links or HTML to the document."""
    lines = [
        f"# My {_md_line(user.site_name)} journal",
        "",
        f"Exported {timezone.localtime().strftime('%-d %B %Y, %H:%M')} for {_md_line(user.email)}.",
        "",
    ]
    lines += _insights_markdown(user)
    names = _section_names(user)
    for entry in _entries(user).iterator(chunk_size=200):
        created = timezone.localtime(entry.created_at).strftime("%-d %B %Y, %H:%M")
        title = _md_line(entry.title) or created
        lines += ["---", "", f"## {title}", "", f"*{created}*"]
        details = []
        if entry.mood:
            details.append(f"Mood: {entry.mood}/5")
        if entry.stage:
            details.append(f"Program: {_md_line(names.get(entry.stage.slug, ''))}")
        if details:
            lines += ["", " · ".join(details)]
        if entry.prompt:
            lines += ["", *(f"> {_md_text(line)}" for line in entry.prompt.splitlines())]
        # Two trailing spaces keep single line breaks as line breaks in Markdown.
        body = entry.body.splitlines()
        lines += ["", *(f"{_md_text(line)}  " if line.strip() else "" for line in body), ""]
    return "\n".join(lines) + "\n"


def _download(user, content, content_type, extension):
    """The file is named after the site as this person's pages name it: in discreet mode, a
    download folder shows notes-2026-12-02.json, not the site's name."""
    response = HttpResponse(content, content_type=content_type)
    name = f"{slugify(user.site_name) or 'export'}-{timezone.localdate().isoformat()}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@never_cache
@require_safe
@sensitive_variables()
def export_json(request):
    data = json.dumps(export_data(request.user), ensure_ascii=False, indent=2)
    return _download(request.user, data, "application/json; charset=utf-8", "json")


@never_cache
@require_safe
@sensitive_variables()
def export_md(request):
    return _download(
        request.user, export_markdown(request.user), "text/markdown; charset=utf-8", "md"
    )


@never_cache
@sensitive_post_parameters("password")
@require_http_methods(["GET", "HEAD", "POST"])
def delete_account(request):
    # allauth's reauthentication limit (10 a minute per person) guards this password check too.
    limited = request.method == "POST" and not ratelimit.consume(
        request, action="reauthenticate", user=request.user
    )
    form = DeleteAccountForm(request.POST or None, user=request.user, limited=limited)
    if request.method == "POST" and form.is_valid():
        user = request.user
        with transaction.atomic():
            user.delete()  # every table pointing at the user cascades
        logout(request)
        messages.success(request, "Your account and everything in it are deleted. Take care.")
        return redirect("home")
    return render(request, "exback/account_delete.html", {"form": form})
