//! Any bytes as a file in the recovery folder (it may be damaged, or left by another version):
//! listing, restoring, prompting and comparing must never panic.

use std::path::Path;

use sif::recovery;

/// One input as the file `x.sifrec` in the folder `dir` (which it leaves as it found it).
pub fn recovery_file(dir: &Path, data: &[u8]) {
    let path = dir.join("x.sifrec");
    std::fs::write(&path, data).unwrap();
    for r in recovery::list_recoveries(dir) {
        let _ = recovery::restore(&r);
        let _ = r.prompt(r.made_at.wrapping_add(3600), 3600);
        // A clock before the copy was made, and the widest offsets from UTC there are.
        let _ = r.prompt(0, -12 * 3600);
        let _ = r.prompt(u64::MAX, 14 * 3600);
        let _ = r.already_saved();
    }
    let _ = std::fs::remove_file(&path);
}
