#!/usr/bin/env python3
"""The portability smoke suite: one user's day over HTTP, against any running Badgeworks.

    deploy/smoke.py BASE_URL ADMIN_PASSWORD > answers.txt

Creates, claims and earns a badge, replays the earn (809), enrols in an ISSUE_EARN badge and replays that, and
imports a CSV to COMPLETED and one with a wrong header to FAILED. Fails (exit 1) on any unexpected status or count. Prints every answer with ids, times
and rates masked (and how far an import just accepted has got), one line per step, so the answers of two servers
can be compared with diff.
"""
import base64
import json
import re
import sys
import time
import urllib.error
import urllib.request

BASE = sys.argv[1].rstrip("/") + "/api_gateway/v1/badges/"
AUTH = "Basic " + base64.b64encode(("admin:" + sys.argv[2]).encode()).decode()
NOW = int(time.time())
HEX_ID = re.compile(r"^[0-9a-f]{24}$")
ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d")
VOLATILE = {"rowsPerSecond", "instance", "orgId", "badgeNumericId", "createdBy", "lastUpdatedBy"}
# an accepted import's answer is a snapshot of a job already running: how far it got depends on the server's timing
IN_FLIGHT = {"status", "progress", "rowsRead", "rowsTotal", "rowsEarned", "rowsDuplicate", "rowsRejected",
             "errorCounts", "endedOn", "endedOnISO", "message", "kind"}


def call(step, method, path, body=None, expect=200, content_type="application/json", headers=None, volatile=()):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    request = urllib.request.Request(BASE + path, data=data, method=method,
                                     headers={"Authorization": AUTH, "Content-Type": content_type, **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            status, text = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read().decode()
    answer = json.loads(text) if text else None
    print(step, status, json.dumps(mask(answer, volatile=set(volatile)), sort_keys=True))
    if status != expect:
        sys.exit(f"{step}: expected HTTP {expect}, got {status}: {text}")
    return answer


def mask(value, key=None, volatile=frozenset()):
    if key in VOLATILE or key in volatile:
        return "<" + key + ">"
    if isinstance(value, dict):
        return {k: mask(v, k, volatile) for k, v in value.items()}
    if isinstance(value, list):
        return [mask(v, volatile=volatile) for v in value]
    if isinstance(value, str) and (HEX_ID.match(value) or ISO.match(value)):
        return "<id>" if HEX_ID.match(value) else "<time>"
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 1_000_000_000:
        return "<time>"
    if isinstance(value, str) and value.startswith("activity:"):  # a rule's earn requestId names its badge
        return re.sub(r"[0-9a-f]{24}", "<id>", value)
    if isinstance(value, str) and "correlationId=" in value:
        return re.sub(r"correlationId=\S+", "correlationId=<id>", value)
    return value


def badge(name, earn_type):
    # a fresh database per run: fixed names keep the answers of two servers comparable
    body = {"name": name, "description": "smoke", "startOn": NOW - 30 * 86400,
            "expiresOn": NOW + 365 * 86400, "earnType": earn_type, "active": True,
            "earnedBadgeExpiry": {"expiryType": "RELATIVE", "relativeExpirytype": "DAYS", "value": 30},
            "ownership": {"restrictedToOwners": ["Loyalty"]}}
    if earn_type == "ISSUE_EARN":
        body["issuedBadgeExpiry"] = {"expiryType": "RELATIVE", "relativeExpirytype": "DAYS", "value": 10}
    return body


trigger = {"ownerType": "Loyalty", "referenceId": "program-1"}
# badges that started a month ago, so back-dated earns fall inside them: the reference's migration header
PAST_START = {"X-CAP-BADGES-MIGRATION": "migration"}
earn_badge = call("create", "POST", "badgeMeta", badge("Smoke", "EARN"), 201, headers=PAST_START)["data"]["id"]
call("claim", "POST", f"badgeMeta/{earn_badge}/claim", trigger)
earn = {"badgeMetaId": earn_badge, "customerId": 90001, "requestId": 1001, "triggeredBy": trigger}
call("earn", "POST", "customer/earn", earn)
call("earn-replay", "POST", "customer/earn", earn, 400)
call("earn-bad", "POST", "customer/earn", {**earn, "requestId": 1002, "earnEventDate": "yesterday"}, 400)

issue_badge = call("create-issue", "POST", "badgeMeta", badge("SmokeIssue", "ISSUE_EARN"), 201, headers=PAST_START)["data"]["id"]
call("claim-issue", "POST", f"badgeMeta/{issue_badge}/claim", trigger)
enrol = {"badgeMetaId": issue_badge, "customers": ["alice", "bob"], "requestId": "enrol-1", "triggeredBy": trigger}
call("enrol", "POST", "badgeMeta/customer/issueBulk", enrol)
call("enrol-replay", "POST", "badgeMeta/customer/issueBulk", enrol, 400)
call("earn-enrolled", "POST", "customer/earn",
     {"badgeMetaId": issue_badge, "customerId": "alice", "requestId": "alice-1", "triggeredBy": trigger})

csv = ("requestId,badgeMetaId,customerId,earnEventDate,ownerType,referenceId\n"
       f"pos-1,{earn_badge},90003,{NOW - 2 * 86400},Loyalty,program-1\n"
       f"pos-2,{earn_badge},90004,{NOW - 86400},Loyalty,program-1\n"
       f"pos-3,{earn_badge},90005,yesterday,Loyalty,program-1\n")


def finished(import_id):
    """The import's view once it ended, polled quietly (the number of polls differs between servers)."""
    for _ in range(120):
        request = urllib.request.Request(BASE + f"imports/{import_id}", headers={"Authorization": AUTH})
        with urllib.request.urlopen(request, timeout=30) as response:
            view = json.loads(response.read().decode())["data"]
        if view["status"] in ("COMPLETED", "FAILED"):
            return view
        time.sleep(0.5)
    return view


imported = call("import", "POST", "imports?fileName=smoke.csv", csv.encode(), 202, "text/csv",
                volatile=IN_FLIGHT)["data"]["id"]
view = finished(imported)
call("import-done", "GET", f"imports/{imported}")
if (view["status"], view["rowsEarned"], view["rowsRejected"]) != ("COMPLETED", 2, 1):
    sys.exit(f"import: expected COMPLETED with 2 earned and 1 rejected, got {view}")
# a file the batch job refuses as a whole (its header): FAILED with the reason, as each server's batch runtime ends it
refused = call("import-refused", "POST", "imports?fileName=refused.csv",
               f"request,badge,customer\nr1,{earn_badge},1\n".encode(), 202, "text/csv",
               volatile=IN_FLIGHT)["data"]["id"]
view = finished(refused)
call("import-refused-done", "GET", f"imports/{refused}")
if view["status"] != "FAILED" or "unknown column 'request'" not in (view.get("message") or ""):
    sys.exit(f"import: expected FAILED naming the unknown column, got {view}")
counted = call("badge-after", "GET", f"badgeMeta/{earn_badge}")["data"]["earnedCount"]
if counted != 3:
    sys.exit(f"badge: expected 3 earns (1 REST + 2 imported), got {counted}")

# activity rules (issue 29): a rule badge, two activities that complete it, the progress beside the member view
# (two resources under /customer/: every server must route each path to its own)
rule_badge = call("create-rule", "POST", "badgeMeta", {**badge("SmokeRule", "EARN"), "earnRule": {
    "activity": "TransactionAdd", "measure": "COUNT", "target": 2, "triggeredBy": trigger}}, 201,
    headers=PAST_START)["data"]["id"]
call("claim-rule", "POST", f"badgeMeta/{rule_badge}/claim", trigger)
for n in (1, 2):
    call(f"activity-{n}", "POST", "activities", {"requestId": f"act-{n}", "customerId": 90010,
         "activity": "TransactionAdd", "eventDate": NOW - 3600 * (3 - n), "attributes": {"amount": 42.5}})
call("activity-replay", "POST", "activities", {"requestId": "act-2", "customerId": 90010,
     "activity": "TransactionAdd", "eventDate": NOW - 3600, "attributes": {"amount": 42.5}}, 400)
call("progress", "GET", "customer/90010/progress")
call("member-view", "GET", "customer/90010?badgeType=EARNED")
if call("rule-after", "GET", f"badgeMeta/{rule_badge}")["data"]["earnedCount"] != 1:
    sys.exit("activities: expected the rule badge earned once")

# the application's own metrics and OpenAPI document: served by the WAR, the same on every server
ROOT = sys.argv[1].rstrip("/") + "/"
with urllib.request.urlopen(urllib.request.Request(BASE + "admin/metrics", headers={"Authorization": AUTH}),
                            timeout=30) as response:
    metrics = sorted(line for line in response.read().decode().splitlines() if line.startswith("badgeworks_"))
print("metrics", response.status, json.dumps(metrics))
# live: the REST earn, the enrolled earn and the rule's earn (made through the earn service like any other)
expected = {'badgeworks_earns_total{code="none",mode="live",outcome="earned"} 3.0',
            'badgeworks_earns_total{code="809",mode="live",outcome="duplicate"} 1.0',
            'badgeworks_activities_total{outcome="recorded"} 2.0',
            'badgeworks_activities_total{outcome="duplicate"} 1.0',
            'badgeworks_earns_total{code="none",mode="file",outcome="earned"} 2.0',
            "badgeworks_import_rows_total 3.0", "badgeworks_imports_running 0.0"}
if not expected <= set(metrics):
    sys.exit(f"metrics: expected {sorted(expected - set(metrics))} among {metrics}")
with urllib.request.urlopen(ROOT + "openapi.yaml", timeout=30) as response:
    document = response.read().decode()
version = re.search(r"(?m)^openapi: (\S+)", document)
print("openapi", response.status, response.headers["Content-Type"], version and version.group(1))
if not version or "/api_gateway/v1/badges/customer/earn:" not in document:
    sys.exit("openapi: not the application's document")

# the console (issue 30): its page and scripts, served by the application with the same policy on every server
for path in ("console/", "console/js/app.js", "console/console.css"):
    with urllib.request.urlopen(ROOT + path, timeout=30) as response:
        body = response.read().decode()
        policy = response.headers["Content-Security-Policy"] or ""
    print("console", path, response.status, policy)
    if "script-src 'self'" not in policy or not body:
        sys.exit(f"console: {path} without its Content-Security-Policy")
