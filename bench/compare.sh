#!/usr/bin/env bash
# Throughput side by side on the article-extraction benchmark pages, one thread each:
# vnarticle's full extraction pipeline (cargo bench --bench extract_aeb) and trafilatura's
# default extract() (bench/trafilatura_aeb.py --library-defaults), measured in the same run.
# Prints both lines and the ratio. Needs the trafilatura venv (see bench/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
PASSES="${PASSES:-5}"
TRAF_REPEAT="${TRAF_REPEAT:-3}"

ours=$(PASSES="$PASSES" cargo bench --quiet --bench extract_aeb 2>/dev/null | grep '^vnarticle ')
theirs=$(python3 bench/trafilatura_aeb.py --library-defaults --repeat "$TRAF_REPEAT" 2>/dev/null | grep '^trafilatura ')
echo "$ours"
echo "$theirs"
pps() { sed -n 's/.*pages_per_sec=\([0-9.]*\).*/\1/p' <<<"$1"; }
python3 - "$(pps "$ours")" "$(pps "$theirs")" <<'PY'
import sys
ours, theirs = float(sys.argv[1]), float(sys.argv[2])
print(f"ratio vnarticle/trafilatura = {ours / theirs:.2f}x")
PY
