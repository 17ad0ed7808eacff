//! The base protocol on standard input and output: `Content-Length` framed JSON-RPC
//! messages. A reader thread frames and parses each message; one it cannot read is reported
//! as [`Incoming::Malformed`] and the next one is read. Writing goes through `lsp-server`'s
//! message types.

use std::io::{BufRead, Read, Write};
use std::sync::mpsc;

use lsp_server::Message;

/// A message body larger than this is refused (and skipped), not read into memory.
const MAX_BODY: usize = 64 << 20;

pub enum Incoming {
    Message(Message),
    Malformed(String),
}

pub struct Writer {
    out: std::io::Stdout,
}

impl Writer {
    pub fn send(&mut self, m: Message) {
        let mut out = self.out.lock();
        // A client that went away is noticed by the reader, at end of input.
        let _ = m.write(&mut out);
        let _ = out.flush();
    }
}

/// Starts the reader thread; its channel closes at the end of input.
pub fn stdio() -> (mpsc::Receiver<Incoming>, Writer) {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let stdin = std::io::stdin();
        let mut input = stdin.lock();
        loop {
            match read(&mut input) {
                Ok(Some(m)) => {
                    if tx.send(m).is_err() {
                        break;
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    let _ = tx.send(Incoming::Malformed(e));
                    break;
                }
            }
        }
    });
    (
        rx,
        Writer {
            out: std::io::stdout(),
        },
    )
}

/// Reads one framed message: `Ok(None)` at the end of input, `Err` when the input itself
/// fails (the stream cannot be read on from there).
pub fn read(input: &mut impl BufRead) -> Result<Option<Incoming>, String> {
    let mut length: Option<usize> = None;
    let mut bad_header = None;
    let mut line = String::new();
    let mut any = false;
    loop {
        line.clear();
        let n = input
            .read_line(&mut line)
            .map_err(|e| format!("cannot read input: {e}"))?;
        if n == 0 {
            return if any {
                Ok(Some(Incoming::Malformed(
                    "input ended inside a header".into(),
                )))
            } else {
                Ok(None)
            };
        }
        any = true;
        let l = line.trim_end_matches(['\r', '\n']);
        if l.is_empty() {
            break;
        }
        match l.split_once(':') {
            Some((k, v)) if k.trim().eq_ignore_ascii_case("content-length") => {
                match v.trim().parse() {
                    Ok(n) => length = Some(n),
                    Err(_) => bad_header = Some(format!("bad Content-Length: {:?}", v.trim())),
                }
            }
            Some(_) => {}
            None => bad_header = Some(format!("not a header: {l:?}")),
        }
    }
    let Some(length) = length else {
        return Ok(Some(Incoming::Malformed(
            bad_header.unwrap_or_else(|| "a message without Content-Length".into()),
        )));
    };
    if length > MAX_BODY {
        // Skip the body without keeping it.
        let skipped = std::io::copy(&mut input.take(length as u64), &mut std::io::sink())
            .map_err(|e| format!("cannot read input: {e}"))?;
        if (skipped as usize) < length {
            return Ok(None);
        }
        return Ok(Some(Incoming::Malformed(format!(
            "a message of {length} bytes is larger than {MAX_BODY}"
        ))));
    }
    let mut body = vec![0; length];
    if input.read_exact(&mut body).is_err() {
        return Ok(None);
    }
    if let Some(why) = bad_header {
        return Ok(Some(Incoming::Malformed(why)));
    }
    match serde_json::from_slice::<Message>(&body) {
        Ok(m) => Ok(Some(Incoming::Message(m))),
        Err(e) => Ok(Some(Incoming::Malformed(format!(
            "not a JSON-RPC message: {e}"
        )))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn messages_are_framed_and_bad_ones_skipped() {
        let good = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let input = format!(
            "{}{}Content-Type: x\r\n\r\n{}Content-Length: 99999999999\r\n\r\n",
            frame("{not json"),
            frame(good),
            frame(r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#),
        );
        let mut r = std::io::Cursor::new(input.into_bytes());
        let kinds: Vec<String> = std::iter::from_fn(|| read(&mut r).ok().flatten())
            .map(|m| match m {
                Incoming::Message(Message::Notification(n)) => n.method,
                Incoming::Message(_) => "other".into(),
                Incoming::Malformed(why) => format!("malformed: {why}"),
            })
            .collect();
        assert_eq!(kinds.len(), 4, "{kinds:?}");
        assert!(kinds[0].starts_with("malformed: not a JSON-RPC message"));
        assert_eq!(kinds[1], "initialized");
        assert!(kinds[2].starts_with("malformed: a message without Content-Length"));
        // The next message is read; the one too large to read ends the input.
        assert_eq!(kinds[3], "other");
    }
}
