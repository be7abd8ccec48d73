//! The query language, parsed before any index work so that errors name what to fix.
//!
//! - plain words: `water treaty` (passages with all words first, then those with most)
//! - `"quoted phrases"`: the words in order, exact forms (no stemming)
//! - `-word`, `-"a phrase"`: exclude passages that contain it
//! - `a OR b`: either word satisfies that part of the query
//! - `title:word`, `title:"a phrase"`: match in the title only
//! - `author:`, `topic:`, `region:`, `kind:`, `entity:` followed by a value (quote values with
//!   spaces): the same as the `--author` … `--entity` filters
//!
//! Parsing is lenient: an unbalanced quote closes at the end of the query, a lone `OR` or `-`
//! is ignored, an unknown `field:` prefix is read as plain words, and control characters are
//! dropped. Repeated words are kept, so a word given twice weighs twice, as in Lucene.

/// The longest query accepted, in bytes.
pub const MAX_QUERY_BYTES: usize = 4096;

/// One unit of meaning in a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// A plain word.
    Word(String),
    /// A quoted phrase.
    Phrase(String),
    /// A word or phrase that must occur in the title.
    Title(String),
}

/// A filter given inside the query text (`topic:terrorism`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldFilter {
    /// `author`, `topic`, `region`, `kind` or `entity`.
    pub field: String,
    /// The value, unquoted.
    pub value: String,
}

/// A required part of a query: one of its alternatives must match (more than one with `OR`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// Alternatives joined by `OR`.
    pub any_of: Vec<Term>,
}

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedQuery {
    /// Parts that should match (plain words relax when too few passages have them all).
    pub clauses: Vec<Clause>,
    /// Parts that must not match.
    pub excluded: Vec<Term>,
    /// Filters written as `field:value`.
    pub filters: Vec<FieldFilter>,
    /// Notes on what the lenient parse changed, shown to the user.
    pub notes: Vec<String>,
    /// The last plain word is a prefix being typed: it also matches the indexed words it begins
    /// (set by the engine from the request's `prefix`, never by the parser).
    pub prefix: bool,
}

impl ParsedQuery {
    /// True when the query has no words, phrases or exclusions (filters only, or nothing).
    pub fn is_browse(&self) -> bool {
        self.clauses.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Item {
        negated: bool,
        field: Option<String>,
        text: String,
        quoted: bool,
    },
    Or,
}

fn tokenize(q: &str, notes: &mut Vec<String>) -> Vec<Token> {
    let chars: Vec<char> = q
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let mut negated = false;
        if chars[i] == '-' || chars[i] == '+' {
            negated = chars[i] == '-';
            i += 1;
            if i >= chars.len() || chars[i].is_whitespace() {
                continue;
            }
        }
        // An optional `field:` prefix.
        let mut field = None;
        let start = i;
        let mut j = i;
        while j < chars.len() && chars[j].is_alphabetic() {
            j += 1;
        }
        if j > start && j + 1 < chars.len() && chars[j] == ':' && !chars[j + 1].is_whitespace() {
            let name: String = chars[start..j].iter().collect::<String>().to_lowercase();
            if name == "title" || super::request::Param::from_prefix(&name).is_some() {
                field = Some(name);
                i = j + 1;
            }
        }
        let (text, quoted) = if chars[i] == '"' || chars[i] == '“' {
            let mut k = i + 1;
            while k < chars.len() && chars[k] != '"' && chars[k] != '”' {
                k += 1;
            }
            if k >= chars.len() {
                notes.push("unbalanced quote: the phrase runs to the end of the query".into());
            }
            let t: String = chars[i + 1..k.min(chars.len())].iter().collect();
            i = (k + 1).min(chars.len() + 1);
            (t, true)
        } else {
            let mut k = i;
            while k < chars.len() && !chars[k].is_whitespace() {
                k += 1;
            }
            let t: String = chars[i..k].iter().collect();
            i = k;
            (t, false)
        };
        if !quoted && field.is_none() && !negated && text == "OR" {
            tokens.push(Token::Or);
            continue;
        }
        if !quoted && field.is_none() && !negated && text == "AND" {
            continue;
        }
        if text.trim().is_empty() {
            continue;
        }
        tokens.push(Token::Item {
            negated,
            field,
            text: text.trim().to_string(),
            quoted,
        });
    }
    tokens
}

/// Parses a query string. Errors only when it is longer than [`MAX_QUERY_BYTES`].
pub fn parse(q: &str) -> Result<ParsedQuery, String> {
    if q.len() > MAX_QUERY_BYTES {
        return Err(format!(
            "the query is {} bytes long; the limit is {MAX_QUERY_BYTES}",
            q.len()
        ));
    }
    let mut out = ParsedQuery::default();
    let tokens = tokenize(q, &mut out.notes);
    let mut pending_or = false;
    for tok in tokens {
        match tok {
            Token::Or => {
                pending_or = !out.clauses.is_empty();
            }
            Token::Item {
                negated,
                field,
                text,
                quoted,
            } => {
                let term = match field.as_deref() {
                    Some("title") => Term::Title(text),
                    Some(f) => {
                        out.filters.push(FieldFilter {
                            field: f.to_string(),
                            value: text,
                        });
                        pending_or = false;
                        continue;
                    }
                    None if quoted => Term::Phrase(text),
                    None => Term::Word(text),
                };
                if negated {
                    out.excluded.push(term);
                    pending_or = false;
                } else if pending_or {
                    if let Some(last) = out.clauses.last_mut() {
                        last.any_of.push(term);
                    }
                    pending_or = false;
                } else {
                    out.clauses.push(Clause { any_of: vec![term] });
                }
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(q: &ParsedQuery) -> Vec<Vec<Term>> {
        q.clauses.iter().map(|c| c.any_of.clone()).collect()
    }

    #[test]
    fn words_phrases_negation_or() {
        let q = parse(r#"water "border security" -smuggling Kabul OR Tehran"#).unwrap();
        assert_eq!(
            words(&q),
            vec![
                vec![Term::Word("water".into())],
                vec![Term::Phrase("border security".into())],
                vec![Term::Word("Kabul".into()), Term::Word("Tehran".into())],
            ]
        );
        assert_eq!(q.excluded, vec![Term::Word("smuggling".into())]);
    }

    #[test]
    fn field_prefixes() {
        let q =
            parse(r#"title:embassy topic:"Arab & Islamic Politics" author:zelin foo:bar"#).unwrap();
        assert_eq!(q.clauses[0].any_of, vec![Term::Title("embassy".into())]);
        assert_eq!(q.filters.len(), 2);
        assert_eq!(q.filters[0].value, "Arab & Islamic Politics");
        assert_eq!(q.clauses[1].any_of, vec![Term::Word("foo:bar".into())]);
    }

    #[test]
    fn lenient_on_broken_input() {
        let q = parse("\"unclosed phrase").unwrap();
        assert_eq!(
            q.clauses[0].any_of,
            vec![Term::Phrase("unclosed phrase".into())]
        );
        assert_eq!(q.notes.len(), 1);
        assert!(parse("OR - + AND").unwrap().is_browse());
        assert!(parse("\u{1}\u{7f}").unwrap().is_browse());
        assert_eq!(parse("a a").unwrap().clauses.len(), 2);
        assert!(parse(&"x".repeat(5000)).is_err());
    }
}
