//! `tactful lsp`: a Language Server Protocol server on standard input and output. Each open
//! document is linted through the same pipeline as `check` and `guard` ([`Session::lint`])
//! on open, on every change and on save, and its findings are published as diagnostics.
//! Code actions silence a rule on a line, replace a blaming sentence with a neutral
//! check-in, or add a pleasantry; hovering a finding shows its rule's explanation.
//!
//! Messages are framed and read here rather than by `lsp-server`'s reader, which ends the
//! connection at the first malformed message: a message that is not JSON, has no or a
//! too large `Content-Length`, or is not a request, response or notification is reported
//! in the client's log (`window/logMessage`) and the server goes on.

// The server's log is its standard error, which editors keep in their LSP log.
#![allow(clippy::print_stderr)]

mod document;
mod transport;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types as lsp;
use lsp_types::Url;
use serde_json::{json, Value};

use crate::cli::{ColorChoice, LintArgs, RuleArgs};
use crate::config::Config;
use crate::error::Error;
use crate::finding::{Category, Finding, Severity};
use crate::input::Format;
use crate::pipeline::Session;

use document::{Document, Encoding};

/// Runs the server until the client says `exit` or closes the connection. The exit code
/// is 0 after an orderly `shutdown`, 1 otherwise (as LSP asks).
pub fn run() -> u8 {
    let (rx, writer) = transport::stdio();
    let mut server = Server::new(writer);
    while let Ok(first) = rx.recv() {
        // Many changes in a row are linted once, when no more are waiting.
        let mut next = Some(first);
        while let Some(incoming) = next.take() {
            if server.receive(incoming) {
                return server.exit_code();
            }
            next = rx.try_recv().ok();
        }
        server.publish_dirty();
    }
    server.exit_code()
}

/// What a code action request is read for.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct CodeActionAt {
    text_document: lsp::TextDocumentIdentifier,
    range: lsp::Range,
}

/// What the client may set in `initializationOptions`.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct Options {
    /// Rule id, pack or category to severity (`error`, `warning`, `note`, `off`).
    severity: HashMap<String, String>,
    /// Rule ids, packs or categories not to report.
    disable: Vec<String>,
}

struct Server {
    out: transport::Writer,
    encoding: Encoding,
    root: Option<PathBuf>,
    options: Options,
    session: Option<Session>,
    /// The config file the session was built from, and when it was last changed.
    config_seen: Option<(PathBuf, Option<SystemTime>)>,
    /// The contacts file the session read, and when it was last changed.
    contacts_seen: Option<(PathBuf, Option<SystemTime>)>,
    /// Why the config or packs could not be loaded, shown on the config file.
    config_error: Option<(Url, lsp::Diagnostic)>,
    config_unpublished: bool,
    docs: HashMap<Url, Document>,
    initialized: bool,
    shut_down: bool,
}

impl Server {
    fn new(out: transport::Writer) -> Server {
        Server {
            out,
            encoding: Encoding::Utf16,
            root: None,
            options: Options::default(),
            session: None,
            config_seen: None,
            contacts_seen: None,
            config_error: None,
            config_unpublished: false,
            docs: HashMap::new(),
            initialized: false,
            shut_down: false,
        }
    }

    fn send(&mut self, m: Message) {
        self.out.send(m);
    }

    fn exit_code(&self) -> u8 {
        u8::from(!self.shut_down)
    }

    /// Handles what the reader read; true when the server should stop.
    fn receive(&mut self, incoming: transport::Incoming) -> bool {
        match incoming {
            transport::Incoming::Message(m) => self.handle(m),
            transport::Incoming::Malformed(why) => {
                // A message without a readable id cannot be answered; the client is told.
                eprintln!("tactful lsp: {why}");
                let params = lsp::LogMessageParams {
                    typ: lsp::MessageType::ERROR,
                    message: format!("tactful: skipped a message: {why}"),
                };
                self.send(Message::Notification(Notification::new(
                    "window/logMessage".into(),
                    params,
                )));
                false
            }
        }
    }

    /// Handles one message; true when the server should stop.
    fn handle(&mut self, m: Message) -> bool {
        match m {
            Message::Request(r) => self.request(r),
            Message::Notification(n) => return self.notification(n),
            Message::Response(_) => {}
        }
        false
    }

    fn request(&mut self, r: Request) {
        let id = r.id.clone();
        if !self.initialized && r.method != "initialize" {
            return self.error(id, ErrorCode::ServerNotInitialized, "not initialized");
        }
        if self.shut_down {
            return self.error(id, ErrorCode::InvalidRequest, "the server is shut down");
        }
        let result = match r.method.as_str() {
            "initialize" => self.initialize(r.params),
            "shutdown" => {
                self.shut_down = true;
                Ok(Value::Null)
            }
            // Only the document and the range are read: the context's diagnostics are the
            // server's own, recomputed, and some clients send them incomplete.
            "textDocument/codeAction" => parse::<CodeActionAt>(r.params)
                .map(|p| self.code_actions(p.text_document.uri, p.range)),
            "textDocument/hover" => parse(r.params).map(|p| self.hover(p)),
            _ => Err((
                ErrorCode::MethodNotFound,
                format!("tactful does not handle `{}`", r.method),
            )),
        };
        match result {
            Ok(v) => self.send(Message::Response(Response::new_ok(id, v))),
            Err((code, message)) => self.error(id, code, &message),
        }
    }

    fn error(&mut self, id: RequestId, code: ErrorCode, message: &str) {
        self.send(Message::Response(Response::new_err(
            id,
            code as i32,
            message.to_string(),
        )));
    }

    /// Handles a notification; true on `exit`.
    fn notification(&mut self, n: Notification) -> bool {
        if n.method == "exit" {
            return true;
        }
        if !self.initialized {
            return false;
        }
        let method = n.method.clone();
        let outcome = match method.as_str() {
            "textDocument/didOpen" => parse(n.params).map(|p: lsp::DidOpenTextDocumentParams| {
                let d = p.text_document;
                self.docs.insert(
                    d.uri.clone(),
                    Document::new(d.text, d.version, &d.language_id),
                );
                self.watch(&d.uri);
            }),
            "textDocument/didChange" => {
                parse(n.params).map(|p: lsp::DidChangeTextDocumentParams| {
                    let enc = self.encoding;
                    if let Some(doc) = self.docs.get_mut(&p.text_document.uri) {
                        for c in p.content_changes {
                            doc.apply(c.range, &c.text, enc);
                        }
                        doc.version = p.text_document.version;
                        doc.dirty = true;
                    }
                    self.watch(&p.text_document.uri);
                })
            }
            "textDocument/didSave" => parse(n.params).map(|p: lsp::DidSaveTextDocumentParams| {
                if let Some(doc) = self.docs.get_mut(&p.text_document.uri) {
                    if let Some(text) = p.text {
                        doc.text = text;
                    }
                    doc.dirty = true;
                }
                self.watch(&p.text_document.uri);
            }),
            "textDocument/didClose" => parse(n.params).map(|p: lsp::DidCloseTextDocumentParams| {
                self.docs.remove(&p.text_document.uri);
                self.publish(p.text_document.uri, Vec::new(), None);
            }),
            "workspace/didChangeWatchedFiles" | "workspace/didChangeConfiguration" => {
                self.reload();
                Ok(())
            }
            _ => Ok(()),
        };
        if let Err((_, why)) = outcome {
            eprintln!("tactful lsp: {method}: {why}");
        }
        false
    }

    fn initialize(&mut self, params: Value) -> Result<Value, (ErrorCode, String)> {
        if self.initialized {
            return Err((ErrorCode::InvalidRequest, "initialized already".into()));
        }
        let p: lsp::InitializeParams = parse(params)?;
        let offered = p
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.clone())
            .unwrap_or_default();
        if offered.contains(&lsp::PositionEncodingKind::UTF8) {
            self.encoding = Encoding::Utf8;
        }
        #[allow(deprecated)]
        let root = p
            .workspace_folders
            .as_ref()
            .and_then(|f| f.first())
            .map(|f| f.uri.clone())
            .or(p.root_uri.clone())
            .and_then(|u| u.to_file_path().ok());
        self.root = root;
        if let Some(o) = p.initialization_options {
            match serde_json::from_value(o) {
                Ok(o) => self.options = o,
                Err(e) => eprintln!("tactful lsp: initializationOptions: {e}"),
            }
        }
        self.initialized = true;
        self.reload();
        let caps = lsp::ServerCapabilities {
            position_encoding: Some(match self.encoding {
                Encoding::Utf8 => lsp::PositionEncodingKind::UTF8,
                Encoding::Utf16 => lsp::PositionEncodingKind::UTF16,
            }),
            text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(
                lsp::TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(lsp::TextDocumentSyncKind::INCREMENTAL),
                    save: Some(lsp::TextDocumentSyncSaveOptions::SaveOptions(
                        lsp::SaveOptions {
                            include_text: Some(true),
                        },
                    )),
                    ..Default::default()
                },
            )),
            code_action_provider: Some(lsp::CodeActionProviderCapability::Simple(true)),
            hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
            ..Default::default()
        };
        Ok(json!({
            "capabilities": caps,
            "serverInfo": { "name": "tactful", "version": env!("CARGO_PKG_VERSION") },
        }))
    }

    /// A document that is a config or pack file changed: read the rules again.
    fn watch(&mut self, uri: &Url) {
        let is_config = uri
            .to_file_path()
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .is_some_and(|n| n.ends_with(".yaml") || n.ends_with(".yml"));
        if is_config || self.config_changed() || self.contacts_changed() {
            self.reload();
        }
    }

    /// Whether the contacts file the session read changed on disk, appeared or went
    /// (`tactful contact set` in a terminal, say).
    fn contacts_changed(&self) -> bool {
        let now = self.session.as_ref().and_then(contacts_file);
        changed(self.contacts_seen.as_ref(), now)
    }

    /// Whether the config file the session was built from changed on disk (or appeared).
    fn config_changed(&self) -> bool {
        let now = self.root.as_deref().and_then(Config::discover);
        changed(self.config_seen.as_ref(), now)
    }

    /// Builds the session again from the workspace's config and packs; a broken config is
    /// shown as a diagnostic on it, and the last good session is kept.
    fn reload(&mut self) {
        let config = self.root.as_deref().and_then(Config::discover);
        self.config_seen = config.clone().map(stamped);
        let cleared = self.config_error.take();
        match session(config.clone(), false) {
            Ok(s) => {
                self.contacts_seen = contacts_file(&s).map(stamped);
                self.session = Some(s);
                if let Some((uri, _)) = cleared {
                    self.publish(uri, Vec::new(), None);
                }
            }
            Err(e) => {
                let (uri, diag) = config_diagnostic(&e, config.as_deref());
                if let Some(uri) = uri {
                    // Published with the documents', after any response being written.
                    self.config_error = Some((uri, diag));
                    self.config_unpublished = true;
                } else {
                    eprintln!("tactful lsp: {e}");
                }
                if self.session.is_none() {
                    // Without a usable config, the built-in rules alone.
                    self.session = session(None, true).ok();
                }
            }
        }
        for d in self.docs.values_mut() {
            d.dirty = true;
        }
    }

    /// Lints and publishes every document changed since it was last published.
    fn publish_dirty(&mut self) {
        if self.config_unpublished {
            self.config_unpublished = false;
            if let Some((uri, diag)) = self.config_error.clone() {
                self.publish(uri, vec![diag], None);
            }
        }
        let dirty: Vec<Url> = self
            .docs
            .iter()
            .filter(|(_, d)| d.dirty)
            .map(|(u, _)| u.clone())
            .collect();
        for uri in dirty {
            let diags = self.diagnostics(&uri);
            let doc = self.docs.get_mut(&uri).expect("a document listed above");
            doc.dirty = false;
            let version = doc.version;
            self.publish(uri, diags, Some(version));
        }
    }

    fn publish(&mut self, uri: Url, diagnostics: Vec<lsp::Diagnostic>, version: Option<i32>) {
        let params = lsp::PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        self.send(Message::Notification(Notification::new(
            "textDocument/publishDiagnostics".into(),
            params,
        )));
    }

    /// The findings of the document at `uri`, after the client's options.
    fn findings(&self, uri: &Url) -> Vec<Finding> {
        let (Some(doc), Some(session)) = (self.docs.get(uri), &self.session) else {
            return Vec::new();
        };
        let name = name(uri);
        let format = doc.format(&name);
        match session.lint(&name, doc.text.as_bytes().to_vec(), format) {
            Ok(linted) => linted
                .report
                .findings
                .into_iter()
                .filter_map(|f| self.options.apply(f))
                .collect(),
            Err(e) => {
                eprintln!("tactful lsp: {name}: {e}");
                Vec::new()
            }
        }
    }

    fn diagnostics(&self, uri: &Url) -> Vec<lsp::Diagnostic> {
        let Some(doc) = self.docs.get(uri) else {
            return Vec::new();
        };
        self.findings(uri)
            .iter()
            .map(|f| diagnostic(f, doc, self.encoding, uri))
            .collect()
    }

    fn code_actions(&self, uri: Url, range: lsp::Range) -> Value {
        let Some(doc) = self.docs.get(&uri) else {
            return json!([]);
        };
        let wanted = doc.offset(range.start, self.encoding)..doc.offset(range.end, self.encoding);
        let mail = doc.format(&name(&uri)) == Format::Mail;
        let mut actions = Vec::new();
        for f in self.findings(&uri) {
            let touches = f.span.start <= wanted.end && wanted.start <= f.span.end;
            if !touches {
                continue;
            }
            let diag = diagnostic(&f, doc, self.encoding, &uri);
            let edit = |range: std::ops::Range<usize>, text: String| {
                let mut changes = HashMap::new();
                changes.insert(
                    uri.clone(),
                    vec![lsp::TextEdit {
                        range: doc.range(range, self.encoding),
                        new_text: text,
                    }],
                );
                lsp::WorkspaceEdit {
                    changes: Some(changes),
                    ..Default::default()
                }
            };
            let action = |title: String, e: lsp::WorkspaceEdit, preferred: bool| {
                lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                    title,
                    kind: Some(lsp::CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diag.clone()]),
                    edit: Some(e),
                    is_preferred: Some(preferred),
                    ..Default::default()
                })
            };
            if f.category == Category::Blame {
                let sentence = document::sentence_around(&doc.text, f.span.clone());
                // The rule's own suggestion first, filled in for this draft, where its help
                // quotes one; the neutral check-in always.
                let own = f.help.as_deref().and_then(suggestion);
                if let Some(own) = &own {
                    actions.push(action(
                        format!("Rewrite as: \"{own}\""),
                        edit(sentence.clone(), own.clone()),
                        true,
                    ));
                }
                actions.push(action(
                    format!("Replace with a neutral check-in: \"{CHECK_IN}\""),
                    edit(sentence.clone(), CHECK_IN.into()),
                    own.is_none(),
                ));
                // Words that are only part of their sentence ("Per my last email, I'm
                // available") can go alone, with the comma or blanks after them.
                let words = document::with_trailing_separator(&doc.text, f.span.clone());
                if words.start > sentence.start || words.end < sentence.end {
                    actions.push(action(
                        format!("Remove \"{}\"", &doc.text[f.span.clone()]),
                        edit(words, String::new()),
                        false,
                    ));
                }
                actions.push(action(
                    "Remove this sentence".into(),
                    edit(
                        document::with_trailing_space(&doc.text, sentence),
                        String::new(),
                    ),
                    false,
                ));
            }
            if f.rule.as_ref() == "opening/missing-pleasantry" {
                let at = f.span.start;
                actions.push(action(
                    format!("Open with a pleasantry: \"{PLEASANTRY}\""),
                    edit(at..at, format!("{PLEASANTRY} ")),
                    true,
                ));
            }
            if !mail {
                let line = doc.line_start(f.span.start);
                actions.push(action(
                    format!("Silence {} on this line", f.rule),
                    edit(
                        line..line,
                        format!("<!-- tactful-disable-next-line {} -->\n", f.rule),
                    ),
                    false,
                ));
            }
        }
        serde_json::to_value(actions).unwrap_or(Value::Null)
    }

    fn hover(&self, p: lsp::HoverParams) -> Value {
        let uri = p.text_document_position_params.text_document.uri;
        let Some(doc) = self.docs.get(&uri) else {
            return Value::Null;
        };
        let at = doc.offset(p.text_document_position_params.position, self.encoding);
        let Some(session) = &self.session else {
            return Value::Null;
        };
        let findings = self.findings(&uri);
        let Some(f) = findings
            .iter()
            .find(|f| f.span.start <= at && at <= f.span.end)
        else {
            return Value::Null;
        };
        let Some(rule) = session.rules.get(&f.rule) else {
            return Value::Null;
        };
        let text = crate::rules::explain::explanation(rule, false);
        serde_json::to_value(lsp::Hover {
            contents: lsp::HoverContents::Markup(lsp::MarkupContent {
                kind: lsp::MarkupKind::Markdown,
                value: format!("**{}**: {}\n\n```text\n{text}```", f.rule, f.message),
            }),
            range: Some(doc.range(f.span.clone(), self.encoding)),
        })
        .unwrap_or(Value::Null)
    }
}

/// What a blaming sentence is replaced with: a check-in that points at no one.
const CHECK_IN: &str =
    "I wanted to check in on where things stand, and whether there is anything else I can send.";
/// The pleasantry a draft without one is offered.
const PLEASANTRY: &str = "I hope your week is going well.";

/// The sentence a rule's help quotes as what to write instead ("Is there anything else I
/// can share?"), closed with a full stop if it has none; none when the help quotes no
/// sentence of four words or more.
fn suggestion(help: &str) -> Option<String> {
    let open = help.find(['"', '\u{201C}'])?;
    let quote = help[open..].chars().next()?;
    let rest = &help[open + quote.len_utf8()..];
    let close = rest.find(['"', '\u{201D}'])?;
    let quoted = rest[..close].trim();
    if quoted.split_whitespace().count() < 4 {
        return None;
    }
    let mut s = quoted.to_string();
    if !s.ends_with(['.', '?', '!']) {
        s.push('.');
    }
    Some(s)
}

impl Options {
    /// The finding as the client wants it: its severity changed, or none when turned off.
    fn apply(&self, mut f: Finding) -> Option<Finding> {
        let pack = f.rule.split('/').next().unwrap_or("");
        let names = |n: &str| n == f.rule.as_ref() || n == f.category.as_str() || n == pack;
        if self.disable.iter().any(|d| names(d)) {
            return None;
        }
        // A rule's own setting wins over its pack's and its category's.
        let chosen = self
            .severity
            .get(f.rule.as_ref())
            .or_else(|| self.severity.get(pack))
            .or_else(|| self.severity.get(f.category.as_str()));
        match chosen.map(String::as_str) {
            Some("off") => None,
            Some("error") => {
                f.severity = Severity::Error;
                Some(f)
            }
            Some("warning") => {
                f.severity = Severity::Warning;
                Some(f)
            }
            Some("note") => {
                f.severity = Severity::Note;
                Some(f)
            }
            _ => Some(f),
        }
    }
}

fn diagnostic(f: &Finding, doc: &Document, enc: Encoding, uri: &Url) -> lsp::Diagnostic {
    let range = doc.range(f.span.clone(), enc);
    let mut message = f.message.to_string();
    if let Some(h) = &f.help {
        message.push_str("\nhelp: ");
        message.push_str(h);
    }
    let related = f.note.as_ref().map(|n| {
        vec![lsp::DiagnosticRelatedInformation {
            location: lsp::Location {
                uri: uri.clone(),
                range,
            },
            message: n.clone(),
        }]
    });
    lsp::Diagnostic {
        range,
        severity: Some(match f.severity {
            Severity::Error => lsp::DiagnosticSeverity::ERROR,
            Severity::Warning => lsp::DiagnosticSeverity::WARNING,
            Severity::Note => lsp::DiagnosticSeverity::INFORMATION,
        }),
        code: Some(lsp::NumberOrString::String(f.rule.to_string())),
        source: Some("tactful".into()),
        message,
        related_information: related,
        ..Default::default()
    }
}

/// A config or pack error as a diagnostic on the file it is in (the config file when the
/// error names none).
fn config_diagnostic(e: &Error, config: Option<&Path>) -> (Option<Url>, lsp::Diagnostic) {
    let (path, range, message) = match e {
        Error::Source(s) => {
            let doc = Document::new(s.text.to_string(), 0, "yaml");
            let range = doc.range(s.span.clone(), Encoding::Utf16);
            let mut message = s.message.clone();
            for n in &s.notes {
                message.push_str("\nnote: ");
                message.push_str(n);
            }
            (Some(PathBuf::from(&s.path)), range, message)
        }
        other => (
            config.map(Path::to_path_buf),
            lsp::Range::default(),
            other.to_string(),
        ),
    };
    let uri = path.and_then(|p| {
        let p = if p.is_absolute() {
            p
        } else {
            std::env::current_dir().ok()?.join(p)
        };
        Url::from_file_path(p).ok()
    });
    let diag = lsp::Diagnostic {
        range,
        severity: Some(lsp::DiagnosticSeverity::ERROR),
        source: Some("tactful".into()),
        message,
        ..Default::default()
    };
    (uri, diag)
}

/// A session for the workspace: its config (or, with `no_config`, none at all) and today as
/// the send date of a draft that gives none.
fn session(config: Option<PathBuf>, no_config: bool) -> Result<Session, Error> {
    let mut s = Session::new(
        &lint_args(config, no_config),
        false,
        false,
        crate::pipeline::Examples::With,
    )?;
    s.ctx.fallback_send_date = Some(crate::calendar::today());
    Ok(s)
}

/// The name a document is linted under: its path, else its URI.
fn name(uri: &Url) -> String {
    uri.to_file_path()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| uri.to_string())
}

fn lint_args(config: Option<PathBuf>, no_config: bool) -> LintArgs {
    LintArgs {
        format: crate::render::Format::Human,
        send_date: None,
        promised_by: None,
        holidays: None,
        contacts: None,
        rule_args: RuleArgs {
            rules: Vec::new(),
            no_default_rules: false,
            config,
            no_config,
        },
        deny: None,
        color: ColorChoice::Never,
        quiet: true,
    }
}

fn modified(p: &Path) -> Option<SystemTime> {
    std::fs::metadata(p).and_then(|m| m.modified()).ok()
}

/// A file, with when it was last changed.
fn stamped(p: PathBuf) -> (PathBuf, Option<SystemTime>) {
    let seen = modified(&p);
    (p, seen)
}

/// Whether the file found `now` is another than the one `seen`, or the same one changed
/// since, or one of them is missing.
fn changed(seen: Option<&(PathBuf, Option<SystemTime>)>, now: Option<PathBuf>) -> bool {
    match (seen, now) {
        (Some((path, seen)), Some(now)) => path != &now || modified(&now) != *seen,
        (None, Some(_)) | (Some(_), None) => true,
        (None, None) => false,
    }
}

/// The contacts file a session reads, when there is one.
fn contacts_file(s: &Session) -> Option<PathBuf> {
    crate::contacts::path_for(None, &s.config)
        .map(|(p, _)| p)
        .filter(|p| p.is_file())
}

fn parse<T: serde::de::DeserializeOwned>(v: Value) -> Result<T, (ErrorCode, String)> {
    serde_json::from_value(v).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::suggestion;

    #[test]
    fn a_rule_help_gives_its_quoted_rewrite() {
        assert_eq!(
            suggestion("Drop it. Then ask (\"I wanted to check in on the role; I remain keen\").")
                .as_deref(),
            Some("I wanted to check in on the role; I remain keen.")
        );
        assert_eq!(
            suggestion("Ask instead: \u{201C}Is there anything else I can share?\u{201D}")
                .as_deref(),
            Some("Is there anything else I can share?")
        );
        assert_eq!(suggestion("Say \"thanks\" first."), None);
        assert_eq!(suggestion("No quote here."), None);
    }
}
