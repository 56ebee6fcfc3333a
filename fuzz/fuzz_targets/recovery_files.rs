//! Any bytes as a file in the recovery folder (it may be damaged, or left by another version):
//! listing, restoring, prompting and comparing must never panic.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use sif::recovery;

fn dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let d = std::env::temp_dir().join(format!("sif-fuzz-recovery-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        d
    })
}

fuzz_target!(|data: &[u8]| {
    let dir = dir();
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
});
