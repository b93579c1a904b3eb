//! Shared pieces of the fuzz targets: reading the input layout, caller-owned guarded memory,
//! the options struct, the text-output contract and the reference MACs.

pub mod input;
pub mod mem;
pub mod options;
pub mod reference;
pub mod text;

/// True when `tag` is listed in `IOTWIRE_FUZZ_KNOWN` (comma-separated). Lets a local run
/// keep exploring past a finding that is already reported; CI (scripts/fuzz-smoke.sh) never
/// sets it, so every finding still fails the smoke run until src/ is fixed.
pub fn known_finding(tag: &str) -> bool {
    static KNOWN: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    KNOWN
        .get_or_init(|| {
            std::env::var("IOTWIRE_FUZZ_KNOWN")
                .unwrap_or_default()
                .split(',')
                .map(|t| t.trim().to_owned())
                .filter(|t| !t.is_empty())
                .collect()
        })
        .iter()
        .any(|t| t == tag)
}
