"""`/health/` for load balancers: 200 when this server can serve, 503 when it cannot.

Checks the database (one round trip, bounded by portal.watchdog when served), the cache
(a write and a read: Redis in production) and the free disk space where PDFs and locks are
kept. Anonymous callers (the load balancer) get "ok" or "unavailable" and nothing more:
which part is down is for staff only, who see each check.
"""

import shutil
import uuid

from django.conf import settings
from django.contrib import admin
from django.core.cache import caches
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache

from serving.errors import DATABASE_DOWN
from serving.policy import safe_methods_only


def database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DATABASE_DOWN:
        return False


def cache_answers():
    key, value = "health", uuid.uuid4().hex
    try:
        caches["default"].set(key, value, 30)
        return caches["default"].get(key) == value
    except Exception:  # noqa: BLE001 (any cache failure is "not healthy")
        return False


def disk_has_room():
    needed = settings.HEALTH_MIN_FREE_BYTES
    for folder in (settings.LOCK_DIR, settings.PDF_CACHE_DIR):
        try:
            if shutil.disk_usage(folder).free < needed:
                return False
        except FileNotFoundError:
            continue  # made when first used
    return True


@never_cache
@safe_methods_only
def health(request):
    checks = {"database": database_answers(), "cache": cache_answers(), "disk": disk_has_room()}
    healthy = all(checks.values())
    status = 200 if healthy else 503
    if admin.site.has_permission(request):  # staff, signed in with their second factor
        return JsonResponse({"healthy": healthy, "checks": checks}, status=status)
    return HttpResponse(
        "ok\n" if healthy else "unavailable\n", status=status, content_type="text/plain"
    )
