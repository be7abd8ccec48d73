//! Step 1 of reading a text: cutting it into word tokens with byte offsets.
//!
//! Each token knows its letter case ([`Shape`]), what separates it from the token before
//! ([`Gap`]), whether a possessive `'s` follows it, whether it opens a sentence and which line
//! it sits on. Hyphens join parts of one name ("al-Zawahiri"), initialisms keep their dots
//! ("U.S."), and an abbreviation's period ("Gen.") does not end a sentence.

/// What separates a token from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gap {
    /// Spaces only (or an abbreviation's period and spaces).
    Space,
    /// One hyphen and nothing else: parts of one word.
    Hyphen,
    /// Anything else: punctuation, a line break, the start of the text.
    Punct,
}

/// The letter case of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    /// Starts with an uppercase letter, not all caps.
    Cap,
    /// Two or more letters, all uppercase ("ISKP", "U.S.").
    Upper,
    /// Starts with a lowercase letter.
    Lower,
    /// Starts with a digit or another character.
    Other,
}

/// A word token: its byte span and what the rules need to know about it.
#[derive(Debug, Clone)]
pub(super) struct Tok {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) shape: Shape,
    pub(super) gap: Gap,
    /// Followed by a possessive `'s` (or a plural's bare apostrophe).
    pub(super) poss: bool,
    /// First token of a sentence.
    pub(super) sent: bool,
    /// Index of the line, for headline detection.
    pub(super) line: usize,
}

impl Tok {
    /// Capitalised or all caps: a word that can open or continue a name.
    pub(super) fn capish(&self) -> bool {
        matches!(self.shape, Shape::Cap | Shape::Upper)
    }
}

/// Letters and digits make words; everything else separates them.
pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// A straight or curly apostrophe, as in a possessive `'s`.
pub(super) fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Whether `s` is an initialism so far ("U", "U.S"): single uppercase letters joined by dots.
fn initialism_so_far(s: &str) -> bool {
    s.chars().enumerate().all(|(i, c)| {
        if i % 2 == 0 {
            c.is_uppercase()
        } else {
            c == '.'
        }
    }) && s.chars().next_back().is_some_and(char::is_uppercase)
}

/// Splits a text into tokens with byte offsets. A period after one of `abbreviations` ("Gen.")
/// does not end a sentence.
pub(super) fn tokenize(text: &str, abbreviations: &[&str]) -> Vec<Tok> {
    let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 6 + 1);
    let mut line = 0usize;
    // End of what the previous token consumed (its possessive included).
    let mut consumed = 0usize;
    let mut iter = text.char_indices().peekable();
    while let Some(&(i, c)) = iter.peek() {
        if !is_word_char(c) {
            if c == '\n' {
                line += 1;
            }
            iter.next();
            continue;
        }
        let start = i;
        let mut end = i;
        let mut poss = false;
        let mut after_poss = None;
        while let Some(&(j, ch)) = iter.peek() {
            if is_word_char(ch) {
                end = j + ch.len_utf8();
                iter.next();
                continue;
            }
            if is_apostrophe(ch) {
                let after = j + ch.len_utf8();
                let mut rest = text[after..].chars();
                match (rest.next(), rest.next()) {
                    (Some('s'), next2) if !next2.is_some_and(is_word_char) => {
                        poss = true;
                        after_poss = Some(after + 1);
                        iter.next();
                        iter.next();
                    }
                    (Some(n), _) if is_word_char(n) => {
                        end = after;
                        iter.next();
                        continue;
                    }
                    _ => {
                        if end > start + 1 && text[start..end].ends_with('s') {
                            poss = true;
                            after_poss = Some(after);
                            iter.next();
                        }
                    }
                }
                break;
            }
            if ch == '.' && initialism_so_far(&text[start..end]) {
                end = j + 1;
                iter.next();
                continue;
            }
            break;
        }
        let word = &text[start..end];
        let gap_text = &text[consumed.min(start)..start];
        let (gap, sent) = match toks.last() {
            None => (Gap::Punct, true),
            Some(p) => classify_gap(gap_text, &text[p.start..p.end], abbreviations),
        };
        toks.push(Tok {
            start,
            end,
            shape: shape_of(word),
            gap,
            poss,
            sent,
            line,
        });
        consumed = after_poss.unwrap_or(end);
    }
    toks
}

fn shape_of(word: &str) -> Shape {
    let Some(first) = word.chars().next() else {
        return Shape::Other;
    };
    if first.is_uppercase() {
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        let upper = word.chars().filter(|c| c.is_uppercase()).count();
        if letters >= 2 && upper == letters {
            Shape::Upper
        } else {
            Shape::Cap
        }
    } else if first.is_lowercase() {
        Shape::Lower
    } else {
        Shape::Other
    }
}

/// What the characters between two tokens mean: the gap kind and whether a sentence starts.
fn classify_gap(gap: &str, prev_word: &str, abbreviations: &[&str]) -> (Gap, bool) {
    if gap == "-" {
        return (Gap::Hyphen, false);
    }
    if !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}') {
        return (Gap::Space, false);
    }
    let abbrev = abbreviations
        .iter()
        .any(|a| a.eq_ignore_ascii_case(prev_word));
    if abbrev && gap.starts_with('.') && gap[1..].chars().all(|c| c == ' ') && gap.len() > 1 {
        return (Gap::Space, false);
    }
    let initial =
        prev_word.ends_with('.') && prev_word.chars().filter(|c| c.is_alphabetic()).count() == 1;
    let sent = gap
        .chars()
        .any(|c| matches!(c, '.' | '!' | '?' | ':' | ';' | '\n' | '•'))
        && (!initial || gap.contains('\n'));
    if initial && gap.chars().all(|c| c == ' ') {
        return (Gap::Space, false);
    }
    (Gap::Punct, sent)
}
