"""A Redis cache that keeps the site up when Redis is not.

Everything exback caches can be rebuilt (rate-limit counters, cached lookups), so losing
Redis must never turn pages into errors. When a Redis call fails, this backend answers from
a small in-process cache instead and logs a warning (at most once a minute per process):
rate limits then count per worker rather than across servers until Redis is back, which is
weaker but still a limit, and nothing a person wrote is affected.
"""

import logging
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

WARN_EVERY_SECONDS = 60


def _redis_errors():
    import redis

    return (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._fallback = LocMemCache(f"fallback-{server}", {"OPTIONS": {"MAX_ENTRIES": 10_000}})
        self._errors = _redis_errors()
        self._last_warning = 0.0

    def _degraded(self, operation, error):
        now = time.monotonic()
        if now - self._last_warning >= WARN_EVERY_SECONDS:
            self._last_warning = now
            logger.warning(
                "Redis unavailable (%s: %s); using this process's memory. Rate limits now "
                "count per worker until Redis is back.",
                operation,
                type(error).__name__,
            )
        return self._fallback


def _resilient(name):
    def method(self, *args, **kwargs):
        try:
            return getattr(RedisCache, name)(self, *args, **kwargs)
        except self._errors as error:
            return getattr(self._degraded(name, error), name)(*args, **kwargs)

    method.__name__ = name
    return method


for _name in (
    "add",
    "get",
    "set",
    "touch",
    "delete",
    "get_many",
    "has_key",
    "incr",
    "set_many",
    "delete_many",
    "clear",
):
    setattr(ResilientRedisCache, _name, _resilient(_name))
