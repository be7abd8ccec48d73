//! Per-stage throughput over a generated archive: parse (with extraction), extract alone,
//! index (documents into a RAM index and commit) and search. `cargo bench` prints bytes per
//! second for each; `briefs bench` measures the whole pipeline against baselines.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

use briefs::parse::{parse_bytes, Format};
use briefs::search::{Engine, SearchRequest};

const BRIEFS: usize = 200;
const SEED: u64 = 7;

fn corpus() -> Vec<String> {
    (0..BRIEFS)
        .map(|n| briefs::synth::render(SEED, n).1)
        .collect()
}

fn stages(c: &mut Criterion) {
    let texts = corpus();
    let bytes: u64 = texts.iter().map(|t| t.len() as u64).sum();
    let parsed: Vec<briefs::Brief> = texts
        .iter()
        .flat_map(|t| {
            parse_bytes(t.as_bytes(), "bench.txt", Format::Saved)
                .expect("generated briefs parse")
                .briefs
        })
        .map(|mut b| {
            briefs::extract::enrich(&mut b);
            b
        })
        .collect();

    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(bytes));
    g.sample_size(10);
    g.bench_function("parse", |b| {
        b.iter(|| {
            for t in &texts {
                let _ = parse_bytes(t.as_bytes(), "bench.txt", Format::Saved);
            }
        })
    });
    g.bench_function("parse+extract", |b| {
        b.iter(|| {
            for t in &texts {
                if let Ok(mut file) = parse_bytes(t.as_bytes(), "bench.txt", Format::Saved) {
                    file.briefs.iter_mut().for_each(briefs::extract::enrich);
                }
            }
        })
    });
    g.bench_function("extract", |b| {
        b.iter(|| {
            for brief in &parsed {
                let mut copy = brief.clone();
                briefs::extract::enrich(&mut copy);
            }
        })
    });
    g.bench_function("index", |b| {
        b.iter(|| {
            let index = tantivy::Index::create_in_ram(briefs::index::schema::build());
            briefs::index::schema::register_tokenizers(&index);
            let fields = briefs::index::schema::Fields::new(&index.schema()).unwrap();
            let mut writer: tantivy::IndexWriter = index.writer(50_000_000).unwrap();
            let file = briefs::discover::FoundFile {
                path: "bench.txt".into(),
                key: "/bench.txt".into(),
                size: 0,
                stamp: 0,
                format: Format::Saved,
            };
            for brief in &parsed {
                for doc in briefs::index::brief_documents(&fields, brief, &file) {
                    writer.add_document(doc).unwrap();
                }
            }
            writer.commit().unwrap();
        })
    });
    g.finish();

    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    std::fs::create_dir_all(&archive).unwrap();
    for (n, t) in texts.iter().enumerate() {
        std::fs::write(archive.join(format!("{n:04}.txt")), t).unwrap();
    }
    let idx = dir.path().join("idx");
    let opts = briefs::index::IngestOptions {
        roots: vec![archive],
        index_dir: idx.clone(),
        ..Default::default()
    };
    briefs::index::ingest(&opts, &briefs::index::NoProgress).unwrap();
    let engine = Engine::open(&idx).unwrap();
    let mut g = c.benchmark_group("search");
    for q in [
        "border",
        "water treaty",
        "\"foreign minister\"",
        "security council talks",
        "borderr",
    ] {
        let req = SearchRequest {
            query: q.to_string(),
            facets: true,
            ..SearchRequest::default()
        };
        g.bench_with_input(BenchmarkId::from_parameter(q), &req, |b, req| {
            b.iter(|| engine.search(req).unwrap())
        });
    }
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
