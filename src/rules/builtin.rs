//! The built-in packs, embedded in the binary so tactful works with no files around.

use crate::error::SourceError;

use super::pack::{self, Pack};

/// A built-in pack: its name, its YAML and its JSON form.
macro_rules! builtin_pack {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!("../../rules/", $name, ".yaml")),
            include_str!(concat!(env!("OUT_DIR"), "/packs/", $name, ".json")),
        )
    };
}

/// Name, YAML text and JSON form (written by `build.rs`) of every built-in pack. Adding a
/// pack is one line here.
pub const PACKS: &[(&str, &str, &str)] = &[
    builtin_pack!("blame"),
    builtin_pack!("opening"),
    builtin_pack!("interest"),
    builtin_pack!("timing"),
    builtin_pack!("channel"),
    builtin_pack!("placeholder"),
    builtin_pack!("mail"),
];

/// Reads the built-in packs from their JSON form (the YAML text is kept for error
/// messages).
pub fn packs() -> Result<Vec<Pack>, SourceError> {
    PACKS
        .iter()
        .map(|(name, yaml, json)| {
            pack::parse_prepared(&format!("<builtin>/rules/{name}.yaml"), yaml, json)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::pack::Origin;
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
            .map(|(name, text, _)| pack::parse(&format!("rules/{name}.yaml"), text, Origin::File))
            .collect::<Result<_, _>>()
            .unwrap();
        if let Err(e) = RuleSet::build(packs, &Overrides::default()) {
            panic!("{}: {}", e.path, e.message);
        }
    }

    /// The JSON a run reads holds what the YAML says.
    #[test]
    fn the_json_form_is_the_yaml() {
        for (name, yaml, json) in PACKS {
            let from_yaml: serde_json::Value = crate::yaml::parse(name, yaml).unwrap();
            let from_json: serde_json::Value = serde_json::from_str(json).unwrap();
            assert_eq!(from_yaml, from_json, "{name}");
        }
    }
}
