//! Text for SIE files: code page 437 (IBM PC 8-bit, SIE 4B §5.8, `#FORMAT PC8`).
//!
//! Every text goes through [`to_sie_text`] first: whitespace and control characters become a
//! plain space (SIE forbids control characters in strings), a few symbols and accented letters
//! that CP437 lacks are transliterated by the documented tables below, and anything else is
//! refused, so that a file never holds a character the reader would show wrongly. The tables
//! are repeated in `docs/ledger.md`, and a test keeps the two in step.

/// The upper half of code page 437, bytes 0x80–0xFF, as Unicode.
const HIGH_HALF: [char; 128] = [
    'Ç', 'ü', 'é', 'â', 'ä', 'à', 'å', 'ç', 'ê', 'ë', 'è', 'ï', 'î', 'ì', 'Ä', 'Å', // 0x80
    'É', 'æ', 'Æ', 'ô', 'ö', 'ò', 'û', 'ù', 'ÿ', 'Ö', 'Ü', '¢', '£', '¥', '₧', 'ƒ', // 0x90
    'á', 'í', 'ó', 'ú', 'ñ', 'Ñ', 'ª', 'º', '¿', '⌐', '¬', '½', '¼', '¡', '«', '»', // 0xA0
    '░', '▒', '▓', '│', '┤', '╡', '╢', '╖', '╕', '╣', '║', '╗', '╝', '╜', '╛', '┐', // 0xB0
    '└', '┴', '┬', '├', '─', '┼', '╞', '╟', '╚', '╔', '╩', '╦', '╠', '═', '╬', '╧', // 0xC0
    '╨', '╤', '╥', '╙', '╘', '╒', '╓', '╫', '╪', '┘', '┌', '█', '▄', '▌', '▐', '▀', // 0xD0
    'α', 'ß', 'Γ', 'π', 'Σ', 'σ', 'µ', 'τ', 'Φ', 'Θ', 'Ω', 'δ', '∞', 'φ', 'ε', '∩', // 0xE0
    '≡', '±', '≥', '≤', '⌠', '⌡', '÷', '≈', '°', '∙', '·', '√', 'ⁿ', '²', '■',
    '\u{a0}', // 0xF0
];

/// Symbols CP437 lacks (or that SIE text cannot carry unambiguously), and what Sif writes
/// instead. The backslash is in CP437, but SIE 4B defines no escape for it and readers differ
/// on `\\`, so it is written as a slash.
pub const SYMBOLS: &[(char, &str)] = &[
    ('\u{2018}', "'"),    // ‘ left single quotation mark
    ('\u{2019}', "'"),    // ’ right single quotation mark, apostrophe
    ('\u{201A}', "'"),    // ‚ single low-9 quotation mark
    ('\u{00B4}', "'"),    // ´ acute accent
    ('\u{201C}', "\""),   // “ left double quotation mark
    ('\u{201D}', "\""),   // ” right double quotation mark (Swedish quotes)
    ('\u{201E}', "\""),   // „ double low-9 quotation mark
    ('\u{2010}', "-"),    // ‐ hyphen
    ('\u{2011}', "-"),    // ‑ non-breaking hyphen
    ('\u{2012}', "-"),    // ‒ figure dash
    ('\u{2013}', "-"),    // – en dash
    ('\u{2014}', "-"),    // — em dash
    ('\u{2212}', "-"),    // − minus sign
    ('\u{00AD}', ""),     // soft hyphen: invisible, dropped
    ('\u{2026}', "..."),  // … ellipsis
    ('\u{20AC}', "EUR"),  // € euro sign
    ('\u{00A7}', "par."), // § section sign (paragraf)
    ('\u{00D7}', "x"),    // × multiplication sign
    ('\u{2022}', "*"),    // • bullet
    ('\u{00A9}', "(c)"),  // © copyright sign
    ('\u{00AE}', "(R)"),  // ® registered sign
    ('\u{2122}', "(TM)"), // ™ trade mark sign
    ('\u{00BE}', "3/4"),  // ¾ three quarters
    ('\u{00B9}', "1"),    // ¹ superscript one
    ('\u{00B3}', "3"),    // ³ superscript three
    ('\\', "/"),          // backslash: no escape in SIE 4B
];

/// Latin letters U+00C0–U+017F that CP437 lacks, by what Sif writes instead: the letter
/// without its accent, except ø Ø ő Ő → ö Ö and ű Ű → ü Ü (read the same way in Swedish), and
/// the letters that are two in English (Þ → Th, Œ → OE, Ĳ → IJ). Letters CP437 has (å ä ö é ü
/// ç ñ …) are not listed: they are written as they are.
pub const LETTERS: &[(&str, &str)] = &[
    ("ÀÁÂÃĀĂĄ", "A"),
    ("ãāăą", "a"),
    ("ĆĈĊČ", "C"),
    ("ćĉċč", "c"),
    ("ÐĎĐ", "D"),
    ("ðďđ", "d"),
    ("ÈÊËĒĔĖĘĚ", "E"),
    ("ēĕėęě", "e"),
    ("ĜĞĠĢ", "G"),
    ("ĝğġģ", "g"),
    ("ĤĦ", "H"),
    ("ĥħ", "h"),
    ("ÌÍÎÏĨĪĬĮİ", "I"),
    ("ĩīĭįı", "i"),
    ("Ĳ", "IJ"),
    ("ĳ", "ij"),
    ("Ĵ", "J"),
    ("ĵ", "j"),
    ("Ķ", "K"),
    ("ķĸ", "k"),
    ("ĹĻĽĿŁ", "L"),
    ("ĺļľŀł", "l"),
    ("ŃŅŇŊ", "N"),
    ("ńņňŉŋ", "n"),
    ("ÒÓÔÕŌŎ", "O"),
    ("õōŏ", "o"),
    ("ØŐ", "Ö"),
    ("øő", "ö"),
    ("Œ", "OE"),
    ("œ", "oe"),
    ("ŔŖŘ", "R"),
    ("ŕŗř", "r"),
    ("ŚŜŞŠ", "S"),
    ("śŝşšſ", "s"),
    ("ŢŤŦ", "T"),
    ("ţťŧ", "t"),
    ("Þ", "Th"),
    ("þ", "th"),
    ("ÙÚÛŨŪŬŮŲ", "U"),
    ("ũūŭůų", "u"),
    ("Ű", "Ü"),
    ("ű", "ü"),
    ("Ŵ", "W"),
    ("ŵ", "w"),
    ("ÝŶŸ", "Y"),
    ("ýŷ", "y"),
    ("ŹŻŽ", "Z"),
    ("źżž", "z"),
];

/// The upper half by character, for a binary search: every å, ä and ö of a large export is
/// looked up here.
const HIGH_HALF_BY_CHAR: [(char, u8); 128] = sort_high_half();

const fn sort_high_half() -> [(char, u8); 128] {
    let mut table = [('\0', 0_u8); 128];
    let mut i = 0;
    while i < 128 {
        // i < 128, so 0x80 + i fits in a byte.
        table[i] = (HIGH_HALF[i], 0x80 + i as u8);
        i += 1;
    }
    // Insertion sort: const fn has no slice sort, and 128 entries sort at compile time.
    let mut i = 1;
    while i < 128 {
        let mut j = i;
        while j > 0 && (table[j - 1].0 as u32) > (table[j].0 as u32) {
            let swap = table[j - 1];
            table[j - 1] = table[j];
            table[j] = swap;
            j -= 1;
        }
        i += 1;
    }
    table
}

/// The CP437 byte for a character, if the code page has it (control characters included).
pub fn byte_for(c: char) -> Option<u8> {
    let code = u32::from(c);
    if code < 0x80 {
        // ASCII: the low half of CP437 is ASCII.
        return u8::try_from(code).ok();
    }
    HIGH_HALF_BY_CHAR
        .binary_search_by_key(&code, |&(h, _)| u32::from(h))
        .ok()
        .map(|i| HIGH_HALF_BY_CHAR[i].1)
}

/// Decode CP437 bytes (for tests and for reading Sif's own files back).
pub fn decode(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| {
            if b < 0x80 {
                char::from(b)
            } else {
                HIGH_HALF[usize::from(b - 0x80)]
            }
        })
        .collect()
}

/// What Sif writes for a character CP437 lacks, if the tables have it.
pub fn transliteration(c: char) -> Option<&'static str> {
    if let Some((_, s)) = SYMBOLS.iter().find(|(k, _)| *k == c) {
        return Some(s);
    }
    LETTERS
        .iter()
        .find(|(letters, _)| letters.contains(c))
        .map(|(_, s)| *s)
}

/// Make a text fit for a SIE string: whitespace and control characters become a space, the
/// tables' characters are transliterated, and the result holds only CP437 characters without
/// control codes. The first character that cannot be written is returned as the error.
pub fn to_sie_text(text: &str) -> Result<String, char> {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_whitespace() || c.is_control() {
            out.push(' ');
        } else if c.is_ascii() && c != '\\' {
            // Printable ASCII is the same in CP437; this keeps long exports fast.
            out.push(c);
        } else if let Some(s) = transliteration(c) {
            out.push_str(s);
        } else if byte_for(c).is_some() {
            out.push(c);
        } else {
            return Err(c);
        }
    }
    Ok(out)
}

/// Append a text as the inside of a quoted SIE string, in CP437 bytes, in one pass and without
/// allocating: the same bytes as [`to_sie_text`], then `"` escaped as `\"`, then [`encode`].
/// The first character that cannot be written is returned as the error (nothing useful is
/// left in `out` then; the caller drops the file).
pub fn push_sie_text(out: &mut Vec<u8>, text: &str) -> Result<(), char> {
    for c in text.chars() {
        if c.is_whitespace() || c.is_control() {
            out.push(b' ');
        } else if c == '"' {
            out.extend_from_slice(b"\\\"");
        } else if c.is_ascii() && c != '\\' {
            // Printable ASCII is the same in CP437; c < 0x80, so the cast keeps it whole.
            out.push(c as u8);
        } else if let Some(b) = byte_for(c).filter(|_| !c.is_ascii()) {
            // The tables hold only characters CP437 lacks (and the backslash, which is
            // ASCII), so looking the code page up first gives what to_sie_text gives.
            out.push(b);
        } else if let Some(s) = transliteration(c) {
            for t in s.chars() {
                match t {
                    '"' => out.extend_from_slice(b"\\\""),
                    // The tables write only CP437 (tested), so byte_for finds every t.
                    _ => out.push(byte_for(t).ok_or(c)?),
                }
            }
        } else {
            return Err(c);
        }
    }
    Ok(())
}

/// Encode a text that [`to_sie_text`] has prepared. Characters outside CP437 are refused.
pub fn encode(text: &str) -> Result<Vec<u8>, char> {
    text.chars().map(|c| byte_for(c).ok_or(c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_letters_have_their_cp437_bytes() {
        assert_eq!(
            encode("ÅÄÖåäöé").unwrap(),
            [0x8F, 0x8E, 0x99, 0x86, 0x84, 0x94, 0x82]
        );
        assert_eq!(
            decode(&[0x8F, 0x8E, 0x99, 0x86, 0x84, 0x94, 0x82]),
            "ÅÄÖåäöé"
        );
    }

    #[test]
    fn the_high_half_round_trips() {
        let bytes: Vec<u8> = (0x80..=0xFF).collect();
        assert_eq!(encode(&decode(&bytes)).unwrap(), bytes);
    }

    #[test]
    fn transliterates_and_refuses() {
        assert_eq!(to_sie_text("KF § 12 – 5 €").unwrap(), "KF par. 12 - 5 EUR");
        assert_eq!(
            to_sie_text("Søren Łukasz Dvořák").unwrap(),
            "Sören Lukasz Dvorák"
        );
        assert_eq!(to_sie_text("a\tb\nc\u{a0}d").unwrap(), "a b c d");
        assert_eq!(to_sie_text("C:\\x").unwrap(), "C:/x");
        assert_eq!(to_sie_text("”citat”").unwrap(), "\"citat\"");
        assert_eq!(to_sie_text("Fest 🎉"), Err('🎉'));
        assert_eq!(to_sie_text("中"), Err('中'));
    }

    #[test]
    fn the_one_pass_writer_writes_what_the_steps_write() {
        let mut samples: Vec<String> = [
            "Återföring från SN för P101 Tidiga insatser i förskolan (plan)",
            "KF 2025-02-15 § 12 – ”citat” \"rakt\" C:\\x\ttab\u{a0}nbsp … €",
            "Søren Łukasz Dvořák Þór Œuvre ĳs",
            "",
            "\"",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        samples.extend(
            (0x20..=0x17F_u32)
                .filter_map(char::from_u32)
                .map(String::from),
        );
        samples.extend(SYMBOLS.iter().map(|(c, _)| c.to_string()));
        samples.extend(HIGH_HALF.iter().map(|c| c.to_string()));
        for s in &samples {
            let mut one_pass = Vec::new();
            let steps = to_sie_text(s).and_then(|t| encode(&t.replace('"', "\\\"")));
            match steps {
                Ok(bytes) => {
                    assert_eq!(push_sie_text(&mut one_pass, s), Ok(()), "{s}");
                    assert_eq!(one_pass, bytes, "{s}");
                }
                Err(c) => assert_eq!(push_sie_text(&mut one_pass, s), Err(c), "{s}"),
            }
        }
        for s in ["Fest 🎉", "中", "a\u{200b}b"] {
            assert_eq!(
                push_sie_text(&mut Vec::new(), s),
                to_sie_text(s).map(|_| ())
            );
        }
    }

    #[test]
    fn the_sorted_high_half_finds_every_byte() {
        for (i, &c) in HIGH_HALF.iter().enumerate() {
            assert_eq!(byte_for(c), Some(0x80 + i as u8), "{c}");
        }
        assert_eq!(byte_for('€'), None);
    }

    #[test]
    fn every_latin_letter_up_to_u017f_can_be_written() {
        for code in 0xC0..=0x17F_u32 {
            let c = char::from_u32(code).unwrap();
            assert!(
                to_sie_text(&c.to_string()).is_ok(),
                "{c} (U+{code:04X}) can be neither encoded nor transliterated"
            );
        }
    }

    #[test]
    fn tables_only_hold_what_cp437_lacks_and_write_only_cp437() {
        for (c, s) in SYMBOLS {
            assert!(*c == '\\' || byte_for(*c).is_none(), "{c} is in CP437");
            assert!(encode(s).is_ok());
        }
        for (letters, s) in LETTERS {
            for c in letters.chars() {
                assert!(byte_for(c).is_none(), "{c} is in CP437");
            }
            assert!(encode(s).is_ok());
        }
    }
}
