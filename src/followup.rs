//! Follow-ups planned from what is known: `tactful when` (from dates, a contact's entry or
//! the thread a reply quotes), `tactful due` (every contact whose promised date has
//! passed), `tactful contact` (the contacts file kept without hand-editing), and the
//! guard's `--record`. Plans print for people, as JSON, or as iCalendar events.

use std::io::Write;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde_json::json;

use crate::calendar::{self, days, Calendar};
use crate::cli::{
    ContactAction, ContactArgs, ContactSetArgs, DueArgs, ListFormat, PlanFormat, WhenArgs,
};
use crate::config::Config;
use crate::console::{Streams, EXIT_CLEAN};
use crate::contacts::{self, Change, Contact, Contacts};
use crate::error::Error;
use crate::input::{Channel, Draft, Format as InputFormat};
use crate::pipeline::{self, parse_date};
use crate::rules::{timing, Context};
use crate::thread::{self, Promise};

/// One follow-up planned.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The day to follow up on.
    pub day: Date,
    /// Looked at days strictly after this one.
    pub after: Date,
    pub why: String,
    /// The date they promised to reply by, and a note on where it came from.
    pub promised_by: Option<Date>,
    pub promise_note: Option<String>,
    /// The words of the promise and when they were said.
    pub said: Option<String>,
    pub said_on: Option<Date>,
    /// The contacts entry, when there is one: its key and name.
    pub contact: Option<(String, Option<String>)>,
    /// The channel to use: the contact's preference, else email.
    pub channel: Channel,
    pub channel_known: bool,
    /// Promises that give no date ("soon").
    pub undated: Vec<String>,
    /// Days passed over and why, for `--verbose`.
    pub skipped: Vec<String>,
}

fn write(s: &mut Streams, text: &str) -> Result<(), Error> {
    s.stdout
        .write_all(text.as_bytes())
        .map_err(|e| Error::Input {
            path: "<stdout>".into(),
            message: format!("cannot write output: {e}"),
        })
}

fn short(d: Date) -> String {
    days::ShortDay(d).to_string()
}

/// The first good day strictly after `after`, later than `promised_by`, explained.
fn plan_day(
    cal: &Calendar,
    after: Date,
    promised_by: Option<Date>,
) -> Result<(Date, String, Vec<String>), Error> {
    let next = days::next_good_day(cal, after, promised_by).map_err(|e| {
        Error::Usage(match e {
            days::NoGoodDay::EndOfTime => format!(
                "no good day found after {after}: the calendar ends on 9999-12-31; give an earlier --after or --promised-by"
            ),
            days::NoGoodDay::AllBad => format!(
                "no good day found within a year after {after}: the `{}` calendar has a holiday, or a day next to one, on every working day; check the calendar file",
                cal.name
            ),
        })
    })?;
    let day = next.day;
    let mut why = format!(
        "{}: the first Tuesday, Wednesday or Thursday after {after} that is not a holiday nor next to one",
        days::weekday_name(day.weekday())
    );
    if let Some(p) = promised_by {
        why.push_str(&format!(
            ", and after {p}, the date they said they would reply by"
        ));
    }
    let n = next.days_skipped();
    why.push_str(&format!(
        " ({} calendar; {n} day{} skipped)",
        cal.name,
        if n == 1 { "" } else { "s" }
    ));
    let mut skipped = Vec::new();
    if let Some((from, to)) = next.jumped {
        skipped.push(format!(
            "skipped {from} to {to}: on or before the date they said they would reply by"
        ));
    }
    for (d, problems) in &next.skipped {
        let reasons: Vec<String> = problems.iter().map(|p| p.describe()).collect();
        skipped.push(format!("skipped {}: {}", days::Day(*d), reasons.join("; ")));
    }
    Ok((day, why, skipped))
}

fn today(config: &Config) -> Date {
    calendar::today_in(config.timezone.as_ref())
}

fn load_contacts(flag: Option<&Path>, config: &Config) -> Result<Contacts, Error> {
    Ok(contacts::for_run(flag, config)?.unwrap_or_default())
}

/// `tactful when`.
pub fn when(args: WhenArgs, s: &mut Streams) -> Result<u8, Error> {
    let config = pipeline::load_config(args.config.as_deref())?;
    let cal = pipeline::calendar_for(args.holidays.as_deref(), &config)?;
    let today = today(&config);
    let after = match &args.after {
        Some(a) => parse_date("--after", a, today)?,
        None => today,
    };
    let flag_promise = args
        .promised_by
        .as_deref()
        .map(|p| parse_date("--promised-by", p, after))
        .transpose()?;
    let mut plan_in = PlanInput::default();
    if args.to.is_some() || args.reply.is_some() {
        let book = load_contacts(args.contacts.as_deref(), &config)?;
        if let Some(who) = &args.to {
            let entry = book.find(who).ok_or_else(|| {
                Error::Usage(format!(
                    "`{who}` is not in the contacts file{}; add them with `tactful contact set {who} ...`",
                    book.path.as_ref().map(|p| format!(" ({})", p.display())).unwrap_or_default()
                ))
            })?;
            plan_in.take_entry(entry);
        }
        if let Some(path) = &args.reply {
            let draft = read_draft(path)?;
            let ctx = Context {
                calendar: cal.clone(),
                contacts: Some(std::sync::Arc::new(book.clone())),
                ..Context::default()
            };
            let reference = draft
                .front_matter
                .send_date
                .as_ref()
                .map_or(today, |f| f.value);
            let found = timing::promised(&draft, &ctx, reference);
            if let Some(p) = found.promised {
                plan_in.promise(p.date, p.note(), &p.source);
            }
            plan_in.undated = found.undated.iter().map(Promise::quote).collect();
            if plan_in.contact.is_none() {
                if let Some(entry) = ctx.contact_for(&draft) {
                    plan_in.take_channel(entry);
                }
            }
        }
    }
    let promised_by = flag_promise.or(plan_in.promised_by);
    let (day, why, skipped) = plan_day(&cal, after, promised_by)?;
    let plan = Plan {
        day,
        after,
        why,
        promised_by,
        promise_note: if flag_promise.is_some() {
            None
        } else {
            plan_in.note
        },
        said: plan_in.said,
        said_on: plan_in.said_on,
        contact: plan_in.contact,
        channel: plan_in.channel.unwrap_or(Channel::Email),
        channel_known: plan_in.channel.is_some(),
        undated: plan_in.undated,
        skipped,
    };
    let text = match args.format {
        PlanFormat::Human => {
            let mut out = format!("{}\n{}\n", plan.day, plan.why);
            if let Some(n) = &plan.promise_note {
                out.push_str(&format!("  {n}\n"));
            }
            for u in &plan.undated {
                out.push_str(&format!("  they wrote \"{u}\", which gives no date\n"));
            }
            if args.to.is_some() || args.reply.is_some() {
                out.push_str(&format!("  {}\n", channel_line(&plan)));
            }
            if args.verbose {
                for line in &plan.skipped {
                    out.push_str(&format!("  {line}\n"));
                }
            }
            out
        }
        PlanFormat::Json => {
            let doc = json!({
                "tool": "tactful",
                "version": 1,
                "plan": plan_json(&plan),
            });
            format!(
                "{}\n",
                serde_json::to_string_pretty(&doc).unwrap_or_default()
            )
        }
        PlanFormat::Ics => ics(std::slice::from_ref(&plan)),
    };
    write(s, &text)?;
    Ok(EXIT_CLEAN)
}

/// What a plan learns from contacts and the thread.
#[derive(Default)]
struct PlanInput {
    promised_by: Option<Date>,
    note: Option<String>,
    said: Option<String>,
    said_on: Option<Date>,
    contact: Option<(String, Option<String>)>,
    channel: Option<Channel>,
    undated: Vec<String>,
}

impl PlanInput {
    fn take_entry(&mut self, entry: &contacts::Entry) {
        self.take_channel(entry);
        let c = &entry.contact;
        if let Some(p) = c.promised_by {
            let note = timing::Promised {
                date: p,
                source: timing::Source::Contact {
                    key: entry.key.clone(),
                    said: c.said.clone(),
                    said_on: c.said_on,
                },
            }
            .note();
            self.promise_with(p, note, c.said.clone(), c.said_on);
        }
    }

    fn take_channel(&mut self, entry: &contacts::Entry) {
        self.contact = Some((entry.key.clone(), entry.contact.name.clone()));
        if self.channel.is_none() {
            self.channel = entry.contact.prefers;
        }
    }

    fn promise(&mut self, date: Date, note: Option<String>, source: &timing::Source) {
        let (said, said_on) = match source {
            timing::Source::Thread(p) => (Some(p.quote()), p.said_on),
            timing::Source::Contact { said, said_on, .. } => (said.clone(), *said_on),
            _ => (None, None),
        };
        self.promise_with(date, note, said, said_on);
    }

    fn promise_with(
        &mut self,
        date: Date,
        note: Option<String>,
        said: Option<String>,
        said_on: Option<Date>,
    ) {
        if self.promised_by.is_none_or(|p| date > p) {
            self.promised_by = Some(date);
            self.note = note;
            self.said = said;
            self.said_on = said_on;
        }
    }
}

fn channel_line(plan: &Plan) -> String {
    match (&plan.contact, plan.channel_known) {
        (Some((key, _)), true) => format!(
            "follow up {}: {key} prefers it (contacts file)",
            plan.channel.by()
        ),
        (Some((key, _)), false) => format!(
            "follow up by email: no preferred channel is recorded for {key} (`tactful contact set {key} --prefers phone` records one)"
        ),
        (None, _) => "follow up by email: no contact entry for this message".into(),
    }
}

fn plan_json(plan: &Plan) -> serde_json::Value {
    json!({
        "follow_up_on": plan.day.to_string(),
        "after": plan.after.to_string(),
        "why": plan.why,
        "promised_by": plan.promised_by.map(|d| d.to_string()),
        "said": plan.said,
        "said_on": plan.said_on.map(|d| d.to_string()),
        "note": plan.promise_note,
        "contact": plan.contact.as_ref().map(|(k, n)| json!({"key": k, "name": n})),
        "channel": plan.channel.as_str(),
        "channel_known": plan.channel_known,
        "undated_promises": plan.undated,
    })
}

/// The plans as one iCalendar (RFC 5545) document: an all-day event on each follow-up day.
pub fn ics(plans: &[Plan]) -> String {
    use icalendar::{Component, Property};
    let mut cal = icalendar::Calendar::new();
    cal.name("tactful follow-ups");
    let stamp = jiff::Timestamp::now()
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string();
    for p in plans {
        let who = p
            .contact
            .as_ref()
            .map(|(k, n)| n.clone().unwrap_or_else(|| k.clone()));
        let summary = match &who {
            Some(w) => format!("Follow up with {w} {}", p.channel.by()),
            None => format!("Follow up {}", p.channel.by()),
        };
        let mut description = p.why.clone();
        if let Some(n) = &p.promise_note {
            description.push_str(&format!("\n{n}"));
        }
        let key = p.contact.as_ref().map_or("follow-up", |(k, _)| k.as_str());
        let uid_key: String = key
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        let end = p.day.tomorrow().unwrap_or(p.day);
        let ymd = |d: Date| format!("{:04}{:02}{:02}", d.year(), d.month(), d.day());
        let event = icalendar::Event::new()
            .uid(&format!("{}-{uid_key}@tactful", ymd(p.day)))
            .add_property("DTSTAMP", &stamp)
            .append_property(
                Property::new("DTSTART", ymd(p.day))
                    .add_parameter("VALUE", "DATE")
                    .done(),
            )
            .append_property(
                Property::new("DTEND", ymd(end))
                    .add_parameter("VALUE", "DATE")
                    .done(),
            )
            .summary(&summary)
            .description(&description)
            .done();
        cal.push(event);
    }
    cal.done().to_string()
}

fn read_draft(path: &Path) -> Result<Draft, Error> {
    let display = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Error::Input {
        path: display.clone(),
        message: format!("cannot read: {e}"),
    })?;
    Draft::parse(&display, bytes, InputFormat::from_path(&display))
}

/// `tactful due`.
pub fn due(args: DueArgs, s: &mut Streams) -> Result<u8, Error> {
    let config = pipeline::load_config(args.config.as_deref())?;
    let cal = pipeline::calendar_for(args.holidays.as_deref(), &config)?;
    let now = today(&config);
    let today = match &args.today {
        Some(t) => parse_date("--today", t, now)?,
        None => now,
    };
    let book = load_contacts(args.contacts.as_deref(), &config)?;
    let mut plans = Vec::new();
    for entry in &book.entries {
        let c = &entry.contact;
        let Some(promised) = c.promised_by else {
            continue;
        };
        let passed = promised < today;
        let followed_since = c.followed_up.is_some_and(|f| f > promised);
        if !passed || followed_since {
            continue;
        }
        let mut input = PlanInput::default();
        input.take_entry(entry);
        // Today counts, when it is a good day.
        let after = today.yesterday().unwrap_or(today);
        let (day, why, skipped) = plan_day(&cal, after, Some(promised))?;
        plans.push(Plan {
            day,
            after,
            why,
            promised_by: Some(promised),
            promise_note: input.note,
            said: input.said,
            said_on: input.said_on,
            contact: input.contact,
            channel: input.channel.unwrap_or(Channel::Email),
            channel_known: input.channel.is_some(),
            undated: Vec::new(),
            skipped,
        });
    }
    plans.sort_by_key(|p| (p.day, p.promised_by));
    let text = match args.format {
        PlanFormat::Human => {
            if plans.is_empty() {
                format!("nothing is due: no contact's promised date has passed without a follow-up (as of {today})\n")
            } else {
                let mut out = String::new();
                for p in &plans {
                    let (key, name) = p.contact.clone().unwrap_or_default();
                    let who = match name {
                        Some(n) => format!("{n} <{key}>"),
                        None => key,
                    };
                    out.push_str(&format!(
                        "{}  {who}: follow up {}, {}\n",
                        p.day,
                        p.channel.by(),
                        p.promised_by
                            .map(|d| format!("promised by {}", short(d)))
                            .unwrap_or_default()
                    ));
                    if let Some(said) = &p.said {
                        out.push_str(&format!("            they said: \"{said}\"\n"));
                    }
                }
                out.push_str(&format!(
                    "tactful: {} follow-up{} due\n",
                    plans.len(),
                    if plans.len() == 1 { "" } else { "s" }
                ));
                out
            }
        }
        PlanFormat::Json => {
            let doc = json!({
                "tool": "tactful",
                "version": 1,
                "today": today.to_string(),
                "due": plans.iter().map(plan_json).collect::<Vec<_>>(),
            });
            format!(
                "{}\n",
                serde_json::to_string_pretty(&doc).unwrap_or_default()
            )
        }
        PlanFormat::Ics => ics(&plans),
    };
    write(s, &text)?;
    Ok(EXIT_CLEAN)
}

/// The file `tactful contact` edits: the run's contacts file, else a new one in the user's
/// config folder.
fn file_to_edit(flag: Option<&Path>, config: &Config) -> Result<PathBuf, Error> {
    contacts::path_for(flag, config)
        .map(|(p, _)| p)
        .ok_or_else(|| {
            Error::Usage(
                "no contacts file: give --contacts PATH, or set HOME so that ~/.config/tactful/contacts.yaml can be used".into(),
            )
        })
}

fn read_text(path: &Path) -> Result<String, Error> {
    match std::fs::read_to_string(path) {
        Ok(t) => Ok(t),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
        Err(e) => Err(Error::Input {
            path: path.display().to_string(),
            message: format!("cannot read contacts: {e}"),
        }),
    }
}

/// Writes `text` to `path` whole or not at all: a temporary file beside it, renamed over it.
fn write_file(path: &Path, text: &str) -> Result<(), Error> {
    let fail = |e: std::io::Error| Error::Input {
        path: path.display().to_string(),
        message: format!("cannot write contacts: {e}"),
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(fail)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(fail)?;
    tmp.write_all(text.as_bytes()).map_err(fail)?;
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(tmp.path(), meta.permissions());
    }
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

/// A date given to `contact set`: `YYYY-MM-DD`, a phrase `when` takes, or a timeline as a
/// recruiter writes it ("in ten working days"), counted from `base`.
fn contact_date(flag: &str, value: &str, base: Date, cal: &Calendar) -> Result<Date, Error> {
    if let Ok(d) = days::parse_when(value, base) {
        return Ok(d);
    }
    let norm = thread::when::normalize(value);
    thread::when::find(&norm, base, cal)
        .into_iter()
        .map(|f| f.date)
        .max()
        .ok_or_else(|| {
            Error::Usage(format!(
                "{flag}: `{value}` is not a date: write YYYY-MM-DD, or a phrase such as Friday, end of next week, in 10 working days"
            ))
        })
}

/// `tactful contact`.
pub fn contact(args: ContactArgs, s: &mut Streams) -> Result<u8, Error> {
    let config = pipeline::load_config(args.config.as_deref())?;
    let path = file_to_edit(args.contacts.as_deref(), &config)?;
    let display = path.display().to_string();
    match args.action {
        ContactAction::Set(set) => {
            let cal = pipeline::calendar_for(None, &config)?;
            let changes = set_changes(&set, today(&config), &cal)?;
            let text = read_text(&path)?;
            let out = contacts::edit(&display, &text, &set.who, &changes)?;
            write_file(&path, &out)?;
            let book = Contacts::parse(&display, &out)?;
            let entry = book.find(&set.who);
            let shown = entry.map(show_entry).unwrap_or_default();
            write(s, &format!("{shown}(saved in {display})\n"))?;
        }
        ContactAction::Show { who, format } => {
            let book = Contacts::parse(&display, &read_text(&path)?)?;
            let entries: Vec<&contacts::Entry> = match &who {
                Some(w) => vec![book.find(w).ok_or_else(|| {
                    Error::Usage(format!("`{w}` is not in the contacts file ({display})"))
                })?],
                None => book.entries.iter().collect(),
            };
            let text = match format {
                ListFormat::Json => {
                    let list: Vec<serde_json::Value> =
                        entries.iter().map(|e| entry_json(e)).collect();
                    format!("{}\n", serde_json::to_string_pretty(&json!({"tool": "tactful", "version": 1, "file": display, "contacts": list})).unwrap_or_default())
                }
                _ => {
                    if entries.is_empty() {
                        format!("no contacts yet in {display}\n")
                    } else {
                        entries
                            .iter()
                            .map(|e| show_entry(e))
                            .collect::<Vec<_>>()
                            .join("\n")
                    }
                }
            };
            write(s, &text)?;
        }
        ContactAction::Remove { who } => {
            let text = read_text(&path)?;
            match contacts::remove(&display, &text, &who)? {
                Some(out) => {
                    write_file(&path, &out)?;
                    write(s, &format!("removed {who} (from {display})\n"))?;
                }
                None => {
                    return Err(Error::Usage(format!(
                        "`{who}` is not in the contacts file ({display})"
                    )))
                }
            }
        }
        ContactAction::Learn {
            file,
            who,
            holidays,
        } => {
            let cal = pipeline::calendar_for(holidays.as_deref(), &config)?;
            let text = read_text(&path)?;
            let book = Contacts::parse(&display, &text)?;
            let learned = learn(&file, who.as_deref(), &cal, &book, today(&config))?;
            let mut changes = vec![
                Change::Set(
                    "promised-by",
                    learned
                        .promise
                        .by
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                ),
                Change::Set("said", learned.promise.quote()),
            ];
            if let Some(on) = learned.promise.said_on {
                changes.push(Change::Set("said-on", on.to_string()));
            }
            if let Some(name) = &learned.name {
                if book
                    .find(&learned.key)
                    .is_none_or(|e| e.contact.name.is_none())
                {
                    changes.push(Change::Set("name", name.clone()));
                }
            }
            let out = contacts::edit(&display, &text, &learned.key, &changes)?;
            write_file(&path, &out)?;
            let book = Contacts::parse(&display, &out)?;
            let shown = book.find(&learned.key).map(show_entry).unwrap_or_default();
            write(s, &format!("{shown}(saved in {display})\n"))?;
        }
    }
    Ok(EXIT_CLEAN)
}

fn set_changes(set: &ContactSetArgs, today: Date, cal: &Calendar) -> Result<Vec<Change>, Error> {
    let mut changes = Vec::new();
    for key in &set.unset {
        let k = contacts::KEYS
            .iter()
            .find(|k| **k == key.as_str())
            .ok_or_else(|| {
                Error::Usage(format!(
                    "--unset {key}: not a contact key; the keys are {}",
                    contacts::KEYS.join(", ")
                ))
            })?;
        changes.push(Change::Remove(k));
    }
    let said_on = set
        .said_on
        .as_deref()
        .map(|d| parse_date("--said-on", d, today))
        .transpose()?;
    let text = |k: &'static str, v: &Option<String>, out: &mut Vec<Change>| {
        if let Some(v) = v {
            out.push(Change::Set(k, v.trim().to_string()));
        }
    };
    text("name", &set.name, &mut changes);
    if !set.also.is_empty() {
        changes.push(Change::Set("also", set.also.join(", ")));
    }
    text("role", &set.role, &mut changes);
    text("company", &set.company, &mut changes);
    if let Some(k) = set.kind {
        changes.push(Change::Set("kind", k.as_str().into()));
    }
    if let Some(p) = set.prefers {
        changes.push(Change::Set("prefers", p.as_str().into()));
    }
    if let Some(p) = &set.promised_by {
        let d = contact_date("--promised-by", p, said_on.unwrap_or(today), cal)?;
        changes.push(Change::Set("promised-by", d.to_string()));
        // A phrase is what they said, unless their words are given.
        if set.said.is_none() && p.parse::<Date>().is_err() {
            changes.push(Change::Set("said", p.trim().to_string()));
            changes.push(Change::Set("said-on", said_on.unwrap_or(today).to_string()));
        }
    }
    text("said", &set.said, &mut changes);
    if let Some(d) = said_on {
        changes.push(Change::Set("said-on", d.to_string()));
    }
    if let Some(f) = &set.followed_up {
        changes.push(Change::Set(
            "followed-up",
            parse_date("--followed-up", f, today)?.to_string(),
        ));
    }
    text("notes", &set.notes, &mut changes);
    // `also` is a list in the file.
    Ok(changes)
}

fn show_entry(e: &contacts::Entry) -> String {
    let c = &e.contact;
    let mut out = format!("{}\n", e.key);
    let mut line = |k: &str, v: Option<String>| {
        if let Some(v) = v {
            out.push_str(&format!("  {k}: {v}\n"));
        }
    };
    line("name", c.name.clone());
    line("also", (!c.also.is_empty()).then(|| c.also.join(", ")));
    line("role", c.role.clone());
    line("company", c.company.clone());
    line("kind", c.kind.map(|k| k.as_str().to_string()));
    line("prefers", c.prefers.map(|p| p.as_str().to_string()));
    line("promised-by", c.promised_by.map(short));
    line("said", c.said.as_ref().map(|s| format!("\"{s}\"")));
    line("said-on", c.said_on.map(short));
    line("followed-up", c.followed_up.map(short));
    line("notes", c.notes.clone());
    out
}

fn entry_json(e: &contacts::Entry) -> serde_json::Value {
    let c: &Contact = &e.contact;
    json!({
        "key": e.key,
        "name": c.name,
        "also": c.also,
        "role": c.role,
        "company": c.company,
        "kind": c.kind.map(|k| k.as_str()),
        "prefers": c.prefers.map(|p| p.as_str()),
        "promised_by": c.promised_by.map(|d| d.to_string()),
        "said": c.said,
        "said_on": c.said_on.map(|d| d.to_string()),
        "followed_up": c.followed_up.map(|d| d.to_string()),
        "notes": c.notes,
    })
}

/// A promise learned from a message, and whose it is.
struct Learned {
    key: String,
    name: Option<String>,
    promise: Promise,
}

fn learn(
    file: &Path,
    who: Option<&str>,
    cal: &Calendar,
    book: &Contacts,
    today: Date,
) -> Result<Learned, Error> {
    let draft = read_draft(file)?;
    let display = file.display().to_string();
    let reference = draft
        .front_matter
        .send_date
        .as_ref()
        .map_or(today, |f| f.value);
    let ctx = Context {
        calendar: cal.clone(),
        ..Context::default()
    };
    let mut found = timing::thread_promises(&draft, &ctx, reference);
    // A message received, not a reply: its own body is their words.
    let own = found.iter().all(|p| p.by.is_none()) && draft.people.from.is_some();
    if own {
        let from = draft.people.from.clone().unwrap_or_default();
        let message = thread::Message {
            from: from.name.clone(),
            address: from.address.clone(),
            date: draft.front_matter.send_date.as_ref().map(|f| f.value),
            date_text: None,
            text: draft.source[draft.body_start..].to_string(),
            start: draft.body_start,
            internal: false,
            to: Vec::new(),
        };
        let mut more = Vec::new();
        thread::promise::in_message(&message, cal, &mut more);
        if more.iter().any(|p| p.by.is_some()) {
            found = more;
        }
    }
    let best = found
        .into_iter()
        .filter(|p| p.by.is_some())
        .max_by_key(|p| p.by)
        .ok_or_else(|| Error::Input {
            path: display.clone(),
            message: "no dated promise found: nothing in it says when they would get back (give it with `tactful contact set WHO --promised-by DATE`)".into(),
        })?;
    let name = best.from.as_deref().and_then(thread::name_in);
    let key = match who {
        Some(w) => book
            .find(w)
            .map_or_else(|| w.to_string(), |e| e.key.clone()),
        None => {
            let known = book
                .find_person(name.as_deref(), best.address.as_deref())
                .map(|e| e.key.clone());
            match known.or_else(|| best.address.clone()) {
                Some(k) => k,
                None => draft
                    .people
                    .to
                    .first()
                    .and_then(|p| p.address.clone())
                    .or_else(|| name.clone())
                    .ok_or_else(|| Error::Input {
                        path: display.clone(),
                        message: format!(
                            "found \"{}\", but not who wrote it: give it with --as WHO",
                            best.quote()
                        ),
                    })?,
            }
        }
    };
    Ok(Learned {
        key,
        name,
        promise: best,
    })
}

/// After the guard has sent `message`: records today as the follow-up day of each recipient
/// the contacts file knows. Returns the keys recorded.
pub fn record_sent(
    message: &[u8],
    flag: Option<&Path>,
    config: &Config,
    day: Date,
) -> Result<Vec<String>, Error> {
    let Some((path, _)) = contacts::path_for(flag, config) else {
        return Ok(Vec::new());
    };
    if !path.is_file() {
        return Ok(Vec::new());
    }
    let display = path.display().to_string();
    let draft = Draft::from_mail("<message>", message);
    let mut text = read_text(&path)?;
    let book = Contacts::parse(&display, &text)?;
    let mut keys: Vec<String> = Vec::new();
    for p in &draft.people.to {
        if let Some(e) = book.find_person(p.name.as_deref(), p.address.as_deref()) {
            if !keys.contains(&e.key) {
                keys.push(e.key.clone());
            }
        }
    }
    for k in &keys {
        text = contacts::edit(
            &display,
            &text,
            k,
            &[Change::Set("followed-up", day.to_string())],
        )?;
    }
    if !keys.is_empty() {
        write_file(&path, &text)?;
    }
    Ok(keys)
}
