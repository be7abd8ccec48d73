//! The pipeline's data flows one way: no module of the library imports a later stage.
//!
//! Reads every file under `src/` and collects the `crate::<module>` paths it names (in `use`
//! lines and inline paths alike, tests included), then checks each against the stage order
//! that ARCHITECTURE.md describes. A new back edge fails here with the file and the line.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

/// Top-level modules by stage. A module may use its own stage and any earlier one; `tools`
/// (synth, bench, eval, export) sit above the pipeline and may use any stage, but no stage may use them.
const STAGES: &[(&str, u32)] = &[
    ("error", 0),
    ("text", 0),
    ("model", 1),
    ("discover", 2),
    ("parse", 3),
    ("extract", 4),
    ("index", 5),
    ("search", 6),
    ("present", 7),
    ("serve", 7),
    ("synth", 8),
    ("bench", 8),
    ("eval", 8),
    ("export", 8),
];

fn rank(module: &str) -> Option<u32> {
    STAGES.iter().find(|(m, _)| *m == module).map(|(_, r)| *r)
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `crate::x` paths named on a line, and `super::`-free module names from `use crate::{a, b}`.
fn named_modules(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for part in group[..end].split(',') {
                let name: String = part
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                out.push(name);
            }
        } else {
            out.push(
                rest.chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect(),
            );
        }
    }
    out
}

#[test]
fn no_stage_imports_a_later_stage() {
    let src = common::root().join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut edges: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut back = Vec::new();
    for path in &all {
        let rel = path.strip_prefix(&src).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let module = first.trim_end_matches(".rs").to_string();
        let Some(from) = rank(&module) else {
            continue; // lib.rs, main.rs and the binary's cli/ sit outside the pipeline
        };
        let text = std::fs::read_to_string(path).unwrap();
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for to in named_modules(line) {
                let Some(r) = rank(&to) else { continue };
                if to != module {
                    *edges.entry((module.clone(), to.clone())).or_default() += 1;
                }
                if r > from {
                    back.push(format!("{}:{}: {module} uses {to}", rel.display(), n + 1));
                }
            }
        }
    }
    assert!(
        !edges.is_empty(),
        "no imports found: is src/ where it should be?"
    );
    assert!(back.is_empty(), "back edges:\n{}", back.join("\n"));
}

#[test]
fn the_library_names_every_stage_it_checks() {
    let lib = std::fs::read_to_string(common::root().join("src/lib.rs")).unwrap();
    for (m, _) in STAGES {
        assert!(
            lib.contains(&format!("pub mod {m};")),
            "src/lib.rs has no `pub mod {m};`"
        );
    }
}
