//! The built-in packs, embedded in the binary so tactful works with no files around.

use crate::error::SourceError;

use super::pack::{self, Origin, Pack};

/// Name and YAML text of every built-in pack. Adding a pack is one line here.
pub const PACKS: &[(&str, &str)] = &[
    ("blame", include_str!("../../rules/blame.yaml")),
    ("opening", include_str!("../../rules/opening.yaml")),
    ("interest", include_str!("../../rules/interest.yaml")),
    ("timing", include_str!("../../rules/timing.yaml")),
    ("channel", include_str!("../../rules/channel.yaml")),
    ("placeholder", include_str!("../../rules/placeholder.yaml")),
];

/// Parses the built-in packs. The largest is parsed on a second thread while the others
/// are parsed on this one: reading the packs is most of a one-draft run's start-up.
pub fn packs() -> Result<Vec<Pack>, SourceError> {
    let parse = |(name, text): &(&str, &str)| {
        pack::parse(
            &format!("<builtin>/rules/{name}.yaml"),
            text,
            Origin::Builtin,
        )
    };
    let largest = (0..PACKS.len())
        .max_by_key(|&i| PACKS[i].1.len())
        .unwrap_or(0);
    std::thread::scope(|scope| {
        let big = scope.spawn(|| parse(&PACKS[largest]));
        let mut rest: Vec<Option<Result<Pack, SourceError>>> = PACKS
            .iter()
            .enumerate()
            .map(|(i, p)| (i != largest).then(|| parse(p)))
            .collect();
        rest[largest] = Some(big.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        rest.into_iter().flatten().collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Context, Overrides, RuleSet};

    #[test]
    fn builtin_examples_hold() {
        let packs = packs().unwrap();
        let set = RuleSet::build(packs.clone(), &Overrides::default()).unwrap();
        let ctx = Context::default();
        let mut failures = Vec::new();
        for p in &packs {
            for def in &p.rules {
                for ex in &def.bad {
                    if set.example_fires(&def.id, &ex.value, &ctx).is_none() {
                        failures.push(format!(
                            "{}: bad example does not fire: {:?}",
                            def.id, ex.value
                        ));
                    }
                }
                for ex in &def.good {
                    if let Some(m) = set.example_fires(&def.id, &ex.value, &ctx) {
                        failures.push(format!(
                            "{}: good example fires on {m:?}: {:?}",
                            def.id, ex.value
                        ));
                    }
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// Built-in phrases compile lazily at run time; loaded the way a user's pack is, every
    /// phrase is compiled up front and every example run, so none can fail in the field.
    #[test]
    fn builtin_packs_pass_the_checks_of_user_packs() {
        let packs: Vec<Pack> = PACKS
            .iter()
            .map(|(name, text)| pack::parse(&format!("rules/{name}.yaml"), text, Origin::File))
            .collect::<Result<_, _>>()
            .unwrap();
        if let Err(e) = RuleSet::build(packs, &Overrides::default()) {
            panic!("{}: {}", e.path, e.message);
        }
    }
}
