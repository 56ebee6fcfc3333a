#!/usr/bin/env bash
# Take a PNG of each view of the real app window, with a sample fund, under a virtual X
# display (Xvfb), into docs/screenshots/.
#
#   scripts/screenshots.sh [FUND.ron] [OUT_DIR] [--sizes]
#
# Needs the Debian package xvfb (xvfb-run). The app itself takes the shots (glow renders
# under Mesa's software rasteriser) when SIF_SCREENSHOTS is set: it shows each view in turn,
# saves VIEW.png, and closes. SIF_SCREENSHOT_VIEWS=overview,problems limits the views.
set -euo pipefail
cd "$(dirname "$0")/.."

fund="${1:-sample_funds/exempelkommun.ron}"
out="${2:-docs/screenshots}"

if ! command -v xvfb-run >/dev/null; then
    echo "xvfb-run is missing: apt-get install xvfb" >&2
    exit 2
fi

cargo build --quiet --bin sif
mkdir -p "$out"
# No desktop portal or accessibility bus under Xvfb; keep their warnings out of the way.
export NO_AT_BRIDGE=1
SIF_SCREENSHOTS="$out" timeout 180 \
    xvfb-run --auto-servernum --server-args="-screen 0 1400x900x24" \
    target/debug/sif "$fund"
# The controllers' views once more, on a fund with closed years, actual figures and arrears:
# VIEW-uppfoljning.png.
if [ -z "${SIF_SCREENSHOT_VIEWS:-}" ]; then
    SIF_SCREENSHOT_VIEWS=repayments,budget,ledger SIF_SCREENSHOT_SUFFIX=-uppfoljning \
        SIF_SCREENSHOTS="$out" timeout 180 \
        xvfb-run --auto-servernum --server-args="-screen 0 1400x900x24" \
        target/debug/sif sample_funds/uppfoljning.ron
fi
# The small and the large screen: every view at 1024×700 and 1920×1080 (VIEW-1024x700.png …),
# and presentation mode at 1280×800, with SIF_SCREENSHOT_SIZES=1 (or `--sizes` as the last
# argument).
if [ "${SIF_SCREENSHOT_SIZES:-}" = 1 ] || [ "${3:-}" = --sizes ]; then
    for size in 1024x700 1920x1080; do
        SIF_SCREENSHOT_SIZE="$size" SIF_SCREENSHOT_SUFFIX="-$size" \
            SIF_SCREENSHOT_VIEWS="${SIF_SCREENSHOT_VIEWS:-overview,initiatives,repayments,budget,who-gains,scenarios,ledger,settings,problems,presenting}" \
            SIF_SCREENSHOTS="$out" timeout 300 \
            xvfb-run --auto-servernum --server-args="-screen 0 2000x1200x24" \
            target/debug/sif sample_funds/uppfoljning.ron
    done
fi
ls -l "$out"/*.png
