#!/usr/bin/env bash
# HTTP load benchmark of the release build on loopback, with wrk (Debian package `wrk`):
#   1. cache hits: GET /v1/extract?url=… for a page fetched once from a local origin;
#   2. the same JSON bytes served as a static file by nginx (the peer, same run, same machine);
#   3. misses: POST of a raw HTML page whose bytes change on every request (so each one is
#      parsed, enriched and stored).
# Everything listens on 127.0.0.1; nothing else is contacted. Prints one line per scenario:
#   scenario=… rps=… p50_ms=… p99_ms=… errors=… (plus wrk's own report with --verbose).
# Usage: bench/http_load.sh [--duration 20] [--connections 32] [--page dantri_1.html] [--verbose]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=20
CONNS=32
PAGE=dantri_1.html
VERBOSE=0
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION=$2; shift 2 ;;
    --connections) CONNS=$2; shift 2 ;;
    --page) PAGE=$2; shift 2 ;;
    --verbose) VERBOSE=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
PAGES=${PAGES_DIR:-../shared/data/vn-dev/pages}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
cargo build --release --quiet --bin vnarticle
BIN="$CARGO_TARGET_DIR/release/vnarticle"
WORK=$(mktemp -d)
chmod 755 "$WORK"  # nginx workers (user nobody) read the peer file
. bench/lib.sh
trap cleanup EXIT


# The origin: the development pages over plain HTTP.
ORIGIN_PORT=$(free_port)
python3 -m http.server "$ORIGIN_PORT" --bind 127.0.0.1 --directory "$PAGES" >/dev/null 2>&1 &
PIDS+=($!)
wait_http "http://127.0.0.1:$ORIGIN_PORT/$PAGE"

# The service, as deployed: default settings, info logs (to a file), the origin allow-listed.
SVC_PORT=$(free_port)
VNARTICLE__FETCH__ALLOW_ADDRESSES='["127.0.0.1/32"]' \
  "$BIN" serve --listen "127.0.0.1:$SVC_PORT" 2>"$WORK/service.log" &
PIDS+=($!)
SVC_PID=$!
wait_http "http://127.0.0.1:$SVC_PORT/healthz"
TARGET=$(python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "http://127.0.0.1:$ORIGIN_PORT/$PAGE")
HIT_URL="http://127.0.0.1:$SVC_PORT/v1/extract?url=$TARGET"
curl -sf -o "$WORK/article.json" -D "$WORK/headers" "$HIT_URL"
grep -qi '^x-cache: miss' "$WORK/headers"
curl -sf -o /dev/null -D "$WORK/headers2" "$HIT_URL"
grep -qi '^x-cache: hit' "$WORK/headers2"
BYTES=$(stat -c %s "$WORK/article.json")

# The peer: nginx serving the same bytes as a static file (sendfile, keep-alive, 2 workers).
NGINX_PORT=$(free_port)
mkdir -p "$WORK/www" "$WORK/nginx"
cp "$WORK/article.json" "$WORK/www/article.json"
cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  keepalive_requests 1000000;
  default_type application/json;
  client_body_temp_path $WORK/nginx; proxy_temp_path $WORK/nginx; fastcgi_temp_path $WORK/nginx;
  uwsgi_temp_path $WORK/nginx; scgi_temp_path $WORK/nginx;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/www; }
}
EOF
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
if [ -x "$NGINX" ]; then
  "$NGINX" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' 2>/dev/null &
  PIDS+=($!)
  wait_http "http://127.0.0.1:$NGINX_PORT/article.json"
fi

# wrk's latency report → one line.
run() { # name, wrk args…
  local name=$1; shift
  local out
  out=$(wrk --latency "$@")
  [ "$VERBOSE" = 1 ] && echo "$out" >&2
  python3 - "$name" "$out" <<'PY'
import re, sys
name, out = sys.argv[1], sys.argv[2]
def ms(v):
    m = re.match(r"([\d.]+)(us|ms|s)", v)
    x = float(m.group(1)); u = m.group(2)
    return x / 1000 if u == "us" else x * 1000 if u == "s" else x
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
p50 = ms(re.search(r"\s50%\s+(\S+)", out).group(1))
p99 = ms(re.search(r"\s99%\s+(\S+)", out).group(1))
err = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
sock = re.search(r"Socket errors: (.*)", out)
print(f"scenario={name} rps={rps:.0f} p50_ms={p50:.2f} p99_ms={p99:.2f} non2xx={err.group(1) if err else 0}"
      + (f" socket_errors=[{sock.group(1)}]" if sock else ""))
PY
}

echo "# cores=$(nproc) wrk: 1 thread, $CONNS connections, ${DURATION}s; article JSON ${BYTES} bytes ($PAGE)"
run cache_hit -t1 -c"$CONNS" -d"${DURATION}s" "$HIT_URL"
if [ -x "$NGINX" ]; then
  run nginx_static_same_bytes -t1 -c"$CONNS" -d"${DURATION}s" "http://127.0.0.1:$NGINX_PORT/article.json"
fi
run healthz -t1 -c"$CONNS" -d"${DURATION}s" "http://127.0.0.1:$SVC_PORT/healthz"

# Misses: every request a new body (a counter in an HTML comment), so each one is extracted.
cat >"$WORK/miss.lua" <<EOF
local f = assert(io.open("$PAGES/$PAGE", "rb"))
local page = f:read("*all")
f:close()
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "text/html; charset=utf-8"
request = function()
  n = n + 1
  return wrk.format(nil, "/v1/extract", nil, page .. "<!-- " .. n .. " " .. math.random(1e9) .. " -->")
end
EOF
run cache_miss_raw_html -t1 -c4 -d"${DURATION}s" -s "$WORK/miss.lua" "http://127.0.0.1:$SVC_PORT/"
RSS=$(awk '/VmHWM/ {print $2}' /proc/$SVC_PID/status)
echo "# service peak RSS ${RSS} kB; page ${PAGE} $(stat -c %s "$PAGES/$PAGE") bytes of HTML"
