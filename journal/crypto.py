"""Encryption at rest and the blind search index for journal text.

Keys come from settings.JOURNAL_KEYS (Fernet keys, newest first). Text is encrypted with the
newest key and decrypted with any (MultiFernet). Search cannot read ciphertext, so each entry
also stores its words as keyed HMAC tokens; the HMAC key is derived from the Fernet key with
HKDF under its own label, so it is never the key that encrypts.
"""

import base64
import hashlib
import hmac
import re
import unicodedata
from functools import lru_cache

from cryptography.fernet import Fernet, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

TOKEN_LENGTH = 32  # hex characters: 128 bits of the HMAC-SHA256
MIN_WORD_LENGTH = 2
MAX_SEARCH_WORDS = 12
_WORD = re.compile(r"[^\W_]+")


def _keys() -> tuple[str, ...]:
    return tuple(settings.JOURNAL_KEYS)


@lru_cache(maxsize=8)
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key) for key in keys])


@lru_cache(maxsize=16)
def _index_key(key: str) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=None,
        info=b"exback journal blind index v1",
    ).derive(base64.urlsafe_b64decode(key))


def encrypt(text: str) -> str:
    return _fernet(_keys()).encrypt(text.encode()).decode("ascii")


def decrypt(token: str) -> str:
    return _fernet(_keys()).decrypt(token.encode("ascii")).decode()


def normalise_words(text: str) -> set[str]:
    """The distinct words of a text: casefolded, accents stripped, split on anything that
    is not a letter or digit, words shorter than two characters left out."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return {word for word in _WORD.findall(stripped) if len(word) >= MIN_WORD_LENGTH}


def _token(index_key: bytes, word: str) -> str:
    return hmac.new(index_key, word.encode(), hashlib.sha256).hexdigest()[:TOKEN_LENGTH]


def index_tokens(text: str) -> set[str]:
    """Tokens to store for a text, under the newest key only."""
    index_key = _index_key(_keys()[0])
    return {_token(index_key, word) for word in normalise_words(text)}


def search_words(query: str) -> list[str]:
    return sorted(normalise_words(query))[:MAX_SEARCH_WORDS]


def search_tokens(words: list[str]) -> list[str]:
    """Tokens for these words under every configured key, so that entries not yet
    re-indexed after a new key was added are still found."""
    return [_token(_index_key(key), word) for key in _keys() for word in words]
