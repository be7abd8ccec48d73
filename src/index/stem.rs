//! English stemming with a memory of the words already stemmed.
//!
//! Snowball stemming was ~9% of ingest CPU and ~17% of a one-word query's (highlighting and
//! cropping re-analyse each hit): text repeats its words, so most tokens are words the analyser
//! has stemmed before. This filter gives the same stems as tantivy's `Stemmer` (both call
//! `frostem`, the crate tantivy's stemmer is), looked up in a per-analyser table first; the table
//! is emptied when it reaches [`CACHE_WORDS`] so memory stays bounded.

use std::collections::HashMap;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Words remembered per analyser before the table starts over.
pub const CACHE_WORDS: usize = 100_000;

/// A token filter that stems English words, remembering each word's stem.
#[derive(Clone, Default)]
pub struct CachedStemmer;

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter {
            inner: tokenizer,
            cache: HashMap::new(),
        }
    }
}

/// [`CachedStemmer`] around a tokenizer; the table lives as long as the analyser.
#[derive(Clone)]
pub struct CachedStemmerFilter<T> {
    inner: T,
    cache: HashMap<String, String>,
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        if self.cache.len() >= CACHE_WORDS {
            self.cache.clear();
        }
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
            cache: &mut self.cache,
            stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
        }
    }
}

/// The token stream of [`CachedStemmerFilter`].
pub struct CachedStemmerStream<'a, T> {
    tail: T,
    cache: &'a mut HashMap<String, String>,
    stemmer: frostem::Stemmer,
}

impl<T: TokenStream> TokenStream for CachedStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(stem) = self.cache.get(&token.text) {
            token.text.clear();
            token.text.push_str(stem);
        } else {
            let stem = self.stemmer.stem(&token.text).into_owned();
            let word = std::mem::replace(&mut token.text, stem.clone());
            self.cache.insert(word, stem);
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{Language, LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer};

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut stream = analyzer.token_stream(text);
        while let Some(t) = stream.next() {
            out.push(t.text.clone());
        }
        out
    }

    /// Tantivy's stemming analyser, and the same with [`CachedStemmer`].
    fn analysers() -> (TextAnalyzer, TextAnalyzer) {
        let plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::English))
            .build();
        let cached = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(CachedStemmer)
            .build();
        (plain, cached)
    }

    #[test]
    fn stems_as_tantivys_stemmer_does_and_again_from_memory() {
        let (mut plain, mut cached) = analysers();
        let text = "Negotiators met again; the meetings resumed, meeting after meeting, \
                    as sanctions and sanctioned ministries generalised their policies.";
        let want = tokens(&mut plain, text);
        assert_eq!(tokens(&mut cached, text), want, "first pass");
        assert_eq!(tokens(&mut cached, text), want, "from memory");
        assert!(want.contains(&"meet".to_string()));
    }

    proptest::proptest! {
        #[test]
        fn any_text_stems_alike(text in "[a-zA-Z ,.'-]{0,200}") {
            let (mut plain, mut cached) = analysers();
            let want = tokens(&mut plain, &text);
            proptest::prop_assert_eq!(tokens(&mut cached, &text), want.clone());
            proptest::prop_assert_eq!(tokens(&mut cached, &text), want);
        }
    }
}
