"""Sealed words differ every time, and search finds words whatever their case, accents or form."""

import pytest
from cryptography.fernet import Fernet

from journal.models import EntryToken
from tests.factories.journal import EntryFactory
from vault import crypto

# Encryption and the blind index -----------------------------------------------------------------


@pytest.mark.django_db
def test_search_tokens_do_not_contain_the_words(user):
    """Search still finds your words, yet its index holds no readable piece of them."""
    entry = EntryFactory(user=user, title="", body="river")
    tokens = list(EntryToken.objects.filter(entry=entry).values_list("token", flat=True))
    assert len(tokens) == 3  # "riv", "rive", "river"
    for token in tokens:
        assert "riv" not in token
        assert len(token) == crypto.TOKEN_LENGTH


def test_the_same_text_encrypts_differently_each_time():
    """Two people writing the same words cannot be matched up from the database."""
    assert crypto.encrypt("same") != crypto.encrypt("same")


def test_index_key_is_not_the_encryption_key(settings):
    """Neither the search index's key nor a key's fingerprint gives away the key to your words."""
    key = settings.ENCRYPTION_KEYS[0]
    raw = Fernet(key)
    derived = crypto._index_key(key)
    assert derived not in (raw._signing_key, raw._encryption_key)
    assert derived != key.encode()
    assert crypto.fingerprint(key) not in key


def test_words_are_casefolded_accent_stripped_and_split_on_punctuation():
    """Search matches words whatever their case, accents or punctuation: Café finds cafe."""
    assert crypto.normalise_words("Café, CAFÉ! naïve-Ärger x 42 l'été") == {
        "cafe",
        "naive",
        "arger",
        "42",
        "ete",
    }


# The starts of words ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Riverside", 7),  # riv, rive, river, rivers, riversi, riversid, riverside
        ("no", 1),  # too short for a prefix: the whole word
        ("an oak", 2),  # "an" whole, "oak" as its own three-letter start
        ("counterbalancing", 10 + 1),  # starts of 3 to 12 letters, and the whole word
        ("river river RIVERS, rivers", 4),  # riv, rive, river, rivers: each once
        ("a . ! 7", 0),
    ],
)
def test_each_word_stores_its_starts_of_three_to_twelve_letters(text, count):
    """Search finds a word by any start of three to twelve letters, or a short word whole."""
    assert len(crypto.index_tokens(text)) == count
