//! Reading a query set and its relevance judgments in the layouts test collections ship.
//!
//! Queries: JSON Lines with `_id` (or `id`) and `text`, as BEIR writes them, or `id<TAB>text`
//! with an optional header line. Judgments: TREC qrels (`qid 0 docid grade`, white space
//! separated) or BEIR TSV (`query-id<TAB>corpus-id<TAB>score` after a header line). Every
//! problem names the file and the line.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use super::EvalError;

/// One query as a user would type it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// The id the judgments use.
    pub id: String,
    /// The text, searched as typed.
    pub text: String,
}

/// Judgments: query id → document id → grade (above 0 is relevant).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Qrels(pub BTreeMap<String, HashMap<String, i64>>);

impl Qrels {
    /// The grades judged for one query.
    pub fn grades(&self, query: &str) -> Option<&HashMap<String, i64>> {
        self.0.get(query)
    }

    /// The same judgments with every grade above 0 as 1 and the rest as 0: binary relevance,
    /// the usual practice for Cranfield, whose grades run from 1 (most relevant) to 4.
    pub fn binary(&self) -> Qrels {
        Qrels(
            self.0
                .iter()
                .map(|(q, grades)| {
                    let g = grades
                        .iter()
                        .map(|(d, g)| (d.clone(), i64::from(*g > 0)))
                        .collect();
                    (q.clone(), g)
                })
                .collect(),
        )
    }

    /// True when the query has at least one document graded above 0.
    pub fn has_relevant(&self, query: &str) -> bool {
        self.grades(query)
            .is_some_and(|g| g.values().any(|grade| *grade > 0))
    }
}

fn read(path: &Path) -> Result<String, EvalError> {
    let bytes = std::fs::read(path).map_err(|source| EvalError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|e| EvalError::Line {
        path: path.to_path_buf(),
        line: 1 + e.as_bytes()[..e.utf8_error().valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count(),
        message: "not UTF-8 text".into(),
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(&text).to_string())
}

/// Non-blank lines with their 1-based numbers, line ends trimmed.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split('\n')
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty())
}

/// The words of a query (runs of letters, digits and `_`) joined by spaces, without the
/// punctuation the query language reads (`-` excludes, quotes make phrases, `field:` filters,
/// a hyphen or a dot inside a word makes a phrase of its parts). `OR` and `AND` are
/// lower-cased so they stay words.
pub fn words(text: &str) -> String {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(|w| match w {
            "OR" | "AND" => w.to_lowercase(),
            _ => w.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reads a query file (JSON Lines or TSV, told apart by its first character).
pub fn read_queries(path: &Path) -> Result<Vec<Query>, EvalError> {
    parse_queries(&read(path)?, path)
}

/// Reads a judgments file (TREC or BEIR TSV, told apart by the number of columns).
pub fn read_qrels(path: &Path) -> Result<Qrels, EvalError> {
    parse_qrels(&read(path)?, path)
}

/// Query ids a TSV header may use for its first column.
const ID_HEADERS: &[&str] = &["id", "_id", "qid", "query-id", "query_id", "query"];

/// Parses queries from `text`; `path` names the file in errors.
pub fn parse_queries(text: &str, path: &Path) -> Result<Vec<Query>, EvalError> {
    let at = |line: usize, message: String| EvalError::Line {
        path: path.to_path_buf(),
        line,
        message,
    };
    let json = text.trim_start().starts_with('{');
    let mut out: Vec<Query> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (n, (line, raw)) in lines(text).enumerate() {
        let (id, text) = if json {
            let v: serde_json::Value =
                serde_json::from_str(raw).map_err(|e| at(line, format!("bad JSON query: {e}")))?;
            let id = match v.get("_id").or_else(|| v.get("id")) {
                Some(serde_json::Value::String(s)) => s.trim().to_string(),
                Some(serde_json::Value::Number(n)) => n.to_string(),
                _ => {
                    return Err(at(
                        line,
                        "a query needs an \"_id\" (or \"id\"), a string or a number".into(),
                    ))
                }
            };
            let Some(text) = v.get("text").and_then(|t| t.as_str()) else {
                return Err(at(line, "a query needs a \"text\" string".into()));
            };
            (id, text.trim().to_string())
        } else {
            let Some((id, text)) = raw.split_once('\t') else {
                return Err(at(
                    line,
                    "expected id<TAB>text (or JSON Lines with \"_id\" and \"text\")".into(),
                ));
            };
            if n == 0 && ID_HEADERS.contains(&id.trim().to_lowercase().as_str()) {
                continue;
            }
            (id.trim().to_string(), text.trim().to_string())
        };
        if id.is_empty() {
            return Err(at(line, "empty query id".into()));
        }
        if text.is_empty() {
            return Err(at(line, format!("query {id:?} has no text")));
        }
        if let Some(first) = seen.insert(id.clone(), line) {
            return Err(at(
                line,
                format!("query id {id:?} is already on line {first}"),
            ));
        }
        out.push(Query { id, text });
    }
    if out.is_empty() {
        return Err(EvalError::NoRecords {
            path: path.to_path_buf(),
            what: "queries",
        });
    }
    Ok(out)
}

/// Parses judgments from `text`; `path` names the file in errors. A first line of three
/// fields whose grade is not a number is a BEIR header. A pair judged twice keeps its last grade.
pub fn parse_qrels(text: &str, path: &Path) -> Result<Qrels, EvalError> {
    let at = |line: usize, message: String| EvalError::Line {
        path: path.to_path_buf(),
        line,
        message,
    };
    let mut out = Qrels::default();
    let mut columns: Option<usize> = None;
    for (n, (line, raw)) in lines(text).enumerate() {
        let fields: Vec<&str> = if raw.contains('\t') {
            raw.split('\t').map(str::trim).collect()
        } else {
            raw.split_whitespace().collect()
        };
        let (qid, docid, grade) = match fields.as_slice() {
            [q, _, d, g] => (*q, *d, *g),
            [q, d, g] => (*q, *d, *g),
            _ => {
                return Err(at(
                    line,
                    format!(
                        "expected `qid 0 docid grade` (TREC) or `query-id<TAB>corpus-id<TAB>score` (BEIR), found {} fields",
                        fields.len()
                    ),
                ))
            }
        };
        let Ok(grade) = grade.parse::<i64>() else {
            if n == 0 && fields.len() == 3 {
                continue;
            }
            return Err(at(line, format!("grade {grade:?} is not a whole number")));
        };
        match columns {
            None => columns = Some(fields.len()),
            Some(c) if c != fields.len() => {
                return Err(at(
                    line,
                    format!(
                        "{} fields where the lines before have {c}: one layout a file",
                        fields.len()
                    ),
                ))
            }
            Some(_) => {}
        }
        if qid.is_empty() || docid.is_empty() {
            return Err(at(line, "empty query or document id".into()));
        }
        out.0
            .entry(qid.to_string())
            .or_default()
            .insert(docid.to_string(), grade);
    }
    if out.0.is_empty() {
        return Err(EvalError::NoRecords {
            path: path.to_path_buf(),
            what: "judgments",
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> &'static Path {
        Path::new("f")
    }

    #[test]
    fn queries_in_json_lines_and_tsv() {
        let json = "{\"_id\": \"1\", \"text\": \"water rights\", \"metadata\": {}}\n\n{\"id\": 2, \"text\": \" dams \"}\n";
        let q = parse_queries(json, p()).unwrap();
        assert_eq!(
            q,
            vec![
                Query {
                    id: "1".into(),
                    text: "water rights".into()
                },
                Query {
                    id: "2".into(),
                    text: "dams".into()
                }
            ]
        );
        let tsv = "query-id\ttext\r\n1\twater rights\r\n2\tdams\n";
        assert_eq!(parse_queries(tsv, p()).unwrap(), q);
        assert_eq!(
            parse_queries("1\twater rights\n2\tdams", p()).unwrap(),
            q,
            "no header"
        );
    }

    #[test]
    fn bad_queries_name_the_line() {
        for (text, want) in [
            (
                "{\"_id\": \"1\", \"text\": \"a\"}\n{\"text\": \"b\"}\n",
                "f:2: a query needs an \"_id\"",
            ),
            (
                "{\"_id\": \"1\", \"text\": \"a\"}\n\n{oops\n",
                "f:3: bad JSON query",
            ),
            ("{\"_id\": \"1\"}\n", "f:1: a query needs a \"text\""),
            ("1\ta\nno tab here\n", "f:2: expected id<TAB>text"),
            ("1\ta\n1\tb\n", "f:2: query id \"1\" is already on line 1"),
            ("1\t  \n", "f:1: query \"1\" has no text"),
        ] {
            let e = parse_queries(text, p()).unwrap_err().to_string();
            assert!(e.starts_with(want), "{e}");
        }
        let e = parse_queries("\n\n", p()).unwrap_err().to_string();
        assert_eq!(e, "f: no queries found");
    }

    #[test]
    fn qrels_in_trec_and_beir_layouts() {
        let trec = "1 0 d1 2\n1 0 d2 -1\n2 0 d3 1\n";
        let beir = "query-id\tcorpus-id\tscore\n1\td1\t2\n1\td2\t-1\n2\td3\t1\n";
        let a = parse_qrels(trec, p()).unwrap();
        assert_eq!(a, parse_qrels(beir, p()).unwrap());
        assert_eq!(a.grades("1").unwrap()["d1"], 2);
        assert!(a.has_relevant("1") && a.has_relevant("2") && !a.has_relevant("3"));
        let only_negative = parse_qrels("5 0 d1 -1\n", p()).unwrap();
        assert!(!only_negative.has_relevant("5"));
    }

    #[test]
    fn words_drop_the_query_language() {
        assert_eq!(
            words("Differentiated E2f-1, -2 TKO \"cells\" title:x H2A.Z OR y"),
            "Differentiated E2f 1 2 TKO cells title x H2A Z or y"
        );
        assert_eq!(words("-- ?"), "");
    }

    #[test]
    fn binary_grades() {
        let q = parse_qrels("1 0 a 3\n1 0 b -1\n1 0 c 0\n", p())
            .unwrap()
            .binary();
        let g = q.grades("1").unwrap();
        assert_eq!((g["a"], g["b"], g["c"]), (1, 0, 0));
    }

    #[test]
    fn bad_qrels_name_the_line() {
        for (text, want) in [
            ("1 0 d1 1\n1 d2\n", "f:2: expected `qid 0 docid grade`"),
            (
                "1 0 d1 1\n1 0 d2 high\n",
                "f:2: grade \"high\" is not a whole number",
            ),
            (
                "1 0 d1 1\n1\td2\t1\n",
                "f:2: 3 fields where the lines before have 4",
            ),
        ] {
            let e = parse_qrels(text, p()).unwrap_err().to_string();
            assert!(e.starts_with(want), "{e}");
        }
        let e = parse_qrels("query-id\tcorpus-id\tscore\n", p())
            .unwrap_err()
            .to_string();
        assert_eq!(e, "f: no judgments found");
    }
}
