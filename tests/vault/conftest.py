import pytest


@pytest.fixture(autouse=True)
def _fresh_key_status(fresh_key_status):
    """Every test here starts and ends with the keys' status checked afresh (tests/conftest.py)."""
