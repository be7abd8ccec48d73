//! Where an index's bytes go: per field and index part, and the document store per field.
//!
//! `cargo run --release --example space_usage -- INDEX` prints, largest first, what each field
//! costs in term dictionaries, postings, positions, fast fields and fieldnorms (tantivy's
//! space usage), the compressed document store, and then the stored bytes of each field before
//! compression: where the index's size over the raw text goes, and what the store holds.

use std::collections::BTreeMap;
use std::path::Path;

use tantivy::schema::document::Value;
use tantivy::{Document, TantivyDocument};

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "index".into());
    let index = tantivy::Index::open_in_dir(Path::new(&dir)).expect("a briefs index folder");
    let schema = index.schema();
    let searcher = index.reader().expect("a reader").searcher();
    let usage = searcher.space_usage().expect("space usage");

    let mut per_part: BTreeMap<(String, &str), u64> = BTreeMap::new();
    let mut store = 0u64;
    for seg in usage.segments() {
        store += seg.store().total().get_bytes();
        for (part, fields) in [
            ("termdict", seg.termdict()),
            ("postings", seg.postings()),
            ("positions", seg.positions()),
            ("fast", seg.fast_fields()),
            ("fieldnorms", seg.fieldnorms()),
        ] {
            for u in fields.fields() {
                *per_part
                    .entry((u.field_name().to_string(), part))
                    .or_default() += u.total().get_bytes();
            }
        }
    }
    let total = per_part.values().sum::<u64>() + store;
    let mut rows: Vec<((String, &str), u64)> = per_part.into_iter().collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.1));
    println!("{store:>12}  document store (compressed)");
    for ((field, part), bytes) in rows.iter().take(40) {
        println!("{bytes:>12}  {field} {part}");
    }
    println!("{total:>12}  total\n");

    let mut stored: BTreeMap<String, u64> = BTreeMap::new();
    for seg in searcher.segment_readers() {
        let reader = seg.get_store_reader(0).expect("a store reader");
        for doc in 0..seg.max_doc() {
            let Ok(d) = reader.get::<TantivyDocument>(doc) else {
                continue;
            };
            for (field, v) in d.iter_fields_and_values() {
                let bytes = v.as_str().map_or(8, |s| s.len() as u64);
                *stored
                    .entry(schema.get_field_name(field).to_string())
                    .or_default() += bytes;
            }
        }
    }
    let mut rows: Vec<(String, u64)> = stored.into_iter().collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.1));
    for (field, bytes) in rows {
        println!("{bytes:>12}  {field} stored, before compression");
    }
}
