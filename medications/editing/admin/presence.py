"""Presence: who else has a change form open ("Anna bewerkt deze folder sinds 10:02").

Advisory only, never a lock: each open form sends a heartbeat (static/js/presence.js, every
HEARTBEAT seconds, and the page load itself); an editor whose heartbeats stop (a closed
laptop) drops out after TIMEOUT seconds. Kept in the default cache, per object.
"""

import datetime
import time

from django.core.cache import cache
from django.utils import timezone

HEARTBEAT = 20
TIMEOUT = 60
NOUNS = {"medication": "deze folder", "glossaryterm": "deze term"}


def cache_key(obj):
    return f"presence:{obj._meta.label_lower}:{obj.pk}"


def here(user, obj):
    """Record that `user` has `obj` open now; returns who else has it open."""
    now = time.time()
    key = cache_key(obj)
    try:
        entries = {
            pk: entry
            for pk, entry in (cache.get(key) or {}).items()
            if entry["seen"] > now - TIMEOUT
        }
        mine = entries.get(user.pk)
        entries[user.pk] = {
            "name": user.get_full_name() or user.get_username(),
            "since": mine["since"] if mine else now,
            "seen": now,
        }
        cache.set(key, entries, TIMEOUT)
    except Exception:  # a cache that is away costs the notice, never the form  # noqa: BLE001
        return []
    return [entry for pk, entry in entries.items() if pk != user.pk]


def notices(user, obj):
    noun = NOUNS.get(obj._meta.model_name, "dit")
    return [
        f"{entry['name']} bewerkt {noun} sinds "
        f"{timezone.localtime(datetime.datetime.fromtimestamp(entry['since'], datetime.UTC)):%H:%M}"
        for entry in sorted(here(user, obj), key=lambda entry: entry["since"])
    ]
