//! The world every brief draws on, built once from the static tables in `data/`: the word
//! lists with their inflections and Zipf laws, countries with their places, organisations,
//! topics, experts, and the invented cast holding each country's posts. The build uses its own
//! fixed seed, so the cast is the same for every archive seed.

use std::sync::LazyLock;

use super::data::{self, OrgKind, RoleKind};
use super::english::{conjugate, plural, slugify, Noun, Verb};
use super::names::invent_name;
use super::zipf::Zipf;
use crate::text::rng::Rng;

/// A country with its places split out and its cast.
pub(super) struct Region {
    pub(super) def: &'static data::RegionDef,
    pub(super) places: Vec<&'static str>,
    /// Cast members of this country, most prominent first.
    pub(super) people: Vec<usize>,
}

/// A cast member: name, short name for later mentions, and post.
pub(super) struct Person {
    pub(super) full: String,
    pub(super) short: String,
    pub(super) honorific: Option<&'static str>,
    /// Honorific also used at first mention ("Gen.", "Ayatollah").
    pub(super) honorific_first: bool,
    /// Descriptor before the name at first mention ("Iraqi foreign minister").
    pub(super) pre: String,
    /// Appositive after the name at first mention ("the Iraqi foreign minister").
    pub(super) app: String,
    pub(super) kind: RoleKind,
}

/// An organisation with its country and topics resolved to indices.
pub(super) struct Org {
    pub(super) def: &'static data::OrgDef,
    pub(super) region: Option<usize>,
    pub(super) topics: Vec<usize>,
}

/// A topic with its terms and words split out.
pub(super) struct Topic {
    pub(super) def: &'static data::TopicDef,
    pub(super) terms: Vec<&'static str>,
    pub(super) words: Vec<Noun>,
}

/// An Institute expert with profile URL, countries and topics resolved to indices.
pub(super) struct Expert {
    pub(super) def: &'static data::ExpertDef,
    pub(super) url: String,
    pub(super) regions: Vec<usize>,
    pub(super) topics: Vec<usize>,
}

/// Everything briefs draw on, shared read-only by all of them.
pub(super) struct World {
    pub(super) regions: Vec<Region>,
    pub(super) people: Vec<Person>,
    /// International officials tied to no country.
    pub(super) global_people: Vec<usize>,
    pub(super) orgs: Vec<Org>,
    pub(super) topics: Vec<Topic>,
    pub(super) experts: Vec<Expert>,
    pub(super) nouns: Vec<Noun>,
    pub(super) adjectives: Vec<&'static str>,
    pub(super) verbs: Vec<Verb>,
    pub(super) adverbs: Vec<&'static str>,
    pub(super) noun_zipf: Zipf,
    pub(super) adjective_zipf: Zipf,
    pub(super) verb_zipf: Zipf,
    pub(super) adverb_zipf: Zipf,
}

/// The world, built on first use.
pub(super) static WORLD: LazyLock<World> = LazyLock::new(World::build);

impl World {
    /// Builds the world from `data/` with a fixed seed: shuffled word lists, then the cast of
    /// each country and the international officials, with names unique across the world.
    fn build() -> World {
        let mut rng = Rng::new(0x1A2B_3C4D_5E6F_7081);
        let mut nouns: Vec<Noun> = data::words::NOUNS.split_whitespace().map(plural).collect();
        let mut adjectives: Vec<&'static str> =
            data::words::ADJECTIVES.split_whitespace().collect();
        let mut verbs: Vec<Verb> = data::words::VERBS
            .split_whitespace()
            .map(conjugate)
            .collect();
        let mut adverbs: Vec<&'static str> = data::words::ADVERBS.split_whitespace().collect();
        rng.shuffle(&mut nouns);
        rng.shuffle(&mut adjectives);
        rng.shuffle(&mut verbs);
        rng.shuffle(&mut adverbs);

        let region_index = |tag: &str| data::REGIONS.iter().position(|r| r.tag == tag);
        let topic_index = |name: &str| data::TOPICS.iter().position(|t| t.name == name);

        let mut regions: Vec<Region> = data::REGIONS
            .iter()
            .map(|def| Region {
                def,
                places: def.places.split('|').collect(),
                people: Vec::new(),
            })
            .collect();
        let orgs: Vec<Org> = data::ORGS
            .iter()
            .map(|def| Org {
                def,
                region: def.region.and_then(region_index),
                topics: def.topics.iter().filter_map(|t| topic_index(t)).collect(),
            })
            .collect();
        let topics: Vec<Topic> = data::TOPICS
            .iter()
            .map(|def| Topic {
                def,
                terms: def.terms.split('|').collect(),
                words: def.words.split_whitespace().map(plural).collect(),
            })
            .collect();
        let experts: Vec<Expert> = data::EXPERTS
            .iter()
            .map(|def| Expert {
                def,
                url: format!("/experts/{}", slugify(def.name)),
                regions: def.regions.iter().filter_map(|r| region_index(r)).collect(),
                topics: def.topics.iter().filter_map(|t| topic_index(t)).collect(),
            })
            .collect();

        let mut people = Vec::new();
        let mut taken: std::collections::HashSet<String> =
            data::EXPERTS.iter().map(|e| e.name.to_string()).collect();
        for ri in 0..regions.len() {
            let roles = country_roles(&regions, &orgs, ri);
            let mut shorts: Vec<String> = Vec::new();
            for role in roles.into_iter().take(regions[ri].def.people) {
                let def = regions[ri].def;
                let culture = match def.mix {
                    Some((other, pct)) if rng.chance(pct as usize) => other,
                    _ => def.culture,
                };
                let (full, short) = loop {
                    let (full, short) = invent_name(&mut rng, culture, role.kind);
                    if !taken.contains(&full) && !shorts.contains(&short) {
                        break (full, short);
                    }
                };
                taken.insert(full.clone());
                shorts.push(short.clone());
                regions[ri].people.push(people.len());
                people.push(Person {
                    full,
                    short,
                    honorific: role.honorific,
                    honorific_first: role.honorific_first,
                    pre: role.pre,
                    app: role.app,
                    kind: role.kind,
                });
            }
        }
        let mut global_people = Vec::new();
        for &(role, region, kind, honorific) in data::INTERNATIONAL_ROLES {
            let (full, short) = loop {
                let (full, short) = invent_name(&mut rng, data::Culture::Western, kind);
                if !taken.contains(&full) {
                    break (full, short);
                }
            };
            taken.insert(full.clone());
            match region.and_then(region_index) {
                Some(ri) => regions[ri].people.push(people.len()),
                None => global_people.push(people.len()),
            }
            people.push(Person {
                full,
                short,
                honorific,
                honorific_first: honorific == Some("Gen."),
                pre: role.to_string(),
                app: format!("the {role}"),
                kind,
            });
        }

        World {
            noun_zipf: Zipf::new(nouns.len(), 3),
            adjective_zipf: Zipf::new(adjectives.len(), 3),
            verb_zipf: Zipf::new(verbs.len(), 3),
            adverb_zipf: Zipf::new(adverbs.len(), 2),
            regions,
            people,
            global_people,
            orgs,
            topics,
            experts,
            nouns,
            adjectives,
            verbs,
            adverbs,
        }
    }
}

/// A post a cast member holds.
struct Role {
    pub(super) pre: String,
    pub(super) app: String,
    pub(super) honorific: Option<&'static str>,
    pub(super) honorific_first: bool,
    pub(super) kind: RoleKind,
}

impl Role {
    /// A post without honorific.
    fn new(pre: String, app: String, kind: RoleKind) -> Role {
        Role {
            pre,
            app,
            honorific: None,
            honorific_first: false,
            kind,
        }
    }

    /// The post with an honorific, also used at first mention when `first`.
    fn titled(mut self, honorific: &'static str, first: bool) -> Role {
        self.honorific = Some(honorific);
        self.honorific_first = first;
        self
    }
}

/// The posts of one country, most prominent first: government posts interleaved with the
/// leaders of the country's armed groups, parties, companies and monitors.
fn country_roles(regions: &[Region], orgs: &[Org], ri: usize) -> Vec<Role> {
    use RoleKind::*;
    let def = regions[ri].def;
    let adj = def.adj;
    let places = &regions[ri].places;
    let oil = matches!(
        def.tag,
        "Iraq" | "Iran" | "Saudi Arabia" | "Kuwait" | "Libya" | "Algeria"
    );
    let neighbor = regions[(ri + 1) % regions.len()].def.noun;
    let gov = |r: &str, kind| Role::new(format!("{adj} {r}"), format!("the {adj} {r}"), kind);
    let mut generic = vec![
        gov("foreign minister", Diplomat),
        gov("defense minister", Security),
        gov(
            if oil {
                "oil minister"
            } else {
                "energy minister"
            },
            Energy,
        ),
        gov("interior minister", Security),
        gov("national security adviser", Security),
        gov("finance minister", Economy),
        gov("army chief of staff", Military).titled("Gen.", true),
        gov("deputy foreign minister", Diplomat),
        gov("central bank governor", Economy),
        gov("parliament speaker", Politics),
        gov("intelligence chief", Security),
        Role::new(
            format!("{} governor", places[0]),
            format!("the governor of {}", places[0]),
            Politics,
        ),
    ];
    if let Some(cleric) = def.cleric {
        generic.push(
            Role::new(
                format!("senior {adj} cleric"),
                format!("a senior {adj} cleric"),
                Religious,
            )
            .titled(cleric, true),
        );
    }
    generic.push(
        Role::new(
            format!("{adj} ambassador to {neighbor}"),
            format!("the {adj} ambassador to {neighbor}"),
            Diplomat,
        )
        .titled("Ambassador", false),
    );
    generic.push(Role::new(
        format!("{adj} human rights lawyer"),
        format!("a prominent {adj} human rights lawyer"),
        Rights,
    ));
    if places.len() > 1 {
        generic.push(Role::new(
            format!("{} governor", places[1]),
            format!("the governor of {}", places[1]),
            Politics,
        ));
    }
    let linked: Vec<Role> = orgs
        .iter()
        .filter(|o| o.region == Some(ri))
        .filter_map(|o| {
            let name = o.def.name;
            let bare = name.strip_prefix("the ").unwrap_or(name);
            let (post, kind) = match o.def.kind {
                OrgKind::Militia => ("commander", Militant),
                OrgKind::Party => ("leader", Politics),
                OrgKind::Company => ("chief executive", Business),
                OrgKind::Civic => ("director", Rights),
                OrgKind::Ministry | OrgKind::International => return None,
            };
            Some(Role::new(
                format!("{bare} {post}"),
                format!("the {post} of {name}"),
                kind,
            ))
        })
        .collect();
    let mut roles = Vec::with_capacity(generic.len() + linked.len());
    let mut g = generic.into_iter();
    let mut l = linked.into_iter();
    for i in 0.. {
        let next = if i % 3 == 1 {
            l.next().or_else(|| g.next())
        } else {
            g.next().or_else(|| l.next())
        };
        match next {
            Some(r) => roles.push(r),
            None => break,
        }
    }
    roles
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn world_is_large_and_consistent() {
        let w: &World = &WORLD;
        assert!((140..=170).contains(&w.people.len()), "{}", w.people.len());
        assert!(w.orgs.len() >= 60);
        let places: usize = w.regions.iter().map(|r| r.places.len() + 1).sum();
        assert!(places >= 120, "{places}");
        assert!(w.topics.len() >= 12 && w.regions.len() >= 20);
        for o in &w.orgs {
            assert_eq!(o.topics.len(), o.def.topics.len(), "{}", o.def.name);
            assert_eq!(o.region.is_some(), o.def.region.is_some(), "{}", o.def.name);
        }
        for e in &w.experts {
            assert_eq!(e.regions.len(), e.def.regions.len(), "{}", e.def.name);
            assert_eq!(e.topics.len(), e.def.topics.len(), "{}", e.def.name);
        }
        let names: BTreeSet<&str> = w.people.iter().map(|p| p.full.as_str()).collect();
        assert_eq!(names.len(), w.people.len());
        assert!(w.people.iter().any(|p| p.full.starts_with("Abu ")));
        assert!(w.people.iter().any(|p| p.full.contains(" bin ")));
        assert!(w.people.iter().any(|p| p.full.starts_with("Abdul ")));
        assert!(w.people.iter().any(|p| p.full.contains(" al-")));
        let forms = w.nouns.len() * 2 + w.adjectives.len() + w.verbs.len() * 4;
        assert!(forms > 2_500, "{forms}");
    }
}
