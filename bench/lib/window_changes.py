#!/usr/bin/env python3
"""Changes of a badge's earns made without the badge's lock, while its live earns are measured (bench/window-bench
--changes): PAIRS times a second, one earn migrated into the badge (its event a moment after the badge's start, so
in its day's cycle and its rolling window) and then revoked — two changes, no earn left. Each answer checked.

    window_changes.py BASE AUTH BADGE PAIRS_PER_SECOND SECONDS START_MS
    prints: RESULT pairs=… late=…   (late: pairs that could not keep the pace)
"""
import datetime
import http.client
import json
import sys
import time
import urllib.parse

base, auth, badge = sys.argv[1], sys.argv[2], sys.argv[3]
rate, seconds, start_ms = float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
url = urllib.parse.urlparse(base)
conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)


def call(path, body):
    conn.request("POST", url.path + path, json.dumps(body), {"Authorization": auth, "Content-Type": "application/json"})
    answer = conn.getresponse()
    data = answer.read()
    if answer.status != 200:
        sys.exit(f"FAIL POST {path}: {answer.status} {data[:300]}")
    return json.loads(data)


def iso(ms):
    return datetime.datetime.fromtimestamp(ms / 1000, datetime.timezone.utc).isoformat(timespec="milliseconds") \
        .replace("+00:00", "Z")


run = time.time_ns()
began = time.monotonic()
pairs = late = 0
while time.monotonic() - began < seconds:
    due = began + pairs / rate
    wait = due - time.monotonic()
    if wait > 0:
        time.sleep(wait)
    else:
        late += 1
    customer = f"wc{run}-{pairs}"
    event_ms = start_ms + 1000 + pairs
    envelope = call("/import/customerBadges", [{"badgeMetaId": badge, "customerId": customer,
                                                  "earnEventDateISO": iso(event_ms),
                                                  "earnExpiresOnISO": iso(event_ms + 30 * 86_400_000)}])[0]
    if envelope.get("errors"):
        sys.exit(f"FAIL a migrated earn was refused: {envelope['errors']}")
    call("/customer/revokeEarn", {"badgeMetaId": badge, "customerId": customer,
                                  "earnedBadgeId": envelope["data"]["earnedBadgeId"]})
    pairs += 1
print(f"RESULT pairs={pairs} late={late}")
