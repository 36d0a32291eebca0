//! Shares shown as percentages with one decimal, rounded half up, as the annual report prints
//! them (96.6 %). Kept as a fraction so that exports can write the exact value.

use serde::{Deserialize, Serialize};
use std::fmt;

/// `part` of `whole`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Share {
    pub part: usize,
    pub whole: usize,
}

impl Share {
    pub fn new(part: usize, whole: usize) -> Self {
        Self { part, whole }
    }

    /// Tenths of a percent, rounded half up; `None` for a share of nothing.
    pub fn tenths_of_percent(self) -> Option<u64> {
        let (part, whole) = (self.part as u64, self.whole as u64);
        (whole > 0).then(|| (2000 * part + whole) / (2 * whole))
    }

    /// Whether the share reaches `percent`, compared exactly (343/361 reaches 95; 342/361
    /// does not); a share of nothing reaches nothing.
    pub fn at_least(self, percent: u32) -> bool {
        self.whole > 0 && self.part as u64 * 100 >= u64::from(percent) * self.whole as u64
    }

    /// The share as a fraction (0.966), for spreadsheets that format it themselves.
    pub fn fraction(self) -> Option<f64> {
        (self.whole > 0).then(|| self.part as f64 / self.whole as f64)
    }
}

/// `96.6`, or `-` for a share of nothing.
impl fmt::Display for Share {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.tenths_of_percent() {
            Some(tenths) => write!(f, "{}.{}", tenths / 10, tenths % 10),
            None => f.write_str("-"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Share;

    #[test]
    fn rounds_half_up_to_a_tenth() {
        assert_eq!(Share::new(343, 361).to_string(), "95.0"); // 95.01
        assert_eq!(Share::new(342, 361).to_string(), "94.7"); // 94.73
        assert_eq!(Share::new(1, 8).to_string(), "12.5");
        assert_eq!(Share::new(1, 16).to_string(), "6.3"); // 6.25 rounds up
        assert_eq!(Share::new(2, 3).to_string(), "66.7");
        assert_eq!(Share::new(5, 5).to_string(), "100.0");
        assert_eq!(Share::new(0, 7).to_string(), "0.0");
        assert_eq!(Share::new(0, 0).to_string(), "-");
    }
}
