//! A new password, under the rules of NIST SP 800-63B: at least 12 characters and not one of
//! the passwords attackers try first. No composition rules (a digit, a symbol, a capital) and
//! no expiry: they push people to predictable patterns without making passwords harder to
//! guess.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::OnceLock;

/// The fewest characters a new password may have. Counted as characters, not bytes, so that a
/// Japanese passphrase is held to the same length as what the person typed.
pub const MIN_PASSWORD_CHARS: usize = 12;

/// Common and breached passwords of at least `MIN_PASSWORD_CHARS` characters, lower-cased,
/// sorted and without repeats, one a line. Shipped rather than fetched, so that the check needs
/// no network; where it comes from and how to make it again is in `domain/data/README.md`.
const COMMON_PASSWORDS: &str = include_str!("../data/common_passwords.txt");

/// Why a new password is refused (the English wording is for the CLI and the log).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum PasswordRefusal {
    #[error("password must be at least {min} characters")]
    TooShort { min: usize },
    /// Found, ignoring case, in the shipped list of common and breached passwords.
    #[error("password is on a list of common or breached passwords; choose another")]
    Common,
}

/// A password that meets the policy, parsed once where it is typed ("parse, don't validate"),
/// so that nothing else can be hashed as a new password. Kept exactly as typed: no trimming,
/// since spaces may be part of a passphrase.
pub struct NewPassword(String);

impl NewPassword {
    pub fn parse(raw: &str) -> Result<Self, PasswordRefusal> {
        if raw.chars().count() < MIN_PASSWORD_CHARS {
            return Err(PasswordRefusal::TooShort {
                min: MIN_PASSWORD_CHARS,
            });
        }
        if is_common(raw) {
            return Err(PasswordRefusal::Common);
        }
        Ok(Self(raw.to_string()))
    }

    /// The password as typed, for hashing only: named so that a use elsewhere stands out.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// Redacted, so that a password never reaches a log through `{:?}`.
impl fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NewPassword(<redacted>)")
    }
}

/// The list's lines, split once: each check is then a binary search with no allocation but
/// the lower-casing.
fn common_passwords() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| COMMON_PASSWORDS.lines().collect())
}

/// Case is ignored: `Password1234` is as easily guessed as `password1234`.
fn is_common(password: &str) -> bool {
    let lowered = password.to_lowercase();
    common_passwords().binary_search(&lowered.as_str()).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eleven_characters_are_too_short() {
        assert_eq!(
            NewPassword::parse("tsuki-ga-7k").unwrap_err(),
            PasswordRefusal::TooShort { min: 12 }
        );
    }

    #[test]
    fn twelve_characters_of_an_uncommon_password_are_enough() {
        let password = NewPassword::parse("Tsuki-ga-7ku").unwrap();
        assert_eq!(password.expose(), "Tsuki-ga-7ku");
    }

    #[test]
    fn a_listed_password_is_refused_in_any_case() {
        assert!(common_passwords().contains(&"qwertyuiop123"));
        for typed in ["qwertyuiop123", "QwertyUIOP123"] {
            assert_eq!(
                NewPassword::parse(typed).unwrap_err(),
                PasswordRefusal::Common,
                "{typed:?} should be refused"
            );
        }
    }

    #[test]
    fn characters_are_counted_not_bytes() {
        // 11 characters but 33 bytes in UTF-8.
        assert_eq!(
            NewPassword::parse("あいうえおかきくけこさ").unwrap_err(),
            PasswordRefusal::TooShort { min: 12 }
        );
        let password = NewPassword::parse("パスワードは十二文字です").unwrap();
        assert_eq!(password.expose(), "パスワードは十二文字です");
    }

    #[test]
    fn the_password_is_kept_as_typed() {
        assert_eq!(
            NewPassword::parse(" Tsuki ga 7ku ").unwrap().expose(),
            " Tsuki ga 7ku "
        );
    }

    #[test]
    fn debug_does_not_show_the_password() {
        let password = NewPassword::parse("Tsuki-ga-7ku").unwrap();
        let shown = format!("{password:?}");
        assert!(!shown.contains("Tsuki"), "{shown}");
    }

    /// The binary search relies on the file's order, and the look-up on its lower case.
    #[test]
    fn the_shipped_list_is_sorted_unique_lower_case_and_long_enough() {
        let list = common_passwords();
        assert!(list.len() > 100, "only {} entries", list.len());
        for pair in list.windows(2) {
            assert!(
                pair[0] < pair[1],
                "{:?} is not before {:?}",
                pair[0],
                pair[1]
            );
        }
        for entry in list {
            assert_eq!(*entry, entry.to_lowercase(), "{entry:?} is not lower case");
            assert!(
                entry.chars().count() >= MIN_PASSWORD_CHARS,
                "{entry:?} is shorter than {MIN_PASSWORD_CHARS} characters"
            );
        }
    }
}
