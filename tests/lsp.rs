//! `tactful lsp` over its real standard input and output: the handshake, diagnostics on
//! open and change, code actions, hover, position encodings, a broken config, malformed
//! messages, and an orderly exit.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::{json, Value};

struct Client {
    child: Child,
    stdin: ChildStdin,
    rx: mpsc::Receiver<Value>,
    /// Messages read while waiting for another, in order.
    held: Vec<Value>,
    next_id: i64,
    /// How long to wait for a message.
    patience: Duration,
}

impl Client {
    fn start(root: &std::path::Path, options: Value, utf8: bool) -> (Client, Value) {
        let mut child = Command::new(env!("CARGO_BIN_EXE_tactful"))
            .arg("lsp")
            .current_dir(root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("tactful lsp starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut len = 0;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        len = v.parse().unwrap();
                    }
                }
                let mut body = vec![0; len];
                r.read_exact(&mut body).unwrap();
                if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        let mut c = Client {
            child,
            stdin,
            rx,
            held: Vec::new(),
            next_id: 1,
            patience: Duration::from_secs(10),
        };
        let encodings = if utf8 {
            json!(["utf-8", "utf-16"])
        } else {
            json!(["utf-16"])
        };
        let root_uri = url(root);
        let init = c.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": root_uri,
                "capabilities": { "general": { "positionEncodings": encodings } },
                "initializationOptions": options,
            }),
        );
        c.notify("initialized", json!({}));
        (c, init)
    }

    fn send_raw(&mut self, body: &str) {
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        let m = json!({"jsonrpc": "2.0", "method": method, "params": params});
        self.send_raw(&m.to_string());
    }

    /// Sends a request and waits for its response (the whole response, result or error).
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        let m = json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params});
        self.send_raw(&m.to_string());
        self.wait(|m| m["id"] == id)
    }

    fn wait(&mut self, want: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.held.iter().position(&want) {
            return self.held.remove(i);
        }
        loop {
            let m = self
                .rx
                .recv_timeout(self.patience)
                .expect("the server answers");
            if want(&m) {
                return m;
            }
            self.held.push(m);
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let m = self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        });
        m["params"]["diagnostics"].as_array().unwrap().clone()
    }

    fn exit(mut self) -> i32 {
        let r = self.request("shutdown", Value::Null);
        assert!(r["error"].is_null(), "{r}");
        self.notify("exit", Value::Null);
        self.child.wait().unwrap().code().unwrap()
    }
}

fn url(p: &std::path::Path) -> String {
    format!("file://{}", p.display())
}

const DRAFT: &str = "Hi Jane,\n\nI hope you had a restful weekend. I didn't hear back from you about the analyst role. I remain very interested.\n\nBest,\nSam\n";

#[test]
fn a_draft_gets_diagnostics_fixes_and_explanations() {
    let dir = tempfile::tempdir().unwrap();
    let (mut c, init) = Client::start(dir.path(), json!({}), false);
    let caps = &init["result"]["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16", "{init}");
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental");

    let uri = url(&dir.path().join("draft.md"));
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": DRAFT}}),
    );
    let diags = c.diagnostics(&uri);
    let blame: Vec<&Value> = diags
        .iter()
        .filter(|d| d["code"].as_str().unwrap_or("").starts_with("blame/"))
        .collect();
    assert_eq!(blame.len(), 1, "{diags:#?}");
    let d = blame[0];
    assert_eq!(d["source"], "tactful");
    assert_eq!(d["severity"], 1, "an error");
    // The range is on the words: line 2, where "didn't hear back" is.
    let line = DRAFT.lines().nth(2).unwrap();
    let col = line.find("I didn't hear back").unwrap() as u64;
    assert_eq!(d["range"]["start"]["line"], 2);
    let start = d["range"]["start"]["character"].as_u64().unwrap();
    assert!(
        (col..col + 20).contains(&start),
        "starts at {start}, words at {col}: {d}"
    );

    // The quick fixes for it.
    // The context's diagnostics are not needed, and an incomplete one is no error.
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [{}]}}),
    );
    let titles: Vec<&str> = actions["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert!(
        titles.iter().any(|t| t.starts_with("Silence blame/")),
        "{titles:?}"
    );
    assert!(titles.contains(&"Remove this sentence"), "{titles:?}");
    // The rule's own suggestion, filled in for this draft ("the analyst role").
    assert!(
        titles
            .iter()
            .any(|t| t.starts_with("Rewrite as: \"") && t.contains("analyst")),
        "{titles:?}"
    );
    // The words alone can go too, when they are only part of their sentence.
    assert!(
        titles.iter().any(|t| t.starts_with("Remove \"")),
        "{titles:?}"
    );
    assert!(
        titles
            .iter()
            .any(|t| t.starts_with("Replace with a neutral check-in")),
        "{titles:?}"
    );
    let silence = actions["result"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with("Silence"))
        .unwrap();
    let edit = &silence["edit"]["changes"][&uri][0];
    assert_eq!(edit["range"]["start"]["line"], 2);
    assert_eq!(edit["range"]["start"]["character"], 0);
    assert!(edit["newText"]
        .as_str()
        .unwrap()
        .starts_with("<!-- tactful-disable-next-line blame/"));

    // Hover on the words shows the rule's explanation.
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": d["range"]["start"]}),
    );
    let text = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(text.contains("Why:"), "{text}");

    // Editing the sentence away clears the diagnostic (an incremental change).
    let end = line.find(" I remain").unwrap() as u64;
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 2, "character": col}, "end": {"line": 2, "character": end}},
             "text": "I wanted to ask about the timeline for the analyst role."}
        ]}),
    );
    let diags = c.diagnostics(&uri);
    assert!(
        !diags
            .iter()
            .any(|d| d["code"].as_str().unwrap_or("").starts_with("blame/")),
        "{diags:#?}"
    );

    // An unknown request is answered with an error, and the server goes on.
    let r = c.request("tactful/unknown", json!({}));
    assert_eq!(r["error"]["code"], -32601, "{r}");
    // So it does after a message that is not JSON.
    c.send_raw("{this is not json");
    let log = c.wait(|m| m["method"] == "window/logMessage");
    assert!(log["params"]["message"]
        .as_str()
        .unwrap()
        .contains("skipped"));
    let r = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}),
    );
    assert!(r["error"].is_null(), "{r}");

    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    assert!(c.diagnostics(&uri).is_empty());
    assert_eq!(c.exit(), 0);
}

#[test]
fn positions_are_in_the_encoding_agreed_and_options_apply() {
    let dir = tempfile::tempdir().unwrap();
    let options = json!({"severity": {"blame": "warning"}, "disable": ["opening", "interest"]});
    let (mut c, init) = Client::start(dir.path(), options, true);
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], "utf-8");
    let uri = url(&dir.path().join("draft.txt"));
    // "é" and "😀" are 2 and 4 bytes, 1 and 2 UTF-16 units.
    let text = "Hi Zoé 😀,\n\nI still haven't heard back about the role.\n";
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}),
    );
    let diags = c.diagnostics(&uri);
    assert!(
        diags.iter().all(|d| {
            let code = d["code"].as_str().unwrap_or("");
            !code.starts_with("opening/") && !code.starts_with("interest/")
        }),
        "{diags:#?}"
    );
    let blame = diags
        .iter()
        .find(|d| d["code"].as_str().unwrap_or("").starts_with("blame/"))
        .expect("a blame finding");
    assert_eq!(blame["severity"], 2, "turned into a warning: {blame}");
    assert_eq!(blame["range"]["start"]["line"], 2);
    // An edit on the first line counted in bytes: "Zoé 😀" is replaced by "Ann".
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 0, "character": 3}, "end": {"line": 0, "character": 11}}, "text": "Ann"}
        ]}),
    );
    c.diagnostics(&uri);
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": blame["range"]["start"]}),
    );
    assert!(hover["result"]["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("blame/"));
    assert_eq!(c.exit(), 0);
}

#[test]
fn a_broken_config_is_a_diagnostic_on_it() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("tactful.yaml");
    std::fs::write(&config, "rules:\n  blame/didnt-hear: [not, a, severity]\n").unwrap();
    let (mut c, _) = Client::start(dir.path(), json!({}), false);
    let diags = c.diagnostics(&url(&config));
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0]["severity"], 1);
    assert_eq!(diags[0]["range"]["start"]["line"], 1, "{diags:#?}");
    // Drafts are still linted, with the built-in rules.
    let uri = url(&dir.path().join("d.txt"));
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": DRAFT}}),
    );
    assert!(!c.diagnostics(&uri).is_empty());
    // Fixed and saved: the config's diagnostic is cleared.
    std::fs::write(&config, "rules:\n  blame/didnt-hear: warning\n").unwrap();
    c.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": url(&config)}}),
    );
    assert!(c.diagnostics(&url(&config)).is_empty());
    assert_eq!(c.exit(), 0);
}

#[test]
fn a_contacts_file_changed_on_disk_is_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let contacts = dir.path().join("tactful-contacts.yaml");
    std::fs::write(&contacts, "jane@acme.com:\n  prefers: phone\n").unwrap();
    let (mut c, _) = Client::start(dir.path(), json!({}), false);
    let uri = url(&dir.path().join("reply.eml"));
    let mail = "From: sam@example.com\nTo: Jane <jane@acme.com>\nSubject: Analyst role\n\nHi Jane,\n\nI hope you had a restful weekend. I remain very interested in the analyst role.\n\nBest,\nSam\n";
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "mail", "version": 1, "text": mail}}),
    );
    let channel = |d: &[Value]| d.iter().any(|d| d["code"] == "channel/prefers-other");
    let diags = c.diagnostics(&uri);
    assert!(channel(&diags), "{diags:#?}");
    // `tactful contact set jane@acme.com --prefers email` in a terminal; no editor event.
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(&contacts, "jane@acme.com:\n  prefers: email\n").unwrap();
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": format!("{mail}\n")}]}),
    );
    let diags = c.diagnostics(&uri);
    assert!(!channel(&diags), "{diags:#?}");
    assert_eq!(c.exit(), 0);
}

#[test]
fn exit_without_shutdown_is_an_error_and_end_of_input_ends_the_server() {
    let dir = tempfile::tempdir().unwrap();
    let (mut c, _) = Client::start(dir.path(), json!({}), false);
    c.notify("exit", Value::Null);
    assert_eq!(c.child.wait().unwrap().code(), Some(1));
    let (c, _) = Client::start(dir.path(), json!({}), false);
    let Client {
        mut child, stdin, ..
    } = c;
    drop(stdin);
    assert_eq!(child.wait().unwrap().code(), Some(1));
}

#[test]
fn a_five_megabyte_document_is_linted_and_edited() {
    let dir = tempfile::tempdir().unwrap();
    let (mut c, _) = Client::start(dir.path(), json!({}), false);
    // An unoptimized build takes many times longer than a release one.
    c.patience = Duration::from_secs(300);
    let uri = url(&dir.path().join("big.txt"));
    let mut text = String::from("Hi Jane,\n\nI didn't hear back from you.\n\n");
    while text.len() < 5 << 20 {
        text.push_str("The quarterly figures are attached, and the review is on Thursday.\n");
    }
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}),
    );
    let diags = c.diagnostics(&uri);
    assert!(
        diags
            .iter()
            .any(|d| d["code"].as_str().unwrap_or("").starts_with("blame/")),
        "{diags:#?}"
    );
    // An edit at its very end.
    let last = text.lines().count() as u64 - 1;
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": last, "character": 0}, "end": {"line": last, "character": 3}}, "text": "A"}
        ]}),
    );
    c.diagnostics(&uri);
    assert_eq!(c.exit(), 0);
}
