//! Packet ids come from a counter the caller owns (no global state): 1, 2, ..., 65535, 1, ...
//! (0 is not a valid id, MQTT-2.3.1-1).

/// Returns the id to use now and advances `next`. A `next` of 0 (a zeroed state) starts at 1.
pub fn take(next: &mut u16) -> u16 {
    let id = if *next == 0 { 1 } else { *next };
    *next = id.checked_add(1).unwrap_or(1);
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_and_skips_zero() {
        let mut n = 0;
        assert_eq!(take(&mut n), 1);
        assert_eq!(take(&mut n), 2);
        n = 65535;
        assert_eq!(take(&mut n), 65535);
        assert_eq!(take(&mut n), 1);
    }
}
