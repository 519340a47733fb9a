"""The site stays up when Redis goes away, and with Redis every server shares what it counts."""

# The shared cache (config.cache): Redis when configured, and pages that survive Redis going away.

import logging
import socket

import pytest

from config.cache import ResilientRedisCache


def redis_is_up():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


def make_cache(location):
    return ResilientRedisCache(
        location,
        {"OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}, "KEY_PREFIX": "t"},
    )


def test_redis_down_falls_back_to_process_memory_and_logs_it(caplog):
    """With Redis down, log-in limits and locks keep working, and the operator gets one warning."""
    cache = make_cache("redis://127.0.0.1:1/0")  # nothing listens on port 1
    with caplog.at_level(logging.WARNING, logger="config.cache"):
        cache.set("attempts", [1, 2], 60)
        assert cache.get("attempts") == [1, 2]
        assert cache.add("lock", True, 10) is True
        assert cache.add("lock", True, 10) is False
        cache.delete("lock")
        assert cache.get("lock") is None
    warnings = [r for r in caplog.records if r.name == "config.cache"]
    assert len(warnings) == 1, "one warning, not one per call"
    assert "Redis unavailable" in warnings[0].getMessage()


@pytest.mark.skipif(not redis_is_up(), reason="no Redis on 127.0.0.1:6379")
def test_redis_up_is_shared_between_cache_instances():
    """With Redis up, what one server remembers every server sees, so limits hold site-wide."""
    writer = make_cache("redis://127.0.0.1:6379/15")
    reader = make_cache("redis://127.0.0.1:6379/15")
    writer.set("shared-key", "seen by every server", 30)
    assert reader.get("shared-key") == "seen by every server"
    writer.delete("shared-key")
