#!/usr/bin/env bash
# The desktop app at scale, under a virtual X display (docs/performance.md, "The app at scale"):
#
#   1. start to first frame: `sif FUND.ron` with SIF_EXIT_AFTER_FIRST_FRAME=1, repeated; the
#      time from just before the process starts to the end of its first frame on screen, for
#      the sample fund and for a generated fund of 5,000 initiatives;
#   2. resident memory with the large fund open, after every view has been shown
#      (SIF_EXIT_AFTER_FIRST_FRAME=views; VmRSS and its peak VmHWM from /proc/self/status), and
#      the time of building a frame of each view in the real window.
#
# Prints each run, the medians, and whether the goals (first frame < 0.5 s, memory < 150 MB)
# are met. Exit status 0 when it measured (goals met or not), 2 for a missing tool or a bad
# argument, 1 when the app did not report.
#
#   scripts/app-scale.sh                       # 5,000 initiatives × 20 years × 30 actors, 10 runs
#   scripts/app-scale.sh --initiatives 1000 --runs 5
#
# Needs: cargo, and xvfb-run (Debian: apt-get install xvfb). glow draws with Mesa's software
# rasteriser under Xvfb, as in scripts/screenshots.sh.
#
# Options:
#   --initiatives N   initiatives in the generated fund (default 5000)
#   --years N         horizon in years (default 20)
#   --actors N        actors (default 30)
#   --seed N          generator seed (default 1)
#   --runs N          runs of each start-up measurement (default 10)
#   --sif PATH        use this sif binary instead of building one (release)
#   --fund PATH       measure this fund file instead of generating one
set -euo pipefail

script=app-scale
root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=generated-fund.sh
. "$root/scripts/generated-fund.sh"
fund=""

args=("$@")
shared_options "$@"
set -- "${rest[@]}"
while [ $# -gt 0 ]; do
    case "$1" in
    --fund) fund="${2:?}"; shift 2 ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
    esac
done
check_numbers

# Build and generate outside the virtual display, then run the rest inside one Xvfb.
if [ -z "${SIF_APP_SCALE_INNER:-}" ]; then
    command -v xvfb-run >/dev/null || die "xvfb-run is missing (Debian: apt-get install xvfb)"
    build_sif "$root"
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    if [ -z "$fund" ]; then
        fund="$work/fund.ron"
        generate_fund "$fund"
    fi
    [ -f "$fund" ] || die "no fund file at $fund"
    # A home of its own: no remembered window size or last file, nothing saved.
    mkdir -p "$work/home"
    status=0
    HOME="$work/home" XDG_DATA_HOME="$work/home" XDG_CONFIG_HOME="$work/home" \
        NO_AT_BRIDGE=1 SIF_APP_SCALE_INNER=1 \
        xvfb-run --auto-servernum --server-args="-screen 0 1400x900x24" \
        "$0" "${args[@]}" --sif "$sif" --fund "$fund" || status=$?
    exit "$status"
fi

sample="$root/sample_funds/exempelkommun.ron"

median() {
    sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# One start: print "WALL_MS CPU_MS", the time from just before the process starts to the end
# of its first frame on screen, and the CPU time of the app's main thread until then.
one_start() {
    local file="$1" t0 line unix_ns cpu_ms
    t0="$(date +%s%N)"
    line="$(SIF_EXIT_AFTER_FIRST_FRAME=1 timeout 60 "$sif" "$file" 2>/dev/null | grep '^sif-probe first_frame' || true)"
    [ -n "$line" ] || die "the app did not report its first frame (file $file)" 1
    unix_ns="$(sed -E 's/.*unix_ns=([0-9]+).*/\1/' <<<"$line")"
    cpu_ms="$(sed -E 's/.*main_thread_cpu_ms=([0-9.]+).*/\1/' <<<"$line")"
    awk -v a="$unix_ns" -v b="$t0" -v c="$cpu_ms" 'BEGIN { printf "%.1f %s\n", (a - b) / 1e6, c }'
}

first_frame_goal_ms=500
memory_goal_kb=$((150 * 1024))

echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(nproc) cores;" \
    "load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Fund: $fund ($(stat -c %s "$fund") bytes)"
echo

declare -A wall_median
for which in sample large; do
    if [ "$which" = sample ]; then file="$sample"; else file="$fund"; fi
    walls=()
    cpus=()
    one_start "$file" >/dev/null # warm the file cache and the shared libraries
    for ((i = 1; i <= runs; i++)); do
        read -r wall cpu < <(one_start "$file")
        walls+=("$wall")
        cpus+=("$cpu")
    done
    wall_median[$which]="$(printf '%s\n' "${walls[@]}" | median)"
    echo "Start to first frame, $which fund ($runs runs), ms from process start: ${walls[*]}"
    echo "  median ${wall_median[$which]} ms, fastest $(printf '%s\n' "${walls[@]}" | sort -g | head -1) ms;" \
        "CPU time of the main thread: median $(printf '%s\n' "${cpus[@]}" | median) ms"
done
echo

echo "Every view shown with the $(basename "$fund") open (SIF_EXIT_AFTER_FIRST_FRAME=views):"
tour="$(SIF_EXIT_AFTER_FIRST_FRAME=views timeout 120 "$sif" "$fund" 2>/dev/null | grep '^sif-probe' || true)"
grep -q 'memory' <<<"$tour" || die "the app did not report its memory" 1
grep 'view=' <<<"$tour" | sed -E 's/sif-probe view=([a-z-]+) frame_median_ms=(.*)/  building a frame of \1: median \2 ms/'
rss="$(sed -nE 's/.*vm_rss_kb=([0-9]+).*/\1/p' <<<"$tour")"
hwm="$(sed -nE 's/.*vm_hwm_kb=([0-9]+).*/\1/p' <<<"$tour")"
anon="$(sed -nE 's/.*rss_anon_kb=([0-9]+).*/\1/p' <<<"$tour")"
filekb="$(sed -nE 's/.*rss_file_kb=([0-9]+).*/\1/p' <<<"$tour")"
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
echo "  resident memory: VmRSS $(mb "$rss") MiB (anonymous $(mb "$anon"), files and libraries" \
    "$(mb "$filekb")), peak VmHWM $(mb "$hwm") MiB"
echo

verdict() { if awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; then echo met; else echo MISSED; fi; }
echo "Goals:"
echo "  first frame < 0.5 s, large fund: ${wall_median[large]} ms — $(verdict "${wall_median[large]}" "$first_frame_goal_ms")"
echo "  first frame < 0.5 s, sample fund: ${wall_median[sample]} ms — $(verdict "${wall_median[sample]}" "$first_frame_goal_ms")"
echo "  resident memory < 150 MB, large fund (peak): $(mb "$hwm") MiB — $(verdict "$hwm" "$memory_goal_kb")"
