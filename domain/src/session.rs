//! A person's open sessions as they see them, to recognise a browser they did not use and end
//! every session at once.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One open session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenSession {
    pub started_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    /// The client's address when it was opened.
    pub address: String,
    /// The browser and system, as `browser_of` names them.
    pub browser: String,
    /// The session of the page asking.
    pub current: bool,
}

/// A browser and its system as people know them ("Edge / Windows"), from a `User-Agent`
/// header; the header itself when neither is recognised, cut short.
pub fn browser_of(user_agent: &str) -> String {
    // Order matters: Edge's header also names Chrome and Safari, Chrome's names Safari.
    const BROWSERS: [(&str, &str); 5] = [
        ("Edg/", "Edge"),
        ("Firefox/", "Firefox"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
        ("curl/", "curl"),
    ];
    const SYSTEMS: [(&str, &str); 6] = [
        ("Windows", "Windows"),
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("Mac OS X", "macOS"),
        ("Android", "Android"),
        ("Linux", "Linux"),
    ];
    let find = |known: &[(&str, &'static str)]| {
        known
            .iter()
            .find(|(mark, _)| user_agent.contains(mark))
            .map(|(_, name)| *name)
    };
    match (find(&BROWSERS), find(&SYSTEMS)) {
        (Some(browser), Some(system)) => format!("{browser} / {system}"),
        (Some(name), None) | (None, Some(name)) => name.to_string(),
        (None, None) => user_agent.chars().take(60).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::browser_of;

    #[test]
    fn names_common_browsers_and_systems() {
        let edge = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0";
        assert_eq!(browser_of(edge), "Edge / Windows");
        let chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";
        assert_eq!(browser_of(chrome), "Chrome / Linux");
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1";
        assert_eq!(browser_of(iphone), "Safari / iPhone");
        assert_eq!(browser_of("reqwest"), "reqwest");
        assert_eq!(browser_of(""), "");
    }
}
