//! Writes a synthetic archive of saved-page briefs with `briefs::synth::generate`.
//!
//! ```text
//! cargo run --release --example synth -- --count 60 --seed 2026 --out corpus/saved
//! ```
//!
//! Prints the report as JSON and the generation rate on standard error.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Context};
use briefs::synth::{generate, SynthOptions};

fn main() -> anyhow::Result<()> {
    let mut opts = SynthOptions {
        count: 60,
        seed: 2026,
        out: PathBuf::from("corpus/saved"),
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args
            .next()
            .with_context(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--count" => opts.count = value.parse().context("--count takes a number")?,
            "--seed" => opts.seed = value.parse().context("--seed takes a number")?,
            "--out" => opts.out = PathBuf::from(value),
            other => bail!("unknown option {other}; use --count N --seed S --out DIR"),
        }
    }
    let start = Instant::now();
    let report = generate(&opts)?;
    let secs = start.elapsed().as_secs_f64();
    println!("{}", serde_json::to_string(&report)?);
    eprintln!(
        "{} briefs, {} bytes in {:.2} s ({:.0} briefs/s)",
        report.files,
        report.bytes,
        secs,
        report.files as f64 / secs.max(1e-9)
    );
    Ok(())
}
