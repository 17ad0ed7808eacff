//! The built-in packs against their own contract: they validate against the published JSON
//! Schema, every rule has examples (a meta-test), and messages follow the convention
//! (lowercase, no trailing period).

mod common;

use tactful::rules::builtin;

#[test]
fn builtin_packs_validate_against_the_schema() {
    let schema_text =
        std::fs::read_to_string(common::root().join("rules/pack.schema.json")).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&schema_text).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for (name, text, _, _) in builtin::PACKS {
        let doc: serde_json::Value = tactful::yaml::parse(name, text).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&doc)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
    // And the schema rejects what the loader rejects.
    let bad: serde_json::Value =
        serde_json::json!({"pack": "x", "rules": [{"id": "x/a", "kind": "avoid"}]});
    assert!(!validator.is_valid(&bad));
}

#[test]
fn every_rule_has_examples_and_a_conventional_message() {
    for pack in builtin::packs().unwrap() {
        assert!(!pack.rules.is_empty(), "{} has no rules", pack.name);
        for r in &pack.rules {
            assert!(
                !r.bad.is_empty() && !r.good.is_empty(),
                "{} lacks examples",
                r.id
            );
            let first = r.message.chars().next().unwrap();
            assert!(
                !first.is_uppercase() && !r.message.ends_with('.'),
                "{}: message must start lowercase and not end with a period",
                r.id
            );
            assert!(
                r.help.is_some() && !r.why.is_empty(),
                "{} needs help and why",
                r.id
            );
        }
    }
}
