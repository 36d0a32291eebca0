//! Percent-encoding for the addresses Mamori builds: query values and `filename*`.

/// Percent-encodes everything but RFC 3986's unreserved characters.
pub fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::encode;

    #[test]
    fn encodes_japanese_and_reserved_characters() {
        assert_eq!(encode("E0001"), "E0001");
        assert_eq!(encode("総務"), "%E7%B7%8F%E5%8B%99");
        assert_eq!(encode("a&b=c d"), "a%26b%3Dc%20d");
        assert_eq!(encode("規程 v2.pdf"), "%E8%A6%8F%E7%A8%8B%20v2.pdf");
    }
}
