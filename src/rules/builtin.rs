//! The built-in packs, embedded in the binary so tactful works with no files around.

use crate::error::SourceError;

use super::pack::{self, Pack};

/// A built-in pack: its name, its YAML, its JSON form and its lean JSON form.
macro_rules! builtin_pack {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!("../../rules/", $name, ".yaml")),
            include_str!(concat!(env!("OUT_DIR"), "/packs/", $name, ".json")),
            include_str!(concat!(env!("OUT_DIR"), "/packs/", $name, ".lean.json")),
        )
    };
}

/// File name, YAML text, JSON form and lean JSON form (without phrases, antipatterns and
/// examples; both written by `build.rs`) of every built-in pack file.
/// Adding a file is one line here. The blame pack is one file of word classes and the
/// learned rule (`rules/blame.yaml`) and one file per family of phrases (`rules/blame/`).
pub const PACKS: &[(&str, &str, &str, &str)] = &[
    builtin_pack!("blame"),
    builtin_pack!("blame/didnt-hear"),
    builtin_pack!("blame/no-response"),
    builtin_pack!("blame/silence"),
    builtin_pack!("blame/left-wondering"),
    builtin_pack!("blame/still-waiting"),
    builtin_pack!("blame/you-didnt-reply"),
    builtin_pack!("blame/broken-promise"),
    builtin_pack!("blame/past-deadline"),
    builtin_pack!("blame/per-my-last-email"),
    builtin_pack!("blame/as-i-said"),
    builtin_pack!("blame/it-is-now"),
    builtin_pack!("blame/did-you-see"),
    builtin_pack!("blame/asking-again"),
    builtin_pack!("blame/bumping"),
    builtin_pack!("blame/guilt"),
    builtin_pack!("blame/courtesy"),
    builtin_pack!("blame/expected-better"),
    builtin_pack!("blame/how-long"),
    builtin_pack!("blame/assume-rejected"),
    builtin_pack!("blame/anyone-there"),
    builtin_pack!("blame/unprofessional"),
    builtin_pack!("blame/demand"),
    builtin_pack!("opening"),
    builtin_pack!("interest"),
    builtin_pack!("timing"),
    builtin_pack!("channel"),
    builtin_pack!("placeholder"),
    builtin_pack!("mail"),
];

/// The group of every built-in pack file: the files of one pack name are its parts.
const GROUP: &str = "<builtin>";

/// Reads the built-in packs from their JSON form (the YAML text is kept for error
/// messages).
pub fn packs() -> Result<Vec<Pack>, SourceError> {
    read(false)
}

/// The built-in packs as a run that only checks drafts needs them: their phrases are the
/// binary's, and their examples are left out (`tactful explain` and `tactful rules` show
/// them, and read [`packs`]).
pub fn packs_without_examples() -> Result<Vec<Pack>, SourceError> {
    read(true)
}

fn read(lean: bool) -> Result<Vec<Pack>, SourceError> {
    PACKS
        .iter()
        .map(|(name, yaml, json, lean_json)| {
            let path = format!("<builtin>/rules/{name}.yaml");
            let mut p = if lean {
                pack::parse_lean(&path, yaml, lean_json)?
            } else {
                pack::parse_prepared(&path, yaml, json)?
            };
            p.group = GROUP.to_string();
            Ok(p)
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
                for (k, ex) in def.bad.iter().enumerate() {
                    if let Some(why) = set.bad_example_fails(def, k, &ctx) {
                        failures.push(format!("{}: {why}: {:?}", def.id, ex.value));
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
            .map(|(name, text, _, _)| {
                let mut p = pack::parse(&format!("rules/{name}.yaml"), text, Origin::File)?;
                p.group = GROUP.to_string();
                Ok::<_, SourceError>(p)
            })
            .collect::<Result<_, _>>()
            .unwrap();
        if let Err(e) = RuleSet::build(packs, &Overrides::default()) {
            panic!("{}: {}", e.path, e.message);
        }
    }

    /// The lean packs a check reads are the whole packs without their examples: the same
    /// rules, phrases and antipatterns, field for field.
    #[test]
    fn lean_packs_are_the_packs_without_examples() {
        let (full, lean) = (packs().unwrap(), packs_without_examples().unwrap());
        assert_eq!(full.len(), lean.len());
        let mut examples = 0;
        for (f, l) in full.iter().zip(&lean) {
            assert_eq!(f.rules.len(), l.rules.len(), "{}", f.path);
            for (f, l) in f.rules.iter().zip(&l.rules) {
                assert!(!f.bad.is_empty() && !f.good.is_empty(), "{}", f.id);
                assert!(l.bad.is_empty() && l.good.is_empty(), "{}", l.id);
                examples += f.bad.len() + f.good.len();
                let mut f = f.clone();
                (f.bad, f.good, f.bad_marks) = (Vec::new(), Vec::new(), Vec::new());
                assert_eq!(format!("{f:?}"), format!("{l:?}"));
            }
            assert_eq!(format!("{:?}", f.vocab), format!("{:?}", l.vocab));
        }
        assert!(examples > 900, "{examples} examples");
    }

    /// The JSON a run reads holds what the YAML says.
    #[test]
    fn the_json_form_is_the_yaml() {
        for (name, yaml, json, _) in PACKS {
            let from_yaml: serde_json::Value = crate::yaml::parse(name, yaml).unwrap();
            let from_json: serde_json::Value = serde_json::from_str(json).unwrap();
            assert_eq!(from_yaml, from_json, "{name}");
        }
    }
}
