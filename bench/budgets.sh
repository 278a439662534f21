#!/usr/bin/env bash
# bench/budgets.sh: the cost budgets of bench/budgets.tsv, measured and checked
# (`make budgets`, and the first step of `make bench`). Needs valgrind
# (scripts/setup.sh --bench installs it).
#
# A row of bench/budgets.tsv names a scenario of lifecycled-service-bench
# (Sources/ServiceBench/Scenario.swift: the service layer driven without sockets) and
# holds its budgets per unit (an action, a simulate request, ...):
#   instructions  instructions executed (valgrind --tool=callgrind, "Collected")
#   allocations   heap blocks allocated (valgrind --tool=dhat, "Total: ... in N blocks":
#                 every malloc, calloc, realloc and aligned allocation, which is what
#                 Swift's allocations end in; callgrind's call counts of malloc alone
#                 would miss the aligned and realloc paths)
# Each is measured by running the scenario with its low and high request counts
# (`--scenarios`: 2000 and 12000 actions, a few explain requests): start-up, the sessions' creation and exit cancel out of the
# difference, which is divided by the requests between the two and the units a
# request holds. Swift's hashing is made deterministic (SWIFT_DETERMINISTIC_HASHING)
# so the counts repeat; what is left (random session ids, the process's environment)
# moves them by about 0.1 %.
#
# The check fails (exit 1) when a measure exceeds its budget by more than the row's
# tolerance (percent). The budgets are absolute: no ratio between rows is a gate
# (issue #36). A row whose budgets are "-" is a slot:
# it passes while lifecycled-service-bench has no such scenario, and fails once it has one until
# --update records its figures.
#
# usage: bench/budgets.sh [--update] [--quick] [SCENARIO...]
#   --update     write the measured figures into bench/budgets.tsv as the new budgets
#                (for a deliberate change: commit the file with the code)
#   --quick      the reduced check CI runs (scripts/test.sh): the debug build CI has
#                already built, with its flags (LIFECYCLED_BUILD_FLAGS; a release build would
#                add minutes), the rows of the action path (action, scene, observers,
#                log) at a fiftieth of their request counts (200 requests between the
#                two runs: the instructions repeat exactly, the debug build's allocations
#                within about 4 %, hence the rows' 5 % tolerance), against
#                bench/budgets-debug.tsv (the same rows, the debug build's figures;
#                --quick --update records them)
#   SCENARIO...  measure only these rows (default: every row)
set -euo pipefail
shopt -s inherit_errexit   # a failed valgrind run inside $(...) stops the check
cd "$(dirname "$0")/.."
file=bench/budgets.tsv; config=release; flags=()
# The request counts: each scenario's own (lifecycled-service-bench --scenarios, columns 5
# and 6: thousands for an action, a few dozen for an explained log), or BUDGET_LOW/HIGH.
env_low=${BUDGET_LOW:-}; env_high=${BUDGET_HIGH:-}
update=false; quick=false; only=()
for arg in "$@"; do
  case $arg in
    --update) update=true ;;
    --quick) quick=true ;;
    -*) echo "usage: bench/budgets.sh [--update] [--quick] [SCENARIO...]" >&2; exit 2 ;;
    *) only+=("$arg") ;;
  esac
done
if [ -n "$env_low$env_high" ] && ! [ "${env_high:-0}" -gt "${env_low:-0}" ]; then
  echo "budgets: BUDGET_HIGH must be above BUDGET_LOW" >&2; exit 2
fi
if $quick; then
  file=bench/budgets-debug.tsv; config=debug
  read -ra flags <<<"${LIFECYCLED_BUILD_FLAGS--Xswiftc -gnone}"   # the Makefile's, so CI's build is reused
  [ ${#only[@]} -gt 0 ] || only=(action scene observers log)
fi
command -v valgrind >/dev/null || { echo "budgets: valgrind is missing: run scripts/setup.sh --bench" >&2; exit 1; }

echo "budgets: building lifecycled-service-bench ($config)"
swift build -c "$config" ${flags[@]+"${flags[@]}"} --product lifecycled-service-bench >/dev/null
bin=.build/$config/lifecycled-service-bench
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" --scenarios >"$work/scenarios"   # name, units a request, unit, summary

# count TOOL SCENARIO REQUESTS: the instructions (callgrind) or heap blocks (dhat) of one run.
count() {
  local out log=$work/$1.log
  if ! out=$(SWIFT_DETERMINISTIC_HASHING=1 valgrind --tool="$1" --log-file="$log" \
    "--$1-out-file=$work/$1.out" "$bin" --scenario "$2" --requests "$3" 2>&1 </dev/null); then
    echo "budgets: lifecycled-service-bench --scenario $2 --requests $3 failed under $1: $out" >&2
    cat "$log" >&2; exit 1
  fi
  case $1 in
    callgrind) awk '/Collected :/ { print $NF }' "$log" ;;
    dhat) awk '/Total:/ { gsub(",", ""); print $(NF - 1) }' "$log" ;;
  esac
}
# per_unit TOOL SCENARIO UNITS: (count at BUDGET_HIGH - count at BUDGET_LOW) / requests / units.
per_unit() {
  local a b
  a=$(count "$1" "$2" "$low"); b=$(count "$1" "$2" "$high")
  if [ -z "$a" ] || [ -z "$b" ]; then echo "budgets: no $1 total in valgrind's output" >&2; cat "$work/$1.log" >&2; exit 1; fi
  awk -v a="$a" -v b="$b" -v n=$((high - low)) -v u="$3" 'BEGIN { printf "%.4f", (b - a) / n / u }'
}

for s in "${only[@]}"; do
  tail -n +2 "$file" | cut -f1 | grep -qxF -- "$s" || { echo "budgets: $file has no row $s" >&2; exit 2; }
done
over=0; missing=0; measured=0; : >"$work/updates"
printf '%-10s %-13s %10s %10s %9s  %s\n' scenario measure budget measured change verdict
# Rows: scenario, instructions, allocations, tolerance (percent, "1.5%"), what (tab-separated;
# the first line is the header).
while IFS=$'\t' read -r scenario ins allocs tolerance what; do
  [ -n "$scenario" ] || continue
  if [ ${#only[@]} -gt 0 ] && ! printf '%s\n' "${only[@]}" | grep -qxF -- "$scenario"; then continue; fi
  tol=${tolerance%\%}
  units=$(awk -F'\t' -v s="$scenario" '$1 == s { print $2 }' "$work/scenarios")
  if [ -z "$units" ]; then
    if [ "$ins" = - ] && [ "$allocs" = - ]; then
      echo "$scenario: an empty slot, no such scenario in lifecycled-service-bench yet: $what"
      continue
    fi
    echo "budgets: $file names scenario $scenario, which lifecycled-service-bench does not have" \
      "(it has: $(cut -f1 "$work/scenarios" | paste -sd' '))" >&2
    exit 1
  fi
  echo "$scenario: $what"
  low=${env_low:-$(awk -F'\t' -v s="$scenario" '$1 == s { print $5 }' "$work/scenarios")}
  high=${env_high:-$(awk -F'\t' -v s="$scenario" '$1 == s { print $6 }' "$work/scenarios")}
  if $quick && [ -z "$env_low$env_high" ]; then low=$((low / 50)); high=$((high / 50)); fi
  # The two tools at once, one a core: the counts do not depend on the load.
  per_unit callgrind "$scenario" "$units" >"$work/ins" & instructions_run=$!
  per_unit dhat "$scenario" "$units" >"$work/allocs" & allocations_run=$!
  wait "$instructions_run" || exit 1
  wait "$allocations_run" || exit 1
  m_ins=$(awk -v v="$(<"$work/ins")" 'BEGIN { printf "%.0f", v }')
  m_allocs=$(awk -v v="$(<"$work/allocs")" 'BEGIN { printf "%.2f", v }')
  measured=$((measured + 1))
  printf '%s\t%s\t%s\n' "$scenario" "$m_ins" "$m_allocs" >>"$work/updates"
  for measure in instructions allocations; do
    if [ "$measure" = instructions ]; then budget=$ins; value=$m_ins; else budget=$allocs; value=$m_allocs; fi
    change=-
    if [ "$budget" = - ]; then
      verdict="no budget yet: bench/budgets.sh --update $scenario records one"
      $update || missing=$((missing + 1))
    else
      read -r change state < <(awk -v m="$value" -v b="$budget" -v t="$tol" 'BEGIN {
        c = b > 0 ? (m - b) / b * 100 : (m > 0 ? 100 : 0); if (c > -0.005 && c < 0.005) c = 0
        printf "%+.2f%% %s\n", c, (c > t ? "over" : (c < -t ? "below" : "ok")) }')
      case $state in
        over) verdict="OVER budget (tolerance $tol %)"; over=$((over + 1)) ;;
        below) verdict="ok, below by more than $tol %: --update records the gain" ;;
        *) verdict="ok (tolerance $tol %)" ;;
      esac
    fi
    $update && verdict="recorded as the budget"
    printf '%-10s %-13s %10s %10s %9s  %s\n' "$scenario" "$measure" "$budget" "$value" "$change" "$verdict"
  done
done < <(tail -n +2 "$file")

if $update; then
  awk -F'\t' -v OFS='\t' 'NR == FNR { ins[$1] = $2; allocs[$1] = $3; next }
    FNR > 1 && ($1 in ins) { $2 = ins[$1]; $3 = allocs[$1] } { print }' "$work/updates" "$file" >"$work/new"
  cat "$work/new" >"$file"
  echo "budgets: $file now holds the measured figures of $measured scenario(s); commit it with the change"
  exit 0
fi
if [ "$over" -gt 0 ] || [ "$missing" -gt 0 ]; then
  [ "$over" -gt 0 ] && echo "budgets: FAIL: $over measure(s) over budget. Find the cause (callgrind_annotate, DHAT:" \
    "bench/PROFILE.md); if the cost is deliberate, run bench/budgets.sh --update and commit $file with the change" >&2
  [ "$missing" -gt 0 ] && echo "budgets: FAIL: $missing measure(s) without a budget: bench/budgets.sh --update" \
    "records them" >&2
  exit 1
fi
echo "budgets: ok ($measured scenario(s) within budget)"
