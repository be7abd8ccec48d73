//! Property tests: the parser never panics on arbitrary input and keeps its invariants.

use briefs::parse::{parse_bytes, Format};
use proptest::prelude::*;

fn check(bytes: &[u8]) {
    for format in [Format::Saved, Format::Markdown, Format::Json] {
        if let Ok(file) = parse_bytes(bytes, "prop.txt", format) {
            for b in file.briefs {
                assert!(!b.id.is_empty());
                assert!(!b.title.is_empty());
                for (i, p) in b.passages.iter().enumerate() {
                    assert_eq!(p.index, i);
                    assert!(!p.text.is_empty());
                }
            }
        }
    }
}

/// Fragments of brief markup, so generated inputs reach deep into the parser.
fn markupish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("by ".to_string()),
        Just("[".to_string()),
        Just("](".to_string()),
        Just(")".to_string()),
        Just("\\(".to_string()),
        Just("**".to_string()),
        Just("_".to_string()),
        Just("(<https://x.org/a>)".to_string()),
        Just("- **May 3, 2022:** ".to_string()),
        Just("May 29: ".to_string()),
        Just("ABOUT THE AUTHORS".to_string()),
        Just("Brief Analysis".to_string()),
        Just("RECOMMENDED".to_string()),
        Just("TOPICS".to_string()),
        Just("REGIONS & COUNTRIES".to_string()),
        Just("❖".to_string()),
        Just("---\n".to_string()),
        Just("{\"title\":".to_string()),
        Just("## ".to_string()),
        // Web-page furniture (issue 13): header lines, overview rows, tables, figures,
        // in-page links, summary, boilerplate, numeric dates.
        Just("# T\n\n**Report No.:** R1\n**Author(s):** Lee, Ann".to_string()),
        Just("| **Publication Date:** | ".to_string()),
        Just("| ".to_string()),
        Just("|".to_string()),
        Just("| Figure 1. ".to_string()),
        Just("Table 2. ".to_string()),
        Just("****".to_string()),
        Just("[x](https://h.gov#_Toc1)".to_string()),
        Just("Summary\n\n".to_string()),
        Just("Disclaimer:".to_string()),
        Just("©".to_string()),
        Just("04/09/2026".to_string()),
        Just("Updated April 9, 2026".to_string()),
        "[a-zA-Z ,.]{0,12}",
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(2000), ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        check(&bytes);
    }

    #[test]
    fn markup_soup_never_panics(text in markupish()) {
        check(text.as_bytes());
    }
}

/// Cases per property: `2000` in CI; set `FUZZ_CASES` for long runs (see docs/testing.md).
fn cases(default: u32) -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
