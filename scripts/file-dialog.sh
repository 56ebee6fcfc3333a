#!/usr/bin/env bash
# Sif's own file dialog in the real window, on a desktop with no file-dialog portal (docs/app.md,
# "The file dialog"): under a virtual X display (Xvfb) with no session bus and no zenity, the
# script types and clicks as a user does (xdotool), and
#
#   1. makes a new fund (Arkiv → Ny…, Skapa) and saves it with Ctrl+S through Sif's dialog;
#   2. writes the printable report with Ctrl+P through the same dialog;
#   3. tries to save into a folder that does not exist, and sees the sentence that says so;
#
# checks the files on disk, and leaves screenshots in docs/screenshots/ (file-dialog-*.png).
# Exit status 0 when every step worked, 1 when one did not, 2 for a missing tool.
#
#   scripts/file-dialog.sh [OUT_DIR]
#
# Needs: cargo, Xvfb, xdotool, ImageMagick's `import` (Debian: xvfb xdotool imagemagick).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
out="${1:-docs/screenshots}"

for tool in Xvfb xdotool import; do
    command -v "$tool" >/dev/null || { echo "file-dialog: $tool is missing" >&2; exit 2; }
done
# SIF_BIN: a sif binary already built (otherwise the debug build is made).
sif="${SIF_BIN:-}"
if [ -z "$sif" ]; then
    cargo build --quiet --bin sif
    sif="${CARGO_TARGET_DIR:-$root/target}/debug/sif"
fi
mkdir -p "$out"

work="$(mktemp -d)"
display=":$((90 + RANDOM % 100))"
cleanup() {
    [ -n "${app:-}" ] && kill "$app" 2>/dev/null || true
    [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
export DISPLAY="$display"
for _ in $(seq 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done

# No desktop portal: no session bus at all, and no zenity on PATH.
unset DBUS_SESSION_BUS_ADDRESS
path_without_zenity=""
IFS=: read -ra dirs <<<"$PATH"
for d in "${dirs[@]}"; do [ -x "$d/zenity" ] || path_without_zenity="$path_without_zenity:$d"; done
mkdir -p "$work/home" "$work/fonder"
HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config" \
    XDG_RUNTIME_DIR="$work/home" PATH="${path_without_zenity#:}" NO_AT_BRIDGE=1 \
    "$sif" >"$work/sif.log" 2>&1 &
app=$!

failed=0
step() { echo "file-dialog: $*"; }
fail() { echo "file-dialog: FAILED: $*" >&2; failed=1; }
shot() { sleep 1.5; import -window root "$out/$1.png"; step "screenshot $out/$1.png"; }
key() { xdotool key --delay 80 "$@"; sleep 0.6; }
type_text() { xdotool type --delay 40 "$1"; sleep 0.4; }
click() { xdotool mousemove "$1" "$2" click 1; sleep 0.8; }

# The window, and the keyboard focus in it (no window manager: xdotool gives it the focus).
wid=""
for _ in $(seq 100); do
    wid="$(xdotool search --name 'Sif$' 2>/dev/null | head -1 || true)"
    [ -n "$wid" ] && break
    sleep 0.2
done
[ -n "$wid" ] || { cat "$work/sif.log" >&2; fail "the window did not open"; exit 1; }
xdotool windowmove "$wid" 0 0 windowsize "$wid" 1280 800
sleep 2
xdotool mousemove 640 700 windowfocus "$wid"
sleep 0.5

# 1. A new fund, saved through Sif's dialog.
key ctrl+n
shot file-dialog-new-fund
# The New fund dialog at 1280×800: "Tom fond" (an empty fund), then Skapa.
click 388 465
click 404 496
xdotool mousemove 640 700
step "window title: $(xdotool getwindowname "$wid")"
key ctrl+s
shot file-dialog-save
# The file name field has the focus, with the suggested name selected: typing replaces it.
type_text "$work/fonder/ny-fond"
key Return
sleep 1
shot file-dialog-saved
if [ -f "$work/fonder/ny-fond.ron" ] && "$sif" check "$work/fonder/ny-fond.ron" >/dev/null 2>&1; then
    step "saved and readable: ny-fond.ron"
else
    fail "ny-fond.ron was not saved"
fi
grep -q 'Kommunen' "$work/fonder/ny-fond.ron" 2>/dev/null || fail "the saved fund is not the new, empty one"
case "$(xdotool getwindowname "$wid")" in
*ny-fond.ron*) step "the title names the file" ;;
*) fail "the title does not name the file: $(xdotool getwindowname "$wid")" ;;
esac

# 2. The printable report, through the same dialog (it starts in the fund's folder).
key ctrl+p
shot file-dialog-report
key Return
sleep 1
report="$(ls "$work"/fonder/*.html 2>/dev/null | head -1 || true)"
if [ -n "$report" ] && grep -q '<html' "$report"; then
    step "report written: $(basename "$report")"
else
    fail "no report was written"
fi

# 3. A folder that does not exist: the dialog says so in a sentence and stays open.
key ctrl+shift+s
type_text "$work/finns-inte/fond"
key Return
shot file-dialog-error
key Escape
shot file-dialog-cancelled

key ctrl+q
sleep 1
exit "$failed"
