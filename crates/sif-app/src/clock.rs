//! The time, behind one trait (STYLE.md §6: I/O at the edges), for everything in Sif that needs
//! it: "today" for the SIE `#GEN` record and the printable report's date (in the app and on the
//! command line, which uses [`SystemClock`] from here too), and "now" with the computer's offset
//! from UTC for the recovery files, so that times are shown in local time. The library knows no
//! clock; the UI tests use a fixed date or a clock they move by hand. Calendar arithmetic is
//! chrono's.

use chrono::{NaiveDate, Offset, TimeZone};
use sif::recovery;

/// Tells the time.
pub trait Clock {
    /// Now, in seconds since 1970-01-01 00:00 UTC.
    fn now_unix_secs(&self) -> u64;

    /// Local time minus UTC, in seconds (east positive), at the moment `unix_secs`; UTC unless
    /// told.
    fn utc_offset_secs(&self, unix_secs: u64) -> i32 {
        let _ = unix_secs;
        0
    }

    /// Today's date where the user is, as `YYYY-MM-DD`.
    fn today(&self) -> String {
        let now = self.now_unix_secs();
        recovery::local_date(now, self.utc_offset_secs(now))
    }
}

/// The system clock, in the computer's time zone (`TZ`, else `/etc/localtime`). Its date is that
/// of `SOURCE_DATE_EPOCH` when it is set, so that an export or a report can be made byte for
/// byte again.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_unix_secs(&self) -> u64 {
        recovery::unix_secs(std::time::SystemTime::now())
    }

    fn utc_offset_secs(&self, unix_secs: u64) -> i32 {
        local_offset(i64::try_from(unix_secs).unwrap_or(i64::MAX))
    }

    fn today(&self) -> String {
        match std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.trim().parse::<u64>().ok())
        {
            Some(fixed) => recovery::local_date(fixed, 0),
            // Today where the user is: just after midnight in Sweden is still yesterday in UTC.
            None => {
                let now = self.now_unix_secs();
                recovery::local_date(now, self.utc_offset_secs(now))
            }
        }
    }
}

/// Local time minus UTC in seconds at `unix_secs`, from `TZ` or `/etc/localtime`.
pub fn local_offset(unix_secs: i64) -> i32 {
    chrono::Local
        .timestamp_opt(unix_secs, 0)
        .single()
        .map_or(0, |t| t.offset().fix().local_minus_utc())
}

/// A clock that always says the same date, `YYYY-MM-DD` (the UI tests); its "now" is that day's
/// midnight UTC.
#[derive(Debug, Clone)]
pub struct FixedClock(pub String);

impl Clock for FixedClock {
    fn now_unix_secs(&self) -> u64 {
        NaiveDate::parse_from_str(&self.0, "%Y-%m-%d")
            .ok()
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .and_then(|t| u64::try_from(t.and_utc().timestamp()).ok())
            .unwrap_or(0)
    }

    fn today(&self) -> String {
        self.0.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_is_a_calendar_date_where_the_user_is() {
        let today = SystemClock.today();
        assert!(sif::model::parse_date(&today).is_some(), "{today}");
        let fixed = FixedClock("2024-02-29".to_string());
        assert_eq!(fixed.today(), "2024-02-29");
        assert_eq!(fixed.now_unix_secs(), 1_709_164_800);
        assert_eq!(
            recovery::local_date(fixed.now_unix_secs(), -3600),
            "2024-02-28"
        );
    }
}
