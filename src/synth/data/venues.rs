//! Where a piece appears or is delivered: the invented outlets op-eds first ran in and the
//! invented members of Congress that testimony addresses.

/// Invented publications that op-eds were "originally published" in.
pub(crate) const OUTLETS: &[&str] = &[
    "the Oxbow Review",
    "Halcyon Weekly",
    "the Gulf Ledger",
    "Foreign Desk Quarterly",
    "the Crossroads Journal",
    "Harborline",
];

/// Invented members of Congress, addressed in testimony.
pub(crate) const LAWMAKERS: &[&str] = &[
    "Harlan",
    "Pryor",
    "Ashworth",
    "Calloway",
    "Redmond",
    "Fairbanks",
    "Holloway",
    "Sandoval",
];
