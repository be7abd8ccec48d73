//! The static data the generator writes from: real countries and cities as settings, naming
//! traditions for an invented cast, armed groups, parties, companies and monitors, topics with
//! their vocabulary, Larkspur Institute experts, the general word lists and the sentence
//! frames. Everything here is data; `world.rs` builds it into the cast once and the rest of
//! `synth` turns it into briefs. Order matters: earlier entries of each list are the more
//! prominent ones (they get higher Zipf weights), so reordering a list changes every archive.
//!
//! One subject a file: `regions`, `names`, `orgs`, `topics`, `experts`, `international`
//! officials, `venues` (outlets and lawmakers), `words` and `templates`. This file holds the
//! classifications the tables share.

mod experts;
mod international;
mod names;
mod orgs;
mod regions;
pub(crate) mod templates;
mod topics;
mod venues;
pub(crate) mod words;

pub(crate) use experts::{ExpertDef, EXPERTS};
pub(crate) use international::INTERNATIONAL_ROLES;
pub(crate) use names::{NameParts, NAMES};
pub(crate) use orgs::{OrgDef, ORGS};
pub(crate) use regions::{RegionDef, REGIONS};
pub(crate) use topics::{TopicDef, TOPICS};
pub(crate) use venues::{LAWMAKERS, OUTLETS};

/// Naming tradition used to invent a person's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Culture {
    Arab,
    Gulf,
    Levant,
    Persian,
    Kurdish,
    Turkish,
    Afghan,
    Pakistani,
    Indian,
    Hebrew,
    Maghrebi,
    Russian,
    Chinese,
    CentralAsian,
    Western,
}

/// What a person does, used to match people to a brief's topics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RoleKind {
    Diplomat,
    Security,
    Military,
    Energy,
    Economy,
    Politics,
    Religious,
    Rights,
    Militant,
    Business,
}

/// What an organisation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OrgKind {
    International,
    Ministry,
    Militia,
    Party,
    Company,
    Civic,
}
