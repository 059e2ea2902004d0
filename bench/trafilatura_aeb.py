#!/usr/bin/env python3
"""Time trafilatura.extract over the article-extraction benchmark.

Loads every $AEB_DIR/html/*.html.gz (gzipped UTF-8) into memory first, runs an
untimed warm-up over the first pages, then times full passes of
trafilatura.extract(html, include_comments=False) in one thread of one process
and reports the best pass.

Settings: trafilatura's defaults except include_comments=False, which is how the
benchmark's own extractors/run_trafilatura.py calls it (the benchmark measures
the article body; comments are not part of it). That gives the published-style
F1 of about 0.960 with 2.3.1; --library-defaults calls plain
trafilatura.extract(html) (comments included: F1 about 0.953, lower precision).

Usage:
    python3 bench/trafilatura_aeb.py [--repeat N] [--warmup K] [--write-predictions FILE]

Needs trafilatura (bench/requirements.txt). If it is not importable, the script
re-runs itself with $TRAF_VENV/bin/python (TRAF_VENV default: /work/venv-traf).
AEB_DIR defaults to <repo>/../shared/data/aeb.

The last output line is machine-readable:
    trafilatura pages_per_sec=... mb_per_sec=... pages=... peak_rss_mb=... ...
MB are 10^6 bytes of decompressed UTF-8 HTML; peak RSS includes the loaded pages.
"""
import argparse
import gzip
import json
import os
import resource
import sys
import time
from pathlib import Path

try:
    import trafilatura
except ImportError:
    venv = Path(os.environ.get("TRAF_VENV", "/work/venv-traf"))
    py = venv / "bin" / "python"
    if py.exists() and Path(sys.prefix).resolve() != venv.resolve():
        os.execv(str(py), [str(py), os.path.abspath(__file__)] + sys.argv[1:])
    sys.exit(f"trafilatura is not importable; create the venv: python3 -m venv {venv} "
             f"&& {venv}/bin/pip install -r bench/requirements.txt (or set TRAF_VENV)")


def default_aeb_dir() -> Path:
    env = os.environ.get("AEB_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "aeb"


def load_pages(aeb_dir: Path):
    pages = []
    for path in sorted((aeb_dir / "html").glob("*.html.gz")):
        raw = gzip.decompress(path.read_bytes())
        pages.append((path.name[: -len(".html.gz")], raw.decode("utf-8"), len(raw)))
    return pages


def run_pass(pages, kwargs):
    out = {}
    for key, html, _ in pages:
        out[key] = trafilatura.extract(html, **kwargs) or ""
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--aeb-dir", type=Path, default=None, help="default: $AEB_DIR")
    ap.add_argument("--repeat", type=int, default=1, help="timed passes; the best is reported")
    ap.add_argument("--warmup", type=int, default=10, help="untimed warm-up pages (default 10)")
    ap.add_argument("--write-predictions", metavar="FILE",
                    help='write {"<id>": {"articleBody": "..."}} for aeb_score.py')
    ap.add_argument("--library-defaults", action="store_true",
                    help="call trafilatura.extract(html) with no options (comments included)")
    args = ap.parse_args(argv)
    kwargs = {} if args.library_defaults else {"include_comments": False}
    settings = "defaults" if args.library_defaults else "no_comments"

    aeb_dir = args.aeb_dir or default_aeb_dir()
    pages = load_pages(aeb_dir)
    if not pages:
        sys.exit(f"no pages under {aeb_dir}/html")
    total_bytes = sum(n for _, _, n in pages)

    run_pass(pages[: args.warmup], kwargs)

    best_wall = best_cpu = None
    preds = None
    for i in range(max(1, args.repeat)):
        c0, t0 = time.process_time(), time.perf_counter()
        preds = run_pass(pages, kwargs)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        print(f"pass {i + 1}: {wall:.3f} s wall, {cpu:.3f} s cpu, "
              f"{len(pages) / wall:.1f} pages/s", file=sys.stderr)
        best_wall = wall if best_wall is None else min(best_wall, wall)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)

    if args.write_predictions:
        with open(args.write_predictions, "wt", encoding="utf-8") as f:
            json.dump({k: {"articleBody": v} for k, v in preds.items()}, f,
                      ensure_ascii=False, indent=1, sort_keys=True)

    empty = sum(1 for v in preds.values() if not v.strip())
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"version={trafilatura.__version__}")
    print(f"settings={settings}")
    print(f"pages={len(pages)}")
    print(f"mb={total_bytes / 1e6:.3f}")
    print(f"total_sec={best_wall:.3f}")
    print(f"cpu_sec={best_cpu:.3f}")
    print(f"pages_per_sec={len(pages) / best_wall:.1f}")
    print(f"mb_per_sec={total_bytes / 1e6 / best_wall:.2f}")
    print(f"peak_rss_mb={peak_rss_mb:.1f}")
    print(f"trafilatura pages_per_sec={len(pages) / best_wall:.1f} "
          f"mb_per_sec={total_bytes / 1e6 / best_wall:.2f} pages={len(pages)} "
          f"peak_rss_mb={peak_rss_mb:.1f} total_sec={best_wall:.3f} "
          f"cpu_pages_per_sec={len(pages) / best_cpu:.1f} empty={empty} repeat={max(1, args.repeat)} "
          f"version={trafilatura.__version__} settings={settings}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
