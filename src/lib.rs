//! `briefs`: full-text search for archives of policy briefs.
//!
//! The crate follows the pipeline a brief travels, one module per stage:
//! [`discover`] finds files, [`parse`] turns each into a [`model::Brief`], [`extract`] reads
//! dated events (and entities) out of it, [`index`] writes passages into a tantivy index,
//! [`search`] answers queries with ranked passages and facet counts, and [`present`] renders
//! results for terminals and for machines; [`serve`] puts search behind an HTTP API and a
//! search page. `ARCHITECTURE.md` walks one brief through them.
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
pub mod extract;
pub mod model;
pub mod parse;
pub mod synth;
pub mod text;

pub use error::{Error, ErrorKind, Result};
pub use model::{Author, Brief, Entity, EntityKind, Event, Link, Passage, TextMentions};
pub mod bench;
pub mod discover;
pub mod index;
pub mod present;
pub mod search;
pub mod serve;
