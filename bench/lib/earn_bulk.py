#!/usr/bin/env python3
"""earnBulk as the bench scripts measure it: one warm-up, then 20 sequential requests of 1,000 new customers.

    earn_bulk.py BASE AUTH BADGE REFERENCE_ID     prints: RESULT bulk_requests=20 earns=20000 seconds=… earns_per_s=… ms_per_request=…
"""
import json
import sys
import time
import urllib.request

base, auth, badge, reference = sys.argv[1:5]
run = int(time.time())


def call(i):
    body = json.dumps({"badgeMetaId": badge, "requestId": f"bulk-{run}-{i}",
                       "customerIds": [f"b{run}-{i}-{c}" for c in range(1000)],
                       "triggeredBy": {"ownerType": "Loyalty", "referenceId": reference}}).encode()
    request = urllib.request.Request(base + "/customer/earnBulk", body,
                                     {"Authorization": auth, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as answer:
        earned = json.load(answer)["data"]["earnedCount"]
        if earned != 1000:
            sys.exit(f"FAIL earnBulk earned {earned} of 1000")


call(0)  # warm-up
started = time.time()
for i in range(1, 21):
    call(i)
secs = time.time() - started
print(f"RESULT bulk_requests=20 earns=20000 seconds={secs:.2f} earns_per_s={20000 / secs:.0f} "
      f"ms_per_request={1000 * secs / 20:.0f}")
