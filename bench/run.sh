#!/usr/bin/env bash
# naftiko gateway benchmark: what does naftiko add on top of its upstream?
# Starts nginx (127.0.0.1, fixed 60-byte JSON) and naftiko on capabilities/posthog-task-runs.yaml pointed at it,
# then measures, alternating, several rounds of (a) wrk -> nginx, (b) wrk -> naftiko REST -> nginx,
# (c) wrk -> naftiko MCP tools/call -> nginx; plus start-up time, idle and peak RSS, and the 1,000-file bench.
# Prints every figure and the goals of issue 8 with PASS/FAIL. Exit 0 when the bench ran to completion, even
# when goals fail (they are reported); --strict-goals exits 3 when a goal fails. Exit 1 when the bench broke.
# Loopback only; every process it starts is stopped on exit; the whole run is capped by --max-seconds.
set -euo pipefail

ROUNDS=3 DURATION=10 CONNECTIONS=32 THREADS=2 WARMUP=10 STARTS=10 STRICT=0 MANY=1 MAX_SECONDS=900
MARKDOWN="" JFR=""
usage() {
  cat <<EOF
usage: bench/run.sh [options]
  --rounds N          measured rounds of a/b/c, alternating (default $ROUNDS)
  --duration S        seconds per wrk run (default $DURATION)
  --connections C     wrk connections (default $CONNECTIONS)
  --threads T         wrk threads (default $THREADS)
  --warmup S          seconds of warm-up per naftiko mode (default $WARMUP)
  --starts N          start-ups timed for the start-up figure (default $STARTS)
  --skip-many-files   do not run bench/many-files.sh at the end
  --strict-goals      exit 3 when any goal fails (default: report only, exit 0)
  --markdown FILE     also write the results table as Markdown to FILE
  --jfr FILE          record a JFR profile of the measured naftiko process into FILE (figures then include JFR cost)
  --max-seconds S     hard limit for the whole run (default $MAX_SECONDS)
Environment: NAFTIKO_JAVA_OPTS is passed to the JVM by the ./naftiko launcher.
EOF
}
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --starts) STARTS="$2"; shift 2 ;;
    --skip-many-files) MANY=0; shift ;;
    --strict-goals) STRICT=1; shift ;;
    --markdown) MARKDOWN="$2"; shift 2 ;;
    --jfr) JFR="$2"; shift 2 ;;
    --max-seconds) MAX_SECONDS="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 1 ;;
  esac
done

# shellcheck source=bench/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_init
bench_watchdog "$MAX_SECONDS"
bench_require_tools
bench_require_jar

CAPABILITY="$BENCH_ROOT/capabilities/posthog-task-runs.yaml"
REST_PATH="/v1/api/projects/42/tasks/t1/runs/abc"
MCP_PROTOCOL="2025-06-18"
LUA="$BENCH_ROOT/bench/wrk-check.lua"
RESULTS="$BENCH_TMP/rounds.tsv"
NGINX_PORT="$(free_port)"; REST_PORT="$(free_port)"; MCP_PORT="$(free_port)"

# start_naftiko OUT_PREFIX [extra JVM options]: sets NAFTIKO_PID and NAFTIKO_T0 (ms)
start_naftiko() {
  local out="$1" opts="${NAFTIKO_JAVA_OPTS:-} ${2:-}"
  NAFTIKO_T0="$(now_ms)"
  NAFTIKO_JAVA_OPTS="$opts" POSTHOG_API_KEY=bench-not-a-secret "$BENCH_ROOT/naftiko" run "$CAPABILITY" \
    --base-uri "posthog-task-runs=http://127.0.0.1:$NGINX_PORT" \
    --port "posthog-task-runs-rest=$REST_PORT" --port "posthog-task-runs-mcp=$MCP_PORT" \
    --shutdown-grace 1s >"$out.out" 2>"$out.err" &
  NAFTIKO_PID=$!
  BENCH_PIDS+=("$NAFTIKO_PID")
}
stop_naftiko() {
  kill -TERM "$NAFTIKO_PID" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$NAFTIKO_PID" 2>/dev/null || break; sleep 0.05; done
  kill -KILL "$NAFTIKO_PID" 2>/dev/null || true
  wait "$NAFTIKO_PID" 2>/dev/null || true
  bench_forget_pid "$NAFTIKO_PID"
}
wait_ready() {   # wait_ready OUT_PREFIX : ports accepting and the ready line printed
  if ! wait_ports 60 "$REST_PORT" "$MCP_PORT"; then
    bench_die "naftiko did not open its ports within 60 s: $(grep -v warning "$1.err" | tail -5)"
  fi
  for _ in $(seq 1 2000); do grep -q '^naftiko ready' "$1.out" && return 0; sleep 0.005; done
  bench_die "naftiko printed no 'naftiko ready' line"
}

bench_log "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
bench_log "ports: nginx $NGINX_PORT, REST $REST_PORT, MCP $MCP_PORT; wrk, nginx and naftiko share the same $(nproc) cores"
start_nginx "$NGINX_PORT"

# ---- start-up: process start -> both ports accepting (and -> ready line), median of $STARTS
STARTUP_MS=() READY_MS=()
for i in $(seq 1 "$STARTS"); do
  start_naftiko "$BENCH_TMP/start$i"
  wait_ports 60 "$REST_PORT" "$MCP_PORT" || bench_die "start $i: ports not open after 60 s: $(grep -v warning "$BENCH_TMP/start$i.err" | tail -5)"
  STARTUP_MS+=($(( $(now_ms) - NAFTIKO_T0 )))
  wait_ready "$BENCH_TMP/start$i"
  READY_MS+=($(( $(now_ms) - NAFTIKO_T0 )))
  stop_naftiko
done
bench_log "start-up to ports accepting (ms): ${STARTUP_MS[*]}"

# ---- the measured instance
JFR_OPT=""
[ -z "$JFR" ] || JFR_OPT="-XX:StartFlightRecording=filename=$JFR,settings=profile,dumponexit=true"
start_naftiko "$BENCH_TMP/main" "$JFR_OPT"
wait_ready "$BENCH_TMP/main"

got="$(curl -s --max-time 5 "http://127.0.0.1:$REST_PORT$REST_PATH")"
[ "$got" = "$UPSTREAM_BODY" ] || bench_die "REST answered '$got' instead of the upstream body"

# MCP session: initialize, capture Mcp-Session-Id, send notifications/initialized, check one tools/call.
mcp_post() {  # mcp_post BODY [SESSION] -> response (headers + body)
  curl -s -i --max-time 5 -X POST "http://127.0.0.1:$MCP_PORT/mcp" -H 'Content-Type: application/json' \
    -H 'Accept: application/json, text/event-stream' -H "MCP-Protocol-Version: $MCP_PROTOCOL" \
    ${2:+-H "Mcp-Session-Id: $2"} -d "$1"
}
init_reply="$(mcp_post '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"'"$MCP_PROTOCOL"'","capabilities":{},"clientInfo":{"name":"naftiko-bench","version":"1"}}}')"
SESSION="$(printf '%s\n' "$init_reply" | tr -d '\r' | awk 'tolower($1) == "mcp-session-id:" {print $2}')"
[ -n "$SESSION" ] || bench_die "MCP initialize returned no Mcp-Session-Id: $init_reply"
grep -q '"result"' <<<"$init_reply" || bench_die "MCP initialize failed: $init_reply"
notified="$(mcp_post '{"jsonrpc":"2.0","method":"notifications/initialized"}' "$SESSION" | head -1)"
grep -q ' 20[02] ' <<<"$notified" || bench_die "notifications/initialized answered: $notified"
call_reply="$(mcp_post '{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"api-managing-task-runs-each","arguments":{"project_id":"42","task_id":"t1","id":"abc"}}}' "$SESSION")"
if ! grep -q '"isError":false' <<<"$call_reply" || grep -q '"error":' <<<"$call_reply"; then
  bench_die "MCP tools/call is not a success: $call_reply"
fi
EXPECT='"status":"completed"'   # in the upstream JSON; MCP carries it in structuredContent

# run_wrk MODE SECONDS -> prints the BENCH line; MODE a|b|c
run_wrk() {
  local mode="$1" secs="$2" url args=()
  local log="$BENCH_TMP/wrk-$mode-$(date +%s%N).txt"   # kept for reading when BENCH_KEEP_TMP is set
  case "$mode" in
    a) url="http://127.0.0.1:$NGINX_PORT$REST_PATH"; args=("$EXPECT") ;;
    b) url="http://127.0.0.1:$REST_PORT$REST_PATH"; args=("$EXPECT") ;;
    c) url="http://127.0.0.1:$MCP_PORT/mcp"; args=("$EXPECT" "$SESSION" "$MCP_PROTOCOL") ;;
  esac
  timeout $(( secs + 30 )) wrk -t "$THREADS" -c "$CONNECTIONS" -d "${secs}s" --timeout 5s --latency \
    -s "$LUA" "$url" -- "${args[@]}" >"$log" 2>&1 || true
  grep '^BENCH ' "$log" || bench_die "wrk ($mode) failed: $(tail -5 "$log")"
}
kv() { tr ' ' '\n' <<<"$1" | awk -F= -v k="$2" '$1 == k {print $2}'; }

bench_log "warm-up: ${WARMUP}s REST, ${WARMUP}s MCP, 3s direct"
run_wrk b "$WARMUP" >/dev/null
run_wrk c "$WARMUP" >/dev/null
run_wrk a 3 >/dev/null
sleep 5
IDLE_RSS_KB="$(awk '$1 == "VmRSS:" {print $2}' "/proc/$NAFTIKO_PID/status")"

printf 'round\tmode\trps\tp50_us\tp99_us\terrors\tnaftiko_cpu_us_per_req\tnginx_cpu_us_per_req\trequests\n' >"$RESULTS"
for r in $(seq 1 "$ROUNDS"); do
  for mode in a b c; do
    n0="$(cpu_ticks "$NAFTIKO_PID")"; x0="$(cpu_ticks "$NGINX_WORKER_PID")"
    line="$(run_wrk "$mode" "$DURATION")"
    n1="$(cpu_ticks "$NAFTIKO_PID")"; x1="$(cpu_ticks "$NGINX_WORKER_PID")"
    req="$(kv "$line" requests)"; dur="$(kv "$line" duration_us)"
    errs=$(( $(kv "$line" non2xx) + $(kv "$line" badbody) + $(kv "$line" sock_connect) + $(kv "$line" sock_read) + $(kv "$line" sock_write) + $(kv "$line" sock_timeout) ))
    awk -v r="$r" -v m="$mode" -v req="$req" -v dur="$dur" -v p50="$(kv "$line" p50_us)" -v p99="$(kv "$line" p99_us)" \
        -v e="$errs" -v nd=$(( n1 - n0 )) -v xd=$(( x1 - x0 )) -v hz="$CLK_TCK" 'BEGIN {
      rq = (req > 0 ? req : 1)
      printf "%d\t%s\t%.0f\t%d\t%d\t%d\t%.1f\t%.1f\t%d\n", r, m, req / (dur / 1e6), p50, p99, e, nd / hz * 1e6 / rq, xd / hz * 1e6 / rq, req
    }' >>"$RESULTS"
    bench_log "round $r mode $mode: $(tail -1 "$RESULTS" | cut -f3-8 | tr '\t' ' ')"
  done
done
PEAK_RSS_KB="$(awk '$1 == "VmHWM:" {print $2}' "/proc/$NAFTIKO_PID/status")"
stop_naftiko

MANY_LINE="not run (--skip-many-files)"
if [ "$MANY" -eq 1 ]; then
  bench_log "running bench/many-files.sh"
  if many_out="$("$BENCH_ROOT/bench/many-files.sh" --max-seconds 300 2>"$BENCH_TMP/many.err")"; then
    MANY_LINE="$(grep '^MANYFILES ' <<<"$many_out" || true)"
  else
    MANY_LINE="$(grep -q 'unsupported' <<<"$many_out" && echo 'unsupported: ')$(grep -o 'naftiko cannot run.*' "$BENCH_TMP/many.err" | head -1)"
    [ -n "$MANY_LINE" ] || MANY_LINE="failed: $(tail -3 "$BENCH_TMP/many.err" | tr '\n' ' ')"
  fi
fi

# ---- report
JVM="$(java -version 2>&1 | sed -n 2p)"
COMMIT="$(git -C "$BENCH_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
awk -F'\t' -v rounds="$ROUNDS" -v startups="${STARTUP_MS[*]}" -v readys="${READY_MS[*]}" \
    -v idle="$IDLE_RSS_KB" -v peak="$PEAK_RSS_KB" -v many="$MANY_LINE" -v md="$MARKDOWN" -v strict="$STRICT" \
    -v date="$(date -u +%Y-%m-%dT%H:%MZ)" -v commit="$COMMIT" -v jvm="$JVM" -v nproc="$(nproc)" \
    -v cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" \
    -v conns="$CONNECTIONS" -v threads="$THREADS" -v dur="$DURATION" -v jopts="${NAFTIKO_JAVA_OPTS:-}" '
function sort_n(a, n,   i, j, t) { for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j+1] = a[j]; a[j+1] = t } }
function median(a, n,   b, i) { for (i = 1; i <= n; i++) b[i] = a[i]; sort_n(b, n); return n % 2 ? b[(n+1)/2] : (b[n/2] + b[n/2+1]) / 2 }
function lo(a, n,   i, m) { m = a[1]; for (i = 2; i <= n; i++) if (a[i] < m) m = a[i]; return m }
function hi(a, n,   i, m) { m = a[1]; for (i = 2; i <= n; i++) if (a[i] > m) m = a[i]; return m }
function stat(a, n, fmt) { return sprintf(fmt " [" fmt "–" fmt "]", median(a, n), lo(a, n), hi(a, n)) }
function out(s) { print s; if (md != "") print s > md }
NR > 1 { r = $1; m = $2; rps[m, r] = $3; p50[m, r] = $4; p99[m, r] = $5; err[m] += $6; ncpu[m, r] = $7; xcpu[m, r] = $8 }
END {
  split("a b c", modes, " ")
  name["a"] = "(a) direct nginx"; name["b"] = "(b) REST via naftiko"; name["c"] = "(c) MCP tools/call via naftiko"
  out("## naftiko bench — " date ", commit " commit)
  out("")
  out("Machine: " nproc " cores (" cpu "), " jvm "; load average at the end " load ". wrk (" threads " threads, " conns " connections), nginx (1 worker) and naftiko share these cores." (jopts != "" ? " NAFTIKO_JAVA_OPTS=" jopts : ""))
  out("Figures: median [min–max] over " rounds " alternating rounds of " dur " s.")
  out("")
  out("| mode | requests/s | p50 ms | p99 ms | errors | naftiko CPU µs/req | nginx CPU µs/req |")
  out("|---|---|---|---|---|---|---|")
  for (k = 1; k <= 3; k++) {
    m = modes[k]
    for (r = 1; r <= rounds; r++) { A[r] = rps[m, r]; B[r] = p50[m, r] / 1000; C[r] = p99[m, r] / 1000; D[r] = ncpu[m, r]; E[r] = xcpu[m, r] }
    out("| " name[m] " | " stat(A, rounds, "%.0f") " | " stat(B, rounds, "%.2f") " | " stat(C, rounds, "%.2f") " | " err[m]+0 " | " stat(D, rounds, "%.1f") " | " stat(E, rounds, "%.1f") " |")
  }
  for (r = 1; r <= rounds; r++) {
    RB[r] = rps["b", r] / rps["a", r]; RC[r] = rps["c", r] / rps["a", r]
    AB[r] = (p99["b", r] - p99["a", r]) / 1000; AC[r] = (p99["c", r] - p99["a", r]) / 1000
  }
  ns = split(startups, S, " "); split(readys, RD, " ")
  out("")
  out("| figure | value |")
  out("|---|---|")
  out("| throughput ratio REST (b)/(a) | " stat(RB, rounds, "%.3f") " |")
  out("| throughput ratio MCP (c)/(a) | " stat(RC, rounds, "%.3f") " |")
  out("| added p99 latency REST (b)−(a) | " stat(AB, rounds, "%.2f") " ms |")
  out("| added p99 latency MCP (c)−(a) | " stat(AC, rounds, "%.2f") " ms |")
  out("| start-up to both ports accepting (" ns " starts) | " stat(S, ns, "%.0f") " ms |")
  out("| start-up to the ready line | " stat(RD, ns, "%.0f") " ms |")
  out(sprintf("| idle RSS after warm-up | %.1f MB |", idle * 1024 / 1e6))
  out(sprintf("| peak RSS (VmHWM) | %.1f MB |", peak * 1024 / 1e6))
  out("| 1,000 files | " many " |")
  out("")
  fails = 0
  out("| goal | measured | result |")
  out("|---|---|---|")
  goal("REST throughput ≥ 0.30 × direct", sprintf("%.3f", median(RB, rounds)), median(RB, rounds) >= 0.30)
  goal("MCP tools/call throughput ≥ 0.25 × direct", sprintf("%.3f", median(RC, rounds)), median(RC, rounds) >= 0.25)
  goal("REST p99 added latency < 2 ms", sprintf("%.2f ms", median(AB, rounds)), median(AB, rounds) < 2)
  goal("MCP p99 added latency < 2 ms", sprintf("%.2f ms", median(AC, rounds)), median(AC, rounds) < 2)
  goal("zero errors", sprintf("%d", err["a"] + err["b"] + err["c"]), err["a"] + err["b"] + err["c"] == 0)
  goal("start-up to ready ≤ 600 ms", sprintf("%.0f ms", median(S, ns)), median(S, ns) <= 600)
  goal("idle RSS ≤ 100 MB", sprintf("%.1f MB", idle * 1024 / 1e6), idle * 1024 <= 100e6)
  goal("peak RSS ≤ 256 MB", sprintf("%.1f MB", peak * 1024 / 1e6), peak * 1024 <= 256e6)
  if (many ~ /^MANYFILES /) {
    split(many, MF, " "); for (i in MF) { split(MF[i], kvp, "="); mf[kvp[1]] = kvp[2] }
    goal("1,000 files ready ≤ 5 s", sprintf("%.2f s", mf["ready_ms"] / 1000), mf["ready_ms"] <= 5000)
  } else {
    goal("1,000 files ready ≤ 5 s", "not measured: " many, 0)
  }
  out("")
  out(fails == 0 ? "All goals pass." : fails " goal(s) fail.")
  if (md != "") close(md)
  exit (strict && fails > 0) ? 3 : 0
}
function goal(what, measured, ok) { if (!ok) fails++; out("| " what " | " measured " | " (ok ? "PASS" : "FAIL") " |") }
' "$RESULTS"
