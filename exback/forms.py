"""allauth's account forms (settings.ACCOUNT_FORMS), with one plain hint under every
new-password field and the same work on sign-up whether or not the address is registered;
the account page's own settings (time zone, discreet mode); and the choices for the counsellor
document."""

import datetime
from typing import cast

from allauth.account import forms as allauth_forms
from allauth.mfa import adapter as mfa_adapter
from allauth.mfa.webauthn import forms as webauthn_forms
from crispy_forms.helper import FormHelper
from django import forms
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from journal.models import Entry
from safety import helplines

from . import timezones
from .models import User
from .passwords import HELP_TEXT


class PasswordHintMixin:
    """Put the plain hint (what a password must be) under the new password field."""

    fields: dict

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "password1" in self.fields:
            self.fields["password1"].help_text = HELP_TEXT


class SignupForm(PasswordHintMixin, allauth_forms.SignupForm):
    # Filled in by static/js/time-zone.js from the browser (Intl); without JavaScript, or with
    # a name we do not know, it stays empty and the person gets the site's TIME_ZONE until
    # they choose one on the account page. Saved by AccountAdapter.save_user.
    time_zone = forms.CharField(
        required=False, widget=forms.HiddenInput(attrs={"data-browser-time-zone": ""})
    )

    def clean_time_zone(self):
        """A hidden field has nowhere to show an error: anything but a zone we know (which
        also bounds its length) quietly becomes the site's default."""
        name = self.cleaned_data.get("time_zone", "").strip()
        return name if timezones.is_known(name) else ""

    def try_save(self, request):
        """A new address costs a password hash (the account is created); a registered one
        only sends the owner an email. Hash here too and throw the hash away, so that the time
        a sign-up takes does not tell whether the address has an account."""
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1"))
        return super().try_save(request)


class LoginForm(allauth_forms.LoginForm):
    """allauth's log-in form, with its "Remember Me" in the site's words."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "remember" in self.fields:
            self.fields["remember"].label = "Stay logged in on this browser"


class NewPasswordLabelsMixin:
    """allauth's "Current Password" and "New Password (again)" in sentence case."""

    fields: dict
    LABELS = {
        "oldpassword": "Current password",
        "password1": "New password",
        "password2": "New password (again)",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in self.LABELS.items():
            if name in self.fields:
                self.fields[name].label = label


class ChangePasswordForm(
    NewPasswordLabelsMixin, PasswordHintMixin, allauth_forms.ChangePasswordForm
):
    pass


class SetPasswordForm(PasswordHintMixin, allauth_forms.SetPasswordForm):
    pass


class ResetPasswordKeyForm(
    NewPasswordLabelsMixin, PasswordHintMixin, allauth_forms.ResetPasswordKeyForm
):
    pass


class AddWebAuthnForm(webauthn_forms.AddWebAuthnForm):
    """allauth checks the credential only when it is truthy: `0` or `false` would store an
    unusable passkey (and recovery codes), and a number crashes the parser. Only a credential
    that is a non-empty JSON object gets as far as allauth. Its "passwordless" box is explained
    in the site's words."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "passwordless" in self.fields:
            self.fields["passwordless"].help_text = (
                "Tick this to log in with this key alone, without your password: the key then "
                "checks it is you, by fingerprint, face or PIN. Left unticked, the key is a "
                "second factor, asked for after your password."
            )

    def clean_credential(self):
        credential = self.cleaned_data.get("credential")
        if not isinstance(credential, dict) or not credential:
            raise mfa_adapter.get_adapter().validation_error("incorrect_code")
        return credential


def time_zone_choices():
    return [
        ("", f"The site's time zone ({settings.TIME_ZONE})"),
        *((name, name.replace("_", " ")) for name in timezones.names()),
    ]


class AccountSettingsForm(forms.ModelForm):
    """The account page's settings: the person's time zone and discreet mode."""

    time_zone = forms.ChoiceField(
        label="Your time zone",
        choices=time_zone_choices,
        required=False,
        help_text="Dates, times and “today” (your check-in day and your streak) follow it.",
        error_messages={
            "invalid_choice": "“%(value)s” is not a time zone we know. Choose one from the "
            "list, such as Europe/London or America/New_York. Nothing was changed."
        },
    )

    country = forms.ChoiceField(
        label="Your country, for the Safety page's helplines",
        required=False,
        help_text="Without one, the Safety page goes by your browser's language.",
        error_messages={
            "invalid_choice": "Choose a country from the list, or leave it empty. Nothing was "
            "changed."
        },
    )

    class Meta:
        model = User
        fields = ["time_zone", "country", "discreet"]
        labels = {
            "discreet": f"Discreet mode: use a neutral name (“{settings.DISCREET_NAME}”) "
            "everywhere: the header, the tab title, emails, downloads and printouts"
        }
        help_texts = {
            "discreet": "For a shared device or inbox. It does not hide what you write or the "
            "site's address: Quick exit and your browser's private windows do more."
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        country = self.fields["country"]
        assert isinstance(country, forms.ChoiceField)  # noqa: S101 (narrows the type for mypy)
        country.choices = helplines.country_choices()  # one query, once
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


class CounsellorForm(forms.Form):
    """What goes into the counsellor document (exback.counsellor): any of the parts, the dates
    the check-ins and insights cover, chosen journal entries and the paper. The entries are
    checked against this person's own (an unknown or foreign id is `foreign_entries`, which
    the view answers with a 404); the dates run forwards, end by today and span a year at
    most. `listing` is the choosing page redrawing its list of entries for new dates: it does
    not ask for a choice yet."""

    PARTS = ("exercises", "checkins", "safety_plan", "decision_aid")
    PAPERS = [("a4", "A4"), ("letter", "US Letter")]
    # Countries that print on Letter: the paper offered first for them.
    LETTER_COUNTRIES = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT"})
    DEFAULT_DAYS = 30
    MAX_DAYS = 366
    MAX_ENTRIES = 100
    EARLIEST = datetime.date(2000, 1, 1)

    parts = forms.MultipleChoiceField(
        label="What to include", required=False, widget=forms.CheckboxSelectMultiple
    )
    # A date input's value is always the ISO date, whatever the site's date formats.
    start = forms.DateField(
        label="From", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    end = forms.DateField(
        label="To", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    entries = forms.ModelMultipleChoiceField(
        label="Journal entries", queryset=Entry.objects.none(), required=False
    )
    paper = forms.ChoiceField(label="Paper", choices=PAPERS, widget=forms.RadioSelect)

    def __init__(self, user, data=None, *, labels: dict[str, str], listing: bool = False):
        today = timezone.localdate()
        super().__init__(
            data,
            initial={
                "parts": ["exercises", "checkins"],
                "start": today - datetime.timedelta(days=self.DEFAULT_DAYS - 1),
                "end": today,
                "paper": "letter" if user.country in self.LETTER_COUNTRIES else "a4",
            },
        )
        self.today = today
        self.listing = listing
        parts = cast(forms.MultipleChoiceField, self.fields["parts"])
        entries = cast(forms.ModelMultipleChoiceField, self.fields["entries"])
        parts.choices = [(part, labels[part]) for part in self.PARTS]
        entries.queryset = (
            Entry.objects.for_user(user).select_related("stage").order_by("created_at", "id")
        )
        for name in ("start", "end"):
            self.fields[name].widget.attrs.update(
                min=self.EARLIEST.isoformat(), max=today.isoformat()
            )

    @property
    def foreign_entries(self) -> bool:
        """Whether an entry asked for is not one of this person's, or no entry at all."""
        return any(
            error.code in {"invalid_choice", "invalid_pk_value"}
            for error in self.errors.as_data().get("entries", [])
        )

    def _a_day_so_far(self, name: str) -> datetime.date:
        day = self.cleaned_data[name]
        if not self.EARLIEST <= day <= self.today:
            raise forms.ValidationError(
                f"Choose a day between {self.EARLIEST:%-d %B %Y} and today.", code="out_of_range"
            )
        return day

    def clean_start(self):
        return self._a_day_so_far("start")

    def clean_end(self):
        return self._a_day_so_far("end")

    def clean_entries(self):
        entries = self.cleaned_data["entries"]
        if len(entries) > self.MAX_ENTRIES:
            raise forms.ValidationError(
                f"Choose at most {self.MAX_ENTRIES} entries for one document.", code="too_many"
            )
        return entries

    def clean(self):
        cleaned = super().clean() or {}
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if start > end:
                self.add_error("end", "The last day comes on or after the first.")
            elif (end - start).days + 1 > self.MAX_DAYS:
                self.add_error("end", f"Choose {self.MAX_DAYS} days at most, a year.")
        chosen = cleaned.get("parts") or cleaned.get("entries")
        if not (self.listing or chosen or self.has_error("parts") or self.has_error("entries")):
            raise forms.ValidationError(
                "Choose at least one thing to include.", code="nothing_chosen"
            )
        return cleaned

    def dates(self) -> tuple[datetime.date, datetime.date]:
        """The dates the person chose, or the last DEFAULT_DAYS days while those are not valid."""
        if self.is_bound and not (self.has_error("start") or self.has_error("end")):
            return self.cleaned_data["start"], self.cleaned_data["end"]
        return self.initial["start"], self.initial["end"]
