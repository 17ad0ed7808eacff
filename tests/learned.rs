//! The learned sentence rules (`kind: classify`): a user's pack trains its own at load, its
//! data's mistakes are named by file, line and column, the built-in models are the ones
//! their data gives, findings carry a score and underline the words that weigh most, a
//! sentence is reported once, and `interest/missing` counts what the interest model reads
//! as interest.

mod common;

use std::fs;

use common::{json_findings, root, tactful};
use tactful::input::{Draft, Format};
use tactful::rules::{builtin, pack, Origin, Overrides, RuleSet};

/// A career centre's pack: a rule taught with a file of sentences and a few inline ones.
fn centre_pack(dir: &std::path::Path, data: &str) -> std::path::PathBuf {
    fs::write(dir.join("pushy.tsv"), data).unwrap();
    let yaml = r#"pack: centre
vocab:
  push: [now, today, immediately, asap, tonight]
rules:
  - id: centre/pushy
    kind: classify
    category: blame
    message: this pushes them for an answer
    why: Counsellors flag pressure for a quick answer.
    learn:
      threshold: 0.6
      files: [pushy.tsv]
      flag: ["Answer me today."]
      pass: ["Thanks for today."]
    examples:
      bad: ["I need your decision tonight, no excuses."]
      good: ["I hope your week is going well."]
"#;
    let path = dir.join("centre.yaml");
    fs::write(&path, yaml).unwrap();
    path
}

const PUSHY: &str = "# what our counsellors flag\n\
blame\tI need your answer today.\n\
blame\tReply now or I walk.\n\
blame\tTell me immediately what you decided.\n\
blame\tI need to know tonight, no more waiting.\n\
blame\tGive me a decision asap.\n\
blame\tI want an answer now, not next week.\n\
ok\tI hope your week is going well.\n\
ok\tThank you for the tour of the office.\n\
ok\tI enjoyed meeting the team.\n\
ok\tCould you share the timeline when you have a moment?\n\
ok\tI am happy to send more work samples.\n\
ok\tHave a lovely weekend.\n\
ok\tI look forward to next steps.\n";

#[test]
fn a_users_pack_trains_its_rule_when_it_loads() {
    let dir = tempfile::tempdir().unwrap();
    let pack = centre_pack(dir.path(), PUSHY);
    fs::write(
        dir.path().join("d.txt"),
        "Hi Jane,\n\nI hope you are well. Tell me what you decided by tonight.\n",
    )
    .unwrap();
    let run = tactful(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--rules",
            pack.to_str().unwrap(),
            "d.txt",
        ],
        None,
    );
    let found = json_findings(&run, "centre/pushy");
    assert_eq!(found.len(), 1, "{}", run.stdout);
    let score = found[0]["score"]
        .as_f64()
        .expect("a learned finding has a score");
    assert!((0.6..=1.0).contains(&score), "{score}");
    // The words that weigh most, inside the sentence, not the whole paragraph.
    let text = found[0]["text"].as_str().unwrap();
    assert!(text.contains("tonight"), "{text}");
    assert!(!text.contains("hope"), "{text}");
}

#[test]
fn bad_training_data_is_named_by_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            format!("{PUSHY}maybe\tNot sure about this one.\n"),
            "pushy.tsv:15:1",
            "unknown label `maybe`",
        ),
        (
            format!("{PUSHY}no tab on this line\n"),
            "pushy.tsv:15:1",
            "no tab",
        ),
    ];
    for (data, at, says) in cases {
        let pack = centre_pack(dir.path(), &data);
        fs::write(dir.path().join("d.txt"), "Hi,\n\nThanks.\n").unwrap();
        let run = tactful(
            dir.path(),
            &["check", "--rules", pack.to_str().unwrap(), "d.txt"],
            None,
        );
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(
            run.stderr.contains(at) && run.stderr.contains(says),
            "{}",
            run.stderr
        );
    }
    // The run stops with exit 2 and an error that says `says`.
    let fails_saying = |pack: &std::path::Path, says: &str| {
        let run = tactful(
            dir.path(),
            &["check", "--rules", pack.to_str().unwrap(), "d.txt"],
            None,
        );
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(run.stderr.contains(says), "{says}: {}", run.stderr);
    };
    // A file that is not there is named where the pack names it.
    let pack = centre_pack(dir.path(), PUSHY);
    fs::remove_file(dir.path().join("pushy.tsv")).unwrap();
    fails_saying(&pack, "centre.yaml:12");
    fails_saying(&pack, "no such file");
    // Sentences of one kind only teach nothing.
    let one_sided: String = PUSHY
        .lines()
        .filter(|l| !l.starts_with("ok"))
        .collect::<Vec<_>>()
        .join("\n");
    let yaml = fs::read_to_string(&pack)
        .unwrap()
        .replace("      pass: [\"Thanks for today.\"]\n", "");
    fs::write(&pack, yaml).unwrap();
    fs::write(dir.path().join("pushy.tsv"), one_sided).unwrap();
    fails_saying(&pack, "sentences of both kinds");
    // A threshold is a probability.
    let yaml = fs::read_to_string(&pack)
        .unwrap()
        .replace("threshold: 0.6", "threshold: 1.5");
    fs::write(&pack, yaml).unwrap();
    fails_saying(&pack, "between 0 and 1");
    // A threshold outside the context needs a context, and asks for more than inside it.
    let yaml = fs::read_to_string(&pack).unwrap().replace(
        "threshold: 1.5",
        "threshold: 0.6\n      threshold-outside: 0.9",
    );
    fs::write(&pack, yaml).unwrap();
    fails_saying(&pack, "needs the rule's `context`");
    let yaml = fs::read_to_string(&pack)
        .unwrap()
        .replace("    learn:\n", "    context: push\n    learn:\n")
        .replace("threshold-outside: 0.9", "threshold-outside: 0.5");
    fs::write(&pack, yaml).unwrap();
    fails_saying(&pack, "below `threshold`");
    // Inside the context a rule may ask for less, never more.
    let yaml = fs::read_to_string(&pack)
        .unwrap()
        .replace("threshold-outside: 0.5", "threshold-inside: 0.7");
    fs::write(&pack, yaml.clone()).unwrap();
    fails_saying(&pack, "above `threshold`");
    fs::write(&pack, yaml.replace("    context: push\n", "")).unwrap();
    fails_saying(&pack, "`threshold-inside` needs the rule's `context`");
}

/// `threshold-beside`: a sentence below the rule's threshold is reported in a draft where
/// another finding of its category stands, and only there; a value above the threshold it
/// lowers is an error.
#[test]
fn beside_another_finding_a_learned_rule_reports_from_its_lower_threshold() {
    let dir = tempfile::tempdir().unwrap();
    let pack = centre_pack(dir.path(), PUSHY);
    let sentence = "I need to hear back.";
    let args = |extra: &[&'static str]| {
        let mut a = vec!["--no-default-rules", "--rules"];
        a.extend_from_slice(extra);
        a
    };
    let pack_path = pack.to_str().unwrap().to_string();
    // The sentence's score, below the rule's threshold of 0.6.
    let explain = tactful(
        dir.path(),
        &[
            "explain",
            "centre/pushy",
            "--no-default-rules",
            "--rules",
            &pack_path,
            "--text",
            sentence,
        ],
        None,
    );
    let score: f64 = explain
        .stdout
        .lines()
        .find(|l| l.ends_with(sentence))
        .and_then(|l| l.split(' ').next())
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("a score for the sentence: {}", explain.stdout));
    assert!(score > 0.1 && score < 0.6, "{score}");
    let yaml = fs::read_to_string(&pack).unwrap().replace(
        "threshold: 0.6",
        &format!(
            "threshold: 0.6\n      threshold-beside: {:.2}",
            score - 0.05
        ),
    );
    let yaml = yaml.replace(
        "rules:\n",
        "rules:\n  - id: centre/last-email\n    kind: avoid\n    category: blame\n    message: no\n    why: It points at their inbox.\n    phrases: [\"per my last email\"]\n    examples:\n      bad: [\"Per my last email, see above.\"]\n      good: [\"My last day is Friday.\"]\n",
    );
    fs::write(&pack, &yaml).unwrap();
    let alone = format!("{sentence}\n");
    let beside = format!("{alone}\nPer my last email, the form is attached.\n");
    fs::write(dir.path().join("alone.txt"), &alone).unwrap();
    fs::write(dir.path().join("beside.txt"), &beside).unwrap();
    let run = |file: &str| {
        let mut a = vec!["check", "--format", "json"];
        a.extend(args(&[]));
        a.push(&pack_path);
        a.push(file);
        tactful(dir.path(), &a, None)
    };
    let alone_run = run("alone.txt");
    assert_eq!(
        alone_run.code, 0,
        "{}{}",
        alone_run.stdout, alone_run.stderr
    );
    let beside_run = run("beside.txt");
    assert_eq!(json_findings(&beside_run, "centre/last-email").len(), 1);
    let found = json_findings(&beside_run, "centre/pushy");
    assert_eq!(found.len(), 1, "{}", beside_run.stdout);
    // On the sentence, not the phrase finding's.
    assert!(found[0]["span"]["end"].as_u64().unwrap() <= sentence.len() as u64);
    // Beside another finding a rule asks for less, not more.
    fs::write(
        &pack,
        yaml.replace(
            &format!("threshold-beside: {:.2}", score - 0.05),
            "threshold-beside: 0.9",
        ),
    )
    .unwrap();
    let bad = run("alone.txt");
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    assert!(
        bad.stderr.contains("`threshold-beside`") && bad.stderr.contains("centre.yaml:"),
        "{}",
        bad.stderr
    );
}

/// The weights a build ships are the ones the data in the repository gives: trained again
/// here, from the same files, the bytes are the same.
#[test]
fn built_in_models_are_reproduced_from_their_data() {
    // Every built-in file read from the repository, its parts grouped as the built-ins are.
    let from_data: Vec<_> = builtin::PACKS
        .iter()
        .map(|(name, text, _, _)| {
            let path = root().join(format!("rules/{name}.yaml"));
            let mut p = pack::parse(path.to_str().unwrap(), text, Origin::File).unwrap();
            p.group = "<builtin>".into();
            p
        })
        .collect();
    let trained = RuleSet::build(from_data, &Overrides::default()).unwrap();
    let built_in = RuleSet::build(builtin::packs().unwrap(), &Overrides::default()).unwrap();
    let mut checked = 0;
    for r in trained.rules.iter().filter(|r| r.classifier.is_some()) {
        let ours = r.classifier.as_ref().unwrap().model.bytes();
        let theirs = built_in
            .get(r.id())
            .unwrap()
            .classifier
            .as_ref()
            .unwrap()
            .model
            .bytes();
        assert!(
            ours == theirs,
            "{}: retrained weights differ from the shipped ones",
            r.id()
        );
        checked += 1;
    }
    assert!(checked >= 2, "the built-in learned rules were checked");
}

#[test]
fn a_blaming_sentence_is_reported_once_and_explain_shows_its_words() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("tactful.yaml"),
        "rules:\n  blame/tone: error\n",
    )
    .unwrap();
    // A phrase rule knows the second sentence; the learned rule alone the first.
    let draft = "Hi Jane,\n\nI hope you had a good week. I must say your team has a real talent for keeping candidates guessing. Per my last email, I still haven't heard back.\n";
    fs::write(dir.path().join("d.txt"), draft).unwrap();
    let run = tactful(dir.path(), &["check", "--format", "json", "d.txt"], None);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect(&run.stderr);
    let findings = report["files"][0]["findings"].as_array().unwrap();
    let learned: Vec<_> = findings
        .iter()
        .filter(|f| f["rule"] == "blame/tone")
        .collect();
    assert_eq!(learned.len(), 1, "{findings:#?}");
    let at = learned[0]["span"]["start"].as_u64().unwrap() as usize;
    let sentence = draft.find("I must say").unwrap()..draft.find("guessing.").unwrap() + 8;
    assert!(sentence.contains(&at), "{findings:#?}");
    // The last sentence is the phrase rules' alone.
    let last = draft.find("Per my last").unwrap();
    let in_last: Vec<_> = findings
        .iter()
        .filter(|f| f["span"]["start"].as_u64().unwrap() as usize >= last)
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(
        !in_last.is_empty() && !in_last.contains(&"blame/tone"),
        "{in_last:?}"
    );
    // A phrase finding names the phrase that matched, as its pack writes it.
    let phrase = findings
        .iter()
        .find(|f| f["rule"] == "blame/per-my-last-email")
        .and_then(|f| f["phrase"].as_str())
        .expect("the phrase rule's finding names its phrase");
    assert!(phrase.to_lowercase().contains("my"), "{phrase}");
    let pack = tactful::rules::builtin::packs().unwrap();
    assert!(
        pack.iter()
            .flat_map(|p| &p.rules)
            .any(|r| r.phrases.iter().any(|p| p.value == phrase)),
        "{phrase} is a phrase of the packs"
    );
    // On by default, and turned off like any rule.
    fs::remove_file(dir.path().join("tactful.yaml")).unwrap();
    let run = tactful(dir.path(), &["check", "--format", "short", "d.txt"], None);
    assert!(run.stdout.contains("blame/tone"), "{}", run.stdout);
    fs::write(
        dir.path().join("tactful.yaml"),
        "rules:\n  blame/tone: \"off\"\n",
    )
    .unwrap();
    let run = tactful(dir.path(), &["check", "--format", "short", "d.txt"], None);
    assert!(!run.stdout.contains("blame/tone"), "{}", run.stdout);
    fs::remove_file(dir.path().join("tactful.yaml")).unwrap();
    let run = tactful(
        dir.path(),
        &["explain", "blame/tone", "--text", "I hope you are well. If I hear nothing by Friday I will take it that you were never serious about me."],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("passes: I hope you are well."),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("flagged: If I hear nothing"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("underlined:") && run.stdout.contains("weighed most:"),
        "{}",
        run.stdout
    );
}

#[test]
fn interest_in_words_no_phrase_lists_counts() {
    let packs = builtin::packs().unwrap();
    let rules = RuleSet::build(packs, &Overrides::default()).unwrap();
    let ctx = tactful::rules::Context::default();
    let fires = |body: &str| {
        let text = format!(
            "---\nkind: interview\n---\nHi Jane,\n\nThank you for Tuesday. {body}\n\nBest,\nSam\n"
        );
        let draft = Draft::parse("d.md", text.into_bytes(), Format::Markdown).unwrap();
        tactful::lint::lint(&draft, &rules, &ctx)
            .iter()
            .any(|f| f.rule.as_ref() == "interest/missing")
    };
    assert!(!fires(
        "Talking with your engineers left me wanting to be part of that group more than before."
    ));
    assert!(fires("Could you tell me when the team will decide?"));
}
