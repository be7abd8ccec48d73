#!/usr/bin/env bash
# Measures briefs' ranking on the three test collections in ../shared/data (SciFact, Cranfield,
# CISI) with `briefs eval`, and prints a Markdown table: nDCG@10, MRR@10, recall@100 and MAP for
# each, with queries as words (how issue 12's table was measured) and as typed.
#
#   scripts/eval_collections.sh            # uses target/release/briefs (cargo build --release)
#   BRIEFS=target/debug/briefs scripts/eval_collections.sh
#
# Each corpus is converted with scripts/beir_to_jsonl.py (id kept, title, text split into
# passages at newlines) and ingested into a fresh index under $WORK (default: a new temporary
# folder, printed at the end with the JSON reports and TREC run files). Cranfield is scored with
# --binary: its grades run from 1 (most relevant) to 4, so every grade above 0 counts as 1.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
data=${DATA:-$root/../shared/data}
briefs=${BRIEFS:-$root/target/release/briefs}
work=${WORK:-$(mktemp -d -t briefs-eval.XXXXXX)}

[ -x "$briefs" ] || { echo "no briefs binary at $briefs: cargo build --release, or set BRIEFS" >&2; exit 2; }
[ -d "$data" ] || { echo "no test collections at $data: set DATA" >&2; exit 2; }

field() { python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print(f\"{r['overall'][sys.argv[2]]:.4f}\")" "$1" "$2"; }

echo "| collection | queries | nDCG@10 | MRR@10 | R@100 | MAP | typed: nDCG@10 | typed: MAP | p50 ms |"
echo "|---|---|---|---|---|---|---|---|---|"
for c in beir-scifact cranfield cisi; do
  qrels=$data/$c/qrels.tsv
  [ "$c" = beir-scifact ] && qrels=$data/$c/qrels/test.tsv
  extra=()
  [ "$c" = cranfield ] && extra=(--binary)
  python3 "$root/scripts/beir_to_jsonl.py" "$data/$c/corpus.jsonl" "$work/$c/archive" 2>/dev/null
  "$briefs" ingest "$work/$c/archive" --index "$work/$c/index" --rebuild --json > "$work/$c/ingest.json" || true
  for mode in words typed; do
    flags=("${extra[@]}")
    [ "$mode" = words ] && flags+=(--words)
    "$briefs" eval --queries "$data/$c/queries.jsonl" --qrels "$qrels" --index "$work/$c/index" \
      "${flags[@]}" --run "$work/$c/$mode.run" --json > "$work/$c/$mode.json"
  done
  w=$work/$c/words.json t=$work/$c/typed.json
  echo "| $c | $(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['overall']['queries'])" "$w") | $(field "$w" ndcg) | $(field "$w" mrr) | $(field "$w" recall) | $(field "$w" map) | $(field "$t" ndcg) | $(field "$t" map) | $(python3 -c "import json,sys; print(f\"{json.load(open(sys.argv[1]))['overall']['p50_ms']:.1f}\")" "$w") |"
done
echo
echo "reports, run files and indexes: $work"
