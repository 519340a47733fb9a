from allauth.mfa.adapter import DefaultMFAAdapter

from vault import crypto


class MFAAdapter(DefaultMFAAdapter):
    """Authenticator secrets (TOTP keys, recovery-code seeds) are stored encrypted at rest."""

    def encrypt(self, text: str) -> str:
        return crypto.encrypt(text)

    def decrypt(self, encrypted_text: str) -> str:
        if not encrypted_text.startswith(crypto.TOKEN_PREFIX):
            return encrypted_text  # stored before secrets were encrypted; rotate_keys seals it
        return crypto.decrypt(encrypted_text)
