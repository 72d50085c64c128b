#!/usr/bin/env bash
# Times whole `bin/slens scan` processes, JVM start included:
#   - one typical SAM template (the example application) with the class-data-sharing (CDS)
#     archive that the build writes, with the JDK's default CDS archive only, and with CDS off
#   - the `rules` listing (start-up and rule loading only)
#   - the whole shared corpus folder, when it exists
#   - generated SAM templates of 500, 1,000, 2,000 and 5,000 resources
# For each it prints the median and fastest of RUNS wall-clock times, the mean CPU time (user
# plus system), the peak resident memory of one more run from `/usr/bin/time -v`, and the
# one-minute load average before and after the runs. On a shared machine the wall times follow
# the load, so compare CPU times between runs made at different loads.
# It uses hyperfine when it is installed, and a shell loop otherwise.
#
# Build first with: ./mvnw -q -B package -DskipTests
# Environment: RUNS (default 10), SLENS_CORPUS (default ../shared/corpus), SIZES (default
# "500 1000 2000 5000").
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${RUNS:-10}
corpus=${SLENS_CORPUS:-../shared/corpus}
sizes=${SIZES:-500 1000 2000 5000}
today=2026-12-04

if [[ ! -f cli/target/slens.jar ]]; then
    echo "cli/target/slens.jar not found; build it first: ./mvnw -q -B package -DskipTests" >&2
    exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A copy of the launcher and the jar without slens.jsa, so that the JVM falls back to the JDK's
# default CDS archive.
mkdir -p "$work/no-archive/bin" "$work/no-archive/cli/target"
cp bin/slens "$work/no-archive/bin/"
cp cli/target/slens.jar "$work/no-archive/cli/target/"

peak_memory_kb() {
    # slens exits 4 when it has findings, so the status of the measured command is ignored.
    { /usr/bin/time -v "$@" > /dev/null 2> "$work/time.log"; } || true
    sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.log"
}

time_with_hyperfine() {
    hyperfine -N --style none --warmup 2 --runs "$runs" --ignore-failure \
        --export-json "$work/hyperfine.json" -- "$(printf '%q ' "$@")" > /dev/null 2>&1
    python3 - "$work/hyperfine.json" <<'PYTHON'
import json, statistics, sys
result = json.load(open(sys.argv[1]))["results"][0]
times = sorted(t * 1000 for t in result["times"])
cpu = (result["user"] + result["system"]) * 1000
print(f"{statistics.median(times):.0f} {times[0]:.0f} {cpu:.0f}")
PYTHON
}

time_with_loop() {
    local times=() start end
    for _ in $(seq "$runs"); do
        start=$(date +%s%N)
        "$@" > /dev/null 2>&1 || true
        end=$(date +%s%N)
        times+=($(( (end - start) / 1000000 )))
    done
    local sorted
    sorted=$(printf '%s\n' "${times[@]}" | sort -n)
    echo "$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p") $(echo "$sorted" | head -n 1) -"
}

time_command() {
    local label=$1
    shift
    local figures load_before
    load_before=$(cut -d' ' -f1 /proc/loadavg)
    if command -v hyperfine > /dev/null; then
        figures=$(time_with_hyperfine "$@")
    else
        figures=$(time_with_loop "$@")
    fi
    local median fastest cpu
    read -r median fastest cpu <<< "$figures"
    printf '%-44s median %6s ms  fastest %6s ms  CPU %6s ms  peak RSS %7s KB  load %s-%s\n' \
        "$label" "$median" "$fastest" "$cpu" "$(peak_memory_kb "$@")" "$load_before" \
        "$(cut -d' ' -f1 /proc/loadavg)"
}

echo "$(nproc) cores, $(java -version 2>&1 | head -n 1), load average $(cut -d' ' -f1-3 \
    /proc/loadavg), $runs runs each"
example=fixtures/src/main/resources/fixtures/projects/orders-app/template.yaml
time_command "one template, slens CDS archive" bin/slens scan --today "$today" "$example"
time_command "one template, JDK default CDS archive" "$work/no-archive/bin/slens" scan \
    --today "$today" "$example"
time_command "one template, CDS off (-Xshare:off)" env SLENS_JAVA_OPTS=-Xshare:off \
    bin/slens scan --today "$today" "$example"
time_command "rules listing" bin/slens rules

if [[ -d "$corpus" ]]; then
    count=$(find "$corpus" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \
        -o -name '*.template' \) | wc -l)
    time_command "corpus folder ($count files), SARIF" bin/slens scan --today "$today" \
        --format sarif "$corpus"
else
    echo "no corpus at $corpus: set SLENS_CORPUS to time a scan of it"
fi

read -r -a size_list <<< "$sizes"
python3 bench/large-templates.py --resources "$work" "${size_list[@]}"
for size in "${size_list[@]}"; do
    time_command "generated template, $size resources" bin/slens scan --today "$today" \
        "$work/resources-$size.yaml"
done
