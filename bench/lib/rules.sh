# Sourced by bench/load-history and bench/history-bench (after server.sh): the five rule badges of a loaded history's
# heavy org, bench/activity-bench's rules, each reading its purchases (TransactionAdd).

make_rules() { # list file; needs base and auth (the heavy org's user): the badges' ids, one per line
  # live since before the loaded history (a migration's back-dated start), so the purchases fall in their window
  local since=$(( $(date +%s) - 3*365*86400 - 7*86400 ))
  rule() { # name, rule members (triggeredBy Loyalty/bench, the badge's claim)
    local id
    id=$(curl -sf -H "Authorization: $auth" -H Content-Type:application/json -H "X-CAP-BADGES-MIGRATION: migration" \
      -X POST "$base/badgeMeta" -d '{"name":"'"$1"'","startOn":'"$since"',"expiresOnISO":"2099-01-01T00:00:00Z",
      "earnType":"EARN","active":true,"earnedBadgeExpiry":{"expiryType":"RELATIVE","relativeExpirytype":"DAYS","value":365},
      "ownership":{"restrictedToOwners":["Loyalty"]},
      "earnRule":{"activity":"TransactionAdd",'"$2"',"triggeredBy":{"ownerType":"Loyalty","referenceId":"bench"}}}' \
      | json_field id)
    curl -sf -H "Authorization: $auth" -H Content-Type:application/json -X POST "$base/badgeMeta/$id/claim" \
      -d '{"ownerType":"Loyalty","referenceId":"bench"}' >/dev/null
    echo "$id"
  }
  {
    rule "Rule five purchases" '"measure":"COUNT","target":5,"repeat":true'
    rule "Rule spend" '"measure":{"type":"SUM","attribute":"amount"},"target":250,"repeat":true'
    rule "Rule big basket" '"conditions":[{"attribute":"amount","operator":"GE","value":80}],"measure":"COUNT","target":1'
    rule "Rule stores" '"measure":{"type":"DISTINCT","attribute":"storeId"},"target":3,"repeat":true,
      "window":{"type":"FIXED","unit":"MONTHS","timeZone":"Europe/Berlin"}'
    rule "Rule weekly" '"measure":"COUNT","target":2,"repeat":true,"window":{"type":"ROLLING","days":7}'
  } > "$1.tmp"
  [ "$(grep -c . "$1.tmp")" = 5 ] || { echo "FAIL: the rule badges were not made" >&2; return 1; }
  mv "$1.tmp" "$1"
}

# the service's own sweep (POST /badgeMeta/{id}/recompute) settles every customer's earns of the rules from the
# stored activities; waits for the five to log their end in the server's log
recompute_rules() { # list file, server log
  local id started done
  started=$(date +%s)
  done=$(grep -c "Recomputed the earns of rule badge" "$2" || true)
  for id in $(cat "$1"); do
    curl -sf -X POST -H "Authorization: $auth" "$base/badgeMeta/$id/recompute" >/dev/null
  done
  while [ "$(grep -c "Recomputed the earns of rule badge" "$2" || true)" -lt $(( done + 5 )) ]; do
    if grep -q "stopped after" "$2"; then echo "FAIL: a rule's sweep stopped (server log)" >&2; return 1; fi
    sleep 5
  done
  local customers
  customers=$(grep -o "Recomputed the earns of rule badge .*" "$2" | tail -5 \
    | sed -E 's/.* for ([0-9]+) customers.*/\1/' | paste -sd/)
  echo "RULES recomputed in $(( $(date +%s) - started )) s: $customers customers"
}
