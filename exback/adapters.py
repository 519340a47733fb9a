from email.utils import formataddr, parseaddr

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.conf import settings
from django.utils import timezone

from vault import crypto

from . import timezones
from .models import User

# Set in the session of a person's very first sign-in: their dashboard says "Welcome", not
# "Welcome back".
FIRST_SIGN_IN_SESSION_KEY = "_first_sign_in"

# A message allauth adds after another in the same request, which that one already covers:
# typing the code that confirms an address also logs the person in ("confirmed", then
# "logged in"), and the first second factor comes with recovery codes, which the next page
# shows ("added", then "codes generated").
MESSAGES_COVERED_BY = {
    "account/messages/logged_in.txt": {"account/messages/email_confirmed.txt"},
    "mfa/messages/recovery_codes_generated.txt": {
        "mfa/messages/totp_activated.txt",
        "mfa/messages/webauthn_added.txt",
    },
}

# allauth's ways to confirm it is you again before a change, in the site's words.
REAUTHENTICATION_WORDS = {
    "reauthenticate": "Use your password",
    "mfa_reauthenticate": "Use a code from your authenticator app",
    "mfa_reauthenticate:webauthn": "Use a passkey or security key",
}


class AccountAdapter(DefaultAccountAdapter):
    def _get_login_attempts_cache_key(self, request, **credentials):
        """The key allauth counts failed log-ins under (ACCOUNT_RATE_LIMITS["login_failed"],
        "5/5m/key"). allauth's is "<site domain>:<login>", and without django.contrib.sites
        the domain is the request's Host header as sent: port and letter case included, so
        `localhost:8000`, `LOCALHOST` and `127.0.0.1:1` each got five fresh tries. exback is
        one site: the account alone is the key."""
        login = credentials.get("email", credentials.get("username", ""))
        return f"login:{login.strip().lower()}"

    def save_user(self, request, user, form, commit=True):
        """A new account starts in the browser's time zone (the sign-up form's hidden field,
        filled by static/js/time-zone.js), or the site's when the browser did not say."""
        user = super().save_user(request, user, form, commit=False)
        user.time_zone = form.cleaned_data.get("time_zone", "")
        if commit:
            user.save()
        return user

    def get_reauthentication_methods(self, user):
        return [
            {
                **method,
                "description": REAUTHENTICATION_WORDS.get(method["id"], method["description"]),
            }
            for method in super().get_reauthentication_methods(user)
        ]

    def add_message(
        self,
        request,
        level,
        message_template=None,
        message_context=None,
        extra_tags="",
        message=None,
    ):
        """One success box where allauth stacked two saying one thing (MESSAGES_COVERED_BY)."""
        said: set[str | None] = getattr(request, "_exback_messages", set())
        if said & MESSAGES_COVERED_BY.get(message_template, set()):
            return
        setattr(request, "_exback_messages", said | {message_template})  # noqa: B010
        super().add_message(request, level, message_template, message_context, extra_tags, message)

    def login(self, request, user):
        first = user.last_login is None
        super().login(request, user)
        if first:
            request.session[FIRST_SIGN_IN_SESSION_KEY] = True

    def send_notification_mail(self, template_prefix, user, context=None, email=None):
        """allauth leaves the user out of a notification's context; the emails need to know
        whom they are for (their name for the site, their time zone)."""
        super().send_notification_mail(
            template_prefix, user, {"user": user, **(context or {})}, email
        )

    def send_mail(self, template_prefix, email, context):
        """Every account email names the site as its recipient knows it (`site_name`: the
        neutral DISCREET_NAME in discreet mode) and shows times in the recipient's own zone,
        whoever's request sends it. An address with no account gets the site's name."""
        recipient = self._recipient(email, context)
        site_name = recipient.site_name if recipient else settings.SITE_NAME
        zone = timezones.zone_of(recipient) if recipient else None
        with timezone.override(zone):
            super().send_mail(template_prefix, email, {**context, "site_name": site_name})

    def render_mail(self, template_prefix, email, context, headers=None):
        """The sender's name follows the recipient's name for the site too: "Notes
        <noreply@…>" in discreet mode (the address itself is the operator's to choose)."""
        msg = super().render_mail(template_prefix, email, context, headers=headers)
        site_name = context.get("site_name", settings.SITE_NAME)
        if site_name != settings.SITE_NAME:
            msg.from_email = formataddr((site_name, parseaddr(msg.from_email)[1]))
        return msg

    @staticmethod
    def _recipient(email, context) -> User | None:
        user = context.get("user")
        if isinstance(user, User) and user.pk:
            return user
        return User.objects.filter(email__iexact=email).first()


class MFAAdapter(DefaultMFAAdapter):
    """Authenticator secrets (TOTP keys, recovery-code seeds) are stored encrypted at rest."""

    def encrypt(self, text: str) -> str:
        return crypto.encrypt(text)

    def decrypt(self, encrypted_text: str) -> str:
        if not encrypted_text.startswith(crypto.TOKEN_PREFIX):
            return encrypted_text  # stored before secrets were encrypted; rotate_keys seals it
        return crypto.decrypt(encrypted_text)
