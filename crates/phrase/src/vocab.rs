//! Word classes: `{name}` in a phrase stands for any word of the class `name` of its
//! pack's `vocab:`, and is expanded into a group before the phrase is compiled.

/// `phrase` with each `{name}` replaced by the alternatives of the word class `name` of
/// its pack's `vocab:` (`{negation}` becomes `(not|never|didn't|...)`), so a list of words
/// is written once for a whole pack. An unknown name, or a class word holding phrase syntax,
/// is an error.
pub fn expand_vocab<'a>(
    phrase: &'a str,
    vocab: &std::collections::BTreeMap<String, Vec<String>>,
) -> Result<std::borrow::Cow<'a, str>, String> {
    if !phrase.contains('{') {
        return Ok(std::borrow::Cow::Borrowed(phrase));
    }
    let mut out = String::with_capacity(phrase.len() * 4);
    let mut rest = phrase;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after
            .find('}')
            .ok_or_else(|| "`{` opens a word class that no `}` closes".to_string())?;
        let name = after[..close].trim();
        let words = vocab.get(name).ok_or_else(|| {
            let known: Vec<&str> = vocab.keys().map(String::as_str).collect();
            if known.is_empty() {
                format!("no word class `{name}`: the pack has no `vocab:`")
            } else {
                format!(
                    "no word class `{name}` in the pack's `vocab:` ({})",
                    known.join(", ")
                )
            }
        })?;
        if words.is_empty() {
            return Err(format!("the word class `{name}` is empty"));
        }
        if let Some(w) = words.iter().find(|w| {
            w.trim().is_empty()
                || w.contains(['(', ')', '|', '[', ']', '{', '}'])
                || w.contains("...")
        }) {
            return Err(format!(
                "the word class `{name}` holds {w:?}: class words are plain words"
            ));
        }
        out.push('(');
        out.push_str(&words.iter().map(|w| w.trim()).collect::<Vec<_>>().join("|"));
        out.push(')');
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    Ok(std::borrow::Cow::Owned(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_classes_expand_in_phrases() {
        let mut vocab = std::collections::BTreeMap::new();
        vocab.insert(
            "neg".to_string(),
            vec!["never".to_string(), "not once".to_string()],
        );
        vocab.insert("empty".to_string(), Vec::new());
        vocab.insert("bad".to_string(), vec!["a|b".to_string()]);
        let x = |p: &'static str| expand_vocab(p, &vocab);
        assert_eq!(
            x("you {neg} replied").unwrap(),
            "you (never|not once) replied"
        );
        assert_eq!(x("no classes here").unwrap(), "no classes here");
        assert!(x("{neg").unwrap_err().contains("no `}` closes"));
        assert!(x("{empty} x").unwrap_err().contains("is empty"));
        assert!(x("{bad} x").unwrap_err().contains("plain words"));
        assert!(x("{nope} x").unwrap_err().contains("(bad, empty, neg)"));
    }
}
