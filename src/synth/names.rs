//! Invents the cast's names from the name parts of `data::names`, following each naming
//! tradition's shapes (kunyas, "bin", compound surnames, family name first).

use super::data::{self, RoleKind};
use crate::text::rng::Rng;

/// The name parts of a tradition (the first table if it has none).
fn name_parts(culture: data::Culture) -> &'static data::NameParts {
    data::NAMES
        .iter()
        .find(|p| p.culture == culture)
        .unwrap_or(&data::NAMES[0])
}

/// Invents a name in a naming tradition, returning the full name and the short form later
/// mentions use.
pub(super) fn invent_name(
    rng: &mut Rng,
    culture: data::Culture,
    kind: RoleKind,
) -> (String, String) {
    use data::Culture::*;
    let parts = name_parts(culture);
    let men: Vec<&str> = parts.men.split_whitespace().collect();
    let women: Vec<&str> = parts.women.split_whitespace().collect();
    let families: Vec<&str> = parts.family.split_whitespace().collect();
    let woman_pct = match kind {
        RoleKind::Militant | RoleKind::Religious | RoleKind::Military => 0,
        RoleKind::Rights => 45,
        _ => 20,
    };
    let woman = rng.chance(woman_pct);
    let given = if woman {
        rng.pick(&women)
    } else {
        rng.pick(&men)
    }
    .replace('_', " ");
    let family = rng.pick(&families).replace('_', " ");
    let second = rng.pick(&men).replace('_', " ");
    let r = rng.below(100);
    let arabic = matches!(culture, Arab | Gulf | Levant);
    match culture {
        _ if arabic && kind == RoleKind::Militant && r < 55 => {
            let kunya = format!("Abu {second}");
            (format!("{kunya} {family}"), kunya)
        }
        Gulf if !woman && r < 45 => (format!("{given} bin {second} {family}"), family),
        _ if arabic && !woman && r < 12 => {
            let abd = rng.pick(&[
                "Rahman", "Karim", "Latif", "Wahab", "Qadir", "Hadi", "Razzaq", "Salam", "Hamid",
                "Aziz", "Jabbar",
            ]);
            (format!("Abdul {abd} {family}"), family)
        }
        _ if arabic && r < 24 => (format!("{given} {second} {family}"), family),
        Levant | Arab if r < 30 && !family.starts_with("al-") => {
            let other = rng.pick(&families);
            if other.starts_with("al-") || *other == family {
                (format!("{given} {family}"), family)
            } else {
                let compound = format!("{family}-{other}");
                (format!("{given} {compound}"), compound)
            }
        }
        Persian if !woman && r < 18 => (format!("Mohammad {given} {family}"), family),
        Persian if r < 32 => {
            let suffix = rng.pick(&["Nejad", "Far", "Rad", "Zadeh", "Pour"]);
            let compound = format!("{family}-{suffix}");
            (format!("{given} {compound}"), compound)
        }
        Pakistani if !woman && r < 15 => (format!("Syed {given} {family}"), family),
        Chinese => (format!("{family} {given}"), family),
        Western if r < 30 => {
            let initial = (b'A' + rng.below(26) as u8) as char;
            (format!("{given} {initial}. {family}"), family)
        }
        _ => (format!("{given} {family}"), family),
    }
}
