//! Posts outside any country's government: U.S. and international officials the cast also
//! holds, some tied to the country they deal with.

use super::RoleKind::{self, *};

/// Officials of the United States and international bodies: role, country they deal with
/// (by tag, or none), kind, and an honorific used in short mentions.
pub(crate) const INTERNATIONAL_ROLES: &[(&str, Option<&str>, RoleKind, Option<&str>)] = &[
    (
        "U.S. special envoy for Syria",
        Some("Syria"),
        Diplomat,
        None,
    ),
    ("U.S. special envoy for Iran", Some("Iran"), Diplomat, None),
    ("UN special envoy for Yemen", Some("Yemen"), Diplomat, None),
    (
        "U.S. ambassador to Iraq",
        Some("Iraq"),
        Diplomat,
        Some("Ambassador"),
    ),
    ("UN envoy for Libya", Some("Libya"), Diplomat, None),
    ("CENTCOM commander", None, Military, Some("Gen.")),
    ("State Department spokesperson", None, Diplomat, None),
    ("senior Treasury official", None, Economy, None),
    (
        "U.S. special representative for Afghanistan",
        Some("Afghanistan"),
        Diplomat,
        None,
    ),
    ("IAEA chief inspector", Some("Iran"), Security, None),
    (
        "U.S. ambassador to Pakistan",
        Some("Pakistan"),
        Diplomat,
        Some("Ambassador"),
    ),
    (
        "World Bank country director for Egypt",
        Some("Egypt"),
        Economy,
        None,
    ),
    (
        "EU special representative for the Middle East peace process",
        Some("Palestinians"),
        Diplomat,
        None,
    ),
];
