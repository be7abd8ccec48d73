//! A deterministic generator of fictional policy briefs in the saved-page format.
//!
//! Search needs an archive to be tested and benchmarked on, and real briefs cannot be shipped,
//! so this module writes as many as asked: a recurring cast of invented officials, armed
//! groups, parties and companies in real countries and cities, Larkspur Institute experts as
//! authors, topic-biased vocabulary drawn with Zipf laws so term and facet statistics look like
//! a real archive. Brief `n` of a seed depends on nothing else ([`render`]), the random numbers
//! come from a hand-written `xoshiro256**` generator ([`crate::text::rng`]), and so a seed gives
//! byte-identical files on every platform and in every later version that keeps this module's
//! data.
//!
//! One concern a file, in the order data flows: `data/` holds the static tables (countries,
//! names, organisations, topics, experts, word lists, sentence frames); `zipf` the rank laws
//! draws follow; `english` plurals, verb forms, articles and headline case; `names` invents the
//! cast's names and `world` builds the shared world once. Per brief, `ctx` holds the state and
//! picks date, authors, setting and cast; `slots` fills a frame's `{key}` slots; `prose` makes
//! sentences, paragraphs, headings and timelines; `body` lays out the sections; `page` writes
//! the whole page and names its file. This file is the public surface.

mod body;
mod ctx;
mod data;
mod english;
mod names;
mod page;
mod prose;
mod slots;
mod world;
mod zipf;

use std::path::PathBuf;

use rayon::prelude::*;

use crate::error::{Error, Result};
use page::compose;

/// What to generate: `count` briefs for `seed`, written under `out`.
#[derive(Debug, Clone)]
pub struct SynthOptions {
    /// Number of briefs to write.
    pub count: usize,
    /// Seed of the archive; the same seed always gives the same files.
    pub seed: u64,
    /// Folder to write into; created if missing. Files already there are left alone.
    pub out: PathBuf,
}

/// What [`generate`] wrote, for progress lines and `--json` output.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SynthReport {
    /// Files written.
    pub files: usize,
    /// Bytes written, summed over all files.
    pub bytes: u64,
}

/// Briefs per subfolder, so no folder grows too large for file managers and shells.
pub const FILES_PER_FOLDER: usize = 1000;

/// Renders brief `n` of `seed`: its path relative to the output folder and its text.
///
/// The path is `NNN/NNNNNN_<16 hex>.txt`: the folder of 1,000 it belongs to, the brief number,
/// and a hash of the text. The result depends only on `seed` and `n`, so briefs can be made in
/// any order, in parallel, or one at a time.
pub fn render(seed: u64, n: usize) -> (String, String) {
    let draft = compose(seed, n);
    (draft.file, draft.text)
}

/// Writes briefs `0..count` of `opts.seed` into `opts.out`, in parallel.
///
/// Errors: [`Error::Io`] naming the folder that could not be created or the file that could
/// not be written.
pub fn generate(opts: &SynthOptions) -> Result<SynthReport> {
    let folders = opts.count.div_ceil(FILES_PER_FOLDER).max(1);
    for f in 0..folders {
        let dir = opts.out.join(format!("{f:03}"));
        std::fs::create_dir_all(&dir).map_err(|source| Error::Io {
            context: format!("cannot create folder {}", dir.display()),
            source,
        })?;
    }
    let bytes = (0..opts.count)
        .into_par_iter()
        .map(|n| {
            let (name, text) = render(opts.seed, n);
            let path = opts.out.join(&name);
            std::fs::write(&path, text.as_bytes()).map_err(|source| Error::Io {
                context: format!("cannot write {}", path.display()),
                source,
            })?;
            Ok::<u64, Error>(text.len() as u64)
        })
        .try_reduce(|| 0, |a, b| Ok(a + b))?;
    Ok(SynthReport {
        files: opts.count,
        bytes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_bytes_other_seed_other_bytes() {
        for n in [0, 1, 17, 999, 1000, 123_456] {
            assert_eq!(render(7, n), render(7, n));
            assert_ne!(render(7, n).1, render(8, n).1);
        }
        assert_ne!(render(7, 1).1, render(7, 2).1);
        let (name, text) = render(7, 1042);
        assert!(name.starts_with("001/001042_"), "{name}");
        assert!(name.ends_with(".txt") && name.len() == "001/001042_".len() + 16 + 4);
        assert_eq!(
            &name[11..27],
            format!("{:016x}", xxhash_rust::xxh3::xxh3_64(text.as_bytes()))
        );
    }

    #[test]
    fn generate_writes_folders_of_a_thousand() {
        let dir = tempfile::tempdir().expect("temp dir");
        let opts = SynthOptions {
            count: 1003,
            seed: 9,
            out: dir.path().join("out"),
        };
        let report = generate(&opts).expect("generates");
        assert_eq!(report.files, 1003);
        let count = |sub: &str| {
            std::fs::read_dir(opts.out.join(sub))
                .map(|d| d.count())
                .unwrap_or(0)
        };
        assert_eq!((count("000"), count("001")), (1000, 3));
        let (name, text) = render(9, 1002);
        let written = std::fs::read_to_string(opts.out.join(&name)).expect("reads back");
        assert_eq!(written, text);
        let total: u64 = (0..1003).map(|n| render(9, n).1.len() as u64).sum();
        assert_eq!(report.bytes, total);
    }

    #[test]
    fn unwritable_output_names_the_path() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("a-file");
        std::fs::write(&file, "x").expect("writes");
        let err = generate(&SynthOptions {
            count: 2,
            seed: 1,
            out: file.clone(),
        })
        .expect_err("cannot write under a file");
        assert!(matches!(err, Error::Io { .. }), "{err}");
        assert!(err.to_string().contains("a-file"), "{err}");
    }

    /// The sample corpus committed with the repository.
    fn corpus_dir() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
    }

    /// Every file under `root`, sorted.
    fn files_under(root: &std::path::Path) -> Vec<std::path::PathBuf> {
        let mut files: Vec<std::path::PathBuf> = walkdir::WalkDir::new(root)
            .into_iter()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_file())
            .map(|e| e.into_path())
            .collect();
        files.sort();
        files
    }

    /// The committed sample corpus must be exactly what the generator writes for it.
    #[test]
    fn committed_corpus_matches_the_generator() {
        let committed = corpus_dir().join("saved");
        if !committed.exists() {
            return;
        }
        let dir = tempfile::tempdir().expect("temp dir");
        generate(&SynthOptions {
            count: 60,
            seed: 2026,
            out: dir.path().to_path_buf(),
        })
        .expect("generates");
        let rel = |root: &std::path::Path| -> Vec<String> {
            files_under(root)
                .iter()
                .filter_map(|p| p.strip_prefix(root).ok())
                .map(|p| p.display().to_string())
                .collect()
        };
        assert_eq!(rel(&committed), rel(dir.path()), "file lists differ");
        for name in rel(dir.path()) {
            let want = std::fs::read(dir.path().join(&name)).expect("reads generated");
            let have = std::fs::read(committed.join(&name)).expect("reads committed");
            assert!(want == have, "{name} differs from the generator's output");
        }
    }

    /// Every fictional brief in `corpus/` (`saved/`, `markdown/`, `jsonl/`) parses without
    /// errors or warnings and has every field. The real pages in `corpus/crs/` have no
    /// regions and not always topics; `tests/crs_pages.rs` checks them.
    #[test]
    fn committed_corpus_parses_cleanly() {
        let root = corpus_dir();
        if !root.exists() {
            return;
        }
        let mut briefs = 0;
        let fictional = ["saved", "markdown", "jsonl"]
            .iter()
            .flat_map(|dir| files_under(&root.join(dir)));
        for path in fictional {
            let readme = path.file_name().is_some_and(|n| n == "README.md");
            if readme || crate::parse::Format::of_path(&path).is_none() {
                continue;
            }
            let parsed = crate::parse::parse_file(&path).expect("parses");
            assert!(
                parsed.errors.is_empty(),
                "{}: {:?}",
                path.display(),
                parsed.errors
            );
            for b in &parsed.briefs {
                assert!(b.warnings.is_empty(), "{}: {:?}", b.source, b.warnings);
                assert!(
                    !b.title.is_empty() && b.date.is_some() && b.kind.is_some(),
                    "{}",
                    b.source
                );
                assert!(
                    !b.authors.is_empty() && !b.topics.is_empty() && !b.regions.is_empty(),
                    "{}",
                    b.source
                );
                assert!(b.summary.is_some() && b.passages.len() >= 4, "{}", b.source);
            }
            briefs += parsed.briefs.len();
        }
        assert!(briefs >= 60, "{briefs} briefs in corpus/");
    }
}
