"""allauth's account forms (settings.ACCOUNT_FORMS), with one plain hint under every
new-password field and the same work on sign-up whether or not the address is registered."""

from allauth.account import forms as allauth_forms
from allauth.mfa import adapter as mfa_adapter
from allauth.mfa.webauthn import forms as webauthn_forms
from django.contrib.auth.hashers import make_password

from .passwords import HELP_TEXT


class PasswordHintMixin:
    """Put the plain hint (what a password must be) under the new password field."""

    fields: dict

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "password1" in self.fields:
            self.fields["password1"].help_text = HELP_TEXT


class SignupForm(PasswordHintMixin, allauth_forms.SignupForm):
    def try_save(self, request):
        """A new address costs a password hash (the account is created); a registered one
        only sends the owner an email. Hash here too and throw the hash away, so that the time
        a sign-up takes does not tell whether the address has an account."""
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1"))
        return super().try_save(request)


class ChangePasswordForm(PasswordHintMixin, allauth_forms.ChangePasswordForm):
    pass


class SetPasswordForm(PasswordHintMixin, allauth_forms.SetPasswordForm):
    pass


class ResetPasswordKeyForm(PasswordHintMixin, allauth_forms.ResetPasswordKeyForm):
    pass


class AddWebAuthnForm(webauthn_forms.AddWebAuthnForm):
    """allauth checks the credential only when it is truthy: `0` or `false` would store an
    unusable passkey (and recovery codes), and a number crashes the parser. Only a credential
    that is a non-empty JSON object gets as far as allauth."""

    def clean_credential(self):
        credential = self.cleaned_data.get("credential")
        if not isinstance(credential, dict) or not credential:
            raise mfa_adapter.get_adapter().validation_error("incorrect_code")
        return credential
