"""Encryption at rest for everything a person writes, and the blind index for search.

Keys come from settings.ENCRYPTION_KEYS (Fernet keys, newest first). Text is encrypted with
the newest key and decrypted with any (MultiFernet). Search cannot read ciphertext, so
searchable text also stores its words as keyed HMAC tokens; the HMAC key is derived from
each Fernet key with HKDF under its own label, so it is never the key that encrypts. A key is
named in logs and the database only by its fingerprint, another HKDF derivation.
"""

import base64
import hashlib
import hmac
import re
import unicodedata
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

TOKEN_LENGTH = 32  # hex characters: 128 bits of the HMAC-SHA256
MIN_WORD_LENGTH = 2
# Search by the start of a word: a word stores a token for each of its first 3 to 12
# characters. Shorter query words, and longer ones, are matched as whole words.
MIN_PREFIX_LENGTH = 3
MAX_PREFIX_LENGTH = 12
MAX_SEARCH_WORDS = 12
# Every Fernet token starts with its version byte 0x80, "gAAAAA" in base64.
TOKEN_PREFIX = "gAAAAA"  # noqa: S105 - not a secret
_WORD = re.compile(r"[^\W_]+")

__all__ = ["InvalidToken", "decrypt", "encrypt", "fingerprint", "keys", "reader_of"]


def keys() -> tuple[str, ...]:
    return tuple(settings.ENCRYPTION_KEYS)


@lru_cache(maxsize=8)
def _fernet(ring: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key) for key in ring])


@lru_cache(maxsize=32)
def _derive(key: str, label: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=label).derive(
        base64.urlsafe_b64decode(key)
    )


def encrypt(text: str) -> str:
    return _fernet(keys()).encrypt(text.encode()).decode("ascii")


def decrypt(token: str) -> str:
    """Plain text, or InvalidToken when no configured key can read it."""
    return _fernet(keys()).decrypt(token.encode("ascii")).decode()


def reencrypt(token: str) -> str:
    """The same text under the newest key (InvalidToken when no key can read it)."""
    return _fernet(keys()).rotate(token.encode("ascii")).decode("ascii")


def reader_of(token: str) -> int | None:
    """The position (0 = newest) of the configured key that reads this token, or None."""
    for position, key in enumerate(keys()):
        try:
            Fernet(key).decrypt(token.encode("ascii"))
        except InvalidToken:
            continue
        return position
    return None


def fingerprint(key: str) -> str:
    """A name for a key that reveals nothing about it: safe to store and to log."""
    return _derive(key, b"exback key fingerprint v1").hex()[:16]


# The blind index ------------------------------------------------------------------------------
def _index_key(key: str) -> bytes:
    # The label predates the shared module; keeping it keeps every stored token valid.
    return _derive(key, b"exback journal blind index v1")


def _prefix_key(key: str) -> bytes:
    # Prefixes are tokenised under a key of their own, so the token of the prefix "rive"
    # can never equal the token of a whole word "rive".
    return _derive(key, b"exback journal blind index prefixes v1")


def normalise_words(text: str) -> set[str]:
    """The distinct words of a text: casefolded, accents stripped, split on anything that
    is not a letter or digit, words shorter than two characters left out."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return {word for word in _WORD.findall(stripped) if len(word) >= MIN_WORD_LENGTH}


def _token(index_key: bytes, word: str) -> str:
    return hmac.new(index_key, word.encode(), hashlib.sha256).hexdigest()[:TOKEN_LENGTH]


def _by_prefix(word: str) -> bool:
    """Whether a query word is looked up as the start of a word (else as a whole word)."""
    return MIN_PREFIX_LENGTH <= len(word) <= MAX_PREFIX_LENGTH


def word_tokens(word: str) -> set[str]:
    """Tokens to store for one normalised word, under the newest key: one per prefix of 3
    to 12 characters (the word itself among them when it is that short), and a whole-word
    token when no prefix token could find the word itself (two letters, or over twelve)."""
    key = keys()[0]
    prefix_key = _prefix_key(key)
    tokens = {
        _token(prefix_key, word[:length])
        for length in range(MIN_PREFIX_LENGTH, min(len(word), MAX_PREFIX_LENGTH) + 1)
    }
    if not _by_prefix(word):
        tokens.add(_token(_index_key(key), word))
    return tokens


def index_tokens(text: str, *, known: dict[str, set[str]] | None = None) -> set[str]:
    """Tokens to store for a text, under the newest key only. `known`, a dict the caller
    keeps while indexing many texts at once (a re-index, the demo seed) and then drops,
    lets each distinct word be tokenised once."""
    if known is None:
        return {token for word in normalise_words(text) for token in word_tokens(word)}
    tokens: set[str] = set()
    for word in normalise_words(text):
        if word not in known:
            known[word] = word_tokens(word)
        tokens |= known[word]
    return tokens


def search_words(query: str) -> list[str]:
    return sorted(normalise_words(query))[:MAX_SEARCH_WORDS]


def search_tokens(words: list[str]) -> list[list[str]]:
    """For each query word, the tokens that find it: the start of a word for a word of 3 to
    12 characters, the whole word otherwise. One token per configured key, so that rows not
    yet re-indexed after a new key was added are still found; an entry matches the word when
    it holds any of them."""
    return [
        [
            _token(_prefix_key(key), word) if _by_prefix(word) else _token(_index_key(key), word)
            for key in keys()
        ]
        for word in words
    ]
