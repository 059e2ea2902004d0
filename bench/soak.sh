#!/usr/bin/env bash
# Soak test: mixed traffic against the release build on loopback for a while (default 10
# minutes), reporting errors by status, latency percentiles and the service's RSS over time.
#   traffic (wrk, 1 thread, 16 connections, chosen at random per request):
#     60% cache hits      GET /v1/extract?url=<one of 12 development pages on a local origin>
#     15% misses          POST of a raw HTML page with a new comment each time (parsed anew)
#     10% bad inputs      malformed JSON, bad URL, internal address, empty body, wrong type,
#                         unknown route, no article
#      8% slow origins    GET ?url=/slow?ms=300&n=<new> (a fetch that waits on the origin)
#      7% analyze         POST /v1/analyze
# The memory cache is bounded at 16 MiB here (cache.memory_max_bytes) so that it fills within
# the first minute: what must stay flat is the process around a full cache.
# Usage: bench/soak.sh [--duration 600] [--connections 16]
# Prints a report; exit 1 when a 5xx other than shedding (503 overloaded) occurred or when
# the RSS at the end is more than 10% above the RSS after the first minute.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=600
CONNS=16
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION=$2; shift 2 ;;
    --connections) CONNS=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
PAGES=$(cd "${PAGES_DIR:-../shared/data/vn-dev/pages}" && pwd)
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
cargo build --release --quiet --bin vnarticle
BIN="$CARGO_TARGET_DIR/release/vnarticle"
WORK=$(mktemp -d)
. bench/lib.sh
trap cleanup EXIT

ORIGIN_PORT=$(free_port)
python3 bench/origin.py "$ORIGIN_PORT" "$PAGES" &
PIDS+=($!)
wait_http "http://127.0.0.1:$ORIGIN_PORT/page/dantri_1.html"

SVC_PORT=$(free_port)
VNARTICLE__FETCH__ALLOW_ADDRESSES='["127.0.0.1/32"]' \
VNARTICLE__CACHE__MEMORY_MAX_BYTES=16777216 \
  "$BIN" serve --listen "127.0.0.1:$SVC_PORT" 2>"$WORK/service.log" &
SVC_PID=$!
PIDS+=($SVC_PID)
wait_http "http://127.0.0.1:$SVC_PORT/healthz"

cat >"$WORK/soak.lua" <<LUA
local pages = {}
for _, n in ipairs({"baomoi_1","cafef_1","dantri_1","genk_1","kenh14_1","nhandan_1","soha_1",
                    "tienphong_1","tienphong_2","vietnamplus_1","vnexpress_1","vnexpress_2"}) do
  pages[#pages + 1] = "/v1/extract?url=http%3A%2F%2F127.0.0.1%3A$ORIGIN_PORT%2Fpage%2F" .. n .. ".html"
end
local f = assert(io.open("$PAGES/genk_1.html", "rb"))
local page = f:read("*all")
f:close()
local html = {["Content-Type"] = "text/html; charset=utf-8"}
local json = {["Content-Type"] = "application/json"}
local counter = 0
local bad = {
  {"POST", "/v1/extract", json, "{\"html\": "},
  {"POST", "/v1/extract", json, "{\"url\": \"ftp://x/y\"}"},
  {"GET", "/v1/extract?url=http%3A%2F%2F169.254.169.254%2F", nil, nil},
  {"POST", "/v1/extract", html, "   "},
  {"POST", "/v1/extract", {["Content-Type"] = "image/png"}, "xx"},
  {"GET", "/no/such/route", nil, nil},
  {"POST", "/v1/extract", json, "{\"html\": \"<p>x</p>\"}"},
}
function setup(thread) thread:set("id", math.random(1e9)) end
request = function()
  counter = counter + 1
  local r = math.random(100)
  if r <= 60 then
    return wrk.format("GET", pages[math.random(#pages)])
  elseif r <= 75 then
    return wrk.format("POST", "/v1/extract", html, page .. "<!-- " .. id .. " " .. counter .. " -->")
  elseif r <= 85 then
    local b = bad[math.random(#bad)]
    return wrk.format(b[1], b[2], b[3], b[4])
  elseif r <= 93 then
    return wrk.format("GET", "/v1/extract?url=http%3A%2F%2F127.0.0.1%3A$ORIGIN_PORT%2Fslow%3Fms%3D300%26n%3D" .. id .. "-" .. counter)
  else
    return wrk.format("POST", "/v1/analyze", json, "{\"text\": \"Sáng mùng 1 Tết Bính Ngọ, Thủ tướng Phạm Minh Chính dự lễ; ông Chính nói " .. counter .. "\"}")
  end
end
function done(summary, latency, requests)
  io.write(string.format("requests=%d duration_s=%.1f rps=%.1f\n", summary.requests, summary.duration / 1e6,
    summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency_ms p50=%.2f p90=%.2f p99=%.2f max=%.2f\n", latency:percentile(50) / 1e3,
    latency:percentile(90) / 1e3, latency:percentile(99) / 1e3, latency.max / 1e3))
  io.write(string.format("socket_errors connect=%d read=%d write=%d timeout=%d\n", summary.errors.connect,
    summary.errors.read, summary.errors.write, summary.errors.timeout))
end
LUA

# RSS every 10 s.
(
  t=0
  while kill -0 "$SVC_PID" 2>/dev/null; do
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$SVC_PID/status" 2>/dev/null || echo 0)
    echo "$t $rss" >>"$WORK/rss.txt"
    sleep 10
    t=$((t + 10))
  done
) &
PIDS+=($!)

echo "# soak: ${DURATION}s, wrk 1 thread, $CONNS connections, cores=$(nproc), service pid $SVC_PID"
# Status counts come from the service's own metrics (vnarticle_http_requests_total).
wrk -t1 -c"$CONNS" -d"${DURATION}s" --timeout 30s -s "$WORK/soak.lua" "http://127.0.0.1:$SVC_PORT/" | tee "$WORK/wrk.txt" | grep -E "^(requests=|latency_ms |socket_errors )"
curl -s "http://127.0.0.1:$SVC_PORT/metrics" >"$WORK/metrics.txt"
python3 - "$WORK/metrics.txt" "$WORK/rss.txt" <<'PY'
import re, sys
metrics, rss_file = open(sys.argv[1]).read(), open(sys.argv[2]).read().split("\n")
by_status = {}
for m in re.finditer(r'^vnarticle_http_requests_total\{route="([^"]*)",status="(\d+)"\} (\d+)', metrics, re.M):
    by_status[int(m.group(2))] = by_status.get(int(m.group(2)), 0) + int(m.group(3))
print("status_counts " + " ".join(f"{k}={v}" for k, v in sorted(by_status.items())))
shed = re.search(r"^vnarticle_http_requests_shed_total (\d+)", metrics, re.M)
shed = int(shed.group(1)) if shed else 0
five = {k: v for k, v in by_status.items() if k >= 500}
unintended = sum(five.values()) - shed
print(f"shed_503={shed} 5xx={five} unintended_5xx={unintended}")
samples = [tuple(map(int, l.split())) for l in rss_file if l.strip()]
for t, kb in samples:
    if t % 60 == 0:
        print(f"rss t={t:4d}s {kb / 1024:.1f} MiB")
first_min = next((kb for t, kb in samples if t >= 60), samples[-1][1])
end = samples[-1][1]
growth = (end - first_min) / first_min
print(f"rss_after_1min_mib={first_min / 1024:.1f} rss_end_mib={end / 1024:.1f} growth={growth * 100:+.1f}%")
ok = unintended == 0 and growth <= 0.10
print("RESULT: " + ("PASS" if ok else "FAIL"))
sys.exit(0 if ok else 1)
PY
echo "service_error_log_lines=$(grep -cE '"level":"ERROR"|ERROR' "$WORK/service.log" || true)"
