//! Command-line flags (clap) and the glue from each subcommand to the library.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use briefs::index::schema::Codec;
use briefs::index::{self, IngestOptions, Progress};
use briefs::present::{self, Style};
use briefs::search::request::{Param, RequestParams};
use briefs::search::Engine;

mod request;

use request::{EntitiesParams, SearchParams, TimelineParams};

const EXIT_HELP: &str = "\
Exit status: 0 when something was found or done; 1 when a search found nothing, `related`
was asked about an id the index does not hold, or an ingest finished but some files or
records could not be read (each is listed); 2 on an error (bad flag, bad date, unreadable or
locked index). Errors go to stderr.";

/// Full-text search for archives of policy briefs: ingest a folder, then find the passage
/// that answers your question, narrowed by author, topic, region, kind and date.
#[derive(Debug, Parser)]
#[command(name = "briefs", version, about, after_help = EXIT_HELP)]
pub struct Cli {
    /// When to use colour and bold: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
    #[command(subcommand)]
    pub command: Command,
}

/// Colour preference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal when NO_COLOR is unset.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse one brief file and print its fields (title, authors, date, passages, events, …).
    Parse(ParseArgs),
    /// Index an archive: find brief files, parse them in parallel, write the index.
    ///
    /// Exits 0 when every file was indexed, 1 when the ingest finished but some files or
    /// records failed (all listed in --json; good briefs are indexed regardless), 2 when the
    /// ingest itself failed (for example, another ingest holds the index).
    Ingest(IngestArgs),
    /// Search passages, ranked and highlighted, with optional facet counts.
    Search(SearchArgs),
    /// Print one whole brief as indexed.
    Show(ShowArgs),
    /// The briefs most like one brief: shared distinctive words and entities, its own
    /// versions left out.
    ///
    /// Exits 1 when the index holds no brief with that id.
    Related(RelatedArgs),
    /// Print index statistics.
    Stats(StatsArgs),
    /// Ingest the bundled corpus/ into index/ (when missing or stale) and run an example search.
    Demo(DemoArgs),
    /// Serve the index over HTTP: a JSON API and a search page, on 127.0.0.1:7700 by default.
    Serve(briefs::serve::ServeArgs),
    /// The most-mentioned people, organizations and places among the briefs a search matches.
    Entities(EntitiesArgs),
    /// The dated events of the briefs a search matches, in date order.
    Timeline(TimelineArgs),
    /// Named entities of any plain text (a file or - for stdin), with byte offsets.
    Extract(ExtractArgs),
    /// Write deterministic synthetic briefs in the saved-page format (fixed seed, same files).
    Synth(SynthArgs),
    /// Measure ingest and query speed against raw tantivy and SQLite FTS5 in the same run.
    Bench(BenchArgs),
    /// Score the ranking against relevance judgments: nDCG@k, MRR@k, recall and MAP.
    ///
    /// Runs every judged query as typed, through the same search as `briefs search`, and
    /// compares the briefs it ranks (their ids) with the judged document ids. See
    /// docs/ranking.md.
    Eval(EvalArgs),
    /// Write the archive for OpenSearch/Elasticsearch or Quickwit (or as JSON Lines), and
    /// optionally push it to a running engine.
    ///
    /// One document per passage, carrying its brief's id, title, date, authors, kind, topics,
    /// regions and entity names. Exits 0 when every brief was exported (and, with --push, every
    /// document accepted), 1 when some files could not be read or the engine rejected some
    /// documents (all listed), 2 on an error. See docs/scale-out.md.
    Export(ExportArgs),
    /// Print a shell completion script for briefs (bash, zsh, fish, elvish, powershell).
    ///
    /// For example `briefs completions bash > ~/.local/share/bash-completion/completions/briefs`.
    Completions(CompletionsArgs),
    /// Print the manual page (roff), generated from these definitions: `briefs man | man -l -`.
    Man,
}

/// `briefs completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to write completions for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// `briefs related`.
#[derive(Debug, Args)]
pub struct RelatedArgs {
    /// The brief id (as printed by search).
    pub id: String,
    /// How many related briefs to list.
    #[arg(long, default_value_t = briefs::search::related::DEFAULT_LIMIT as u64,
          value_parser = clap::value_parser!(u64).range(1..=briefs::search::related::MAX_LIMIT as u64))]
    pub limit: u64,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub index: IndexArg,
}

/// The formats `briefs export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportTo {
    /// OpenSearch or Elasticsearch: mapping.json and bulk-NNNN.ndjson (the _bulk format).
    Opensearch,
    /// Quickwit: index-config.yaml and ingest-NNNN.ndjson (its ingest API).
    Quickwit,
    /// The briefs JSON Lines format, re-importable with `briefs ingest`.
    Jsonl,
}

/// `briefs export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The format to write.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub to: ExportTo,
    /// Archive folders or files to read as `ingest` does, instead of an index.
    #[arg(value_name = "PATH", conflicts_with = "index")]
    pub paths: Vec<PathBuf>,
    /// The index to export (the default when no PATH is given: index).
    #[arg(long, value_name = "DIR")]
    pub index: Option<PathBuf>,
    /// Output folder (created if missing; earlier files of the same format are replaced).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// The index name (OpenSearch) or index id (Quickwit) the files and the push use.
    #[arg(long, default_value = "briefs", value_name = "NAME")]
    pub name: String,
    /// Largest output file in MB (10 is what _bulk and Quickwit's ingest take by default).
    #[arg(long, default_value_t = 10.0, value_name = "MB")]
    pub split_mb: f64,
    /// Send the files to a running engine at this base URL (http://localhost:9200 for
    /// OpenSearch, http://localhost:7280 for Quickwit); creates the index when missing.
    /// Credentials come from BRIEFS_PUSH_API_KEY, BRIEFS_PUSH_TOKEN, or BRIEFS_PUSH_USER with
    /// BRIEFS_PUSH_PASSWORD, never from the URL.
    #[arg(long, value_name = "URL")]
    pub push: Option<String>,
    /// Times a request refused with 429 or 5xx (or not answered) is sent again, with back-off.
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub retries: u32,
    /// Threads for reading and encoding (0 = one per core).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub threads: usize,
    /// Skip archive files larger than this many MB.
    #[arg(long, default_value_t = 64, value_name = "MB")]
    pub max_file_size: u64,
    /// Print the report as JSON (with every failed file and every rejected document).
    #[arg(long)]
    pub json: bool,
}

/// `briefs eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Queries: JSON Lines with "_id" and "text" (BEIR), or id<TAB>text with an optional header.
    #[arg(long, value_name = "FILE")]
    pub queries: PathBuf,
    /// Judgments: TREC qrels (qid 0 docid grade) or BEIR TSV (query-id, corpus-id, score with a
    /// header); grades above 0 are relevant and are the gain of nDCG.
    #[arg(long, value_name = "FILE")]
    pub qrels: PathBuf,
    #[command(flatten)]
    pub index: IndexArg,
    /// Cut-off for nDCG and MRR.
    #[arg(long, default_value_t = 10, value_name = "K", value_parser = clap::value_parser!(u16).range(1..))]
    pub k: u16,
    /// Hits asked of each search (1 to 1000): recall and MAP are measured over them.
    #[arg(long, default_value_t = 100, value_name = "N")]
    pub limit: usize,
    /// At most N passages from one brief among the hits (each brief is ranked once).
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub per_brief: usize,
    /// Count every grade above 0 as 1 (binary relevance; the usual practice for Cranfield).
    #[arg(long)]
    pub binary: bool,
    /// Search each query's words only (letters and digits), without the punctuation the query
    /// language reads (-, quotes, field:, hyphens inside words).
    #[arg(long)]
    pub words: bool,
    /// List every query in file order instead of the ten worst.
    #[arg(long)]
    pub per_query: bool,
    /// Also write the rankings as a TREC run file (for trec_eval and other tools).
    #[arg(long, value_name = "FILE")]
    pub run: Option<PathBuf>,
    /// Print one JSON object (schema in docs/json.md).
    #[arg(long)]
    pub json: bool,
}

/// `briefs entities`.
#[derive(Debug, Args)]
pub struct EntitiesArgs {
    #[command(flatten)]
    pub params: EntitiesParams,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub index: IndexArg,
}

/// `briefs timeline`.
#[derive(Debug, Args)]
pub struct TimelineArgs {
    #[command(flatten)]
    pub params: TimelineParams,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub index: IndexArg,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// A text file, or - (the default) for standard input.
    #[arg(default_value = "-", value_name = "FILE")]
    pub file: PathBuf,
    /// Print JSON: `{"entities": [{text, kind, canonical, start, end}]}`.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SynthArgs {
    /// How many briefs to write.
    #[arg(long, default_value_t = 1000, value_name = "N")]
    pub count: usize,
    /// Seed: the same seed always writes the same files.
    #[arg(long, default_value_t = 42, value_name = "S")]
    pub seed: u64,
    /// Output folder (created if missing).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Print the summary as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Generate this many synthetic briefs to measure (default 10000).
    #[arg(long, value_name = "N", conflicts_with = "archive")]
    pub briefs: Option<usize>,
    /// Measure an existing archive instead.
    #[arg(long, value_name = "DIR")]
    pub archive: Option<PathBuf>,
    /// Queries to time, one per line (default: a generated mixed set).
    #[arg(long, value_name = "FILE")]
    pub queries: Option<PathBuf>,
    /// Seed for the generated archive and queries.
    #[arg(long, default_value_t = 42, value_name = "S")]
    pub seed: u64,
    /// Queries per class in the generated set.
    #[arg(long, default_value_t = 100, value_name = "N")]
    pub per_class: usize,
    /// Indexing memory budget in MB (ours and raw tantivy alike).
    #[arg(long, default_value_t = 256, value_name = "MB")]
    pub memory: usize,
    /// Document store compression of our index, as `briefs ingest --codec`.
    #[arg(long, value_enum, default_value = "default", value_name = "CODEC")]
    pub codec: Codec,
    /// Folder for the archive and indexes (default: the system temporary folder).
    #[arg(long, value_name = "DIR")]
    pub work_dir: Option<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// The brief file (.txt saved page, .md, .jsonl/.ndjson/.json).
    pub file: PathBuf,
    /// Print JSON: one object per brief, one per line.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct IndexArg {
    /// Index folder.
    #[arg(long, default_value = "index", value_name = "DIR")]
    pub index: PathBuf,
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Folders or files to index.
    #[arg(default_value = "corpus", value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub index: IndexArg,
    /// Delete the index and build it again from scratch.
    #[arg(long)]
    pub rebuild: bool,
    /// Indexing memory budget in MB, shared by the writer threads (at least 15 per thread).
    #[arg(long, default_value_t = 256, value_name = "MB")]
    pub memory: usize,
    /// Threads for parsing and indexing (0 = one per core).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub threads: usize,
    /// Files per commit: an interrupted ingest keeps every finished batch.
    #[arg(long, default_value_t = 5000, value_name = "N")]
    pub batch: usize,
    /// Document store compression of a new index (an existing one keeps its own; with
    /// --rebuild it is written again with this): `default` (LZ4, fastest hits) or
    /// `best_compression` (zstd: the index about a quarter smaller, hits ~50 µs slower each).
    #[arg(long, value_enum, value_name = "CODEC")]
    pub codec: Option<Codec>,
    /// Skip files larger than this many MB.
    #[arg(long, default_value_t = 64, value_name = "MB")]
    pub max_file_size: u64,
    /// Print the report as JSON (with every failed and skipped file).
    #[arg(long)]
    pub json: bool,
}

const QUERY_HELP: &str = "\
Query language:
  water treaty          passages with all the words rank first; when they are fewer than a
                        page, passages with most of the words follow (BM25-ranked)
  \"border security\"     a phrase: these words in this order, exact forms
  -smuggling            exclude passages with the word (or -\"a phrase\")
  Kabul OR Tehran       either word
  title:embassy         the word (or \"phrase\") in the title
  author:zelin topic:terrorism region:iran kind:\"brief analysis\"
                        the same as the --author/--topic/--region/--kind filters
Words are stemmed (meetings finds meeting) and case- and accent-folded; exact forms of names
rank above stemmed look-alikes; title and heading matches count more; a word repeated in the
query counts more. A word found nowhere is retried with its nearest spelling (1 edit, 2 for
words of 8+ letters), and the output says so. An empty query with filters lists briefs,
newest first.

Exit status: 0 when something was found, 1 when nothing was, 2 on an error.";

/// `briefs search`.
#[derive(Debug, Args)]
#[command(after_help = QUERY_HELP)]
pub struct SearchArgs {
    #[command(flatten)]
    pub params: SearchParams,
    /// Print one JSON object (schema in docs/json.md).
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub index: IndexArg,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The brief id (as printed by search).
    pub id: String,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub index: IndexArg,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub index: IndexArg,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// The example query. The default is answered by the real CRS briefs in corpus/crs/
    /// (Iran's and Russia's nuclear weapons), so a first search shows real text.
    #[arg(default_value = "nuclear weapons")]
    pub query: Vec<String>,
}

fn style_for(choice: ColorChoice) -> Style {
    let color = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    Style { color }
}

fn out(s: &str) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(s.as_bytes())?;
    stdout.flush()?;
    Ok(())
}

fn json_line<T: serde::Serialize>(v: &T) -> Result<()> {
    out(&(serde_json::to_string(v)? + "\n"))
}

/// Runs a parsed command line; the returned code is the process exit status.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let style = style_for(cli.color);
    match cli.command {
        Command::Parse(a) => parse(a, style),
        Command::Ingest(a) => ingest(a, style),
        Command::Search(a) => search(a, style),
        Command::Show(a) => {
            let engine = Engine::open(&a.index.index)?;
            let shown = briefs::search::show_brief(&engine, &a.id)?;
            if a.json {
                json_line(&shown)?;
            } else {
                out(&present::brief(&shown.brief, style))?;
                out(&present::citations(&shown, style))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Related(a) => {
            let engine = Engine::open(&a.index.index)?;
            match briefs::search::related(&engine, &a.id, a.limit as usize) {
                Ok(r) if a.json => json_line(&r)?,
                Ok(r) => out(&present::related(&r, style))?,
                Err(e @ briefs::Error::NotFound(_)) => {
                    eprintln!("error: {e}");
                    return Ok(ExitCode::from(1));
                }
                Err(e) => return Err(e.into()),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions(a) => {
            let mut buf = Vec::new();
            clap_complete::generate(a.shell, &mut Cli::command(), "briefs", &mut buf);
            out(&String::from_utf8_lossy(&buf))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => {
            let mut buf = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut buf)?;
            out(&String::from_utf8_lossy(&buf))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Stats(a) => {
            let bi = index::BriefIndex::open(&a.index.index)?;
            let s = index::stats(&bi)?;
            if a.json {
                json_line(&s)?;
            } else {
                out(&format!(
                    "index {}\n  briefs {}\n  passages {}\n  segments {}\n  bytes {} ({:.1} MB)\n  schema version {}\n  last ingest {}{}\n",
                    s.index,
                    s.briefs,
                    s.passages,
                    s.segments,
                    s.bytes,
                    s.bytes as f64 / 1e6,
                    s.schema_version,
                    s.last_ingest.as_deref().unwrap_or("never"),
                    if s.complete { "" } else { " (interrupted: run ingest again to finish)" }
                ))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Entities(a) => {
            let req = a.params.0.entities()?;
            let engine = Engine::open(&a.index.index)?;
            let r = engine.entities(&req)?;
            if a.json {
                json_line(&r)?;
            } else {
                out(&present::entities(&r, style))?;
            }
            Ok(if r.entities.is_empty() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Timeline(a) => {
            let req = a.params.0.timeline()?;
            let engine = Engine::open(&a.index.index)?;
            let r = engine.timeline(&req)?;
            if a.json {
                json_line(&r)?;
            } else {
                out(&present::timeline(&r, style))?;
            }
            Ok(if r.events.is_empty() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Extract(a) => {
            let text = if a.file.as_os_str() == "-" {
                let mut s = String::new();
                std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
                    .context("reading standard input")?;
                s
            } else {
                let bytes = std::fs::read(&a.file)
                    .with_context(|| format!("reading {}", a.file.display()))?;
                String::from_utf8_lossy(&bytes).into_owned()
            };
            let mentions = briefs::extract::entities::extract_mentions(&text);
            if a.json {
                json_line(&serde_json::json!({ "entities": mentions }))?;
            } else {
                out(&present::mentions(&mentions, style))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Synth(a) => {
            let r = briefs::synth::generate(&briefs::synth::SynthOptions {
                count: a.count,
                seed: a.seed,
                out: a.out.clone(),
            })?;
            if a.json {
                json_line(&r)?;
            } else {
                out(&format!(
                    "wrote {} briefs ({:.1} MB) into {}\n",
                    r.files,
                    r.bytes as f64 / 1e6,
                    a.out.display()
                ))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Bench(a) => {
            let opts = briefs::bench::BenchOptions {
                briefs: a.briefs.unwrap_or(10_000),
                archive: a.archive,
                queries: a.queries,
                seed: a.seed,
                per_class: a.per_class,
                memory_bytes: a.memory.saturating_mul(1_000_000),
                work_dir: a.work_dir,
                codec: a.codec,
            };
            let quiet = a.json;
            let r = briefs::bench::run(&opts, &|m| {
                if !quiet {
                    eprintln!("bench: {m}");
                }
            })?;
            if a.json {
                json_line(&r)?;
            } else {
                out(&briefs::bench::markdown(&r))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval(a) => eval(a, style),
        Command::Export(a) => export(a),
        Command::Demo(a) => {
            let opts = IngestOptions {
                roots: vec![PathBuf::from("corpus")],
                index_dir: PathBuf::from("index"),
                ..IngestOptions::default()
            };
            // The demo owns index/: one written by an older briefs is rebuilt, not refused.
            let report = match run_ingest(opts.clone(), false) {
                Err(e) if matches!(e.downcast_ref(), Some(briefs::Error::SchemaVersion { .. })) => {
                    eprintln!("note: {e:#}; the demo rebuilds its own index/");
                    run_ingest(
                        IngestOptions {
                            rebuild: true,
                            ..opts
                        },
                        false,
                    )?
                }
                r => r?,
            };
            out(&present::ingest(&report, style))?;
            out("\n")?;
            let mut params = RequestParams::new();
            params.push(Param::Query, a.query.join(" "));
            params.push(Param::Limit, "5");
            params.push(Param::Facets, "true");
            let args = SearchArgs {
                params: SearchParams(params),
                json: false,
                index: IndexArg {
                    index: PathBuf::from("index"),
                },
            };
            search(args, style)
        }
        Command::Serve(a) => {
            briefs::serve::run(a)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn eval(a: EvalArgs, style: Style) -> Result<ExitCode> {
    let queries = briefs::eval::read_queries(&a.queries)?;
    let qrels = briefs::eval::read_qrels(&a.qrels)?;
    let engine = Engine::open(&a.index.index)?;
    let opts = briefs::eval::EvalOptions {
        k: a.k.into(),
        depth: a.limit,
        per_brief: a.per_brief,
        binary: a.binary,
        words: a.words,
    };
    let report = briefs::eval::evaluate(&engine, &queries, &qrels, &opts)?;
    if let Some(path) = &a.run {
        std::fs::write(path, briefs::eval::run_file(&report))
            .with_context(|| format!("writing {}", path.display()))?;
    }
    if a.json {
        json_line(&report)?;
    } else {
        let worst = (!a.per_query).then_some(10);
        out(&briefs::eval::table(&report, worst, style))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn parse(a: ParseArgs, style: Style) -> Result<ExitCode> {
    let mut parsed = briefs::parse::parse_file(&a.file)?;
    parsed.briefs.iter_mut().for_each(briefs::extract::enrich);
    for e in &parsed.errors {
        eprintln!("error: {e}");
    }
    if parsed.briefs.is_empty() {
        anyhow::bail!("{}: no brief could be read", a.file.display());
    }
    for b in &parsed.briefs {
        if a.json {
            json_line(b)?;
        } else {
            out(&present::brief(b, style))?;
        }
    }
    Ok(if parsed.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}

struct Bar(indicatif::ProgressBar);

impl Progress for Bar {
    fn start(&self, files: u64) {
        self.0.set_length(files);
    }
    fn advance(&self, n: u64) {
        self.0.inc(n);
    }
    fn finish(&self) {
        self.0.finish_and_clear();
    }
}

/// A bar on stderr when it is a terminal and the output is for people.
fn progress_bar(quiet: bool, unit: &str) -> indicatif::ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let pb = indicatif::ProgressBar::new(0);
    pb.set_style(
        indicatif::ProgressStyle::with_template(&format!(
            "{{spinner}} {{bar:40}} {{pos}}/{{len}} {unit} · {{per_sec}} · eta {{eta}}"
        ))
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    pb
}

fn export(a: ExportArgs) -> Result<ExitCode> {
    use briefs::export::{self, ExportOptions, PushOptions, Source, Target};
    let target = match a.to {
        ExportTo::Opensearch => Target::Opensearch,
        ExportTo::Quickwit => Target::Quickwit,
        ExportTo::Jsonl => Target::Jsonl,
    };
    if a.push.is_some() && target == Target::Jsonl {
        anyhow::bail!(
            "--push sends to a search engine: use it with --to opensearch or --to quickwit"
        );
    }
    if let Some(url) = &a.push {
        export::push::check_url(url)?;
    }
    if a.split_mb.is_nan() || a.split_mb <= 0.0 {
        anyhow::bail!(
            "--split-mb {} is not accepted: expected a size above 0",
            a.split_mb
        );
    }
    let source = if a.paths.is_empty() {
        Source::Index(a.index.unwrap_or_else(|| PathBuf::from("index")))
    } else {
        Source::Paths(a.paths)
    };
    let opts = ExportOptions {
        target,
        source,
        out: a.out,
        name: a.name.clone(),
        split_bytes: (a.split_mb * 1e6) as u64,
        threads: a.threads,
        max_file_bytes: a.max_file_size.saturating_mul(1024 * 1024),
    };
    let unit = if target == Target::Jsonl {
        "briefs"
    } else {
        "briefs read"
    };
    let mut report = export::export(&opts, &Bar(progress_bar(a.json, unit)))
        .with_context(|| format!("export into {}", opts.out.display()))?;
    if let Some(url) = a.push {
        let push = PushOptions {
            url,
            target,
            index: a.name,
            retries: a.retries,
            auth: export::Auth::from_env(),
        };
        export::push_report(
            &mut report,
            &push,
            &Bar(progress_bar(a.json, "documents pushed")),
        )?;
    }
    if a.json {
        json_line(&report)?;
    } else {
        out(&export::summary(&report))?;
    }
    Ok(if report.complete() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn run_ingest(opts: IngestOptions, quiet: bool) -> Result<index::IngestReport> {
    let bar = if !quiet && std::io::stderr().is_terminal() {
        let pb = indicatif::ProgressBar::new(0);
        pb.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {bar:40} {pos}/{len} files · {per_sec} · eta {eta}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        pb
    } else {
        indicatif::ProgressBar::hidden()
    };
    let dir = opts.index_dir.clone();
    index::ingest(&opts, &Bar(bar)).with_context(|| format!("ingest into {}", dir.display()))
}

fn ingest(a: IngestArgs, style: Style) -> Result<ExitCode> {
    let opts = IngestOptions {
        roots: a.paths,
        index_dir: a.index.index,
        rebuild: a.rebuild,
        memory_bytes: a.memory.saturating_mul(1_000_000),
        threads: a.threads,
        batch_files: a.batch,
        max_file_bytes: a.max_file_size.saturating_mul(1024 * 1024),
        codec: a.codec,
    };
    let report = run_ingest(opts, a.json)?;
    if a.json {
        json_line(&report)?;
    } else {
        out(&present::ingest(&report, style))?;
    }
    Ok(if report.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn search(a: SearchArgs, style: Style) -> Result<ExitCode> {
    let req = a.params.0.search()?;
    let engine = Engine::open(&a.index.index)?;
    let resp = engine.search(&req)?;
    if a.json {
        json_line(&resp)?;
    } else {
        out(&present::search(&resp, req.offset, style))?;
    }
    Ok(if resp.total_passages == 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// clap's own consistency checks over every subcommand and flag.
    #[test]
    fn flags_are_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn every_subcommand_parses_its_documented_spelling() {
        for args in [
            vec!["briefs", "parse", "x.txt", "--json"],
            vec![
                "briefs",
                "ingest",
                "a",
                "b",
                "--index",
                "i",
                "--rebuild",
                "--memory",
                "100",
                "--threads",
                "2",
                "--batch",
                "10",
                "--json",
            ],
            vec![
                "briefs",
                "search",
                "q",
                "--author",
                "a",
                "--topic",
                "t",
                "--region",
                "r",
                "--kind",
                "k",
                "--entity",
                "e",
                "--since",
                "2020",
                "--until",
                "2021",
                "--limit",
                "5",
                "--offset",
                "5",
                "--sort",
                "date",
                "--per-brief",
                "3",
                "--facets",
                "--json",
                "--index",
                "i",
            ],
            vec!["briefs", "show", "id", "--json", "--index", "i"],
            vec!["briefs", "stats", "--json", "--index", "i"],
            vec![
                "briefs",
                "entities",
                "q",
                "--region",
                "r",
                "--brief-kind",
                "b",
                "--kind",
                "person",
                "--top",
                "5",
                "--json",
            ],
            vec![
                "briefs", "timeline", "q", "--entity", "e", "--since", "2020", "--until", "2021",
                "--json",
            ],
            vec!["briefs", "extract", "-", "--json"],
            vec![
                "briefs", "synth", "--count", "3", "--seed", "1", "--out", "d",
            ],
            vec![
                "briefs",
                "bench",
                "--briefs",
                "100",
                "--queries",
                "q.txt",
                "--json",
            ],
            vec![
                "briefs",
                "eval",
                "--queries",
                "q.jsonl",
                "--qrels",
                "qrels.tsv",
                "--index",
                "i",
                "--k",
                "5",
                "--limit",
                "50",
                "--per-brief",
                "2",
                "--binary",
                "--words",
                "--per-query",
                "--run",
                "run.txt",
                "--json",
            ],
            vec!["briefs", "demo"],
            vec![
                "briefs",
                "export",
                "--to",
                "opensearch",
                "--index",
                "i",
                "--out",
                "o",
                "--json",
            ],
            vec![
                "briefs",
                "export",
                "--to",
                "quickwit",
                "a",
                "b",
                "--out",
                "o",
                "--name",
                "n",
                "--split-mb",
                "0.5",
                "--push",
                "http://localhost:7280",
                "--retries",
                "2",
                "--threads",
                "1",
                "--max-file-size",
                "5",
            ],
            vec!["briefs", "export", "--to", "jsonl", "--out", "o"],
        ] {
            assert!(Cli::try_parse_from(&args).is_ok(), "{args:?}");
        }
    }
}
