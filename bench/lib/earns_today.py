#!/usr/bin/env python3
"""Back-dated earns of today, as a day busy at an even rate leaves them (bench/history-bench --today-earns): N earns
of new customers with event dates spread evenly from today's midnight (UTC) to now, recorded through the service's
historical import (1,000 per request), each answer checked.

    earns_today.py BASE AUTH BADGE N     prints: RESULT today_earns=N from=… to=… seconds=…
"""
import datetime
import json
import sys
import time
import urllib.request

base, auth, badge, wanted = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
now = datetime.datetime.now(datetime.timezone.utc)
start = now.replace(hour=0, minute=0, second=0, microsecond=0)
end = now
run = int(time.time())
step = (end - start) / wanted
started = time.time()
for first in range(0, wanted, 1000):
    elements = []
    for i in range(first, min(wanted, first + 1000)):
        at = start + step * i
        elements.append({"badgeMetaId": badge, "customerId": f"today-{run}-{i}",
                         "earnEventDateISO": at.isoformat().replace("+00:00", "Z"),
                         "earnExpiresOnISO": (at + datetime.timedelta(days=365)).isoformat().replace("+00:00", "Z")})
    request = urllib.request.Request(base + "/import/customerBadges", json.dumps(elements).encode(),
                                     {"Authorization": auth, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=300) as answer:
        for envelope in json.load(answer):
            if envelope.get("errors"):
                sys.exit(f"FAIL an earn of today was refused: {envelope['errors']}")
print(f"RESULT today_earns={wanted} from={start.isoformat()} to={end.isoformat()} "
      f"seconds={time.time() - started:.1f}")
