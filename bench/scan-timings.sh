#!/usr/bin/env bash
# Times whole `bin/slens scan` runs: one template, the example application, and every
# template of the shared corpus when ../shared/corpus exists. Prints the median and the
# fastest of RUNS wall-clock times in milliseconds, and the peak resident memory of one run.
# Build first with: ./mvnw -q -B package -DskipTests
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${RUNS:-10}
slens=bin/slens
corpus=${SLENS_CORPUS:-../shared/corpus}

time_command() {
    local label=$1
    shift
    local times=()
    for _ in $(seq "$runs"); do
        local start end
        start=$(date +%s%N)
        "$@" > /dev/null 2>&1 || true
        end=$(date +%s%N)
        times+=($(( (end - start) / 1000000 )))
    done
    local sorted
    sorted=$(printf '%s\n' "${times[@]}" | sort -n)
    local median fastest memory
    median=$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")
    fastest=$(echo "$sorted" | head -n 1)
    # slens exits 4 when it has findings, so the status of these runs is ignored.
    memory=$( (/usr/bin/time -f '%M' "$@" > /dev/null) 2>&1 | tail -n 1 || true)
    printf '%-40s median %6s ms  fastest %6s ms  peak RSS %8s KB\n' \
        "$label" "$median" "$fastest" "$memory"
}

example=fixtures/src/main/resources/fixtures/projects/orders-app
time_command "one template (example app)" "$slens" scan --today 2026-12-04 "$example/template.yaml"
time_command "rules listing" "$slens" rules

if [[ -f "$corpus/MANIFEST.tsv" ]]; then
    mapfile -t templates < <(awk -F'\t' -v corpus="$corpus" 'NR > 1 && ($6 == "sam" ||
        $6 == "cfn-yaml" || $6 == "cfn-json") { print corpus "/" $1 }' "$corpus/MANIFEST.tsv")
    time_command "corpus (${#templates[@]} templates)" "$slens" scan --today 2026-12-04 \
        --format sarif "${templates[@]}"
else
    echo "no corpus at $corpus: set SLENS_CORPUS to time a scan of it"
fi
