//! The rules of written English the generator needs: plurals and verb forms of the word
//! lists, "a" or "an", headline case, capitals, possessives, URL slugs and thousands
//! separators. Pure functions of their input, so they never touch the random stream.

/// A noun of the word lists with its plural.
pub(super) struct Noun {
    pub(super) one: &'static str,
    pub(super) many: String,
    /// Mass nouns ("momentum") never fill a plural slot.
    pub(super) countable: bool,
}

/// A verb of the word lists with the forms the frames ask for.
pub(super) struct Verb {
    pub(super) base: &'static str,
    pub(super) third: String,
    pub(super) past: String,
    pub(super) participle: String,
    pub(super) gerund: String,
}

/// Reads a word-list noun: `word` (regular plural), `one:many` (irregular) or `word!` (mass
/// noun, no plural).
pub(super) fn plural(word: &'static str) -> Noun {
    if let Some(one) = word.strip_suffix('!') {
        return Noun {
            one,
            many: one.to_string(),
            countable: false,
        };
    }
    if let Some((one, many)) = word.split_once(':') {
        return Noun {
            one,
            many: many.to_string(),
            countable: true,
        };
    }
    let b = word.as_bytes();
    let consonant_y = word.ends_with('y') && b.len() > 1 && !b"aeiou".contains(&b[b.len() - 2]);
    let many = if consonant_y {
        format!("{}ies", &word[..word.len() - 1])
    } else if word.ends_with('s')
        || word.ends_with('x')
        || word.ends_with("ch")
        || word.ends_with("sh")
    {
        format!("{word}es")
    } else {
        format!("{word}s")
    };
    Noun {
        one: word,
        many,
        countable: true,
    }
}

/// Reads a word-list verb: `base`, or `base:past[:participle[:gerund]]` where irregular.
pub(super) fn conjugate(word: &'static str) -> Verb {
    let mut parts = word.split(':');
    let base = parts.next().unwrap_or(word);
    let b = base.as_bytes();
    let consonant_y = base.ends_with('y') && b.len() > 1 && !b"aeiou".contains(&b[b.len() - 2]);
    let stem_y = &base[..base.len() - 1];
    let third = if consonant_y {
        format!("{stem_y}ies")
    } else if base.ends_with('s')
        || base.ends_with('x')
        || base.ends_with('z')
        || base.ends_with("ch")
        || base.ends_with("sh")
    {
        format!("{base}es")
    } else {
        format!("{base}s")
    };
    let regular_past = if base.ends_with('e') {
        format!("{base}d")
    } else if consonant_y {
        format!("{stem_y}ied")
    } else {
        format!("{base}ed")
    };
    let past = parts
        .next()
        .map(str::to_string)
        .unwrap_or(regular_past.clone());
    let participle = parts.next().map(str::to_string).unwrap_or(past.clone());
    let gerund = parts.next().map(str::to_string).unwrap_or_else(|| {
        if base.ends_with("ee") {
            format!("{base}ing")
        } else if let Some(stem) = base.strip_suffix('e') {
            format!("{stem}ing")
        } else {
            format!("{base}ing")
        }
    });
    Verb {
        base,
        third,
        past,
        participle,
        gerund,
    }
}

/// URL slug of a title or tag: lower-case letters and digits joined by hyphens, dots and
/// apostrophes dropped ("U.S. Policy" -> "us-policy").
pub(super) fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if c == '.' || c == '\'' || c == '’' {
            continue;
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// Small words a headline leaves in lower case.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "and", "but", "or", "nor", "for", "of", "in", "on", "at", "to", "by", "from",
    "with", "over", "into", "as", "vs",
];

/// Headline case: capitalises lower-case words except small ones; names are left alone.
pub(super) fn title_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let lower = word.chars().next().is_some_and(|c| c.is_ascii_lowercase());
        let small = SMALL_WORDS.contains(&word) || word.starts_with("al-");
        if lower && (i == 0 || !small) {
            out.push_str(&capitalize(word));
        } else {
            out.push_str(word);
        }
    }
    out
}

/// Upper-cases the first letter, skipping leading markup (`[`, `*`, quotes).
pub(super) fn capitalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut done = false;
    for c in text.chars() {
        if !done && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            done = true;
        } else {
            if !done && !matches!(c, '[' | '*' | '"' | '“' | '(') {
                done = true;
            }
            out.push(c);
        }
    }
    out
}

/// Whether `word` is read starting with a vowel sound, so takes "an".
fn vowel_sound(word: &str) -> bool {
    let w = word.trim_start_matches(['[', '*', '"', '“']);
    let lower = w.to_ascii_lowercase();
    if ["u.s.", "uni", "use", "usu", "eu", "one", "ukr", "ura"]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return false;
    }
    if lower.starts_with("hour") || lower.starts_with("honest") {
        return true;
    }
    let mut chars = w.chars();
    let (Some(first), second) = (chars.next(), chars.next()) else {
        return false;
    };
    if first.is_ascii_uppercase() && second.is_some_and(|c| c.is_ascii_uppercase()) {
        // An acronym is read letter by letter: "an IAEA team", "an EGB commander".
        return "AEFHILMNORSX".contains(first);
    }
    "aeiouAEIOU".contains(first)
}

/// Fixes "a"/"an" before the following word and tidies commas left by appositives.
pub(super) fn polish(sentence: &str) -> String {
    let words: Vec<&str> = sentence.split(' ').collect();
    let mut out = String::with_capacity(sentence.len() + 8);
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let article = matches!(*w, "a" | "an" | "A" | "An");
        match words.get(i + 1) {
            Some(next) if article => {
                let an = vowel_sound(next);
                out.push_str(match (an, w.starts_with('A')) {
                    (true, true) => "An",
                    (true, false) => "an",
                    (false, true) => "A",
                    (false, false) => "a",
                });
            }
            _ => out.push_str(w),
        }
    }
    for (from, to) in [
        (",.", "."),
        (",,", ","),
        (",:", ":"),
        (",;", ";"),
        (",?", "?"),
    ] {
        if out.contains(from) {
            out = out.replace(from, to);
        }
    }
    capitalize(&out)
}

/// Possessive of a name: "Iraq's", "the Palestinian territories'".
pub(super) fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

/// A number with thousands separators: "1,234,500".
pub(super) fn with_commas(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_helpers() {
        assert_eq!(
            polish("a IAEA team met a EGB unit and a U.S. envoy"),
            "An IAEA team met an EGB unit and a U.S. envoy"
        );
        assert_eq!(
            polish("al-Rawi, the governor of Basra,."),
            "Al-Rawi, the governor of Basra."
        );
        assert_eq!(
            title_case("the limits of drone warfare in al-Qaim"),
            "The Limits of Drone Warfare in al-Qaim"
        );
        assert_eq!(slugify("Arab & Islamic Politics"), "arab-islamic-politics");
        assert_eq!(slugify("U.S. Policy"), "us-policy");
        assert_eq!(with_commas(1_234_500), "1,234,500");
        assert_eq!(conjugate("deny").past, "denied");
        assert_eq!(conjugate("finance").gerund, "financing");
        assert_eq!(
            conjugate("withdraw:withdrew:withdrawn").participle,
            "withdrawn"
        );
        assert_eq!(plural("ally").many, "allies");
        assert_eq!(plural("crisis:crises").many, "crises");
        assert!(!plural("momentum!").countable);
    }
}
