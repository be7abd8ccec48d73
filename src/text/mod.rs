//! Text helpers every stage may use: dates as briefs write them, white space, and the
//! project's fixed random-number generator. This module imports no pipeline stage, so any
//! stage can depend on it without creating a cycle.

pub mod date;
pub mod rng;
pub mod space;
