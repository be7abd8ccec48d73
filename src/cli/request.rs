//! Request flags built from the library's parameter table ([`briefs::search::request::PARAMS`]):
//! the CLI declares no filter, paging or sort flag of its own. clap reads each value as text;
//! the library parses and checks it, so `briefs search` and `GET /api/search` accept and refuse
//! the same values with the same message.

use clap::{Arg, ArgAction, ArgMatches, Args, Command, FromArgMatches};

use briefs::search::request::{Endpoint, Param, ParamSpec, RequestParams, ValueKind};

/// The long flag and its aliases for a parameter of `endpoint`.
///
/// One documented exception keeps an older spelling working: in `briefs entities`, `--kind`
/// was the entity kind before `--entity-kind` existed, so there it stays an alias of
/// `--entity-kind` and the brief-kind filter is `--brief-kind` only.
fn flags(spec: &ParamSpec, endpoint: Endpoint) -> Option<(&'static str, Vec<&'static str>)> {
    match (endpoint, spec.param) {
        (Endpoint::Entities, Param::Kind) => Some(("brief-kind", vec![])),
        (Endpoint::Entities, Param::EntityKind) => Some(("entity-kind", vec!["kind"])),
        _ => spec.flag.map(|f| (f, spec.flag_aliases.to_vec())),
    }
}

/// Adds `endpoint`'s parameters to `cmd`: the positional query and one flag per parameter.
fn augment(mut cmd: Command, endpoint: Endpoint) -> Command {
    for p in endpoint.params() {
        let spec = p.spec();
        let help = match spec.value {
            ValueKind::Number { default, .. } => {
                format!("{} [default: {default}]", endpoint.help(p))
            }
            _ => endpoint.help(p).to_string(),
        };
        let Some((long, aliases)) = flags(spec, endpoint) else {
            cmd = cmd.arg(
                Arg::new(spec.name)
                    .value_name(spec.value_name)
                    .num_args(0..)
                    .action(ArgAction::Append)
                    .help(help),
            );
            continue;
        };
        let mut arg = Arg::new(spec.name)
            .long(long)
            .visible_aliases(aliases)
            .help(help);
        arg = match spec.value {
            ValueKind::Switch => arg.action(ArgAction::SetTrue),
            ValueKind::Filter | ValueKind::Date => arg
                .value_name(spec.value_name)
                .action(ArgAction::Append)
                .allow_hyphen_values(true),
            ValueKind::Text | ValueKind::Number { .. } | ValueKind::Choice(_) => arg
                .value_name(spec.value_name)
                .action(ArgAction::Set)
                .allow_hyphen_values(true),
        };
        cmd = cmd.arg(arg);
    }
    cmd
}

/// Reads `endpoint`'s parameters back out of clap's matches as raw values.
fn read(m: &ArgMatches, endpoint: Endpoint) -> RequestParams {
    let mut out = RequestParams::new();
    for p in endpoint.params() {
        let spec = p.spec();
        if spec.value == ValueKind::Switch {
            if m.get_flag(spec.name) {
                out.push(p, "true");
            }
            continue;
        }
        if let Some(values) = m.get_many::<String>(spec.name) {
            for v in values {
                out.push(p, v.as_str());
            }
        }
    }
    out
}

macro_rules! request_args {
    ($name:ident, $endpoint:expr, $doc:literal) => {
        #[doc = $doc]
        #[derive(Debug, Clone, Default)]
        pub struct $name(pub RequestParams);

        impl FromArgMatches for $name {
            fn from_arg_matches(m: &ArgMatches) -> Result<Self, clap::Error> {
                Ok($name(read(m, $endpoint)))
            }
            fn update_from_arg_matches(&mut self, m: &ArgMatches) -> Result<(), clap::Error> {
                self.0 = read(m, $endpoint);
                Ok(())
            }
        }

        impl Args for $name {
            fn augment_args(cmd: Command) -> Command {
                augment(cmd, $endpoint)
            }
            fn augment_args_for_update(cmd: Command) -> Command {
                augment(cmd, $endpoint)
            }
        }
    };
}

request_args!(
    SearchParams,
    Endpoint::Search,
    "The query, filters, paging, order and facets of `briefs search`."
);
request_args!(
    EntitiesParams,
    Endpoint::Entities,
    "The query, filters, entity kind and count of `briefs entities`."
);
request_args!(
    TimelineParams,
    Endpoint::Timeline,
    "The query, filters and event count of `briefs timeline`."
);
