"""A person's own data: download everything (JSON, or the journal as Markdown) and delete
the account. Downloads hold decrypted journal text, so they are never cached."""

import json

from allauth.core import ratelimit
from crispy_forms.helper import FormHelper
from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
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


def _entry_data(entry):
    return {
        "id": str(entry.pk),
        "created_at": entry.created_at.isoformat(),
        "updated_at": entry.updated_at.isoformat(),
        "title": entry.title,
        "body": entry.body,
        "mood": entry.mood,
        "stage": entry.stage.slug if entry.stage else None,
        "stage_title": str(entry.stage) if entry.stage else None,
        "prompt": entry.prompt,
    }


@sensitive_variables()
def export_data(user) -> dict:
    """Everything exback holds about this person, decrypted, JSON-ready."""
    from stages.export import user_data  # the program's half, owned by stages

    return {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "program": user_data(user),
        "journal": [_entry_data(entry) for entry in _entries(user).iterator(chunk_size=200)],
    }


@sensitive_variables()
def export_markdown(user) -> str:
    lines = [
        "# My exback journal",
        "",
        f"Exported {timezone.localtime().strftime('%-d %B %Y, %H:%M')} for {user.email}.",
        "",
    ]
    for entry in _entries(user).iterator(chunk_size=200):
        created = timezone.localtime(entry.created_at).strftime("%-d %B %Y, %H:%M")
        lines += ["---", "", f"## {entry.title or created}", "", f"*{created}*"]
        details = []
        if entry.mood:
            details.append(f"Mood: {entry.mood}/5")
        if entry.stage:
            details.append(f"Program: {entry.stage}")
        if details:
            lines += ["", " · ".join(details)]
        if entry.prompt:
            lines += ["", *(f"> {line}" for line in entry.prompt.splitlines())]
        # Two trailing spaces keep single line breaks as line breaks in Markdown.
        lines += ["", *(f"{line}  " if line else "" for line in entry.body.splitlines()), ""]
    return "\n".join(lines) + "\n"


def _download(content, content_type, extension):
    response = HttpResponse(content, content_type=content_type)
    name = f"exback-{timezone.localdate().isoformat()}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@never_cache
@require_safe
@sensitive_variables()
def export_json(request):
    data = json.dumps(export_data(request.user), ensure_ascii=False, indent=2)
    return _download(data, "application/json; charset=utf-8", "json")


@never_cache
@require_safe
@sensitive_variables()
def export_md(request):
    return _download(export_markdown(request.user), "text/markdown; charset=utf-8", "md")


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
