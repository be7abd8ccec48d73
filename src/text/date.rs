//! Dates as briefs write them: "Mar 3, 2023", "March 3, 2023", "3 March 2023", "2023-03-03".
//!
//! Parsing is hand-written rather than delegated to `chrono`'s format strings because briefs mix
//! abbreviated and full month names, optional periods ("Sept."), and ordinal suffixes ("3rd"),
//! and because timeline items omit the year, which the caller fills in.

use chrono::NaiveDate;

/// English month names, January first: the one month table every stage reads and writes.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Three-letter abbreviations, January first ("Jan", "Feb", …).
pub const MONTHS_SHORT: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// AP-style abbreviations as news copy writes them ("Jan.", "March", "Sept."), January first.
pub const MONTHS_AP: [&str; 12] = [
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];

/// Month number (1–12) for an English month name or abbreviation, case-insensitive: a full
/// name, a three-letter abbreviation, or "Sept", each with or without a trailing period.
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    if w.eq_ignore_ascii_case("sept") {
        return Some(9);
    }
    (1u32..)
        .zip(MONTHS.iter().zip(MONTHS_SHORT))
        .find(|(_, (long, short))| w.eq_ignore_ascii_case(long) || w.eq_ignore_ascii_case(short))
        .map(|(n, _)| n)
}

/// Parses a day number with an optional ordinal suffix ("3", "03", "3rd").
fn day_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches(',');
    let digits = w
        .strip_suffix("st")
        .or_else(|| w.strip_suffix("nd"))
        .or_else(|| w.strip_suffix("rd"))
        .or_else(|| w.strip_suffix("th"))
        .unwrap_or(w);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_number(word: &str) -> Option<i32> {
    let w = word.trim_end_matches(['.', ',']);
    if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) {
        w.parse().ok()
    } else {
        None
    }
}

/// Parses a whole string as a date, returning `None` unless the entire string is one date.
///
/// Accepts ISO `YYYY-MM-DD` (also with a time suffix such as `T00:00:00Z`), `Month D, YYYY`,
/// `Mon D YYYY`, `D Month YYYY`, and `YYYY/MM/DD`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.len() >= 10 && s.is_char_boundary(10) {
        let head = &s[..10];
        let tail = &s[10..];
        if tail.is_empty()
            || tail.starts_with('T')
            || tail.starts_with(' ') && tail.trim().contains(':')
        {
            for fmt in ["%Y-%m-%d", "%Y/%m/%d"] {
                if let Ok(d) = NaiveDate::parse_from_str(head, fmt) {
                    return Some(d);
                }
            }
        }
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    match words.as_slice() {
        [m, d, y] => {
            if let (Some(m), Some(d), Some(y)) = (month_number(m), day_number(d), year_number(y)) {
                return NaiveDate::from_ymd_opt(y, m, d);
            }
            if let (Some(d), Some(m), Some(y)) = (day_number(m), month_number(d), year_number(y)) {
                return NaiveDate::from_ymd_opt(y, m, d);
            }
            None
        }
        _ => None,
    }
}

/// Parses a month-and-day with no year ("May 29", "29 May"), returning (month, day).
pub fn parse_month_day(s: &str) -> Option<(u32, u32)> {
    let words: Vec<&str> = s.split_whitespace().collect();
    match words.as_slice() {
        [m, d] => {
            if let (Some(m), Some(d)) = (month_number(m), day_number(d)) {
                return Some((m, d));
            }
            if let (Some(d), Some(m)) = (day_number(m), month_number(d)) {
                return Some((m, d));
            }
            None
        }
        _ => None,
    }
}

/// A date bound given on the command line: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
///
/// Returns the first and last day the value covers, so `--since 2022-05` means from May 1 and
/// `--until 2022-05` means through May 31 (both bounds inclusive).
pub fn parse_bound(s: &str) -> Option<(NaiveDate, NaiveDate)> {
    let s = s.trim();
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| -> Option<u32> {
        if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
            p.parse().ok()
        } else {
            None
        }
    };
    match parts.as_slice() {
        [y] => {
            let y = num(y, 4)? as i32;
            Some((
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y, 12, 31)?,
            ))
        }
        [y, m] => {
            let y = num(y, 4)? as i32;
            let m = num(m, 2)?;
            let first = NaiveDate::from_ymd_opt(y, m, 1)?;
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(y + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(y, m + 1, 1)?
            };
            Some((first, next.pred_opt()?))
        }
        [_, _, _] => {
            let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
            Some((d, d))
        }
        _ => None,
    }
}

/// A date as the number `YYYYMMDD`, the form the `day` field indexes.
pub fn yyyymmdd(d: NaiveDate) -> u64 {
    use chrono::Datelike;
    (d.year().max(0) as u64) * 10_000 + u64::from(d.month()) * 100 + u64::from(d.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn formats_briefs_use() {
        assert_eq!(parse_date("Mar 3, 2023"), d(2023, 3, 3));
        assert_eq!(parse_date("March 3, 2023"), d(2023, 3, 3));
        assert_eq!(parse_date("2023-03-03"), d(2023, 3, 3));
        assert_eq!(parse_date("Sept. 14, 2021"), d(2021, 9, 14));
        assert_eq!(parse_date("14 September 2021"), d(2021, 9, 14));
        assert_eq!(parse_date("July 4th, 2019"), d(2019, 7, 4));
        assert_eq!(parse_date("2020-02-29T00:00:00Z"), d(2020, 2, 29));
    }

    #[test]
    fn rejects_non_dates() {
        assert_eq!(parse_date("Brief Analysis"), None);
        assert_eq!(parse_date("Feb 30, 2023"), None);
        assert_eq!(parse_date("Smarch 3, 2023"), None);
        assert_eq!(parse_date("2023-13-01"), None);
        assert_eq!(parse_date(""), None);
        assert_eq!(parse_date("March 3, 2023 and more"), None);
    }

    #[test]
    fn month_day_without_year() {
        assert_eq!(parse_month_day("May 29"), Some((5, 29)));
        assert_eq!(parse_month_day("29 May"), Some((5, 29)));
        assert_eq!(parse_month_day("May"), None);
    }

    #[test]
    fn bounds_cover_whole_periods() {
        assert_eq!(
            parse_bound("2022"),
            Some((d(2022, 1, 1).unwrap(), d(2022, 12, 31).unwrap()))
        );
        assert_eq!(
            parse_bound("2024-02"),
            Some((d(2024, 2, 1).unwrap(), d(2024, 2, 29).unwrap()))
        );
        assert_eq!(
            parse_bound("2023-12"),
            Some((d(2023, 12, 1).unwrap(), d(2023, 12, 31).unwrap()))
        );
        assert_eq!(
            parse_bound("2023-03-03"),
            Some((d(2023, 3, 3).unwrap(), d(2023, 3, 3).unwrap()))
        );
        assert_eq!(parse_bound("yesterday"), None);
        assert_eq!(parse_bound("2023-3"), None);
    }
}
