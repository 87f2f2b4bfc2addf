#!/usr/bin/env bash
# Soak test (issue 9 item 6; not part of the unit-test run): N minutes of mixed REST and MCP traffic
# against the bundled posthog capability, in front of a fault-injecting upstream (503, dropped
# connections, stalls past the timeout, 11 MiB bodies, invalid JSON). Asserts zero unexpected
# answers, no file-descriptor or thread growth and flat RSS after warm-up; prints the figures.
#
#   bench/soak.sh [--minutes N] [--rate REQ_PER_S]      (defaults: 10 minutes, 40 req/s)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MINUTES=10
RATE=40
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) MINUTES="$2"; shift 2 ;;
    --rate) RATE="$2"; shift 2 ;;
    -h|--help) sed -n 2,7p "$0"; exit 0 ;;
    *) bench_die "unknown option $1 (use --minutes N, --rate R)" ;;
  esac
done
SECONDS_TOTAL=$(( MINUTES * 60 ))
WARMUP=$(( SECONDS_TOTAL / 4 < 30 ? 30 : SECONDS_TOTAL / 4 ))
[ "$SECONDS_TOTAL" -gt "$WARMUP" ] || bench_die "--minutes must be at least 1"

bench_init
bench_watchdog $(( SECONDS_TOTAL + 300 ))
command -v python3 >/dev/null || bench_die "python3 is needed for the upstream and the traffic driver"
JAR="$BENCH_ROOT/cli/target/naftiko.jar"
if [ ! -f "$JAR" ]; then
  bench_log "building $JAR"
  (cd "$BENCH_ROOT" && mvn -B -q -o -DskipTests package >&2) || (cd "$BENCH_ROOT" && mvn -B -q -DskipTests package >&2)
fi
TOOLS="$BENCH_ROOT/bench/soak_tools.py"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
UP_PORT=$(free_port); REST_PORT=$(free_port); MCP_PORT=$(free_port)

python3 "$TOOLS" upstream "$UP_PORT" & BENCH_PIDS+=("$!")
POSTHOG_API_KEY=soak-key java -Xms192m -Xmx192m -XX:+AlwaysPreTouch -jar "$JAR" run \
  "$BENCH_ROOT/capabilities/posthog-task-runs.yaml" \
  --base-uri "posthog-task-runs=http://127.0.0.1:$UP_PORT" \
  --port "posthog-task-runs-rest=$REST_PORT" --port "posthog-task-runs-mcp=$MCP_PORT" \
  --upstream-timeout 1s >"$BENCH_TMP/naftiko.out" 2>"$BENCH_TMP/naftiko.err" &
NAFTIKO=$!; BENCH_PIDS+=("$NAFTIKO")
for _ in $(seq 1 100); do
  curl -s -o /dev/null "http://127.0.0.1:$REST_PORT/" && break
  kill -0 "$NAFTIKO" 2>/dev/null || { cat "$BENCH_TMP/naftiko.err" >&2; bench_die "naftiko did not start"; }
  sleep 0.2
done
MCP_URL="http://127.0.0.1:$MCP_PORT/mcp"
bench_log "naftiko pid $NAFTIKO: REST :$REST_PORT, MCP $MCP_URL, upstream :$UP_PORT; ${MINUTES} min at ${RATE} req/s"

sample() { # fd threads rss_kib
  printf '%s %s %s\n' "$(ls /proc/"$NAFTIKO"/fd | wc -l)" \
    "$(awk '/^Threads:/{print $2}' /proc/"$NAFTIKO"/status)" "$(awk '/^VmRSS:/{print $2}' /proc/"$NAFTIKO"/status)"
}
python3 "$TOOLS" drive "$REST_PORT" "$MCP_URL" "$SECONDS_TOTAL" "$RATE" "$BENCH_TMP/result.json" & DRIVER=$!
BENCH_PIDS+=("$DRIVER")
: >"$BENCH_TMP/samples"
elapsed=0
while kill -0 "$DRIVER" 2>/dev/null; do
  sleep 10; elapsed=$(( elapsed + 10 ))
  kill -0 "$NAFTIKO" 2>/dev/null || bench_die "naftiko exited during the soak"
  s=$(sample); echo "$elapsed $s" >>"$BENCH_TMP/samples"
  bench_log "t=${elapsed}s fd/threads/rss_kib: $s"
done
wait "$DRIVER" || bench_die "the traffic driver failed"
sleep 3 # let in-flight upstream timeouts settle before the final sample
final=$(sample)

python3 - "$BENCH_TMP/result.json" "$BENCH_TMP/samples" "$WARMUP" "$final" <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))
rows = [list(map(int, l.split())) for l in open(sys.argv[2]) if l.strip()]
warm = [r for r in rows if r[0] >= int(sys.argv[3])]
fd, th, rss = map(int, sys.argv[4].split())
base = warm[0] if warm else rows[0]
peak_fd = max(r[1] for r in warm); peak_th = max(r[2] for r in warm); peak_rss = max(r[3] for r in warm)
print("requests sent      %d (expected %d, shed by the circuit breaker %d, unexpected %d)"
      % (result["sent"], result["expected"], result["shed"], result["unexpected"]))
print("file descriptors   after warm-up %d, peak %d, final %d" % (base[1], peak_fd, fd))
print("threads            after warm-up %d, peak %d, final %d" % (base[2], peak_th, th))
print("RSS (MiB)          after warm-up %.1f, peak %.1f, final %.1f" % (base[3] / 1024, peak_rss / 1024, rss / 1024))
failures = []
if result["unexpected"]:
    failures.append("unexpected answers: %s" % result["samples"])
if result["sent"] == 0 or result["expected"] < result["sent"] * 0.5:
    failures.append("too few expected answers")
if fd > base[1] + 16:
    failures.append("file descriptors grew from %d to %d" % (base[1], fd))
if th > base[2] + 8:
    failures.append("threads grew from %d to %d" % (base[2], th))
if rss > base[3] * 1.15 + 16 * 1024:
    failures.append("RSS grew from %d to %d KiB" % (base[3], rss))
for f in failures:
    print("FAIL " + f)
print("soak: " + ("FAILED" if failures else "OK"))
sys.exit(1 if failures else 0)
PY
