"""What a password must be (NIST SP 800-63B-4): long, and not common, blank or guessable. The
validators are listed in settings.AUTH_PASSWORD_VALIDATORS; HELP_TEXT is the plain hint shown
under every new-password field (exback.forms), with or without JavaScript."""

from django.core.exceptions import ValidationError
from django_zxcvbn_password_validator import ZxcvbnPasswordValidator

HELP_TEXT = (
    "Use at least 12 characters. A passphrase of three or four unrelated words is strong and "
    "easy to remember; spaces, punctuation and any letters are welcome, and there are no rules "
    "about digits or symbols. Common or easily guessed passwords (a name and a year, repeated "
    "words, anything built on your email address or on this site's name) are refused."
)

# zxcvbn refuses to score more than 72 characters (its matching grows with the length).
ZXCVBN_MAX_LENGTH = 72


class NotOnlyWhitespaceValidator:
    """Refuse a password made only of spaces, tabs or line breaks, however long."""

    def validate(self, password, user=None):
        if not password.strip():
            raise ValidationError(
                "Your password can't be only spaces.", code="password_only_whitespace"
            )

    def get_help_text(self):
        return "Your password can't be only spaces."


class GuessabilityValidator(ZxcvbnPasswordValidator):
    """zxcvbn's estimate of how guessable a password is (PASSWORD_MINIMAL_STRENGTH), over its
    first 72 characters: a longer passphrase is welcome, and scored by its beginning rather
    than refused for its length."""

    def validate(self, password, user=None):
        return super().validate(password[:ZXCVBN_MAX_LENGTH], user)
