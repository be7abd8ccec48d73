//! White space as every stage needs it.

/// Collapses runs of white space into single spaces and trims the ends.
pub fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_become_one_space_and_ends_are_trimmed() {
        assert_eq!(collapse_spaces("  a \t b\n\nc  "), "a b c");
        assert_eq!(collapse_spaces(" \n "), "");
    }
}
