# Sourced by the scripts that measure Sif on a generated fund (app-scale.sh,
# compare-balances.sh): the options they share, their checks, building sif and generating
# the fund. The sourcing script sets `script` (its name, for messages) and may change the
# defaults below before parsing.

initiatives=5000
years=20
actors=30
seed=1
runs=10
sif=""

die() {
    echo "$script: $1" >&2
    exit "${2:-2}"
}

# shared_options ARGS…: takes the shared options out of ARGS and leaves the others, in order,
# in the array `rest`.
shared_options() {
    rest=()
    while [ $# -gt 0 ]; do
        case "$1" in
        --initiatives) initiatives="${2:?}"; shift 2 ;;
        --years) years="${2:?}"; shift 2 ;;
        --actors) actors="${2:?}"; shift 2 ;;
        --seed) seed="${2:?}"; shift 2 ;;
        --runs) runs="${2:?}"; shift 2 ;;
        --sif) sif="${2:?}"; shift 2 ;;
        *) rest+=("$1"); shift ;;
        esac
    done
}

# The numbers must be whole numbers, and there must be a run.
check_numbers() {
    for n in "$initiatives" "$years" "$actors" "$seed" "$runs"; do
        [[ "$n" =~ ^[0-9]+$ ]] || die "not a whole number: $n"
    done
    [ "$runs" -ge 1 ] || die "--runs must be at least 1"
}

# build_sif ROOT: sets `sif` to a release build of the project at ROOT, unless --sif named one.
build_sif() {
    if [ -z "$sif" ]; then
        command -v cargo >/dev/null || die "cargo is not installed"
        echo "Building sif (release)…" >&2
        cargo build --release --quiet --manifest-path "$1/Cargo.toml" --bin sif
        sif="${CARGO_TARGET_DIR:-$1/target}/release/sif"
    fi
    [ -x "$sif" ] || die "no sif binary at $sif"
}

# generate_fund FILE: the fund the options describe, written to FILE.
generate_fund() {
    "$sif" generate --initiatives "$initiatives" --years "$years" --actors "$actors" \
        --seed "$seed" -o "$1" >/dev/null
}
