#!/usr/bin/env python3
"""Turn a marked-up passage file into the JSON Lines the entity evaluation reads.

Each non-comment line of the source is one passage in which entities are written as
[[p|Name]] (person), [[o|Name]] (organization) or [[l|Name]] (place). The output has one
object per passage: {"text": ..., "entities": [{"start", "end", "kind"}]} with UTF-8 byte
offsets, which is what `tests/entities_eval.rs` and `scripts/spacy_compare.py` read.

Usage: scripts/labelled_to_jsonl.py tests/data/entities/labelled.src.txt > tests/data/entities/labelled.jsonl
"""
import json
import re
import sys

KINDS = {"p": "person", "o": "organization", "l": "place"}
MARK = re.compile(r"\[\[([pol])\|([^\]]+)\]\]")


def convert(line):
    out = bytearray()
    entities = []
    pos = 0
    for m in MARK.finditer(line):
        out += line[pos : m.start()].encode()
        start = len(out)
        out += m.group(2).encode()
        entities.append({"start": start, "end": len(out), "kind": KINDS[m.group(1)]})
        pos = m.end()
    out += line[pos:].encode()
    text = out.decode()
    if "[[" in text or "]]" in text:
        raise SystemExit(f"unbalanced markup in: {line}")
    return {"text": text, "entities": entities}


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            print(json.dumps(convert(line), ensure_ascii=False))


if __name__ == "__main__":
    main()
