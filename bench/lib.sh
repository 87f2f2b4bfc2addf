# Shared pieces of the bench scripts (sourced, not run): tools, ports, processes, the nginx upstream.
# Everything listens on 127.0.0.1 only; every process started here is registered for the exit trap.

BENCH_ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_PIDS=()
BENCH_TMP=""

bench_log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
bench_die() { bench_log "ERROR: $*"; exit 1; }

# Kill every process this script started (by pid, never by name), then remove the temp dir.
bench_cleanup() {
  local pid
  for pid in "${BENCH_PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${BENCH_PIDS[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  if [ -n "$BENCH_TMP" ] && [ -d "$BENCH_TMP" ] && [ -z "${BENCH_KEEP_TMP:-}" ]; then rm -rf "$BENCH_TMP"; fi
}

bench_init() {
  BENCH_TMP="$(mktemp -d "${TMPDIR:-/tmp}/naftiko-bench.XXXXXX")"
  trap bench_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

# Hard upper bound on the whole script: TERM ourselves after $1 seconds (the EXIT trap cleans up).
bench_watchdog() {
  local limit="$1" self=$$
  (
    trap 'kill "$sp" 2>/dev/null; exit 0' TERM
    sleep "$limit" & sp=$!
    wait "$sp"
    echo "[bench] time limit of ${limit}s reached, stopping" >&2
    kill -TERM "$self"
  ) &
  BENCH_PIDS+=("$!")
}

bench_forget_pid() {
  local gone="$1" kept=() pid
  for pid in "${BENCH_PIDS[@]}"; do [ "$pid" = "$gone" ] || kept+=("$pid"); done
  BENCH_PIDS=("${kept[@]}")
}

# Install wrk and nginx from Debian packages when missing (apt-get update once).
bench_require_tools() {
  local missing=()
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  if [ "${#missing[@]}" -gt 0 ]; then
    command -v apt-get >/dev/null 2>&1 || bench_die "missing ${missing[*]} and no apt-get to install them"
    local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    bench_log "installing ${missing[*]} with apt-get"
    $sudo apt-get update -qq >&2
    if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2; then
      # some releases have no nginx-light: fall back to the plain package
      local fallback=("${missing[@]/nginx-light/nginx}")
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${fallback[@]}" >&2 \
        || bench_die "apt-get could not install ${fallback[*]}"
    fi
  fi
  command -v java >/dev/null 2>&1 || bench_die "java is not installed (JDK 17+ is needed)"
  NGINX_BIN="$(command -v nginx || echo /usr/sbin/nginx)"
}

# Build the runnable jar when it is missing (package only, never install).
bench_require_jar() {
  NAFTIKO_JAR="$BENCH_ROOT/cli/target/naftiko.jar"
  if [ ! -f "$NAFTIKO_JAR" ]; then
    command -v mvn >/dev/null 2>&1 || bench_die "$NAFTIKO_JAR is missing and mvn is not installed"
    bench_log "building $NAFTIKO_JAR (mvn -B -q -DskipTests package)"
    (cd "$BENCH_ROOT" && mvn -B -q -DskipTests package >&2) || bench_die "build failed"
  fi
  # The launcher rebuilds a stale jar itself; run it once here so no rebuild happens inside a measurement.
  "$BENCH_ROOT/naftiko" --version >/dev/null 2>&1 || bench_die "'naftiko --version' failed"
}

# true when something accepts TCP connections on 127.0.0.1:$1
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A port nobody listens on now, and not in $BENCH_TAKEN_PORTS.
BENCH_TAKEN_PORTS=" "
free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$(( 20000 + RANDOM % 30000 ))
    case "$BENCH_TAKEN_PORTS" in *" $p "*) continue ;; esac
    if ! port_open "$p"; then BENCH_TAKEN_PORTS+="$p "; echo "$p"; return 0; fi
  done
  bench_die "no free port found"
}

# wait_ports DEADLINE_SECONDS PORT... : poll every 5 ms until every port accepts; false on timeout.
wait_ports() {
  local deadline=$(( $(date +%s) + $1 )) p; shift
  for p in "$@"; do
    until port_open "$p"; do
      [ "$(date +%s)" -lt "$deadline" ] || return 1
      sleep 0.005
    done
  done
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# user+system CPU ticks of a process (all threads)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
CLK_TCK="$(getconf CLK_TCK)"

# VmRSS / VmHWM of a process in MiB (one decimal)
mem_mib() { awk -v k="$2:" '$1 == k {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }

# Bundled JSON reply of the fake upstream: 60 bytes, like a small PostHog task run.
UPSTREAM_BODY='{"id":"abc","status":"completed","task":"t1","progress":100}'

# Start nginx on 127.0.0.1:$1 answering UPSTREAM_BODY to every path; sets NGINX_PID and NGINX_WORKER_PID.
start_nginx() {
  local port="$1" dir="$BENCH_TMP/nginx"
  mkdir -p "$dir"
  cat >"$dir/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_timeout 75s;
  keepalive_requests 100000000;
  client_body_temp_path $dir/body;
  proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi;
  scgi_temp_path $dir/scgi;
  server {
    listen 127.0.0.1:$port;
    default_type application/json;
    location / { return 200 '$UPSTREAM_BODY'; }
  }
}
EOF
  "$NGINX_BIN" -p "$dir" -c "$dir/nginx.conf" >"$dir/stdout" 2>&1 &
  NGINX_PID=$!
  BENCH_PIDS+=("$NGINX_PID")
  wait_ports 10 "$port" || bench_die "nginx did not start: $(cat "$dir/error.log" "$dir/stdout" 2>/dev/null)"
  NGINX_WORKER_PID="$(pgrep -P "$NGINX_PID" | head -1)"
  [ -n "$NGINX_WORKER_PID" ] || bench_die "nginx worker process not found"
  local got; got="$(curl -s --max-time 5 "http://127.0.0.1:$port/anything")"
  [ "$got" = "$UPSTREAM_BODY" ] || bench_die "nginx answered '$got' instead of the fixed JSON"
}
