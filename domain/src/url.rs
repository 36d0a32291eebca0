//! The addresses Mamori builds and takes back: percent-encoding for query values and
//! `filename*`, and the own paths a login may return to.

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

/// `raw` if it is a path on this site (`/reports?year=2026`), else `None`: a login or a form
/// sends people on only to such a path, never to another site (`//evil.example`,
/// `/\evil.example` and `https://…` all leave it in browsers).
pub fn own_path(raw: &str) -> Option<&str> {
    let on_this_site = raw.starts_with('/')
        && !raw.starts_with("//")
        && !raw.contains('\\')
        && !raw.chars().any(char::is_control);
    on_this_site.then_some(raw)
}

/// The login page, returning to `next` (a path of this site) once logged in.
pub fn login_returning_to(next: &str) -> String {
    match own_path(next) {
        Some(path) if path != "/" => format!("/login?next={}", encode(path)),
        _ => "/login".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_paths_of_this_site_are_own_paths() {
        for own in ["/", "/reports?year=2026", "/modules/phishing-2026#quiz"] {
            assert_eq!(own_path(own), Some(own));
        }
        for foreign in [
            "",
            "reports",
            "//evil.example/",
            "/\\evil.example",
            "https://evil.example/",
            "javascript:alert(1)",
            "/\t/evil.example",
            "/ok\r\nSet-Cookie: x=1",
        ] {
            assert_eq!(own_path(foreign), None, "{foreign:?}");
        }
    }

    #[test]
    fn the_login_page_returns_to_an_own_path_only() {
        assert_eq!(
            login_returning_to("/reports?year=2026"),
            "/login?next=%2Freports%3Fyear%3D2026"
        );
        assert_eq!(login_returning_to("/"), "/login");
        assert_eq!(login_returning_to("//evil.example"), "/login");
    }

    #[test]
    fn encodes_japanese_and_reserved_characters() {
        assert_eq!(encode("E0001"), "E0001");
        assert_eq!(encode("総務"), "%E7%B7%8F%E5%8B%99");
        assert_eq!(encode("a&b=c d"), "a%26b%3Dc%20d");
        assert_eq!(encode("規程 v2.pdf"), "%E8%A6%8F%E7%A8%8B%20v2.pdf");
    }
}
