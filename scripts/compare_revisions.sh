#!/usr/bin/env bash
# Compare what two revisions of `briefs` answer on the same fixed synthetic archive
# (issue 10, acceptance criterion 8: behaviour unchanged by the restructuring).
#
#   scripts/compare_revisions.sh BEFORE AFTER        e.g.  scripts/compare_revisions.sh 2524099 HEAD
#
# BEFORE and AFTER are any git revisions, resolved in the repository of the CURRENT directory
# (run it from /work/main to mean main's HEAD). For each revision the script:
#   1. checks it out with `git worktree add --detach` into $COMPARE_WORK_DIR/wt-<sha12>, copies a
#      warm debug target ($TARGET_SEED_DIR, default <main worktree>/target/debug; the compiled
#      dependencies only unless TARGET_COPY=full) into its target/debug before the first build, and runs `cargo build --bin briefs` (debug) there.
#      Worktrees and their targets are kept, so a re-run only rebuilds what changed.
#   2. generates the archive: `briefs synth --count 2000 --seed 11` with AFTER, and again with
#      BEFORE; the two folders must be byte-identical (`diff -r`).
#   3. ingests AFTER's archive with each binary into its own index and compares the --json
#      reports minus timing fields. Ingest runs with `--threads 1` (INGEST_THREADS): with one
#      writer per core the order of documents across segments varies from run to run even for
#      the same binary, which reorders timeline ties and changes index byte counts.
#   4. runs ~100 fixed requests with each binary against its own index, --json, and compares the
#      JSON minus timing keys (took_ms, *_ms, *_secs, *_per_sec, stages, started*, last_ingest)
#      plus the exit status: search (one/two/three words, phrases, exclusions, OR, title:,
#      inline author:/topic:/region:/kind:, typos, empty query with filters, every filter flag,
#      --sort, --per-brief, --limit/--offset paging, --facets, no-hit queries), entities
#      (including --kind person), timeline, show, stats and parse. Words, names and filter
#      values are drawn from the archive (`briefs parse` of 40 of its files, AFTER binary), so
#      queries hit. Only requests valid in both revisions are sent: error texts and the new
#      refusals (--per-brief 0, caps) are deliberate interface changes and are not compared.
#      A request that fails the same way in both (say, a panic) counts as same and is listed
#      apart, as a bug to look at. The list is written to run-*/requests.txt.
#   5. runs `briefs bench --briefs 2000 --seed 11 --per-class 20 --json` with each binary and
#      compares what is not a timing: corpus, files, briefs, passages, raw bytes, and per query
#      class its name, example query and how many queries each engine timed. The bench report
#      has no hit counts, so each class's example query is also run through `briefs search`
#      with both binaries (class "bench-example" in step 4).
# It prints one line per request class, the first differences in detail, and a final
# "N same, M differ" line. Every output is kept under $COMPARE_WORK_DIR/run-<b12>-<a12>/.
#
# Exit status: 0 when everything compared is the same, 1 when something differs, 2 when a
# build or a setup step failed.
#
# Environment:
#   COMPARE_WORK_DIR  worktrees, builds and runs (default ${TMPDIR:-/tmp}/briefs-compare).
#                     Each worktree holds a ~4 GB target. Worktrees there of revisions other
#                     than BEFORE and AFTER are removed at the start (KEEP_OLD=1 keeps them);
#                     CLEAN=1 also removes BEFORE's and AFTER's at the end.
#   TARGET_SEED_DIR   warm debug target copied into a new worktree (default: the main worktree's
#                     target/debug). A copy that races with a build there may miss files; cargo
#                     rebuilds whatever is missing.
#   TARGET_COPY       lean (default: compiled dependencies only, ~3 GB; see seed_target) or full
#                     (`cp -a` of the whole folder, ~9 GB).
#   COUNT, SEED       archive size and seed (default 2000, 11).
#   INGEST_THREADS    `briefs ingest --threads` (default 1, see step 3).
#   BENCH             0 to skip step 5 (default 1).   BENCH_PER_CLASS  default 20.
#   CLEAN             1 to remove both worktrees at the end (default 0: keep them for re-runs).
#
# Needs git, cargo, python3. About 2 minutes on 2 cores when both worktrees are built (bench
# included); a new worktree adds a ~3 GB copy and a build of the briefs crate (~30 s to minutes).
set -euo pipefail

die() { echo "error: $*" >&2; exit 2; }
[ $# -eq 2 ] || { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 2; }
command -v python3 >/dev/null || die "python3 is needed"
command -v cargo >/dev/null || die "cargo is needed"

git rev-parse --git-dir >/dev/null 2>&1 || die "run from inside the briefs git repository"
BEFORE=$(git rev-parse --verify --quiet "$1^{commit}") || die "unknown revision: $1"
AFTER=$(git rev-parse --verify --quiet "$2^{commit}") || die "unknown revision: $2"
MAIN_WT=$(cd "$(git rev-parse --git-common-dir)/.." && pwd)

WORK=${COMPARE_WORK_DIR:-${TMPDIR:-/tmp}/briefs-compare}
SEED_DIR=${TARGET_SEED_DIR:-$MAIN_WT/target/debug}
COUNT=${COUNT:-2000}
SEED=${SEED:-11}
INGEST_THREADS=${INGEST_THREADS:-1}
BENCH=${BENCH:-1}
BENCH_PER_CLASS=${BENCH_PER_CLASS:-20}
CLEAN=${CLEAN:-0}
TARGET_COPY=${TARGET_COPY:-lean}
KEEP_OLD=${KEEP_OLD:-0}
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)

echo "== before: $1 = ${BEFORE:0:12}   after: $2 = ${AFTER:0:12}   work: $WORK"

# seed_target SRC DEST: copy a warm debug target. "lean" copies what a build of the briefs binary
# in another folder can reuse: the compiled dependencies (deps/ files with an extension), build
# script outputs and fingerprints; it leaves out test and example executables, incremental caches
# and the top-level binaries, which belong to the other folder's own crate (about 3 GB of 9).
seed_target() {
  local src=$1 dest=$2 rc=0
  mkdir -p "$dest"
  if [ "$TARGET_COPY" = full ]; then
    cp -a "$src/." "$dest/" || rc=$?
    return "$rc"
  fi
  mkdir -p "$dest/deps"
  cp -a "$src/build" "$src/.fingerprint" "$dest/" || rc=$?
  find "$src/deps" -maxdepth 1 -type f -name '*.*' ! -name 'libbriefs-*' ! -name 'briefs-*' \
    -exec cp -a -t "$dest/deps/" {} + || rc=$?
  return "$rc"
}

# build REV -> sets BIN to the debug briefs binary of REV, built in its own worktree.
build() {
  local rev=$1 wt="$WORK/wt-${1:0:12}" log="$WORK/build-${1:0:12}.log"
  git worktree prune
  if [ -e "$wt" ]; then
    [ "$(git -C "$wt" rev-parse HEAD 2>/dev/null)" = "$rev" ] ||
      die "$wt exists but is not a worktree at ${rev:0:12}: remove it"
    echo "== worktree $wt (reused)"
  else
    echo "== worktree $wt"
    git worktree add --quiet --detach "$wt" "$rev"
  fi
  if [ ! -d "$wt/target/debug" ]; then
    if [ -d "$SEED_DIR" ]; then
      echo "   copying warm target from $SEED_DIR ($TARGET_COPY)"
      seed_target "$SEED_DIR" "$wt/target/debug" 2>"$WORK/copy-${rev:0:12}.log" ||
        echo "   warning: copy incomplete (a build there changed files?); cargo rebuilds what is missing"
      echo "   copied $(du -sh "$wt/target/debug" | cut -f1)"
    else
      echo "   warning: no warm target at $SEED_DIR: cold build (many minutes)"
    fi
  fi
  echo "   cargo build --bin briefs (log: $log)"
  if ! (cd "$wt" && CARGO_TARGET_DIR="$wt/target" cargo build --bin briefs) >"$log" 2>&1; then
    tail -20 "$log" >&2
    die "build of ${rev:0:12} failed"
  fi
  tail -1 "$log" | sed 's/^ */   /'
  BIN="$wt/target/debug/briefs"
}

# write_python FILE: the Python half (request set, runs, JSON comparison), kept in this one file.
write_python() {
  cat >"$1" <<'PY'
"""compare_revisions.sh, Python half: build the request set, run it with both binaries, compare.

Usage: python3 compare.py RUN_DIR BEFORE_BIN AFTER_BIN
RUN_DIR holds archive/, before/ and after/ (each with idx/, ingest.json, synth.json and
maybe bench.json). Exit 0 when everything is the same, 1 when anything differs.
"""
import json
import os
import re
import shlex
import subprocess
import sys
from collections import Counter, OrderedDict

RUN = sys.argv[1]
BIN = {"before": sys.argv[2], "after": sys.argv[3]}
SIDES = ("before", "after")

# Keys that are timings (or wall-clock stamps), dropped before comparing.
TIMING = {"took_ms", "stages", "last_ingest", "peak_rss_mb", "secs"}
TIMING_RE = re.compile(r"(_ms|_secs|_per_sec)$|^started|_at$")


def load_json(text):
    return json.loads(text, object_pairs_hook=OrderedDict)


def strip(v):
    if isinstance(v, dict):
        return OrderedDict(
            (k, strip(x)) for k, x in v.items() if k not in TIMING and not TIMING_RE.search(k)
        )
    if isinstance(v, list):
        return [strip(x) for x in v]
    return v


def diff_paths(a, b, path="$", out=None, limit=6):
    """The first `limit` places where a and b differ, as (path, before, after)."""
    out = [] if out is None else out
    if len(out) >= limit:
        return out
    if isinstance(a, dict) and isinstance(b, dict):
        for k in list(a) + [k for k in b if k not in a]:
            if k not in b:
                out.append((f"{path}.{k}", a[k], "<missing>"))
            elif k not in a:
                out.append((f"{path}.{k}", "<missing>", b[k]))
            else:
                diff_paths(a[k], b[k], f"{path}.{k}", out, limit)
            if len(out) >= limit:
                return out
        if list(a) != list(b) and set(a) == set(b):
            out.append((f"{path} key order", list(a)[:12], list(b)[:12]))
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            out.append((f"{path} length", len(a), len(b)))
        for i, (x, y) in enumerate(zip(a, b)):
            diff_paths(x, y, f"{path}[{i}]", out, limit)
            if len(out) >= limit:
                return out
    elif a != b or type(a) is not type(b):
        out.append((path, a, b))
    return out


def short(v, n=200):
    s = v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
    return s if len(s) <= n else s[: n - 3] + "..."


# ---------------------------------------------------------------------------------------------
# Words, names and filter values drawn from the archive.

def parse_file(side, rel):
    p = subprocess.run(
        [BIN[side], "parse", os.path.join("..", rel), "--json"],
        cwd=os.path.join(RUN, side), capture_output=True, text=True, timeout=300,
    )
    if p.returncode != 0:
        sys.exit(f"briefs parse {rel} failed ({side}): {p.stderr.strip()}")
    return [json.loads(line) for line in p.stdout.splitlines() if line.strip()]


STOP = set(
    """that with from this have were their which would there been they also into than more
    about over after under while where these those other some such only most much many could
    should will them when what because between against during before since until among being
    across said says very even still least whether""".split()
)


def toks(text):
    return re.findall(r"[A-Za-z]+", text)


def content(w):
    return len(w) >= 5 and w.islower() and w not in STOP


def del_at(w, i):
    return w[:i] + w[i + 1:]


def build_cases():
    files = sorted(
        os.path.relpath(os.path.join(d, f), RUN)
        for d, _, fs in os.walk(os.path.join(RUN, "archive"))
        for f in fs
    )
    step = max(1, len(files) // 40)
    sample = files[::step][:40]
    briefs = [b for rel in sample for b in parse_file("after", rel)]
    passages = [p["text"] for b in briefs for p in b.get("passages", [])]

    cnt = Counter(w for t in passages for w in toks(t) if content(w))
    ranked = [w for w, _ in cnt.most_common()]
    common, common2 = ranked[0], ranked[3]
    mid = ranked[len(ranked) // 20]
    rare = next(w for w, _ in reversed(cnt.most_common()) if len(w) >= 7)
    long6 = next(w for w in ranked if len(w) >= 7 and w not in (common, common2))
    long8 = next(w for w in ranked if len(w) >= 10)

    bi, tri = Counter(), Counter()
    for t in passages:
        ws = toks(t)
        for i in range(len(ws) - 1):
            if content(ws[i]) and content(ws[i + 1]):
                bi[(ws[i], ws[i + 1])] += 1
            if i + 2 < len(ws) and content(ws[i]) and ws[i + 1].islower() and content(ws[i + 2]):
                tri[(ws[i], ws[i + 1], ws[i + 2])] += 1
    big = [" ".join(k) for k, _ in bi.most_common(6)]
    trig = [" ".join(k) for k, _ in tri.most_common(2)]

    title = briefs[0]["title"]
    tt = toks(title)
    tw = [w for w in tt if len(w) >= 5 and w.lower() not in STOP] or tt
    tphrase = next(
        (f"{a} {b}" for a, b in zip(tt, tt[1:]) if len(a) >= 4 and len(b) >= 4), " ".join(tt[:2])
    )
    title2 = toks(briefs[1]["title"])
    tw2 = [w for w in title2 if len(w) >= 5 and w.lower() not in STOP] or title2

    ents = {"person": Counter(), "organization": Counter(), "place": Counter()}
    aliases = {}
    for b in briefs:
        for e in b.get("entities", []):
            ents.setdefault(e["kind"], Counter())[e["name"]] += e.get("mentions", 1)
            for a in e.get("aliases", []):
                if a.isupper() and len(a) >= 2 and e["kind"] == "organization":
                    aliases.setdefault(a, e["name"])
    person = ents["person"].most_common(1)[0][0]
    person2 = ents["person"].most_common(2)[1][0]
    surname = person.split()[-1]
    places = [n for n, _ in ents["place"].most_common(2)]
    org = ents["organization"].most_common(1)[0][0]
    acronym = sorted(aliases)[0] if aliases else org

    def top(key, n=2):
        c = Counter()
        for b in briefs:
            v = b.get(key)
            for x in v if isinstance(v, list) else [v]:
                if x:
                    c[x["name"] if isinstance(x, dict) else x] += 1
        return [k for k, _ in c.most_common(n)]

    author1, author2 = top("authors")
    author_word = author1.split()[-1].lower()
    topic1, topic2 = top("topics")
    region1, region2 = top("regions")
    kind1, kind2 = top("kind")
    years = sorted(b["date"][:4] for b in briefs if b.get("date"))
    y_mid, y_low = years[len(years) // 2], years[len(years) // 4]

    long6_typo = del_at(long6, len(long6) // 2)
    long8_typo = del_at(del_at(long8, len(long8) - 3), 2)
    sub = "z" if long6[2] != "z" else "x"
    common_sub = (common2[:2] + sub + common2[3:]) if len(common2) > 3 else common2 + "x"
    name_typo = del_at(surname.lower(), len(surname) // 2) if len(surname) >= 6 else surname.lower()[::-1]

    S = "search"
    cases = []

    def add(cls, cmd, *args):
        cases.append({"class": cls, "cmd": cmd, "args": [str(a) for a in args]})

    for q in (common, mid, rare, tw[0], surname, common.upper(), acronym):
        add("one-word", S, q)
    for q in (f"{common} {mid}", big[0], f"{tw[0]} {tw[-1]}", f"{surname} {common2}", f"{mid} {rare}"):
        add("two-words", S, q)
    for q in (" ".join(tw2[:3]), trig[0], f"{common} {common2} {mid}", f"{big[1]} {surname}"):
        add("three-words", S, q)
    for q in (f'"{big[0]}"', f'"{trig[0]}"', f'"{tphrase}"', f'"{big[2]}" {common2}'):
        add("phrase", S, q)
    for q in (f"{common} -{mid}", f"{big[0].split()[0]} -{big[0].split()[1]}",
              f'{common2} -"{big[3]}"', f"{surname} -{places[0].split()[0]}"):
        add("exclusion", S, q)
    for q in (f"{places[0]} OR {places[1]}", f"{rare} OR {long6} {common}", f'"{big[4]}" OR {mid}'):
        add("or", S, q)
    for q in (f"title:{tw[0]}", f'title:"{tphrase}"', f"title:{tw2[0]} {common}"):
        add("title", S, q)
    for q in (f"author:{author_word} {common}", f'topic:"{topic1}"', f'region:"{region1}" {mid}',
              f'kind:"{kind1}" {common2}'):
        add("inline-field", S, q)
    for q in (long6_typo, common_sub, long8_typo, name_typo, f"{common} {long6_typo}"):
        add("typo", S, q)
    add("empty+filter", S, "--topic", topic1)
    add("empty+filter", S, "--region", region1)
    add("empty+filter", S, "--author", author1)
    add("empty+filter", S, "--kind", kind2)
    add("empty+filter", S, "--entity", person)
    add("empty+filter", S, "--since", y_mid, "--until", f"{y_mid}-06")
    add("filter", S, common, "--author", author1)
    add("filter", S, common, "--author", author_word)
    add("filter", S, mid, "--author", author1, "--author", author2)
    add("filter", S, common, "--topic", topic1.lower())
    add("filter", S, common2, "--topic", topic1, "--topic", topic2)
    add("filter", S, common, "--region", region1)
    add("filter", S, mid, "--region", region1, "--region", region2)
    add("filter", S, common, "--kind", kind1)
    add("filter", S, common, "--entity", person)
    add("filter", S, common2, "--entity", acronym, "--entity", surname)
    add("filter", S, common, "--since", y_mid)
    add("filter", S, common, "--until", f"{y_low}-06")
    add("filter", S, mid, "--since", f"{y_low}-03-01", "--until", f"{y_mid}-12-31")
    add("filter", S, common, "--region", region1, "--topic", topic1, "--since", y_low)
    add("sort", S, common, "--sort", "date")
    add("sort", S, big[0], "--sort", "date", "--limit", "20")
    add("sort", S, mid, "--sort", "relevance")
    add("sort", S, "--region", region2, "--sort", "date")
    add("per-brief", S, common, "--per-brief", "1")
    add("per-brief", S, common, "--per-brief", "3")
    add("per-brief", S, f"{common} {mid}", "--per-brief", "1", "--limit", "30")
    add("per-brief", S, common2, "--per-brief", "100", "--limit", "50")
    add("paging", S, common, "--limit", "5")
    add("paging", S, common, "--limit", "5", "--offset", "5")
    add("paging", S, common, "--limit", "0")
    add("paging", S, common2, "--limit", "1000")
    add("paging", S, common, "--offset", "10000")
    add("paging", S, mid, "--limit", "25", "--offset", "30", "--per-brief", "1")
    add("paging", S, "--topic", topic2, "--limit", "7", "--offset", "14")
    add("facets", S, common, "--facets")
    add("facets", S, "--region", region1, "--facets")
    add("facets", S, big[0], "--facets", "--limit", "0")
    add("facets", S, common2, "--facets", "--entity", person, "--since", y_low)
    add("no-hit", S, "qqxzvkw")
    add("no-hit", S, common, "--author", "Nobody Nowhere")
    add("entities", "entities")
    add("entities", "entities", "--kind", "person")
    add("entities", "entities", "--kind", "organization", "--top", "5")
    add("entities", "entities", "--kind", "place", "--since", y_mid)
    add("entities", "entities", common, "--top", "50")
    add("entities", "entities", mid, "--brief-kind", kind1, "--kind", "person")
    add("entities", "entities", "--region", region1, "--top", "500")
    add("timeline", "timeline")
    add("timeline", "timeline", common)
    add("timeline", "timeline", "--since", y_low, "--until", y_mid)
    add("timeline", "timeline", "--entity", person2, "--limit", "50")
    add("timeline", "timeline", "--region", region1, "--limit", "10")
    add("timeline", "timeline", "--limit", "1000")
    for b in briefs[:3]:
        add("show", "show", b["id"])
    add("stats", "stats")
    for rel in sample[:2]:
        add("parse", "parse", os.path.join("..", rel))
    return cases


def bench_example_cases():
    """The bench report's example query of each class, as search requests."""
    seen, cases = set(), []
    for side in SIDES:
        path = os.path.join(RUN, side, "bench.json")
        if not os.path.exists(path):
            continue
        with open(path) as f:
            report = json.load(f)
        for q in report.get("queries", []):
            ex = q.get("example", "")
            if ex in seen:
                continue
            seen.add(ex)
            m = re.match(r"^(.*?)((?: --(?:region|facets|sort)\b.*)?)$", ex)
            args = ([m.group(1)] if m.group(1) else []) + shlex.split(m.group(2))
            cases.append({"class": "bench-example", "cmd": "search", "args": args})
    return cases


# ---------------------------------------------------------------------------------------------
# Running and comparing.

def run_case(i, case, side):
    argv = [BIN[side], case["cmd"]] + case["args"] + ["--json"]
    if case["cmd"] != "parse":
        argv += ["--index", "idx"]
    p = subprocess.run(argv, cwd=os.path.join(RUN, side), capture_output=True, text=True, timeout=600)
    base = os.path.join(RUN, side, "out", f"{i:03d}-{case['class']}")
    with open(base + ".json", "w") as f:
        f.write(p.stdout)
    with open(base + ".err", "w") as f:
        f.write(p.stderr)
    try:
        if case["cmd"] == "parse":
            value = [load_json(line) for line in p.stdout.splitlines() if line.strip()]
        else:
            value = load_json(p.stdout) if p.stdout.strip() else None
    except ValueError:
        value = {"<stdout is not JSON>": p.stdout[:500]}
    return {"rc": p.returncode, "json": strip(value), "err": p.stderr.strip(), "file": base + ".json"}


def has_hits(cmd, v):
    if not isinstance(v, dict):
        return bool(v)
    if cmd == "search":
        return v.get("total_passages", 0) > 0
    if cmd == "entities":
        return len(v.get("entities", [])) > 0
    if cmd == "timeline":
        return v.get("total_events", 0) > 0
    return True


def first_line(err):
    """The line of stderr that says what went wrong (a panic's message, else the first line)."""
    lines = [l for l in err.splitlines() if l.strip()]
    for i, l in enumerate(lines):
        if "panicked at" in l:
            return " ".join(lines[i:i + 2])
    return lines[0] if lines else ""


def command_line(case):
    return "briefs " + " ".join(shlex.quote(a) for a in [case["cmd"]] + case["args"])


def main():
    results = []  # (class, label, same, detail lines)
    differences = []

    # Lines the shell half wrote (synth files).
    with open(os.path.join(RUN, "results.txt")) as f:
        for line in f:
            cls, verdict, detail = line.rstrip("\n").split("\t", 2)
            results.append((cls, verdict == "same"))
            if verdict != "same":
                differences.append((cls, detail, []))

    def compare_files(cls, name, rc_name=None):
        vals = {}
        for side in SIDES:
            with open(os.path.join(RUN, side, name)) as f:
                vals[side] = strip(load_json(f.read()))
        paths = diff_paths(vals["before"], vals["after"])
        rcs = {}
        if rc_name:
            for side in SIDES:
                with open(os.path.join(RUN, side, rc_name)) as f:
                    rcs[side] = f.read().strip()
            if rcs["before"] != rcs["after"]:
                paths.insert(0, ("exit status", rcs["before"], rcs["after"]))
        results.append((cls, not paths))
        if paths:
            differences.append((cls, f"{name} (before/ and after/)", paths))
        return vals

    compare_files("synth report", "synth.json")
    ingest = compare_files("ingest report", "ingest.json", "ingest.rc")

    cases = build_cases() + bench_example_cases()
    with open(os.path.join(RUN, "requests.txt"), "w") as f:
        for i, c in enumerate(cases):
            f.write(f"{i:03d} {c['class']:<14} {command_line(c)}\n")
    for side in SIDES:
        os.makedirs(os.path.join(RUN, side, "out"), exist_ok=True)

    per_class = OrderedDict()
    both_fail = []
    for i, case in enumerate(cases):
        out = {side: run_case(i, case, side) for side in SIDES}
        b, a = out["before"], out["after"]
        paths = []
        if b["rc"] != a["rc"]:
            paths.append(("exit status", b["rc"], a["rc"]))
            for side in SIDES:
                if out[side]["rc"] >= 2 or out[side]["rc"] < 0:
                    paths.append((f"{side} stderr", out[side]["rc"], first_line(out[side]["err"])))
        paths += diff_paths(b["json"], a["json"])
        same = not paths
        st = per_class.setdefault(case["class"], {"n": 0, "same": 0, "hits": 0, "fail": 0})
        st["n"] += 1
        st["same"] += same
        st["hits"] += has_hits(case["cmd"], a["json"])
        if same and (b["rc"] >= 2 or b["rc"] < 0):
            # The same failure on both sides is no difference, but it is a bug worth showing.
            st["fail"] += 1
            both_fail.append((case, b["rc"], first_line(b["err"]), first_line(a["err"])))
        results.append((case["class"], same))
        if not same:
            differences.append(
                (case["class"], f"#{i:03d} {command_line(case)}\n      files: {b['file']}  {a['file']}", paths)
            )

    print(f"{'check':<18} {'n':>3}  result")
    print(f"{'synth files':<18} {1:>3}  {'same' if results[0][1] else 'DIFFER'}  (archive from AFTER, diff -r)")
    print(f"{'synth report':<18} {1:>3}  {'same' if results[1][1] else 'DIFFER'}")
    ib = ingest["before"]
    print(f"{'ingest report':<18} {1:>3}  {'same' if results[2][1] else 'DIFFER'}"
          f"  ({ib.get('briefs_indexed')} briefs, {ib.get('passages_indexed')} passages)")
    for cls, st in per_class.items():
        differ = st["n"] - st["same"]
        verdict = f"{differ} differ" if not differ else f"{differ} DIFFER"
        fail = f", {st['fail']} FAIL IN BOTH" if st["fail"] else ""
        print(f"{cls:<18} {st['n']:>3}  {st['same']} same, {verdict:<9} ({st['hits']}/{st['n']} with results{fail})")

    bench_cmp(results, differences)

    n_same = sum(1 for _, s in results if s)
    n_diff = len(results) - n_same
    if differences:
        print(f"\n== first differences ({min(len(differences), 10)} of {len(differences)}; "
              f"before -> after)")
        for cls, label, paths in differences[:10]:
            print(f"[{cls}] {label}")
            for p, x, y in paths:
                print(f"    {p}:\n        before: {short(x)}\n        after:  {short(y)}")
    if both_fail:
        print(f"\n== requests that fail the same way in BOTH revisions (counted as same; a bug all the same)")
        for case, rc, eb, ea in both_fail:
            print(f"    {command_line(case)}\n        exit {rc}: {short(ea)}")
    print(f"\n{n_same} same, {n_diff} differ" + (f" ({len(both_fail)} of the same fail in both)" if both_fail else ""))
    print(f"(request list: {os.path.join(RUN, 'requests.txt')})")
    return 1 if n_diff else 0


def bench_cmp(results, differences):
    reports = {}
    for side in SIDES:
        path = os.path.join(RUN, side, "bench.json")
        if os.path.exists(path):
            with open(path) as f:
                reports[side] = load_json(f.read())
    if len(reports) < 2:
        print(f"{'bench':<18} {0:>3}  skipped")
        return

    def n_of(q, key):
        v = q.get(key)
        return v.get("n") if isinstance(v, dict) else None

    def view(r):
        v = OrderedDict((k, r.get(k)) for k in ("corpus", "files", "briefs", "passages", "raw_bytes"))
        v["classes"] = [
            OrderedDict(
                [("class", q.get("class")), ("example", q.get("example"))]
                + [(f"n_{k}", n_of(q, k)) for k in ("ours_1_thread", "ours_all_cores", "raw_tantivy", "fts5")]
            )
            for q in r.get("queries", [])
        ]
        return v

    b, a = view(reports["before"]), view(reports["after"])
    paths = diff_paths(b, a, limit=10)
    results.append(("bench", not paths))
    if paths:
        differences.append(("bench", "bench.json: corpus counts and query classes", paths))
    sizes = {
        side: tuple((reports[side].get(k) or {}).get("index_bytes") for k in ("ours", "raw_tantivy", "fts5"))
        for side in SIDES
    }
    print(f"{'bench':<18} {1:>3}  {'same' if not paths else 'DIFFER'}  "
          f"(files {a['files']}, briefs {a['briefs']}, passages {a['passages']}, raw bytes {a['raw_bytes']}, "
          f"{len(a['classes'])} classes: {', '.join(str(c['class']) for c in a['classes'])})")
    print(f"{'':<18}      bench JSON has no hit counts: each class's example is run as a search "
          f"(bench-example); index bytes ours/raw/fts5, not compared (ingest there uses every core): "
          f"before {sizes['before']}, after {sizes['after']}")


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (OSError, subprocess.SubprocessError, KeyError, IndexError, StopIteration, ValueError) as e:
        # A setup failure (a binary that timed out, an archive without the words needed), not
        # a difference between the revisions.
        print(f"error: {type(e).__name__}: {e}", file=sys.stderr)
        sys.exit(2)
PY
}

# Worktrees of other revisions left by earlier runs take ~3-9 GB each: remove them first.
if [ "$KEEP_OLD" != 1 ]; then
  for old in "$WORK"/wt-*; do
    [ -d "$old" ] || continue
    case "${old##*/}" in "wt-${BEFORE:0:12}" | "wt-${AFTER:0:12}") continue ;; esac
    echo "== removing the worktree of an earlier run: $old (KEEP_OLD=1 keeps it)"
    git worktree remove --force "$old" || echo "   warning: could not remove $old"
  done
fi

build "$BEFORE"; BIN_BEFORE=$BIN
build "$AFTER"; BIN_AFTER=$BIN

RUN="$WORK/run-${BEFORE:0:12}-${AFTER:0:12}"
rm -rf "$RUN"
mkdir -p "$RUN/before" "$RUN/after"
RESULTS="$RUN/results.txt"   # "check<TAB>same|differ<TAB>detail" lines for the final summary
: >"$RESULTS"

# 2. The archive: AFTER's is the one searched; BEFORE's must be byte-identical.
echo "== synth --count $COUNT --seed $SEED"
(cd "$RUN" && "$BIN_AFTER" synth --count "$COUNT" --seed "$SEED" --out archive --json >after/synth.json)
(cd "$RUN" && "$BIN_BEFORE" synth --count "$COUNT" --seed "$SEED" --out archive-before --json >before/synth.json)
if diff -r -q "$RUN/archive-before" "$RUN/archive" >"$RUN/synth.diff" 2>&1; then
  printf 'synth files\tsame\t%s files byte-identical\n' "$(find "$RUN/archive" -type f | wc -l)" >>"$RESULTS"
else
  printf 'synth files\tdiffer\t%s files differ (see %s), e.g. %s\n' "$(wc -l <"$RUN/synth.diff")" \
    "$RUN/synth.diff" "$(head -1 "$RUN/synth.diff")" >>"$RESULTS"
fi
rm -rf "$RUN/archive-before"

# 3. Ingest, each binary into its own index; same relative paths so reports and sources match.
for side in before after; do
  bin=$BIN_BEFORE; [ "$side" = after ] && bin=$BIN_AFTER
  echo "== ingest ($side)"
  rc=0
  (cd "$RUN/$side" && "$bin" ingest ../archive --index idx --threads "$INGEST_THREADS" --json \
    >ingest.json 2>ingest.err) || rc=$?
  echo "$rc" >"$RUN/$side/ingest.rc"
  [ "$rc" -le 1 ] || { cat "$RUN/$side/ingest.err" >&2; die "ingest ($side) failed with exit $rc"; }
done

# 5 (run first: step 4 runs the bench's example queries too). Bench, each binary in turn.
if [ "$BENCH" != 0 ]; then
  for side in before after; do
    bin=$BIN_BEFORE; [ "$side" = after ] && bin=$BIN_AFTER
    echo "== bench --briefs $COUNT --seed $SEED --per-class $BENCH_PER_CLASS ($side)"
    mkdir -p "$RUN/$side/benchwork"
    (cd "$RUN/$side" && "$bin" bench --briefs "$COUNT" --seed "$SEED" --per-class "$BENCH_PER_CLASS" \
      --work-dir benchwork --json >bench.json 2>bench.err) ||
      { tail -5 "$RUN/$side/bench.err" >&2; die "bench ($side) failed"; }
    rm -rf "$RUN/$side/benchwork"
  done
fi

# 4 and the summary: the Python half (request set, runs, JSON comparison).
echo "== requests"
status=0
write_python "$RUN/compare.py"
python3 "$RUN/compare.py" "$RUN" "$BIN_BEFORE" "$BIN_AFTER" || status=$?

if [ "$CLEAN" = 1 ]; then
  git worktree remove --force "$WORK/wt-${BEFORE:0:12}"
  [ "$AFTER" = "$BEFORE" ] || git worktree remove --force "$WORK/wt-${AFTER:0:12}"
else
  echo "(worktrees kept for re-runs: $WORK/wt-${BEFORE:0:12} $WORK/wt-${AFTER:0:12}; CLEAN=1 removes them)"
fi
echo "(outputs: $RUN/{before,after}/)"
exit "$status"
