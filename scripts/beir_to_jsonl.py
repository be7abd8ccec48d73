#!/usr/bin/env python3
"""Converts a BEIR-style corpus.jsonl into an archive `briefs ingest` reads.

    python3 scripts/beir_to_jsonl.py CORPUS.jsonl OUT_DIR [--shards N]

Each corpus record {"_id", "title", "text", ...} becomes a brief record
{"id": _id, "title": title, "passages": [each non-blank line of text]}: the record's `id`
is kept verbatim as the brief id, so `briefs eval` compares hits with the collection's
judgments directly (an `_id` alone would be ignored and the id hashed from the title). The
text is split at newlines into passages, as a plain-text document would be. Records with
neither a title nor text (Cranfield has two) are left out and counted on stderr.

The output is N files (default 8) of consecutive records, `corpus-00.jsonl` and up, so the
ingest parses them on every core. Only the standard library is used.
"""

import argparse
import json
import os
import sys


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", help="BEIR corpus.jsonl")
    ap.add_argument("out", help="output folder (created; existing corpus-*.jsonl replaced)")
    ap.add_argument("--shards", type=int, default=8, help="number of output files")
    args = ap.parse_args()

    records = []
    empty = []
    with open(args.corpus, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            r = json.loads(line)
            doc_id = str(r["_id"]).strip()
            title = (r.get("title") or "").strip()
            passages = [p.strip() for p in (r.get("text") or "").split("\n") if p.strip()]
            if not title and not passages:
                empty.append(doc_id)
                continue
            records.append({"id": doc_id, "title": title, "passages": passages})

    os.makedirs(args.out, exist_ok=True)
    for name in os.listdir(args.out):
        if name.startswith("corpus-") and name.endswith(".jsonl"):
            os.remove(os.path.join(args.out, name))
    shards = max(1, min(args.shards, len(records)))
    size = -(-len(records) // shards)
    for s in range(shards):
        chunk = records[s * size : (s + 1) * size]
        with open(os.path.join(args.out, f"corpus-{s:02}.jsonl"), "w", encoding="utf-8") as f:
            for r in chunk:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(
        f"{len(records)} records into {shards} files in {args.out}"
        + (f"; left out {len(empty)} with no title and no text: {', '.join(empty)}" if empty else ""),
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
