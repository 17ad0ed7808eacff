//! The pattern of a greeting line: "Hi Jane,", "Dear Ms. Lee,", "Good morning team:", or
//! a bare "Jane,". A raw regex, not a phrase: tactful's build script compiles it with
//! [`build_dense`](crate::build_dense) to the DFA that ships in the binary, and a run
//! compiles it the same way should those bytes not load.
//!
//! Byte classes: a run of them always ends at an ASCII delimiter or at the end of the line,
//! so on a character boundary, and they keep the automaton a fraction of the size of their
//! Unicode forms.

/// Matched against a trimmed line, anchored at its start.
pub const PATTERN: &str = r"^(?:(?i-u:hi|hello|hey|hiya|howdy|greetings|dear|good (?:morning|afternoon|evening)|to whom it may concern)(?:[ \t]+(?-u:[^ \t\n,:;!.])+\.?){0,5}[ \t]*(?:[,:;!—–]|[ \t]-[ \t]|$)|(?:[A-Z](?-u:[^ \t\n,;:!?])*[ \t]*){1,3},$)";
