//! `briefs`: full-text search for archives of policy briefs.
//!
//! The crate follows the pipeline a brief travels, one module per stage, and data flows one
//! way: [`discover`] finds files, [`parse`] turns each into a [`model::Brief`], [`extract`]
//! reads dated events and entities out of it, [`index`] writes passages into a tantivy index,
//! [`search`] answers requests with ranked passages and facet counts, [`present`] renders
//! results for terminals and [`serve`] puts search behind an HTTP API and a search page.
//! [`text`], [`error`] and [`model`] are leaves every stage may use; [`synth`], [`bench`],
//! [`eval`] and [`export`] are tools above the pipeline. `ARCHITECTURE.md` walks one brief through them, and
//! `tests/architecture.rs` fails on an import against the flow.
//!
//! ```
//! let text = "Water Talks\n\nby Ann Lee\n\nMar 3, 2023\n\nBrief Analysis\n\nA standfirst.\n\nThe body.\n";
//! let file = briefs::parse::parse_bytes(text.as_bytes(), "talks.txt", briefs::parse::Format::Saved).unwrap();
//! let brief = &file.briefs[0];
//! assert_eq!(brief.title, "Water Talks");
//! assert_eq!(brief.date.unwrap().to_string(), "2023-03-03");
//! assert_eq!(brief.passages[0].text, "The body.");
//! ```

pub mod error;
pub mod model;
pub mod text;

pub mod discover;
pub mod extract;
pub mod index;
pub mod parse;
pub mod present;
pub mod search;
pub mod serve;

pub mod bench;
pub mod eval;
pub mod export;
pub mod synth;

pub use error::{Error, ErrorKind, Result};
pub use model::{Author, Brief, Entity, EntityKind, Event, Link, Passage, TextMentions};
