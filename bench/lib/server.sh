# Sourced by the bench scripts: start Badgeworks from the built WAR on a fresh database, stop it on exit.
# Needs: db (h2|postgres), port, workdir; bench_keep_db=1 keeps the database as it is; bench_h2_dir: the folder of a
# kept H2 file (otherwise H2 starts from a fresh file in workdir). Sets: base, auth (Basic
# header of a fresh org's user), bench_org_id (its org: not "the last org", since the JDBC ceilings create orgs of
# their own in the database).

bench_db_name=badgeworks_bench
export PGPASSWORD=badgeworks
# what was measured: figures belong to a commit
echo "== $(basename "$0") at commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench server-config batch-jobs pom.xml || echo ' with uncommitted changes'), $(nproc) cores"

start_server() {
  [ -f target/badgeworks.war ] || mvn -B -q -DskipTests package
  mkdir -p "$workdir"
  if [ "$db" = postgres ]; then
    # bench_keep_db=1: run on the database as it is (a loaded history, bench/history-bench)
    if [ -z "${bench_keep_db:-}" ]; then
      psql -q -h 127.0.0.1 -U badgeworks -d postgres -c "DROP DATABASE IF EXISTS $bench_db_name WITH (FORCE)" \
        -c "CREATE DATABASE $bench_db_name"
    fi
    # this machine's PostgreSQL runs with autovacuum off; a default one analyzes growing tables by itself
    # (autovacuum_analyze_scale_factor 0.1), without which plans stay those of empty tables (an outbox of 100,000
    # rows claimed through the index of an empty table: every claim scanned the whole backlog). Like autovacuum, only
    # a table that changed by 50 rows + 10 % since its last analysis: analysing a 10M-row badge_earn every 10 s took
    # 5 s of a core each time, a cost no server with autovacuum pays, which slowed the loaded database's phases only
    while :; do
      sleep 10
      psql -q -h 127.0.0.1 -U badgeworks -d "$bench_db_name" -tA -c "SELECT format('ANALYZE %I;', relname)
        FROM pg_stat_user_tables WHERE n_mod_since_analyze > 50 + 0.1 * n_live_tup" 2>/dev/null \
        | psql -q -h 127.0.0.1 -U badgeworks -d "$bench_db_name" >/dev/null 2>&1 || true
    done &
    analyze_pid=$!
  fi
  # H2: a fresh file in the run's directory, or (bench_h2_dir) a kept one, as bench/load-history --h2 filled it
  local data_dir=$workdir
  if [ "$db" = h2 ] && [ -n "${bench_h2_dir:-}" ]; then
    data_dir=$bench_h2_dir
    [ -n "${bench_keep_db:-}" ] || rm -f "$data_dir"/badgeworks.*.db
  fi
  BADGEWORKS_SKIP_BUILD=1 BADGEWORKS_DB=$db BADGEWORKS_PORT=$port BADGEWORKS_DATA_DIR=$data_dir \
    BADGEWORKS_INBOX_DIR=$workdir/inbox \
    BADGEWORKS_DB_NAME=$bench_db_name BADGEWORKS_HEAP=512m BADGEWORKS_BOOTSTRAP_PASSWORD=bench-admin-password \
    BADGEWORKS_EVENTS_ALLOW_PRIVATE=true \
    bin/run > "$workdir/server.log" 2>&1 &
  server_pid=$!
  trap stop_server EXIT
  base=http://localhost:$port/api_gateway/v1/badges
  for _ in $(seq 1 120); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/badgeMeta")" = 401 ] && break
    kill -0 $server_pid 2>/dev/null || { tail -50 "$workdir/server.log"; exit 1; }
    sleep 1
  done
  local admin="-u admin:bench-admin-password -H Content-Type:application/json"
  local org_id
  org_id=$(curl -sf $admin -X POST "$base/admin/orgs" -d "{\"name\":\"bench-$(date +%s%N)\"}" | json_field id)
  curl -sf $admin -X POST "$base/admin/orgs/$org_id/users" \
    -d '{"username":"bench-'"$org_id"'","password":"bench-user-password"}' >/dev/null
  bench_org_id=$org_id
  auth="Basic $(printf 'bench-%s:bench-user-password' "$org_id" | base64 -w0)"
}

# a live EARN badge claimed by Loyalty/bench, with extra JSON members ($2, e.g. limits); answers its id
create_badge() { # name, extra JSON members
  local id
  id=$(curl -sf -H "Authorization: $auth" -H Content-Type:application/json -X POST "$base/badgeMeta" -d '{
    "name":"'"$1"'","startOn":'"$(date +%s)"',"expiresOnISO":"2099-01-01T00:00:00Z","earnType":"EARN","active":true,
    "earnedBadgeExpiry":{"expiryType":"RELATIVE","relativeExpirytype":"DAYS","value":30},
    "ownership":{"restrictedToOwners":["Loyalty"]}'"$2"'}' | json_field id)
  curl -sf -H "Authorization: $auth" -H Content-Type:application/json -X POST "$base/badgeMeta/$id/claim" \
    -d '{"ownerType":"Loyalty","referenceId":"bench"}' >/dev/null
  echo "$id"
}

# an H2 file bench/load-history --h2 keeps (by database name), and its URL for a process other than the server
bench_h2_home() { echo "$PWD/target/bench/h2/$1"; }
bench_h2_url() { echo "jdbc:h2:file:$(bench_h2_home "$1")/badgeworks;MODE=LEGACY;LOCK_TIMEOUT=10000"; }

stop_server() {
  if [ -n "${analyze_pid:-}" ]; then
    kill "$analyze_pid" 2>/dev/null || true
    analyze_pid=
  fi
  if [ -n "${server_pid:-}" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=
  fi
}

# data.<field> of an answer, a string or a number that comes before any nested object of the same name (ids do);
# sed, not python: a pyenv python takes most of a second to start, which loops of set-up calls multiply
json_field() {
  grep -oE "\"$1\":(\"[^\"]*\"|[0-9.]+)" | head -1 | sed -E "s/^\"$1\"://; s/^\"//; s/\"$//"
}

# java's heap after a full GC, in MiB: what the server keeps, not what it has yet to collect
server_heap_mib() {
  local jpid
  jpid=$(pgrep -f "payara-micro.jar.*--port $port" | head -1)
  jcmd "$jpid" GC.run >/dev/null 2>&1 || true
  # the heap's generations (Parallel: PSYoungGen and ParOldGen, young empty after a full GC; G1: one line)
  jcmd "$jpid" GC.heap_info 2>/dev/null | awk '/ total .*, used / {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub("K","",v); kib+=v}} END {print int(kib/1024)}'
}
