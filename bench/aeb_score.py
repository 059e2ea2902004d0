#!/usr/bin/env python3
"""Score article-body predictions with the article-extraction-benchmark metric.

Re-implements the metric of scrapinghub/article-extraction-benchmark (evaluate.py),
as summarised in shared/data/README.md (section aeb/):

* tokens: every match of ``\\w+`` (Python ``re``, Unicode), case kept;
* per page: multisets of 4-token shingles of truth and prediction (a text with
  1-3 tokens is one shorter shingle, an empty text has none);
  tp = shared shingles (multiset intersection), fp = predicted only,
  fn = truth only; tp, fp, fn are then divided by tp+fp+fn (left at 0 when the
  sum is 0, i.e. both texts empty);
* page precision = 1 if fp == fn == 0, else 0 if tp == fp == 0, else tp/(tp+fp);
  page recall likewise with fn;
* precision = mean over pages with tp+fp > 0; recall = mean over pages with
  tp+fn > 0; F1 = 2PR/(P+R) of the two means.
* accuracy (also reported by the newer evaluate.py) = share of pages whose
  prediction has exactly the truth's token sequence.

An empty prediction drops out of the precision mean (it only lowers recall), so
the number of empty predictions is reported too. A page whose truth and
prediction are both empty drops out of both means (as in evaluate.py).

Usage:
    python3 bench/aeb_score.py PREDICTIONS.json [--truth GROUND_TRUTH.json] [--per-page] [--json]

PREDICTIONS.json has the shape of the ground truth: {"<id>": {"articleBody": "..."}}.
A page missing from the predictions counts as an empty prediction (with a warning).
Default truth: $AEB_DIR/ground-truth.json, AEB_DIR defaulting to
<repo>/../shared/data/aeb. Pure standard library.
"""
import argparse
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

NGRAM_N = 4
_TOKEN_RE = re.compile(r"\w+", re.UNICODE)


def default_aeb_dir() -> Path:
    env = os.environ.get("AEB_DIR")
    if env:
        return Path(env)
    repo_root = Path(__file__).resolve().parent.parent
    return repo_root.parent / "shared" / "data" / "aeb"


def tokenize(text):
    return _TOKEN_RE.findall(text or "")


def shingles(text, n=NGRAM_N):
    """Multiset of n-token shingles; fewer than n tokens -> one shorter shingle."""
    tokens = tokenize(text)
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def match_page(truth, pred):
    """Normalised (tp, fp, fn) for one page."""
    t = shingles(truth)
    p = shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    s = tp + fp + fn
    if s > 0:
        return tp / s, fp / s, fn / s
    return 0.0, 0.0, 0.0


def page_precision(tp, fp, fn):
    if fp == 0 and fn == 0:
        return 1.0
    if tp == 0 and fp == 0:
        return 0.0
    return tp / (tp + fp)


def page_recall(tp, fp, fn):
    if fp == 0 and fn == 0:
        return 1.0
    if tp == 0 and fn == 0:
        return 0.0
    return tp / (tp + fn)


def _mean(xs):
    return sum(xs) / len(xs) if xs else 0.0


def aggregate(tp_fp_fns):
    precision = _mean([page_precision(*x) for x in tp_fp_fns if x[0] + x[1] > 0])
    recall = _mean([page_recall(*x) for x in tp_fp_fns if x[0] + x[2] > 0])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    return f1, precision, recall


def _body(entry):
    if entry is None:
        return ""
    if isinstance(entry, str):
        return entry
    return entry.get("articleBody") or ""


def load_json(path):
    with open(path, "rt", encoding="utf-8") as f:
        return json.load(f)


def score(truth, preds):
    """Return (summary dict, per-page rows)."""
    missing = [k for k in truth if k not in preds]
    extra = [k for k in preds if k not in truth]
    if missing:
        print(f"warning: {len(missing)} page(s) missing from predictions, scored as empty",
              file=sys.stderr)
    if extra:
        print(f"warning: {len(extra)} prediction(s) not in ground truth, ignored",
              file=sys.stderr)
    rows = []
    empty = 0
    exact = 0
    for key in sorted(truth):
        t = _body(truth[key])
        p = _body(preds.get(key))
        pred_tokens = tokenize(p)
        if not pred_tokens:
            empty += 1
        if pred_tokens == tokenize(t):
            exact += 1
        tp, fp, fn = match_page(t, p)
        prec = page_precision(tp, fp, fn) if tp + fp > 0 else None
        rec = page_recall(tp, fp, fn) if tp + fn > 0 else None
        rows.append({"id": key, "tp": tp, "fp": fp, "fn": fn,
                     "precision": prec, "recall": rec})
    f1, precision, recall = aggregate([(r["tp"], r["fp"], r["fn"]) for r in rows])
    summary = {"f1": f1, "precision": precision, "recall": recall,
               "empty": empty, "pages": len(rows), "missing": len(missing),
               "accuracy": exact / len(rows) if rows else 0.0}
    return summary, rows


def _fmt(x):
    return "-" if x is None else f"{x:.4f}"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("predictions", help='JSON {"<id>": {"articleBody": "..."}}')
    ap.add_argument("--truth", help="ground-truth.json (default: $AEB_DIR/ground-truth.json)")
    ap.add_argument("--per-page", action="store_true",
                    help="also print each page's precision/recall, worst first")
    ap.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    args = ap.parse_args(argv)

    truth_path = Path(args.truth) if args.truth else default_aeb_dir() / "ground-truth.json"
    truth = load_json(truth_path)
    preds = load_json(args.predictions)
    summary, rows = score(truth, preds)

    if args.per_page:
        def key(r):
            p = 0.0 if r["precision"] is None else r["precision"]
            rc = 0.0 if r["recall"] is None else r["recall"]
            f = 2 * p * rc / (p + rc) if p + rc > 0 else 0.0
            return (f, rc, p, r["id"])
        print(f"{'id':<64} {'precision':>9} {'recall':>9}")
        for r in sorted(rows, key=key):
            print(f"{r['id']:<64} {_fmt(r['precision']):>9} {_fmt(r['recall']):>9}")
        print()

    if args.json:
        print(json.dumps(summary, sort_keys=True))
    else:
        print(f"f1={summary['f1']:.4f}")
        print(f"precision={summary['precision']:.4f}")
        print(f"recall={summary['recall']:.4f}")
        print(f"empty={summary['empty']}")
        print(f"pages={summary['pages']}")
        print(f"accuracy={summary['accuracy']:.4f}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # e.g. piped into head
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
