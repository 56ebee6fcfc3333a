//! A large SIE 4E file shaped like a municipal financial system's year, for the SIE reader's
//! bench (`benches/sie_read.rs`) and its peak-memory measurement (`examples/sie_read_peak.rs`).
//! Deterministic: the same row count gives the same bytes.

/// About `rows` `#TRANS` rows (≈ 100 bytes each, CP437, CR LF) in balanced vouchers of 2 to 8
/// rows: internal allocations and repayments with dimensions 1 and 6 for 500 projects, cost
/// rows with and without objects, bank rows, öre amounts, tabs, bare and quoted fields, and a
/// `#BTRANS`/`#RTRANS` pair now and then.
pub fn sie_file(rows: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(rows * 104 + 4096);
    push(
        &mut out,
        "#FLAGGA 0\r\n#FORMAT PC8\r\n#SIETYP 4\r\n#PROGRAM \"Raindance\" 2024.1\r\n#GEN 20260120\r\n#FNAMN \"Exempelkommun\"\r\n#ORGNR 212000-0001\r\n#RAR 0 20250101 20251231\r\n#RAR -1 20240101 20241231\r\n#DIM 1 \"Ansvar\"\r\n#DIM 6 \"Projekt\"\r\n#KONTO 3890 \"Interna intäkter\"\r\n#KONTO 7890 \"Interna kostnader\"\r\n",
    );
    let committees = ["KS", "BUN", "SN", "AMN", "KFN", "TN", "MBN", "VON"];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        // xorshift64*: deterministic and fast.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    let mut written = 0;
    let mut number = 0;
    while written < rows {
        number += 1;
        let r = next();
        let month = 1 + r % 12;
        let day = 1 + (r >> 8) % 28;
        let date = format!("2025{month:02}{day:02}");
        let project = (r >> 16) % 500;
        let amount = (r >> 24) % 10_000_000 + 1; // öre
        let (kr, ore) = (amount / 100, amount % 100);
        let kind = (r >> 48) % 4;
        push(
            &mut out,
            &format!(
                "#VER \"IF\" {number} {date} \"Internfördelning P{project} {}\" 20260105\r\n{{\r\n",
                r % 1000
            ),
        );
        let payer = committees[usize::try_from((r >> 40) % 8).unwrap_or(0)];
        match kind {
            0 | 1 => {
                // Allocation: internal cost at the holder, income at the owner.
                push(
                    &mut out,
                    &format!(
                        "   #TRANS 7890 {{1 \"KS\" 6 \"P{project}\"}} {kr}.{ore:02} {date} \"Fördelning från fonden\"\r\n"
                    ),
                );
                push(
                    &mut out,
                    &format!(
                        "   #TRANS 3890 {{1 \"{payer}\" 6 \"P{project}\"}} -{kr}.{ore:02} {date} \"Fördelning från fonden\"\r\n"
                    ),
                );
                written += 2;
            }
            2 => {
                // Costs split over three accounts and paid from the bank, tab separated.
                let a = amount / 3;
                let b = amount / 4;
                let c = amount - a - b;
                for (account, part) in [(5110, a), (4610, b), (7690, c)] {
                    push(
                        &mut out,
                        &format!(
                            "\t#TRANS\t{account}\t{{1 {payer} 6 P{project}}}\t{}.{:02}\t{date}\t\"Kostnad projekt\"\r\n",
                            part / 100,
                            part % 100
                        ),
                    );
                }
                push(
                    &mut out,
                    &format!("\t#BTRANS\t1930\t{{}}\t-1.00\t{date}\t\"\"\t\"\"\t\"Anna\"\r\n"),
                );
                push(
                    &mut out,
                    &format!(
                        "\t#RTRANS\t1930\t{{}}\t-{kr}.{ore:02}\t{date}\t\"\"\t\"\"\t\"Anna\"\r\n"
                    ),
                );
                push(
                    &mut out,
                    &format!(
                        "\t#TRANS\t1930\t{{}}\t-{kr}.{ore:02}\t{date}\t\"Utbetalning leverantör\"\r\n"
                    ),
                );
                written += 4;
            }
            _ => {
                // A repayment from a committee, and the holder's income row.
                push(
                    &mut out,
                    &format!(
                        "   #TRANS 7890 {{1 \"{payer}\" 6 \"P{project}\"}} {kr}.{ore:02} {date} \"Återföring till fonden\"\r\n"
                    ),
                );
                push(
                    &mut out,
                    &format!(
                        "   #TRANS 3890 {{1 \"KS\" 6 \"P{project}\"}} -{kr}.{ore:02} {date} \"Återföring till fonden\"\r\n"
                    ),
                );
                written += 2;
            }
        }
        push(&mut out, "}\r\n");
    }
    out
}

/// Append text as CP437: ASCII as it is, and the Swedish letters the generator writes.
fn push(out: &mut Vec<u8>, text: &str) {
    for c in text.chars() {
        out.push(match c {
            'å' => 0x86,
            'ä' => 0x84,
            'ö' => 0x94,
            'Å' => 0x8F,
            'Ä' => 0x8E,
            'Ö' => 0x99,
            // The generator writes only ASCII besides the letters above.
            c => u8::try_from(u32::from(c)).unwrap_or(b'?'),
        });
    }
}
