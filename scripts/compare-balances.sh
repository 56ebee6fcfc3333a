#!/usr/bin/env bash
# Three ways to one trial balance, side by side (docs/performance.md):
#
#   1. Sif straight from the fund file:  sif ledger FUND.ron --balance-only --format csv
#   2. hledger on the exported journal:   hledger -f FUND.journal balance -O csv
#   3. ledger-cli on the same journal:    ledger -f FUND.journal balance --flat --format …
#
# It builds sif (release), generates a large fund, exports its whole journal, checks that the
# three balances of the whole horizon agree to the krona for every account, then times each way
# and prints the times and the ratios. Exit status: 0 when the three agree, 1 when they do not
# (or a tool's output cannot be read), 2 for a missing tool or a bad argument.
#
#   scripts/compare-balances.sh                         # 5,000 initiatives × 20 years × 30 actors
#   scripts/compare-balances.sh --initiatives 1000 --runs 5
#
# Needs: cargo, hledger and ledger (Debian: apt-get install hledger ledger); hyperfine is used
# for the timing when it is installed (apt-get install hyperfine), otherwise bash's `time` over
# a few repeated runs.
#
# Options:
#   --initiatives N   initiatives in the generated fund (default 5000)
#   --years N         horizon in years (default 20)
#   --actors N        actors (default 30)
#   --seed N          generator seed (default 1)
#   --runs N          timed runs of each way (default 10)
#   --sif PATH        use this sif binary instead of building one
#   --no-timing       check the agreement only
#   --no-hyperfine    time with bash's `time` even when hyperfine is installed
#   --keep DIR        write the fund, journal and balances to DIR and keep them
#   --tamper-journal  add one krona to the exported journal before hledger and ledger read it,
#                     to show that the check catches a difference of one krona (the tests use it)
set -euo pipefail

script=compare-balances
root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=generated-fund.sh
. "$root/scripts/generated-fund.sh"
timing=1
keep=""
tamper=0
use_hyperfine=1

shared_options "$@"
set -- "${rest[@]}"
while [ $# -gt 0 ]; do
    case "$1" in
    --no-timing) timing=0; shift ;;
    --no-hyperfine) use_hyperfine=0; shift ;;
    --keep) keep="${2:?}"; shift 2 ;;
    --tamper-journal) tamper=1; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
    esac
done
check_numbers

for tool in hledger ledger; do
    command -v "$tool" >/dev/null || die "$tool is not installed (Debian: apt-get install hledger ledger)"
done

build_sif "$root"

if [ -n "$keep" ]; then
    mkdir -p "$keep"
    work="$(cd "$keep" && pwd)"
else
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
fi
fund="$work/fund.ron"
journal="$work/fund.journal"

generate_fund "$fund"
"$sif" export "$fund" --format journal -o "$journal"
if [ "$tamper" = 1 ]; then
    # One krona moved between earmarked and free equity: a balanced transaction, so hledger
    # and ledger accept the file, yet two accounts now differ from Sif by exactly 1 kr.
    bank="$(grep -m1 -o '^account 2015[^;]*' "$journal" | sed 's/^account //; s/ *$//')"
    equity="$(grep -m1 -o '^account 2010[^;]*' "$journal" | sed 's/^account //; s/ *$//')"
    [ -n "$bank" ] && [ -n "$equity" ] || die "could not find the accounts to tamper with"
    last="$(grep -o '^[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]' "$journal" | tail -1)"
    printf '\n%s * (TEST) Manipulerad / tampered\n    %s    1.00 SEK\n    %s   -1.00 SEK\n' \
        "$last" "$bank" "$equity" >>"$journal"
fi

# The three commands, each printing the balance of every account over the whole horizon.
sif_cmd=("$sif" ledger "$fund" --balance-only --format csv)
hledger_cmd=(hledger -f "$journal" balance -O csv --no-total)
ledger_format='%(account)\t%(display_total)\n'
ledger_cmd=(ledger -f "$journal" balance --flat --no-total --format "$ledger_format")

# Each parser writes "ACCOUNT<TAB>KRONOR" lines, sorted, without zero balances (hledger and
# ledger leave accounts with a zero balance out), and fails on anything it does not expect,
# so that a changed output format is reported instead of compared wrongly.

# Sif: the rows of the whole horizon are those whose from_year differs from to_year.
parse_sif() {
    awk -F, '
        NR == 1 { if ($1 != "from_year") bad = 1; next }
        { sub(/\r$/, "") }
        $1 == $2 { next }
        { closing = $NF; account = $3 }
        closing !~ /^-?[0-9]+$/ || account !~ /^[0-9]+$/ { print "unreadable line: " $0 > "/dev/stderr"; bad = 1; next }
        closing != "0" { printf "%s\t%s\n", account, closing; rows++ }
        END { if (bad || NR < 2) exit 1 }
    ' | LC_ALL=C sort
}

# An amount as hledger or ledger prints it ("-1234.00 SEK", or "0") in whole kronor.
amount_awk='
    function kronor(s,    t) {
        t = s
        gsub(/^[ \t]+|[ \t]+$/, "", t)
        if (t == "0") return "0"
        if (t !~ /^-?[0-9]+\.00 SEK$/) return ""
        sub(/\.00 SEK$/, "", t)
        return t
    }
    function emit(name, amount,    account, k) {
        account = name
        sub(/ .*/, "", account)
        k = kronor(amount)
        if (account !~ /^[0-9]+$/ || k == "") { print "unreadable: " name " | " amount > "/dev/stderr"; bad = 1; return }
        if (k != "0") printf "%s\t%s\n", account, k
    }
'

# hledger -O csv: "account","balance" with the fields quoted.
parse_hledger() {
    awk "$amount_awk"'
        NR == 1 { next }
        {
            line = $0
            sub(/\r$/, "", line)
            if (line !~ /^".*","[^"]*"$/) { print "unreadable: " line > "/dev/stderr"; bad = 1; next }
            n = index(line, "\",\"")
            emit(substr(line, 2, n - 2), substr(line, n + 3, length(line) - n - 3))
        }
        END { if (bad) exit 1 }
    ' | LC_ALL=C sort
}

# ledger: "ACCOUNT<TAB>AMOUNT" from the --format above.
parse_ledger() {
    awk -F'\t' "$amount_awk"'
        NF != 2 { print "unreadable: " $0 > "/dev/stderr"; bad = 1; next }
        { emit($1, $2) }
        END { if (bad) exit 1 }
    ' | LC_ALL=C sort
}

"${sif_cmd[@]}" | parse_sif >"$work/sif.tsv" || die "could not read Sif's trial balance" 1
"${hledger_cmd[@]}" | parse_hledger >"$work/hledger.tsv" || die "could not read hledger's balance" 1
"${ledger_cmd[@]}" | parse_ledger >"$work/ledger.tsv" || die "could not read ledger's balance" 1

postings="$(grep -c '^    [0-9]' "$journal" || true)"
transactions="$(grep -c '^[0-9]\{4\}-' "$journal" || true)"
echo "Fund: $initiatives initiatives, $years years, $actors actors (seed $seed)"
echo "  fund file $(wc -c <"$fund") bytes; journal $(wc -c <"$journal") bytes, $transactions transactions, $postings postings"
echo
echo "Trial balance of the whole horizon, kronor (debit +, credit −):"
LC_ALL=C join -t $'\t' -a1 -a2 -e 0 -o 0,1.2,2.2 "$work/sif.tsv" "$work/hledger.tsv" |
    LC_ALL=C join -t $'\t' -a1 -a2 -e 0 -o 0,1.2,1.3,2.2 - "$work/ledger.tsv" >"$work/all.tsv"
awk -F'\t' '
    BEGIN { printf "  %-8s %18s %18s %18s  %s\n", "account", "Sif", "hledger", "ledger", "" }
    {
        same = ($2 == $3 && $3 == $4)
        printf "  %-8s %18s %18s %18s  %s\n", $1, $2, $3, $4, same ? "agree" : "DIFFER"
    }
' "$work/all.tsv"
echo
if cmp -s "$work/sif.tsv" "$work/hledger.tsv" && cmp -s "$work/sif.tsv" "$work/ledger.tsv" &&
    [ -s "$work/sif.tsv" ]; then
    echo "The three trial balances agree to the krona ($(wc -l <"$work/sif.tsv") accounts)."
else
    echo "The three trial balances DISAGREE (see DIFFER above)." >&2
    exit 1
fi

[ "$timing" = 1 ] || exit 0

echo
cpu="$(grep -m1 '^model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || true)"
echo "Machine: ${cpu:-unknown CPU}, $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
echo "Timing $runs runs of each way (wall-clock mean; CPU = user + system):"

# Writes "NAME MEAN_WALL MIN_WALL MEAN_CPU" (seconds) per command to $work/times.
: >"$work/times"
if [ "$use_hyperfine" = 1 ] && command -v hyperfine >/dev/null; then
    echo "  (with $(hyperfine --version))"
    hyperfine --shell=none --warmup 1 --runs "$runs" --style none \
        --export-csv "$work/hyperfine.csv" \
        --command-name sif "$(printf '%q ' "${sif_cmd[@]}")" \
        --command-name hledger "$(printf '%q ' "${hledger_cmd[@]}")" \
        --command-name ledger "$(printf '%q ' "${ledger_cmd[@]}")" >/dev/null
    # command,mean,stddev,median,user,system,min,max
    awk -F, 'NR > 1 { printf "%s %s %s %s\n", $1, $2, $7, $5 + $6 }' "$work/hyperfine.csv" >"$work/times"
else
    echo "  (without hyperfine: bash's time over repeated runs, after one warm-up run)"
    TIMEFORMAT='%R %U %S'
    for name in sif hledger ledger; do
        declare -n cmd="${name}_cmd"
        "${cmd[@]}" >/dev/null # warm-up
        : >"$work/$name.runs"
        for ((i = 0; i < runs; i++)); do
            { time "${cmd[@]}" >/dev/null; } 2>>"$work/$name.runs"
        done
        unset -n cmd
        awk -v name="$name" '
            { wall += $1; cpu += $2 + $3; if (NR == 1 || $1 < min) min = $1 }
            END { printf "%s %.6f %.6f %.6f\n", name, wall / NR, min, cpu / NR }
        ' "$work/$name.runs" >>"$work/times"
    done
fi

awk '
    { wall[$1] = $2; low[$1] = $3; cpu[$1] = $4 }
    END {
        printf "  %-8s %12s %12s %12s\n", "way", "mean (s)", "min (s)", "CPU (s)"
        n = split("sif hledger ledger", ways, " ")
        for (i = 1; i <= n; i++) {
            w = ways[i]
            printf "  %-8s %12.3f %12.3f %12.3f\n", w, wall[w], low[w], cpu[w]
        }
        print ""
        rh = wall["hledger"] / wall["sif"]; rl = wall["ledger"] / wall["sif"]
        ch = cpu["hledger"] / cpu["sif"]; cl = cpu["ledger"] / cpu["sif"]
        printf "  hledger / Sif: %6.1f× (CPU %5.1f×)   goal ≥ 10×: %s\n", rh, ch, (rh >= 10 ? "met" : "MISSED")
        printf "  ledger  / Sif: %6.1f× (CPU %5.1f×)   goal > 1×:  %s\n", rl, cl, (rl > 1 ? "met" : "MISSED")
    }
' "$work/times"
