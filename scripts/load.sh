#!/usr/bin/env bash
# Load benchmark of `briefs serve` (not run in CI): a 10,000-brief archive, a mixed query set,
# ~20 s of wrk against 127.0.0.1, then requests/s and p50/p99 latency.
#
#   scripts/load.sh [DURATION_SECS] [CONNECTIONS]      (defaults: 20 s, 4 connections)
#   ARCHIVE=DIR scripts/load.sh                         (an existing archive instead)
#
# Needs wrk (apt-get install wrk). Builds the release binary. Uses `briefs synth` for the
# archive when the binary has it, else writes one with the small generator below (a
# 60-word vocabulary, so every query matches a third of the archive: a pessimistic load).
# After the main run, 5 s runs at 16 and 64 connections show latency as requests queue.
# Work files go to a temporary folder that is removed at the end. Traffic stays on loopback.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${1:-20}
CONNECTIONS=${2:-4}
COUNT=${COUNT:-10000}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }

echo "== build (release)"
cargo build --release --quiet
BIN="${CARGO_TARGET_DIR:-target}/release/briefs"

WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ -n "${ARCHIVE:-}" ]; then
  echo "== archive: $ARCHIVE"
  ln -s "$(cd "$ARCHIVE" && pwd)" "$WORK/archive"
elif "$BIN" synth --help >/dev/null 2>&1; then
  echo "== archive: $COUNT briefs (briefs synth --seed 1)"
  "$BIN" synth --count "$COUNT" --seed 1 --out "$WORK/archive" >/dev/null
else
  echo "== archive: $COUNT briefs (this briefs has no synth command: scripts/load.sh's own generator)"
  python3 - "$WORK/archive" "$COUNT" <<'PY'
import os, random, sys
out, count = sys.argv[1], int(sys.argv[2])
rng = random.Random(1)
regions = ["Iran", "Iraq", "Syria", "Yemen", "Oman", "Qatar", "Pakistan", "Afghanistan",
           "Lebanon", "Jordan", "Egypt", "Turkey", "Saudi Arabia", "Israel"]
topics = ["Energy & Water", "Terrorism", "Military & Security", "Sanctions", "Diplomacy",
          "Elections", "Refugees", "Shipping", "Nuclear", "Economy"]
authors = ["Leila Farahani", "Aaron Zelin", "Dana Stroul", "Omar Haddad", "Sara Nasser",
           "Michael Knights", "Hanin Ghaddar", "Farzin Nadimi", "Grant Rumley", "Ben Fishman"]
kinds = ["Brief Analysis", "Policy Notes", "Testimony", "Interview"]
people = ["Amir Khan Muttaqi", "Hassan Kazemi Qomi", "Mohammed Shia al-Sudani",
          "Abbas Araghchi", "Ismail Haniyeh", "Masoud Pezeshkian"]
words = ("water treaty talks border security militia drone strike sanctions oil exports "
         "refugee returns election ballot parliament coalition ceasefire negotiations "
         "reservoir drought dam shipping tanker strait port customs smuggling embassy "
         "delegation minister governor province budget reconstruction aid donors "
         "pipeline grid electricity protest court prisoner exchange").split()
months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
for i in range(count):
    sub = os.path.join(out, "%03d" % (i // 100))
    os.makedirs(sub, exist_ok=True)
    region = rng.choice(regions)
    person = rng.choice(people)
    title = " ".join(w.capitalize() for w in rng.sample(words, 4)) + " in " + region
    paras = []
    for p in range(rng.randint(5, 12)):
        s = " ".join(rng.choice(words) for _ in range(rng.randint(25, 60)))
        if rng.random() < 0.3:
            s = person + " said " + s
        paras.append(s.capitalize() + ".")
    body = "\n\n".join(paras[:3]) + "\n\nBackground\n\n" + "\n\n".join(paras[3:])
    text = "%s\n\nby %s\n\n%s %d, %d\n\n%s\n\nA standfirst about %s and %s.\n\n%s\n\nTOPICS\n\n%s\n\nREGIONS & COUNTRIES\n\n%s\n" % (
        title, rng.choice(authors), rng.choice(months), rng.randint(1, 28),
        rng.randint(2012, 2025), rng.choice(kinds), rng.choice(words), region, body,
        rng.choice(topics), region)
    with open(os.path.join(sub, "brief-%05d.txt" % i), "w") as f:
        f.write(text)
PY
fi

echo "== ingest"
"$BIN" ingest "$WORK/archive" --index "$WORK/index" --json \
  | python3 -c 'import json,sys; r=json.load(sys.stdin); print("   %d briefs, %d passages in %.1f s" % (r["briefs_total"], r["passages_total"], r["elapsed_secs"]))'

echo "== serve"
"$BIN" serve --index "$WORK/index" --addr 127.0.0.1:0 --port-file "$WORK/port" 2>"$WORK/serve.log" &
SERVER_PID=$!
for _ in $(seq 100); do [ -s "$WORK/port" ] && break; sleep 0.1; done
PORT=$(cat "$WORK/port")
BASE="http://127.0.0.1:$PORT"
curl -fsS "$BASE/api/stats" >/dev/null 2>&1 || python3 -c "import urllib.request; urllib.request.urlopen('$BASE/api/stats')"

# A mixed query set: words, phrases, typos, filters, facets, date sort, deep-ish pages,
# browsing, a brief, stats.
ID=$(python3 -c "import json,urllib.request; print(json.load(urllib.request.urlopen('$BASE/api/search?q=water&limit=1'))['hits'][0]['brief_id'])")
cat > "$WORK/paths.lua" <<LUA
local paths = {
  "/api/search?q=water+treaty",
  "/api/search?q=water+treaty&facets=true",
  "/api/search?q=border+security+talks",
  "/api/search?q=%22oil+exports%22",
  "/api/search?q=Mutaqi",
  "/api/search?q=sanctions&region=Iran&region=Iraq&facets=true",
  "/api/search?q=drone+strike&since=2020&until=2023",
  "/api/search?q=election&sort=date&limit=20",
  "/api/search?q=militia+-drone&offset=20",
  "/api/search?q=ceasefire+negotiations+delegation+minister+reconstruction",
  "/api/search?q=&topic=Terrorism&facets=true",
  "/api/search?q=refugee+returns&author=Aaron+Zelin",
  "/api/search?q=title:shipping",
  "/api/search?q=tanker+strait+port&per_brief=1&limit=50",
  "/api/search?q=reservoir",
  "/api/briefs/$ID",
  "/api/stats",
}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d seconds=%.1f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
LUA

echo "== warm-up (3 s)"
wrk -t2 -c"$CONNECTIONS" -d3s -s "$WORK/paths.lua" "$BASE" >/dev/null
# CPU seconds the server has used (user + system), to report its cost per request apart
# from whatever else shares the cores.
cpu_secs() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$SERVER_PID/stat"; }
echo "== wrk: ${DURATION} s, ${CONNECTIONS} connections, 2 threads, $(nproc) cores (server and wrk share them)"
echo "   load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
CPU0=$(cpu_secs)
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$WORK/paths.lua" "$BASE" | tee "$WORK/main.txt" | grep -E "RESULT|Non-2xx|Socket errors" || true
CPU1=$(cpu_secs)
REQS=$(sed -n 's/.*RESULT requests=\([0-9]*\).*/\1/p' "$WORK/main.txt")
awk -v a="$CPU0" -v b="$CPU1" -v n="$REQS" 'BEGIN { if (n > 0) printf "   server CPU: %.1f s for %d requests = %.2f ms per request (%.0f requests/s per core)\n", b - a, n, (b - a) * 1000 / n, n / (b - a) }'
for c in 16 64; do
  echo "== wrk: 5 s, $c connections"
  wrk -t2 -c"$c" -d5s -s "$WORK/paths.lua" "$BASE" | grep -E "RESULT|Non-2xx|Socket errors" || true
done
