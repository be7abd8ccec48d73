//! How much entity extraction costs next to parsing, on one core.
//!
//! `cargo run --release --example extract_cost -- DIR` reads every `.txt` or `.md` brief under
//! DIR (saved pages; `corpus/crs` holds real CRS pages),
//! then times parsing alone (saved-page reader and events) and entity extraction alone,
//! and prints MB/s for each and extraction's share of the two.

use std::time::Instant;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "corpus".into());
    let texts: Vec<String> = walkdir::WalkDir::new(&dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| {
            e.path()
                .extension()
                .is_some_and(|x| x == "txt" || x == "md")
        })
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mb = bytes as f64 / 1e6;

    let t = Instant::now();
    let mut briefs: Vec<briefs::Brief> = texts
        .iter()
        .map(|t| briefs::parse::saved::parse(t))
        .collect();
    for b in &mut briefs {
        b.events = briefs::extract::events::extract(b);
    }
    let parse = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let mut mentions = 0usize;
    for b in &briefs {
        mentions += briefs::extract::entities::brief_entities(b)
            .iter()
            .map(|e| e.mentions)
            .sum::<usize>();
    }
    let extract = t.elapsed().as_secs_f64();

    println!(
        "{} briefs, {mb:.1} MB, {mentions} entity mentions",
        briefs.len()
    );
    println!("parse + events: {parse:.2} s, {:.1} MB/s", mb / parse);
    println!("entities:       {extract:.2} s, {:.1} MB/s", mb / extract);
    println!(
        "entities' share of parse+extract time: {:.0}%",
        100.0 * extract / (parse + extract)
    );
}
