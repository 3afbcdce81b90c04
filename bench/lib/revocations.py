#!/usr/bin/env python3
"""Revocations as bench/revoke-bench measures them: N earns of new customers on a badge live since ten days, then
all of them revoked by C concurrent clients (keep-alive connections), each answer checked.

    revocations.py BASE AUTH N C AGE [window]     AGE: "live" (earned through /customer/earn just before) or "2h"
    (migrated with an event, so a processing time, two hours ago); "window": the badge has a badge-wide fixed window
    of a day (at 1,000,000, so nothing is refused), whose kept count each revocation then adds to
    prints: RESULT age=… revocations=N clients=C seconds=… per_s=… p50_ms=… p99_ms=…
"""
import concurrent.futures
import datetime
import http.client
import json
import sys
import threading
import time
import urllib.parse

base, auth, wanted, clients, age = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
window = len(sys.argv) > 6 and sys.argv[6] == "window"
url = urllib.parse.urlparse(base)
local = threading.local()


def call(method, path, body, headers=None):
    if not hasattr(local, "conn"):
        local.conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
    h = {"Authorization": auth, "Content-Type": "application/json"}
    h.update(headers or {})
    local.conn.request(method, url.path + path, json.dumps(body), h)
    answer = local.conn.getresponse()
    data = answer.read()
    if answer.status != 200 and answer.status != 201:
        sys.exit(f"FAIL {method} {path}: {answer.status} {data[:300]}")
    return json.loads(data)


now = datetime.datetime.now(datetime.timezone.utc)
run = int(time.time() * 1000)
definition = {
    "name": f"Revoked {age} {run}", "startOn": int((now - datetime.timedelta(days=10)).timestamp()),
    "expiresOnISO": "2099-01-01T00:00:00Z", "earnType": "EARN", "active": True,
    "earnedBadgeExpiry": {"expiryType": "RELATIVE", "relativeExpirytype": "DAYS", "value": 30},
    "ownership": {"restrictedToOwners": ["Loyalty"]}}
if window:
    definition["badgeConstraints"] = [{"constraintType": "BADGE_FIXED_WINDOW", "durationType": "DAYS",
                                       "refreshRate": 1, "maxEarnLimit": 1000000}]
badge = call("POST", "/badgeMeta", definition, {"X-CAP-BADGES-MIGRATION": "migration"})["data"]["id"]
call("POST", f"/badgeMeta/{badge}/claim", {"ownerType": "Loyalty", "referenceId": "bench"})
customers = [f"rv{run}-{i}" for i in range(wanted)]
earns = []
if age == "2h":
    at = now - datetime.timedelta(hours=2)
    for first in range(0, wanted, 1000):
        body = [{"badgeMetaId": badge, "customerId": c,
                 "earnEventDateISO": (at + datetime.timedelta(milliseconds=i)).isoformat().replace("+00:00", "Z"),
                 "earnExpiresOnISO": (at + datetime.timedelta(days=30)).isoformat().replace("+00:00", "Z")}
                for i, c in enumerate(customers[first:first + 1000])]
        for envelope in call("POST", "/import/customerBadges", body):
            if envelope.get("errors"):
                sys.exit(f"FAIL a migrated earn was refused: {envelope['errors']}")
            earns.append(envelope["data"]["earnedBadgeId"])
else:
    def earn(c):
        return call("POST", "/customer/earn", {"badgeMetaId": badge, "customerId": c, "requestId": f"{c}-earn",
                                               "triggeredBy": {"ownerType": "Loyalty", "referenceId": "bench"}}
                    )["data"]["earnedBadgeId"]
    with concurrent.futures.ThreadPoolExecutor(clients) as pool:
        earns = list(pool.map(earn, customers))


def revoke(i):
    started = time.perf_counter()
    call("POST", "/customer/revokeEarn", {"badgeMetaId": badge, "customerId": customers[i],
                                          "earnedBadgeId": earns[i]})
    return time.perf_counter() - started


started = time.perf_counter()
with concurrent.futures.ThreadPoolExecutor(clients) as pool:
    took = sorted(pool.map(revoke, range(wanted)))
secs = time.perf_counter() - started
print(f"RESULT age={age} revocations={wanted} clients={clients} seconds={secs:.2f} per_s={wanted / secs:.0f} "
      f"p50_ms={1000 * took[len(took) // 2]:.1f} p99_ms={1000 * took[int(len(took) * 0.99)]:.1f}")
