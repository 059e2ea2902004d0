#!/usr/bin/env python3
"""Score underthesea's named-entity tagger on the labelled entity set.

Runs underthesea.ner (the CRF model that ships inside the underthesea wheel:
underthesea/pipeline/ner/ner_crf_2017_10_12.bin; nothing is downloaded) on the
`text` of every record of tests/data/entities_gold.jsonl, turns its BIO tags
into code-point spans (PER, ORG, LOC; its MISC is ignored) and scores them
against the gold PER/ORG/LOC mentions: exact span + type, micro-averaged over
all records. DOC, MONEY and PERCENT gold mentions are not scored (underthesea
has no such types).

Usage:
    python3 bench/underthesea_entities.py [--gold FILE] [--predictions OUT.jsonl] [--by-source]
                                          [--split-sentences]

Each record's text is tagged at once by default (--split-sentences: one call
per sentence of underthesea.sent_tokenize). Tokens are located in the text by
code point (underthesea may re-spell a syllable's tone mark; such a token is
matched by its letters); punctuation tokens at the edges of a span are trimmed.

Output, one line per type, then PER+ORG+LOC together:
    PER  P 0.812  R 0.745  F1 0.777  (gold 412, predicted 380, correct 307)

Needs underthesea (bench/requirements-ner.txt). If it is not importable, the
script re-runs itself with $UTS_VENV/bin/python (UTS_VENV default: /work/venv-uts):
    python3 -m venv /work/venv-uts && /work/venv-uts/bin/pip install -r bench/requirements-ner.txt
"""
import argparse
import json
import os
import sys
import unicodedata
from pathlib import Path

# The CRF tagger is local; make sure nothing in the import chain reaches for a model hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

try:
    import underthesea
    from underthesea import ner
except ImportError:
    venv = Path(os.environ.get("UTS_VENV", "/work/venv-uts"))
    py = venv / "bin" / "python"
    if py.exists() and Path(sys.prefix).resolve() != venv.resolve():
        os.execv(str(py), [str(py), os.path.abspath(__file__)] + sys.argv[1:])
    sys.exit(f"underthesea is not importable; create the venv: python3 -m venv {venv} "
             f"&& {venv}/bin/pip install -r bench/requirements-ner.txt (or set UTS_VENV)")

TYPES = ("PER", "ORG", "LOC")


def base(s: str) -> str:
    """Letters without diacritics, case-folded: to compare a token the tokenizer
    re-spelled (tone-mark placement, Ð/Đ) with the text it came from."""
    s = unicodedata.normalize("NFD", s.replace("Ð", "Đ").replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def align(text: str, tokens):
    """Code-point (start, end) of each token in text, or None where a token
    cannot be found. Tokens are words of one or more space-separated syllables,
    in text order; the tokenizer may split punctuation that the text writes
    without spaces and may re-spell a syllable without changing its length."""
    spans = []
    pos = 0
    n = len(text)
    for tok in tokens:
        start = end = None
        for syl in tok.split():
            while pos < n and text[pos].isspace():
                pos += 1
            at = None
            if text.startswith(syl, pos):
                at = pos
            elif base(text[pos:pos + len(syl)]) == base(syl):
                at = pos
            else:
                j = text.find(syl, pos, pos + 40 + len(syl))
                if j >= 0:
                    at = j
            if at is None:
                start = None
                break
            if start is None:
                start = at
            end = at + len(syl)
            pos = end
        spans.append((start, end) if start is not None else None)
    return spans


def tag_spans(text: str):
    """underthesea's PER/ORG/LOC spans in text, and how many tokens did not align.
    BIO: B-X opens a span, I-X continues an open span of the same type (an I-X
    with no such span opens one). Tokens with no letter or digit (punctuation
    the tagger sometimes includes, e.g. a comma tagged B-LOC before a name)
    are trimmed from both ends of a span."""
    rows = ner(text)
    offsets = align(text, [r[0] for r in rows])
    groups, cur, missed = [], None, 0
    for row, off in zip(rows, offsets):
        tag = row[3]
        if off is None:
            missed += 1
            cur = None
            continue
        kind = tag[2:] if tag[:2] in ("B-", "I-") else None
        if kind not in TYPES:
            cur = None
            continue
        tok = (off[0], off[1], any(ch.isalnum() for ch in row[0]))
        if tag.startswith("I-") and cur is not None and cur[0] == kind:
            cur[1].append(tok)
        else:
            cur = (kind, [tok])
            groups.append(cur)
    out = []
    for kind, toks in groups:
        while toks and not toks[0][2]:
            toks = toks[1:]
        while toks and not toks[-1][2]:
            toks = toks[:-1]
        if toks:
            out.append({"start": toks[0][0], "end": toks[-1][1], "text": text[toks[0][0]:toks[-1][1]],
                        "type": kind})
    return out, missed


def predict(text: str, split_sentences: bool):
    """Spans over the whole text, tagging it at once or sentence by sentence
    (underthesea.sent_tokenize; each sentence is located in the text)."""
    if not split_sentences:
        return tag_spans(text)
    out, missed, pos = [], 0, 0
    for sent in underthesea.sent_tokenize(text):
        at = text.find(sent, pos)
        if at < 0:  # the splitter changed the text: fall back to the whole record
            return tag_spans(text)
        spans, miss = tag_spans(sent)
        missed += miss
        for m in spans:
            m["start"] += at
            m["end"] += at
        out.extend(spans)
        pos = at + len(sent)
    return out, missed


def prf(c, g, p):
    pr = c / p if p else 0.0
    rc = c / g if g else 0.0
    f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
    return pr, rc, f1


def table(gold, pred, label_width=4):
    lines = []
    for t in TYPES + ("ALL",):
        keep = (lambda m: m[3] in TYPES) if t == "ALL" else (lambda m, t=t: m[3] == t)
        g = {m for m in gold if keep(m)}
        p = {m for m in pred if keep(m)}
        c = len(g & p)
        pr, rc, f1 = prf(c, len(g), len(p))
        name = "PER+ORG+LOC" if t == "ALL" else t
        lines.append(f"{name:<{label_width}} P {pr:.3f}  R {rc:.3f}  F1 {f1:.3f}  "
                     f"(gold {len(g)}, predicted {len(p)}, correct {c})")
    return lines


def main(argv=None):
    repo = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=repo / "tests" / "data" / "entities_gold.jsonl")
    ap.add_argument("--predictions", metavar="OUT.jsonl",
                    help='write {"id", "source", "field", "mentions": [{start, end, text, type}]} per record')
    ap.add_argument("--by-source", action="store_true", help="also print the table for each source")
    ap.add_argument("--split-sentences", action="store_true",
                    help="tag each sentence (underthesea.sent_tokenize) separately instead of the whole record")
    args = ap.parse_args(argv)

    records = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold, pred, missed, per_source = set(), set(), 0, {}
    out = open(args.predictions, "w", encoding="utf-8") if args.predictions else None
    for r in records:
        spans, miss = predict(r["text"], args.split_sentences)
        missed += miss
        g = {(r["id"], m["start"], m["end"], m["type"]) for m in r["mentions"] if m["type"] in TYPES}
        p = {(r["id"], m["start"], m["end"], m["type"]) for m in spans}
        gold |= g
        pred |= p
        src = per_source.setdefault(r["source"], (set(), set()))
        src[0].update(g)
        src[1].update(p)
        if out:
            out.write(json.dumps({"id": r["id"], "source": r["source"], "field": r["field"],
                                  "mentions": spans}, ensure_ascii=False) + "\n")
    if out:
        out.close()

    mode = "per sentence" if args.split_sentences else "whole record at once"
    print(f"underthesea {underthesea.__version__} ner (CRF) on {args.gold.name}: "
          f"{len(records)} records, {mode}; exact span+type, micro-averaged")
    for line in table(gold, pred):
        print(line)
    if missed:
        print(f"warning: {missed} underthesea tokens could not be aligned to the text (their tags were dropped)")
    if args.by_source:
        for src in sorted(per_source):
            print(f"\n[{src}]")
            for line in table(*per_source[src]):
                print(line)


if __name__ == "__main__":
    main()
