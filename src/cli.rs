//! Command-line definitions (clap derive) only; `app` does the work.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::config::Deny;
use crate::render::Format;

#[derive(Debug, Parser)]
#[command(
    name = "tactful",
    version,
    about = "Lint job-search follow-up emails: no blame, a pleasantry first, interest restated"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint drafts: files, directories (recursively), or `-` for standard input
    Check(CheckArgs),
    /// List every loaded rule
    Rules(RulesArgs),
    /// Print a rule's full explanation with a bad and a good example
    Explain(ExplainArgs),
    /// Print the next good day to follow up (ISO date, then why), from dates given, a
    /// contact's entry (`--to`) or the thread a reply quotes (`--reply`)
    When(WhenArgs),
    /// List the contacts whose promised date has passed and who have not been followed up
    /// with since, each with the next good day and the channel to use
    Due(DueArgs),
    /// Add to and update the contacts file, keeping its comments and order
    Contact(ContactArgs),
    /// Pre-send hook: lint the message on stdin; if it passes, pipe the identical bytes
    /// to CMD and exit with its status; if not, print why, send nothing and exit 1
    Guard(GuardArgs),
    /// Language server on stdio: findings as diagnostics while you write, with quick fixes
    Lsp(LspArgs),
}

#[derive(Debug, Args)]
pub struct GuardArgs {
    /// Also write the findings to this file (for clients that throw stderr away)
    #[arg(long, value_name = "PATH")]
    pub report: Option<PathBuf>,
    /// Once the message is handed on and sent, record today as the day you followed up
    /// with each of its recipients that the contacts file knows
    #[arg(long)]
    pub record: bool,
    #[command(flatten)]
    pub lint: LintArgs,
    /// The command that sends the message, and its arguments (after `--`)
    #[arg(last = true, required = true, value_name = "CMD")]
    pub command: Vec<std::ffi::OsString>,
}

#[derive(Debug, Args)]
pub struct WhenArgs {
    /// Look strictly after this day (YYYY-MM-DD, or a phrase: today, next Friday, end of
    /// next week, in 2 weeks); default today
    #[arg(long, value_name = "DATE")]
    pub after: Option<String>,
    /// The date they promised to reply by (YYYY-MM-DD or a phrase, relative to --after)
    #[arg(long, value_name = "DATE")]
    pub promised_by: Option<String>,
    /// Holiday calendar: us, gb, ca, none, or a calendar file (default us)
    #[arg(long, value_name = "CODE")]
    pub holidays: Option<String>,
    /// Config file to use instead of searching for tactful.yaml upward
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// List each day skipped and why
    #[arg(short, long)]
    pub verbose: bool,
    /// Plan a follow-up to this contact (address or name): their promised date and
    /// preferred channel from the contacts file
    #[arg(long, value_name = "WHO")]
    pub to: Option<String>,
    /// Plan the follow-up to a message: what the thread it quotes promised, and its
    /// recipients' entries in the contacts file
    #[arg(long, value_name = "FILE")]
    pub reply: Option<PathBuf>,
    /// Contacts file (default: tactful-contacts.yaml upward, else
    /// ~/.config/tactful/contacts.yaml)
    #[arg(long, value_name = "PATH")]
    pub contacts: Option<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value = "human")]
    pub format: PlanFormat,
}

/// How `when` and `due` print what they plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PlanFormat {
    Human,
    Json,
    /// An iCalendar file (RFC 5545): one all-day event per follow-up
    Ics,
}

#[derive(Debug, Args)]
pub struct DueArgs {
    /// The day to count from (YYYY-MM-DD or a phrase); default today
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
    /// Holiday calendar: us, gb, ca, none, or a calendar file (default us)
    #[arg(long, value_name = "CODE")]
    pub holidays: Option<String>,
    /// Config file to use instead of searching for tactful.yaml upward
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Contacts file (default: tactful-contacts.yaml upward, else
    /// ~/.config/tactful/contacts.yaml)
    #[arg(long, value_name = "PATH")]
    pub contacts: Option<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value = "human")]
    pub format: PlanFormat,
}

#[derive(Debug, Args)]
pub struct ContactArgs {
    #[command(subcommand)]
    pub action: ContactAction,
    /// Contacts file (default: tactful-contacts.yaml upward, else
    /// ~/.config/tactful/contacts.yaml)
    #[arg(long, value_name = "PATH", global = true)]
    pub contacts: Option<PathBuf>,
    /// Config file to use instead of searching for tactful.yaml upward
    #[arg(long, value_name = "PATH", global = true)]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum ContactAction {
    /// Add a contact or change what is known about one
    Set(ContactSetArgs),
    /// Print one contact, or all of them
    Show {
        /// Address or name; all contacts when left out
        who: Option<String>,
        /// Output format
        #[arg(long, value_enum, default_value = "human")]
        format: ListFormat,
    },
    /// Remove a contact
    Remove {
        /// Address or name
        who: String,
    },
    /// Record the promise a message makes (a reply that quotes it, or the message
    /// itself) in the entry of the person who made it
    Learn {
        /// The message: mail (.eml) or a draft that quotes it
        file: PathBuf,
        /// Whose promise it is, when the message does not say (address or name)
        #[arg(long = "as", value_name = "WHO")]
        who: Option<String>,
        /// Holiday calendar for counting working days: us, gb, ca, none, or a file
        #[arg(long, value_name = "CODE")]
        holidays: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct ContactSetArgs {
    /// Their address or name (the entry's key)
    pub who: String,
    /// Their name
    #[arg(long)]
    pub name: Option<String>,
    /// Another address or name they write from (repeatable)
    #[arg(long, value_name = "WHO")]
    pub also: Vec<String>,
    #[arg(long)]
    pub role: Option<String>,
    #[arg(long)]
    pub company: Option<String>,
    /// What kind of contact: interview, networking or application
    #[arg(long, value_enum)]
    pub kind: Option<crate::input::DraftKind>,
    /// How they like to be reached
    #[arg(long, value_enum)]
    pub prefers: Option<crate::input::Channel>,
    /// When they promised to get back (YYYY-MM-DD or a phrase: end of next week, in 10
    /// working days, Friday), counted from --said-on or today
    #[arg(long, value_name = "DATE")]
    pub promised_by: Option<String>,
    /// Their words about when they would get back
    #[arg(long, value_name = "WORDS")]
    pub said: Option<String>,
    /// The day they said it (YYYY-MM-DD or a phrase)
    #[arg(long, value_name = "DATE")]
    pub said_on: Option<String>,
    /// The day you last followed up (YYYY-MM-DD, or today)
    #[arg(long, value_name = "DATE")]
    pub followed_up: Option<String>,
    #[arg(long)]
    pub notes: Option<String>,
    /// Remove a key from the entry (repeatable): name, role, prefers, promised-by, …
    #[arg(long, value_name = "KEY")]
    pub unset: Vec<String>,
}

/// Where rules come from; shared by every command.
#[derive(Debug, Clone, Args)]
pub struct RuleArgs {
    /// A rule pack file or a folder of packs (repeatable)
    #[arg(long = "rules", value_name = "PATH")]
    pub rules: Vec<PathBuf>,
    /// Do not load the built-in packs
    #[arg(long)]
    pub no_default_rules: bool,
    /// Config file to use instead of searching for tactful.yaml upward
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Read no config file at all (the language server, while the workspace's is broken).
    #[arg(skip)]
    pub no_config: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
pub struct LspArgs {
    /// Talk on standard input and output (the only transport; accepted for clients that
    /// pass it)
    #[arg(long)]
    pub stdio: bool,
}

/// What `check` and `guard` share: the output, the dates, the calendar, the rules and how
/// strict to be.
#[derive(Debug, Args)]
pub struct LintArgs {
    /// Output format (for `guard`, of what it prints on stderr)
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// The send date (YYYY-MM-DD, or a phrase as `when` takes: today, tomorrow, next
    /// Tuesday, in 3 days); overrides front matter and the Date: header (`guard`: default
    /// today)
    #[arg(long, value_name = "DATE")]
    pub send_date: Option<String>,
    /// The date they promised to reply by (YYYY-MM-DD, or a phrase counted from the send
    /// date: end of next week, Friday); overrides front matter
    #[arg(long, value_name = "DATE")]
    pub promised_by: Option<String>,
    /// Holiday calendar: us, gb, ca, none, or a YAML calendar file
    #[arg(long, value_name = "CODE")]
    pub holidays: Option<String>,
    /// Contacts file (default: tactful-contacts.yaml upward, else
    /// ~/.config/tactful/contacts.yaml)
    #[arg(long, value_name = "PATH")]
    pub contacts: Option<PathBuf>,
    #[command(flatten)]
    pub rule_args: RuleArgs,
    /// Make warnings fail the run too (exit 1; for `guard`, block the send)
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub deny: Option<Deny>,
    /// When to use colour in human output
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorChoice,
    /// No summary line (`guard`: print nothing when the message passes)
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or directories to lint; `-` reads standard input
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub lint: LintArgs,
    /// Template mode: placeholders are opaque words, never findings
    #[arg(long)]
    pub templates: bool,
    /// Report only findings that are not in this baseline file
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record every finding of this run in a baseline file
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// List suppressions (comments, front matter, config ignore entries) that silenced
    /// nothing, and fail the run if there are any
    #[arg(long)]
    pub report_unused_disables: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Human,
    Json,
    /// A Markdown table (the README's is this output)
    Markdown,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Output format
    #[arg(long, value_enum, default_value = "human")]
    pub format: ListFormat,
    #[command(flatten)]
    pub rule_args: RuleArgs,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// Rule id, e.g. blame/didnt-hear
    pub rule: String,
    /// Show every example, not just the first few
    #[arg(long)]
    pub all: bool,
    /// Run the rule on this text and show what it finds; for a learned rule, each
    /// sentence's score and the words that drove it
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub text: Option<String>,
    #[command(flatten)]
    pub rule_args: RuleArgs,
}
