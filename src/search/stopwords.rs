//! Stopwords: words of a query so common that they say nothing about what a passage is about
//! ("the", "of", "on"). Beside other words the planner neither requires nor scores them, so
//! "sanctions on Iran" counts a passage that says "Iran sanctions" as matching all words and
//! ranks it by "sanctions" and "Iran" alone; highlighting skips them; a quoted phrase keeps them ("Council on Foreign Relations"), and a query made only of
//! stopwords ("to be or not to be") searches them as ordinary words.
//!
//! The lists are data files, one per language, under `src/search/stopwords/`; English is the
//! one in use. Another language is one more file and one more arm in [`Stopwords::for_language`].

use std::collections::HashSet;
use std::sync::OnceLock;

/// A language's stopwords, lower-cased and accent-folded as the index folds words.
#[derive(Debug)]
pub struct Stopwords {
    words: HashSet<&'static str>,
}

impl Stopwords {
    /// The list for an ISO 639-1 language code, or `None` when the project has none.
    pub fn for_language(code: &str) -> Option<&'static Stopwords> {
        static EN: OnceLock<Stopwords> = OnceLock::new();
        match code {
            "en" => Some(EN.get_or_init(|| Stopwords::parse(include_str!("stopwords/en.txt")))),
            _ => None,
        }
    }

    /// The English list, the one queries use.
    pub fn english() -> &'static Stopwords {
        Stopwords::for_language("en").expect("the English list is built in")
    }

    /// Reads a list: one word per line, `#` comments and blank lines skipped.
    fn parse(text: &'static str) -> Stopwords {
        let words = text
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|w| !w.is_empty())
            .collect();
        Stopwords { words }
    }

    /// Whether `folded` (a token as the fold analyser makes it) is a stopword.
    pub fn contains(&self, folded: &str) -> bool {
        self.words.contains(folded)
    }

    /// How many words the list holds.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_list_reads_its_file() {
        let en = Stopwords::english();
        assert!(en.contains("the") && en.contains("on") && en.contains("of"));
        assert!(!en.contains("not"), "negation carries meaning");
        assert!(!en.contains("iran") && !en.contains("#"));
        assert!(en.len() > 40);
        assert!(Stopwords::for_language("xx").is_none());
    }
}
