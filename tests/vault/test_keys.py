"""A missing, malformed or repeated key stops the site with a message that never prints it."""

import os
import subprocess
import sys

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

from tests.tools import ROOT
from vault import keys

# Bad keys at start-up -------------------------------------------------------------------------
GOOD = Fernet.generate_key().decode()


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("not-a-key", "key number 1 is not a valid key"),
        (GOOD[:30], "key number 1 is not a valid key"),
        (f"{GOOD},{GOOD}", "key number 2 repeats key number 1"),
        (f"{GOOD},,", "key number 2 is empty"),
    ],
)
def test_bad_keys_get_a_clear_error_that_never_prints_them(raw, message):
    """A malformed, empty or repeated key stops the site with a message that never prints it."""
    with pytest.raises(ImproperlyConfigured, match=message) as error:
        keys.parse(raw)
    for part in raw.split(","):
        if part:
            assert part not in str(error.value)


def test_the_old_variable_name_still_works_with_a_deprecation_warning():
    """A site still using JOURNAL_KEYS keeps working and is told to rename it ENCRYPTION_KEYS."""
    with pytest.warns(DeprecationWarning, match="Rename it to ENCRYPTION_KEYS"):
        assert keys.from_environment({"JOURNAL_KEYS": GOOD}) == [GOOD]
    assert keys.from_environment({"ENCRYPTION_KEYS": GOOD, "JOURNAL_KEYS": "x"}) == [GOOD]


def run_check(env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "ENCRYPTION_KEYS",
            "JOURNAL_KEYS",
            "DEBUG",
            "DJANGO_SETTINGS_MODULE",
            "DATABASE_URL",
        }
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_refuses_to_start_without_keys_in_production():
    """In production the site won't start without ENCRYPTION_KEYS, and says so."""
    result = run_check({"DEBUG": "false", "ALLOWED_HOSTS": "example.org"})
    assert result.returncode != 0
    assert "ENCRYPTION_KEYS is missing" in result.stderr


def test_refuses_an_invalid_key_without_printing_it():
    """An invalid key stops the site with a message that never prints the key."""
    result = run_check({"DEBUG": "false", "ENCRYPTION_KEYS": "not-a-key"})
    assert result.returncode != 0
    assert "key number 1 is not a valid key" in result.stderr
    assert "not-a-key" not in result.stderr


def test_development_derives_a_key_without_configuration():
    """In development the site starts with no key configured."""
    result = run_check({"DEBUG": "true"})
    assert result.returncode == 0, result.stderr
