#!/usr/bin/env python3
"""Benchmark of `tactful lsp` (a measurement, not a test): how long after a change to a
2 KB draft its diagnostics are published, and the server's memory over 10,000 changes.

Usage: scripts/lsp-bench.py [PATH-TO-TACTFUL]   (default target/release/tactful)
"""
import json, os, statistics, subprocess, sys, tempfile, time

binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "target/release/tactful")
root = tempfile.mkdtemp()
p = subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=root)


def send(msg):
    body = json.dumps(msg).encode()
    p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    p.stdin.flush()


def read():
    length = 0
    while True:
        line = p.stdout.readline()
        if not line:
            raise SystemExit("the server closed its output")
        line = line.strip()
        if not line:
            break
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    return json.loads(p.stdout.read(length))


def wait(pred):
    while True:
        m = read()
        if pred(m):
            return m


def rss_kb():
    with open(f"/proc/{p.pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])


send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
      "params": {"processId": None, "rootUri": "file://" + root, "capabilities": {}}})
wait(lambda m: m.get("id") == 1)
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
para = ("I hope you had a restful weekend. Thank you again for the interview on Tuesday; "
        "meeting the team made me even keener on the analyst role. ")
text = "Hi Jane,\n\n" + para * 14 + "I still haven't heard back from you.\n\nBest,\nSam\n"
uri = "file://" + os.path.join(root, "draft.md")
send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
    "uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
is_diag = lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
wait(is_diag)

rss_kb_start = rss_kb()

# Latency: one change, then the diagnostics for it.
times = []
for v in range(2, 202):
    t = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": uri, "version": v},
        "contentChanges": [{"range": {"start": {"line": 0, "character": 3},
                                      "end": {"line": 0, "character": 7}},
                            "text": "Jane" if v % 2 else "Joan"}]}})
    wait(is_diag)
    times.append((time.perf_counter() - t) * 1000)
print(f"{len(text)} byte draft: diagnostics {statistics.median(times):.2f} ms after a change "
      f"(median of {len(times)}; 95th percentile {sorted(times)[int(len(times) * .95)]:.2f} ms)")

# Memory over rounds of 10,000 rapid changes (sent without waiting), each ending with the
# publish of its last version: flat means later rounds do not grow it.
n = 10_000
rounds = []
version = 1000
for _ in range(3):
    t = time.perf_counter()
    for _ in range(n):
        version += 1
        send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {"start": {"line": 0, "character": 3},
                                          "end": {"line": 0, "character": 7}},
                                "text": "Jane" if version % 2 else "Joan"}]}})
    wait(lambda m: is_diag(m) and m["params"].get("version") == version)
    rounds.append((time.perf_counter() - t, rss_kb()))
print(f"resident memory {rss_kb_start / 1024:.1f} MB before; after each round of {n} changes: "
      + ", ".join(f"{kb / 1024:.1f} MB ({s:.2f} s)" for s, kb in rounds))
send({"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": None})
wait(lambda m: m.get("id") == 2)
send({"jsonrpc": "2.0", "method": "exit", "params": None})
sys.exit(p.wait())
