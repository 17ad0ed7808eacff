//! tactful lints job-search follow-up emails: no blaming ("I didn't hear from you"), a
//! pleasantry before the ask, and interest in the role restated.
//!
//! ```
//! use tactful::{input::{Draft, Format}, lint::lint, rules::{builtin, Context, Overrides, RuleSet}};
//!
//! let rules = RuleSet::build(builtin::packs().unwrap(), &Overrides::default()).unwrap();
//! let draft = Draft::from_source(
//!     "draft.txt",
//!     "Hi Jane,\n\nI still haven't heard back about the analyst role.\n".to_string(),
//!     Format::Text,
//! ).unwrap();
//! let findings = lint(&draft, &rules, &Context::default());
//! assert!(findings.iter().any(|f| f.rule.starts_with("blame/")));
//! ```

pub mod app;
pub mod baseline;
pub mod calendar;
pub mod cli;
pub mod config;
pub mod console;
pub mod contacts;
pub mod error;
pub mod finding;
pub mod followup;
pub mod guard;
pub mod input;
pub mod lint;
pub mod lsp;
pub mod pipeline;
pub mod render;
pub mod rules;
pub mod source;
pub mod suppress;
pub mod thread;
pub mod yaml;
