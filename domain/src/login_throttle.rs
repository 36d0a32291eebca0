//! Slowing down password guessing: after a few failed logins within a window, an account
//! (or an address trying many accounts) waits before it may try again. The rule is the
//! same for names that exist and names that do not, so waiting reveals nothing.

use chrono::{DateTime, Duration, Utc};

/// How many failures are allowed within how long, per account and per address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottleRule {
    pub window: Duration,
    /// Failures for one account within the window before it must wait.
    pub per_account: usize,
    /// Failures from one address within the window, whatever the accounts, before it must
    /// wait: one office PC may mistype often, a guesser tries many names.
    pub per_address: usize,
}

impl Default for ThrottleRule {
    /// Five failures per account and twenty per address in fifteen minutes (the security
    /// review's rule).
    fn default() -> Self {
        Self {
            window: Duration::minutes(15),
            per_account: 5,
            per_address: 20,
        }
    }
}

/// Whether a login may be tried now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoginGate {
    Open,
    /// Not before `until`: the oldest failure that counts leaves the window then.
    Wait {
        until: DateTime<Utc>,
    },
}

impl ThrottleRule {
    /// The gate for a login, given the times of the account's and the address's earlier
    /// failures (any order; old ones are ignored).
    pub fn gate(
        &self,
        account_failures: &[DateTime<Utc>],
        address_failures: &[DateTime<Utc>],
        now: DateTime<Utc>,
    ) -> LoginGate {
        [
            self.wait_until(account_failures, self.per_account, now),
            self.wait_until(address_failures, self.per_address, now),
        ]
        .into_iter()
        .flatten()
        .max()
        .map_or(LoginGate::Open, |until| LoginGate::Wait { until })
    }

    /// Failures older than this no longer count and may be forgotten.
    pub fn forget_before(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        now - self.window
    }

    /// When `limit` failures within the window will no longer be reached, if they are now.
    fn wait_until(
        &self,
        failures: &[DateTime<Utc>],
        limit: usize,
        now: DateTime<Utc>,
    ) -> Option<DateTime<Utc>> {
        let mut recent: Vec<_> = failures
            .iter()
            .copied()
            .filter(|at| *at > self.forget_before(now) && *at <= now)
            .collect();
        if limit == 0 || recent.len() < limit {
            return None;
        }
        // Newest first: the `limit`-th newest failure is the one whose leaving opens the gate.
        recent.sort_unstable_by(|a, b| b.cmp(a));
        Some(recent[limit - 1] + self.window)
    }
}

/// Whole minutes left until `until`, rounded up, for the message that asks people to wait.
pub fn minutes_left(until: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    let seconds = (until - now).num_seconds().max(0);
    (seconds + 59) / 60
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(minute: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap() + Duration::minutes(minute)
    }

    #[test]
    fn the_fifth_failure_within_fifteen_minutes_makes_the_account_wait() {
        let rule = ThrottleRule::default();
        let four = [at(0), at(1), at(2), at(3)];
        assert_eq!(rule.gate(&four, &four, at(4)), LoginGate::Open);
        let five = [at(0), at(1), at(2), at(3), at(4)];
        assert_eq!(
            rule.gate(&five, &five, at(5)),
            LoginGate::Wait { until: at(15) }
        );
        // Once the oldest leaves the window, one more try is allowed; failing it waits again.
        assert_eq!(rule.gate(&five, &five, at(15)), LoginGate::Open);
        let six = [at(0), at(1), at(2), at(3), at(4), at(15)];
        assert_eq!(
            rule.gate(&six, &six, at(15)),
            LoginGate::Wait { until: at(16) }
        );
    }

    #[test]
    fn failures_outside_the_window_do_not_count() {
        let rule = ThrottleRule::default();
        let old = [at(0), at(1), at(2), at(3), at(4)];
        assert_eq!(rule.gate(&old, &[], at(20)), LoginGate::Open);
        assert_eq!(rule.gate(&old, &[], at(-1)), LoginGate::Open, "future ones");
    }

    #[test]
    fn one_address_trying_many_accounts_waits_too() {
        let rule = ThrottleRule::default();
        let many: Vec<_> = (0..20).map(|i| at(i / 2)).collect();
        assert_eq!(
            rule.gate(&[], &many, at(10)),
            LoginGate::Wait { until: at(15) }
        );
        assert_eq!(rule.gate(&[], &many[..19], at(10)), LoginGate::Open);
        // The later of the two waits wins.
        let account = [at(5), at(6), at(7), at(8), at(9)];
        assert_eq!(
            rule.gate(&account, &many, at(10)),
            LoginGate::Wait { until: at(20) }
        );
    }

    #[test]
    fn minutes_left_round_up() {
        assert_eq!(minutes_left(at(15), at(5)), 10);
        assert_eq!(minutes_left(at(15), at(15) - Duration::seconds(1)), 1);
        assert_eq!(minutes_left(at(15), at(16)), 0);
    }
}
