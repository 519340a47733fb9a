"""Each person's own time zone: the IANA names we accept, and the zone to activate for a user.

Every "today" in exback (the check-in day, streaks, the mood chart, contact day counts) comes
from `timezone.localdate()`, and every time shown goes through the template `date` filter, so
activating the person's zone per request (exback.middleware.LocalTimeMiddleware) is all it
takes for them to see their own day."""

import functools
import zoneinfo

# System-specific entries that are not zones a person lives in.
NOT_ZONES = frozenset({"localtime", "Factory", "posixrules"})


@functools.cache
def names() -> tuple[str, ...]:
    """Every IANA zone name this machine knows, sorted."""
    return tuple(sorted(zoneinfo.available_timezones() - NOT_ZONES))


def is_known(name: str) -> bool:
    return name in _known()


@functools.cache
def _known() -> frozenset[str]:
    return frozenset(names())


def zone_of(user) -> zoneinfo.ZoneInfo | None:
    """The zone a signed-in person chose, or None for the site's TIME_ZONE."""
    name = getattr(user, "time_zone", "")
    if not name or not is_known(name):
        return None
    return zoneinfo.ZoneInfo(name)
