//! "Today", behind a small trait (STYLE.md §6: I/O at the edges): the SIE `#GEN` record and the
//! printable report's date, in the app and on the command line (which uses [`SystemClock`] from
//! here too). The library knows no clock, and the UI tests use a fixed date so that an exported
//! file is the same every run.

/// Tells the date.
pub trait Clock {
    /// Today's date as `YYYY-MM-DD`.
    fn today(&self) -> String;
}

/// The system clock (in the computer's time zone), or the date of `SOURCE_DATE_EPOCH` when it is set, so that an export
/// or a report can be made byte for byte again.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn today(&self) -> String {
        let seconds = match std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.trim().parse::<i64>().ok())
        {
            Some(fixed) => fixed,
            None => {
                let now = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
                // Today where the user is: just after midnight in Sweden is still yesterday
                // in UTC.
                now.saturating_add(i64::from(local_offset(now)))
            }
        };
        let (y, m, d) = civil_from_days(seconds.div_euclid(86_400));
        format!("{y:04}-{m:02}-{d:02}")
    }
}

/// Local time minus UTC in seconds at `unix_secs`, from `TZ` or `/etc/localtime`.
pub fn local_offset(unix_secs: i64) -> i32 {
    use chrono::{Offset, TimeZone};
    chrono::Local
        .timestamp_opt(unix_secs, 0)
        .single()
        .map_or(0, |t| t.offset().fix().local_minus_utc())
}

/// A clock that always says the same date (the UI tests).
#[allow(dead_code)] // used by the tests
#[derive(Debug, Clone)]
pub struct FixedClock(pub String);

impl Clock for FixedClock {
    fn today(&self) -> String {
        self.0.clone()
    }
}

/// Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_become_calendar_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(20_454), (2026, 1, 1));
        assert_eq!(civil_from_days(20_088), (2024, 12, 31));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        let today = SystemClock.today();
        assert!(sif::model::parse_date(&today).is_some(), "{today}");
    }
}
