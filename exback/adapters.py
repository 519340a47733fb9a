from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter

from vault import crypto


class AccountAdapter(DefaultAccountAdapter):
    def _get_login_attempts_cache_key(self, request, **credentials):
        """The key allauth counts failed log-ins under (ACCOUNT_RATE_LIMITS["login_failed"],
        "5/5m/key"). allauth's is "<site domain>:<login>", and without django.contrib.sites
        the domain is the request's Host header as sent: port and letter case included, so
        `localhost:8000`, `LOCALHOST` and `127.0.0.1:1` each got five fresh tries. exback is
        one site: the account alone is the key."""
        login = credentials.get("email", credentials.get("username", ""))
        return f"login:{login.strip().lower()}"


class MFAAdapter(DefaultMFAAdapter):
    """Authenticator secrets (TOTP keys, recovery-code seeds) are stored encrypted at rest."""

    def encrypt(self, text: str) -> str:
        return crypto.encrypt(text)

    def decrypt(self, encrypted_text: str) -> str:
        if not encrypted_text.startswith(crypto.TOKEN_PREFIX):
            return encrypted_text  # stored before secrets were encrypted; rotate_keys seals it
        return crypto.decrypt(encrypted_text)
