"""Two app servers sharing PostgreSQL and Redis, as a hospital runs them behind a load
balancer: a publish shows on both at the next request; rate limits and login lock-outs
count across both; a PDF made on one is served from the cache on the other.

Needs PostgreSQL (the suite's database server) and CLUSTER_REDIS_URL (a Redis database this
test may empty); `make smoke-cluster` and .ci/run give both, and PORTAL_REQUIRE_CLUSTER=1
makes a missing one a failure instead of a skip."""

import http.cookiejar
import os
import re
import time
import urllib.parse
import urllib.request

import pytest
from django.db import connection

from tests import served
from tests.medications.content.test_concurrent_loads import database_url
from tests.portal.test_served import CHANGE

REDIS_URL = os.environ.get("CLUSTER_REDIS_URL", "")
PASSWORD = "Het-goede-wachtwoord-1"
MISSING = (
    "needs PostgreSQL" if connection.vendor != "postgresql"
    else "needs CLUSTER_REDIS_URL" if not REDIS_URL else None
)  # fmt: skip
if MISSING and os.environ.get("PORTAL_REQUIRE_CLUSTER") == "1":
    raise RuntimeError(f"the two-server test must run here: {MISSING}")
pytestmark = pytest.mark.skipif(MISSING is not None, reason=MISSING or "")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    work = tmp_path_factory.mktemp("cluster")
    name = f"cluster_{connection.settings_dict['NAME']}"
    env = served.environment(
        work,
        database_url(work, name),
        REDIS_URL=REDIS_URL,
        PORTAL_RATE_LIMIT_SEARCH="4/h",
        PORTAL_RATE_LIMIT_PAUSE="0",
        PORTAL_LOGIN_FAILURE_LIMIT="4",
    )
    served.manage(env, ["migrate", "--noinput"], ["load_content"], ["collectstatic", "--noinput"])
    served.manage(env, ["shell", "-c", STAFF])
    # Each server its own lock and PDF folders, as on two machines: only Redis is shared.
    first, second = (
        served.start({**env, "PORTAL_LOCK_DIR": str(work / f"locks-{n}")}) for n in (1, 2)
    )
    yield env, first[1], second[1]
    served.stop(first[0])
    served.stop(second[0])


STAFF = (
    "from django.contrib.auth import get_user_model\n"
    f"get_user_model().objects.create_user('redacteur', password='{PASSWORD}', is_staff=True)\n"
)


def test_a_publish_shows_on_both_servers_at_the_next_request(cluster):
    env, first, second = cluster
    for base in (first, second, first, second):  # cached in Redis and in each worker
        status, body, _ = served.get(base + "/medicijnen/anakinra/")
        assert status == 200 and "in de doos" not in body
    served.manage(env, ["shell", "-c", CHANGE])
    for base in (second, first):
        assert "in de doos" in served.get(base + "/medicijnen/anakinra/")[1]


def test_rate_limits_count_across_both_servers(cluster):
    _, first, second = cluster
    statuses = [served.get(base + "/zoeken/?q=koorts")[0] for base in (first, second) * 3]
    assert statuses == [200, 200, 200, 200, 429, 429]


def login_attempt(base, password):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(base + "/beheer/login/", timeout=30) as response:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.read().decode())
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token[1], "username": "redacteur", "password": password}
    ).encode()
    request = urllib.request.Request(base + "/beheer/login/", data=data, headers={"Referer": base})
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_a_lock_out_counts_across_both_servers(cluster):
    _, first, second = cluster
    statuses = [login_attempt(base, "fout")[0] for base in (first, second, first, second)]
    assert statuses == [200, 200, 200, 429]  # the fourth wrong password, on either server
    for base in (first, second):
        status, body = login_attempt(base, PASSWORD)
        assert status == 429 and "Even niet aanmelden" in body


def test_a_pdf_made_on_one_server_is_served_from_the_cache_on_the_other(cluster):
    import redis

    _, first, second = cluster
    store = redis.Redis.from_url(REDIS_URL)
    url = "/medicijnen/infliximab.pdf"
    made = urllib.request.urlopen(first + url, timeout=30).read()
    # The servers' warming makes every leaflet's PDF too: this one's entry holds its bytes.
    (key,) = [key for key in store.scan_iter("portal-pdf:*") if made in store.get(key)]
    ttl_after_made = store.ttl(key)
    time.sleep(2.1)
    again = urllib.request.urlopen(second + url, timeout=30).read()
    assert again == made and again.startswith(b"%PDF")
    # Served from Redis: the entry was not written again (its time to live went on).
    assert store.ttl(key) <= ttl_after_made - 2
