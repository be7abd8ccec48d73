//! A hostile archive: dozens of broken, huge, deeply nested and strange files next to a few
//! good briefs. Every good brief must be indexed, every bad file reported by name, and the
//! ingest must finish with exit code 1 ("finished, some files failed").

mod common;

use std::path::Path;

use common::briefs;

fn good(title: &str, word: &str) -> String {
    format!("{title}\n\nby Ann Lee\n\nMar 3, 2023\n\nBrief Analysis\n\nStandfirst about {word}.\n\nThe body mentions {word} twice: {word}.\n")
}

fn w(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

/// Writes the archive and returns (good brief count, names expected in `failed`).
fn build(dir: &Path) -> (usize, Vec<&'static str>) {
    for (i, word) in ["alpha", "bravo", "charlie", "delta", "echo"]
        .iter()
        .enumerate()
    {
        w(
            dir,
            &format!("good-{i}.txt"),
            good(&format!("Good Brief {word}"), word),
        );
    }
    w(
        dir,
        "crlf.txt",
        good("Carriage Returns", "foxtrot").replace('\n', "\r\n"),
    );
    w(
        dir,
        "bom.txt",
        [
            b"\xEF\xBB\xBF".as_slice(),
            good("Byte Order Mark", "golf").as_bytes(),
        ]
        .concat(),
    );
    w(
        dir,
        "latin1.txt",
        [
            good("Latin One", "hotel").as_bytes(),
            b"caf\xe9\n".as_slice(),
        ]
        .concat(),
    );
    w(
        dir,
        "no-title.txt",
        "by Ann Lee\n\nMar 3, 2023\n\nBrief Analysis\n\nStandfirst.\n\nBody about india.\n",
    );
    w(
        dir,
        "bad-date.txt",
        good("Bad Date", "juliet").replace("Mar 3, 2023", "Marchuary 45, 2023"),
    );
    w(
        dir,
        "unbalanced.txt",
        good("Unbalanced", "kilo")
            + "\n[never closed \\(https://x.org\n\n**open bold\n\n(<https://x.org> oops\n",
    );
    let nested = format!("{}{}{}", "[".repeat(100_000), "lima", "]".repeat(100_000));
    w(
        dir,
        "nested.txt",
        good("Deeply Nested", "mike") + "\n" + &nested + "\n",
    );
    let emph = "**".repeat(50_000);
    w(
        dir,
        "emphasis.txt",
        good("Emphasis Storm", "november") + "\n" + &emph + "\n",
    );
    let mut tags = good("Many Tags", "oscar") + "\nTOPICS\n\n";
    for i in 0..100_000 {
        tags.push_str(&format!("Topic {i} (/t/{i})\n"));
    }
    w(dir, "many-tags.txt", tags);
    w(
        dir,
        "mega-paragraph.txt",
        good("Mega Paragraph", "papa") + "\n" + &"quebec words ".repeat(80_000) + "\n",
    );
    w(
        dir,
        "only-headings.txt",
        "Heading One\n\nHeading Two\n\nHeading Three\n",
    );
    w(
        dir,
        "dup-a.jsonl",
        "{\"id\":\"dup-1\",\"title\":\"Duplicate First\",\"body\":\"romeo\"}\n",
    );
    w(
        dir,
        "dup-b.jsonl",
        "{\"id\":\"dup-1\",\"title\":\"Duplicate Second\",\"body\":\"sierra\"}\n",
    );
    w(
        dir,
        "mixed.jsonl",
        "{\"title\":\"Mixed Good\",\"body\":\"tango\"}\n{broken\n[1,2]\n\"str\"\n",
    );
    w(dir, "array.json", "[{\"title\":\"Array One\",\"body\":\"uniform\"},{\"title\":\"Array Two\",\"body\":\"victor\"}]");
    w(
        dir,
        "deep.json",
        format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)),
    );
    w(dir, "number.json", "42");

    // Bad files: each must appear in `failed`.
    w(dir, "empty.txt", "");
    w(dir, "blank.md", "\n \n\t\n");
    w(
        dir,
        "binary.txt",
        (0..4096u32)
            .map(|i| (i * 7 % 256) as u8)
            .collect::<Vec<u8>>(),
    );
    w(
        dir,
        "png.txt",
        [b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".as_slice(), &[0u8; 512]].concat(),
    );
    w(
        dir,
        "huge.txt",
        good("Huge", "whiskey") + &"x ".repeat(2_000_000),
    );
    w(dir, "bad-yaml.md", "---\ntitle: [unclosed\n---\nBody.\n");
    w(dir, "all-bad.jsonl", "{nope\n{\"title\": 5}\n");
    w(dir, "empty-record.jsonl", "{}\n");
    w(dir, "only-bom.txt", b"\xEF\xBB\xBF");
    w(dir, "nul-heavy.md", vec![0u8; 100]);

    // Things that are not regular files, or lead nowhere.
    std::fs::create_dir(dir.join("folder.txt")).unwrap();
    std::fs::create_dir(dir.join("loop")).unwrap();
    std::os::unix::fs::symlink("..", dir.join("loop/up")).unwrap();
    std::os::unix::fs::symlink("missing-target.txt", dir.join("dangling.txt")).unwrap();
    use std::os::unix::ffi::OsStrExt;
    let odd = std::ffi::OsStr::from_bytes(b"caf\xe9-name.txt");
    w(dir, odd.to_str().map_or("unused", |_| "unused"), "");
    std::fs::remove_file(dir.join("unused")).ok();
    std::fs::write(dir.join(odd), good("Non UTF-8 Name", "xray")).unwrap();
    w(dir, "notes.pdf", "%PDF-1.4");

    let failed = vec![
        "notes.pdf",
        "empty.txt",
        "blank.md",
        "binary.txt",
        "png.txt",
        "huge.txt",
        "bad-yaml.md",
        "all-bad.jsonl",
        "empty-record.jsonl",
        "only-bom.txt",
        "nul-heavy.md",
        "mixed.jsonl",
        "deep.json",
        "number.json",
        "dangling.txt",
    ];
    (5, failed)
}

#[test]
fn hostile_archive_keeps_every_good_brief() {
    let d = tempfile::tempdir().unwrap();
    let arch = d.path().join("arch");
    std::fs::create_dir(&arch).unwrap();
    let (_, expected_failed) = build(&arch);
    let count = std::fs::read_dir(&arch).unwrap().count();
    assert!(
        count >= 35,
        "at least 30 hostile entries plus good ones: {count}"
    );

    let out = briefs()
        .current_dir(d.path())
        .args([
            "ingest",
            "arch",
            "--index",
            "idx",
            "--max-file-size",
            "3",
            "--json",
        ])
        .timeout(std::time::Duration::from_secs(300))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let failed: Vec<String> = r["failed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| format!("{} :: {}", f["path"], f["reason"]))
        .collect();
    for name in &expected_failed {
        assert!(
            failed.iter().any(|f| f.contains(name)),
            "{name} not reported in {failed:#?}"
        );
    }
    let warnings: Vec<String> = r["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| format!("{} :: {}", f["path"], f["reason"]))
        .collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("dup-a.jsonl") && w.contains("duplicate id dup-1")),
        "{warnings:#?}"
    );
    assert!(warnings
        .iter()
        .any(|w| w.contains("latin1.txt") && w.contains("UTF-8")));
    assert!(warnings
        .iter()
        .any(|w| w.contains("bad-date.txt") && w.contains("does not parse")));
    assert!(
        failed
            .iter()
            .any(|f| f.contains("loop") && f.contains("loop")),
        "symlink loop reported: {failed:#?}"
    );

    // Every good brief is searchable.
    for word in [
        "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india",
        "juliet", "kilo", "mike", "november", "oscar", "papa", "tango", "uniform", "victor",
        "xray",
    ] {
        let out = briefs()
            .current_dir(d.path())
            .args(["search", "--index", "idx", "--json", word])
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(v["total_briefs"].as_u64().unwrap() >= 1, "{word} not found");
    }
    // Duplicate ids: the later path wins, once.
    let out = briefs()
        .current_dir(d.path())
        .args(["search", "--index", "idx", "--json", "romeo OR sierra"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["total_briefs"], 1);
    assert_eq!(v["hits"][0]["title"], "Duplicate Second");

    // A second run reads nothing new and reaches the same state.
    let again = common::json(
        &["ingest", "arch", "--index", "idx", "--max-file-size", "3"],
        d.path(),
    );
    assert_eq!(again["briefs_total"], r["briefs_total"]);
}
