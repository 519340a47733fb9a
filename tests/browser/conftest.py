import os

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# alongside it are still ordinary synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        item.add_marker(pytest.mark.browser)
