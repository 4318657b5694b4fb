//! Protocol tests: the built binary's `copydesk lsp`, spoken to over pipes.
#![allow(clippy::print_stdout, clippy::print_stderr)] // a test reports what it measured

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tempfile::TempDir;

const WAIT: Duration = Duration::from_secs(10);

struct Server {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    /// Notifications and requests from the server that arrived while waiting for something else.
    pending: Vec<Value>,
    next_id: i64,
}

impl Server {
    fn start(dir: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
            .arg("lsp")
            .current_dir(dir)
            // The language comes from `initialize` or the config, not the runner.
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (sender, messages) = channel();
        std::thread::spawn(move || loop {
            let mut length = None;
            loop {
                let mut header = String::new();
                if stdout.read_line(&mut header).unwrap_or(0) == 0 {
                    return;
                }
                let header = header.trim_end();
                if header.is_empty() {
                    break;
                }
                if let Some(value) = header.strip_prefix("Content-Length: ") {
                    length = value.parse::<usize>().ok();
                }
            }
            let mut body = vec![0; length.unwrap_or(0)];
            if stdout.read_exact(&mut body).is_err() {
                return;
            }
            if sender.send(serde_json::from_slice(&body).unwrap()).is_err() {
                return;
            }
        });
        Server {
            child,
            stdin,
            messages,
            pending: Vec::new(),
            next_id: 1,
        }
    }

    fn send_raw(&mut self, body: &[u8]) {
        write!(self.stdin, "Content-Length: {}\r\n\r\n", body.len()).unwrap();
        self.stdin.write_all(body).unwrap();
        self.stdin.flush().unwrap();
    }

    fn send(&mut self, message: Value) {
        self.send_raw(&serde_json::to_vec(&message).unwrap());
    }

    /// `params: null` is not allowed: a method without params omits the key.
    fn notify(&mut self, method: &str, params: Value) {
        let mut message = json!({ "jsonrpc": "2.0", "method": method });
        if !params.is_null() {
            message["params"] = params;
        }
        self.send(message);
    }

    /// Sends a request and returns the whole response (result or error).
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        let mut message = json!({ "jsonrpc": "2.0", "id": id, "method": method });
        if !params.is_null() {
            message["params"] = params;
        }
        self.send(message);
        self.wait_for(|message| {
            message.get("id") == Some(&json!(id)) && message.get("method").is_none()
        })
    }

    /// The next message, waiting at most `limit` for it.
    fn next_within(&mut self, limit: Duration) -> Value {
        let message = self
            .messages
            .recv_timeout(limit)
            .expect("the server answered in time");
        // Answer the server's own requests (registerCapability) so it is not left waiting.
        if let (Some(id), Some(_)) = (message.get("id"), message.get("method")) {
            self.send(json!({ "jsonrpc": "2.0", "id": id, "result": null }));
        }
        message
    }

    fn wait_for(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        self.wait_for_within(WAIT, wanted)
    }

    fn wait_for_within(&mut self, limit: Duration, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(at) = self.pending.iter().position(&wanted) {
            return self.pending.remove(at);
        }
        let deadline = Instant::now() + limit;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            // The whole limit applies, not one message's wait: a slow lint
            // of a 10 MB document in a debug build sends nothing for a while.
            let message = self.next_within(left.max(Duration::from_millis(1)));
            if wanted(&message) {
                return message;
            }
            self.pending.push(message);
        }
        panic!("timed out; pending: {:?}", self.pending);
    }

    /// The next diagnostics published for `uri`, skipping older ones.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let message = self.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        });
        message["params"]["diagnostics"].as_array().unwrap().clone()
    }

    fn initialize(&mut self, root: &Path, encodings: &[&str], pull: bool) -> Value {
        let mut capabilities = json!({
            "general": { "positionEncodings": encodings },
            "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } },
            "textDocument": {},
        });
        if pull {
            capabilities["textDocument"]["diagnostic"] = json!({ "dynamicRegistration": false });
        }
        let uri = url(root);
        let response = self.request(
            "initialize",
            json!({ "processId": null, "rootUri": uri, "capabilities": capabilities, "workspaceFolders": [{ "uri": uri, "name": "site" }] }),
        );
        self.notify("initialized", json!({}));
        response
    }

    fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "markdown", "version": 1, "text": text } }),
        );
    }

    /// Waits for the process to end; false when it has not within `limit`.
    fn exits_within(&mut self, limit: Duration) -> bool {
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            if self.child.try_wait().unwrap().is_some() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = self.child.kill();
        false
    }

    fn shutdown(mut self) {
        let _ = &self.pending;
        let response = self.request("shutdown", json!(null));
        assert!(response.get("error").is_none(), "{response}");
        self.notify("exit", json!(null));
        // Clients close the pipe after `exit`, as this one does by dropping it.
        drop(self.stdin);
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "exit status {status}");
                return;
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn url(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// A byte offset from an LSP position, counted independently of the server.
fn offset_of(text: &str, position: &Value, utf8: bool) -> usize {
    let (line, character) = (
        position["line"].as_u64().unwrap() as usize,
        position["character"].as_u64().unwrap() as usize,
    );
    let mut start = 0;
    for _ in 0..line {
        start += text[start..]
            .find('\n')
            .map_or(text.len() - start, |at| at + 1);
    }
    let mut counted = 0;
    for (at, ch) in text[start..].char_indices() {
        if counted >= character || ch == '\n' || ch == '\r' {
            return start + at;
        }
        counted += if utf8 { ch.len_utf8() } else { ch.len_utf16() };
    }
    text.len()
}

fn apply_edits(text: &str, edits: &[Value], utf8: bool) -> String {
    let mut edits: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|edit| {
            (
                offset_of(text, &edit["range"]["start"], utf8),
                offset_of(text, &edit["range"]["end"], utf8),
                edit["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    edits.sort_by_key(|(start, _, _)| std::cmp::Reverse(*start));
    let mut text = text.to_string();
    for (start, end, new_text) in edits {
        text.replace_range(start..end, &new_text);
    }
    text
}

const POST: &str = "---\r\ntitle: \"旅😀と本\"\r\ntags: [\"AI\", \"rust\"]\r\nreading_time: 20\r\n---\r\n\r\n旅😀と本\r\n\r\n本文です。\r\n";

fn site() -> TempDir {
    let dir = TempDir::new().unwrap();
    std::fs::write(
        dir.path().join(".copydesk.yml"),
        "rules:\n  tag-vocabulary:\n    vocabularies:\n      tags: tags.vocab.yml\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("tags.vocab.yml"),
        "- name: AI\n  description: Artificial intelligence\n  aliases: [人工知能]\n- name: Rust\n  description: The language\n- Ruby\n",
    )
    .unwrap();
    dir
}

/// A server on the site, in UTF-16, with `POST` open: the site (kept alive),
/// the server, and the post's URI.
fn serve_post() -> (TempDir, Server, String) {
    let dir = site();
    let mut server = Server::start(dir.path());
    server.initialize(dir.path(), &["utf-16"], false);
    let uri = url(&dir.path().join("post.md"));
    server.open(&uri, POST);
    (dir, server, uri)
}

/// The titles of the code actions offered for `diagnostics` at `range`.
fn action_titles(
    server: &mut Server,
    uri: &str,
    range: &Value,
    diagnostics: Value,
    only: Option<&str>,
) -> Vec<String> {
    let mut context = json!({ "diagnostics": diagnostics });
    if let Some(only) = only {
        context["only"] = json!([only]);
    }
    let response = server.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": range, "context": context }),
    );
    response["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|action| action["title"].as_str().unwrap().to_string())
        .collect()
}

fn find<'a>(diagnostics: &'a [Value], rule: &str) -> &'a Value {
    diagnostics
        .iter()
        .find(|d| d["code"] == rule)
        .unwrap_or_else(|| panic!("no {rule} in {diagnostics:?}"))
}

#[test]
fn positions_on_japanese_and_emoji_in_utf16_and_utf8() {
    for (encodings, expected, utf8) in [
        (vec!["utf-16"], "utf-16", false),
        (vec!["utf-8", "utf-16"], "utf-8", true),
    ] {
        let dir = site();
        let mut server = Server::start(dir.path());
        let response = server.initialize(dir.path(), &encodings, false);
        assert_eq!(
            response["result"]["capabilities"]["positionEncoding"],
            expected
        );
        let uri = url(&dir.path().join("post.md"));
        server.open(&uri, POST);
        let diagnostics = server.diagnostics(&uri);
        let title = find(&diagnostics, "duplicated-title");
        // 旅 😀 と 本: 5 UTF-16 units, 13 UTF-8 bytes; CRLF does not count.
        let end = if utf8 { 13 } else { 5 };
        assert_eq!(
            title["range"],
            json!({ "start": { "line": 6, "character": 0 }, "end": { "line": 6, "character": end } })
        );
        let start = offset_of(POST, &title["range"]["start"], utf8);
        let stop = offset_of(POST, &title["range"]["end"], utf8);
        assert_eq!(&POST[start..stop], "旅😀と本");
        let rust = find(&diagnostics, "tag-vocabulary");
        assert_eq!(
            &POST[offset_of(POST, &rust["range"]["start"], utf8)
                ..offset_of(POST, &rust["range"]["end"], utf8)],
            "\"rust\""
        );
        server.shutdown();
    }
}

#[test]
fn an_incremental_edit_that_removes_a_problem_removes_its_diagnostic() {
    let (_site, mut server, uri) = serve_post();
    assert!(server
        .diagnostics(&uri)
        .iter()
        .any(|d| d["code"] == "duplicated-title"));
    // Delete line 6, the repeated title, and its line ending.
    server.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": uri, "version": 2 },
            "contentChanges": [{ "range": { "start": { "line": 6, "character": 0 }, "end": { "line": 7, "character": 0 } }, "text": "" }],
        }),
    );
    let after = server.diagnostics(&uri);
    assert!(
        !after.iter().any(|d| d["code"] == "duplicated-title"),
        "{after:?}"
    );
    assert!(
        after.iter().any(|d| d["code"] == "reading-time"),
        "{after:?}"
    );
    server.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": uri } }),
    );
    assert!(server.diagnostics(&uri).is_empty());
    server.shutdown();
}

#[test]
fn code_actions_quick_fix_fix_all_and_disable_for_line() {
    let dir = site();
    let mut server = Server::start(dir.path());
    server.initialize(dir.path(), &["utf-8", "utf-16"], false);
    let uri = url(&dir.path().join("post.md"));
    server.open(&uri, POST);
    let diagnostics = server.diagnostics(&uri);
    let title = find(&diagnostics, "duplicated-title").clone();
    let response = server.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": title["range"], "context": { "diagnostics": [title], "only": ["quickfix"] } }),
    );
    let actions = response["result"].as_array().unwrap();
    let titles: Vec<&str> = actions
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Delete the repeated title",
            "Disable duplicated-title for this line"
        ]
    );
    let fixed = apply_edits(
        POST,
        actions[0]["edit"]["changes"][&uri].as_array().unwrap(),
        true,
    );
    assert_eq!(fixed, POST.replace("旅😀と本\r\n\r\n本文", "本文"));
    let disabled = apply_edits(
        POST,
        actions[1]["edit"]["changes"][&uri].as_array().unwrap(),
        true,
    );
    assert_eq!(
        disabled,
        POST.replace(
            "\r\n\r\n旅😀と本\r\n",
            "\r\n\r\n<!-- copydesk-disable-next-line duplicated-title -->\r\n旅😀と本\r\n"
        )
    );

    // In front matter the suppression is a YAML comment.
    let tag = find(&diagnostics, "tag-vocabulary").clone();
    let response = server.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": tag["range"], "context": { "diagnostics": [tag] } }),
    );
    let actions = response["result"].as_array().unwrap();
    let disable = actions
        .iter()
        .find(|a| a["title"] == "Disable tag-vocabulary for this line")
        .unwrap();
    let disabled = apply_edits(
        POST,
        disable["edit"]["changes"][&uri].as_array().unwrap(),
        true,
    );
    assert!(
        disabled.contains("\r\n# copydesk-disable-next-line tag-vocabulary\r\ntags:"),
        "{disabled}"
    );
    let fix = actions
        .iter()
        .find(|a| a["title"] == "Write `Rust`")
        .unwrap();
    assert_eq!(
        apply_edits(POST, fix["edit"]["changes"][&uri].as_array().unwrap(), true),
        POST.replace("\"rust\"", "\"Rust\"")
    );

    let response = server.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": title["range"], "context": { "diagnostics": [], "only": ["source.fixAll"] } }),
    );
    let actions = response["result"].as_array().unwrap();
    assert_eq!(actions.len(), 1);
    assert_eq!(actions[0]["kind"], "source.fixAll.copydesk");
    let all = apply_edits(
        POST,
        actions[0]["edit"]["changes"][&uri].as_array().unwrap(),
        true,
    );
    let expected = POST
        .replace("旅😀と本\r\n\r\n本文", "本文")
        .replace("\"rust\"", "\"Rust\"")
        .replace("reading_time: 20", "reading_time: 1");
    assert_eq!(all, expected);
    server.shutdown();
}

#[test]
fn hover_on_a_diagnostic_the_reading_time_and_a_tag() {
    let (_site, mut server, uri) = serve_post();
    server.diagnostics(&uri);
    let hover = |server: &mut Server, line: u32, character: u32| {
        let response = server.request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } }),
        );
        response["result"]["contents"]["value"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    // Short: the message, the help, a few lines on why, where to read more;
    // never the rule's whole page or a developer's instructions.
    let on_title = hover(&mut server, 6, 2);
    assert!(
        on_title.starts_with("**copydesk: duplicated-title**: the title is repeated in the body")
            && on_title.contains("delete this line")
            && on_title.ends_with("More: `copydesk explain duplicated-title`")
            && !on_title.contains("## ")
            && !on_title.contains("cargo "),
        "{on_title}"
    );
    assert!(on_title.lines().count() <= 15, "{on_title}");
    // On the value too, the estimate comes first.
    for character in [3, 15] {
        let on_reading_time = hover(&mut server, 3, character);
        assert!(
            on_reading_time.starts_with("**Reading time**: about 1 min (7 CJK characters"),
            "{on_reading_time}"
        );
        assert!(on_reading_time.lines().count() <= 15, "{on_reading_time}");
    }
    let on_tag = hover(&mut server, 2, 9);
    assert!(
        on_tag.contains("**AI**: Artificial intelligence") && on_tag.contains("Aliases: 人工知能"),
        "{on_tag}"
    );
    assert_eq!(hover(&mut server, 8, 1), "");
    server.shutdown();
}

#[test]
fn completion_inside_a_tags_list_offers_the_vocabulary() {
    let dir = site();
    let mut server = Server::start(dir.path());
    server.initialize(dir.path(), &["utf-16"], false);
    let uri = url(&dir.path().join("post.md"));
    let text = "---\ntitle: T\ntags: [\"AI\", Ru]\n---\nBody.\n";
    server.open(&uri, text);
    let response = server.request(
        "textDocument/completion",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 2, "character": 15 } }),
    );
    let items = response["result"].as_array().unwrap();
    let labels: Vec<&str> = items.iter().map(|i| i["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ["Rust", "Ruby"]);
    assert_eq!(
        items[0]["textEdit"]["range"],
        json!({ "start": { "line": 2, "character": 13 }, "end": { "line": 2, "character": 15 } })
    );
    // An alias matches too.
    let text = "---\ntitle: T\ntags:\n  - 人工\n---\n";
    server.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 2 }, "contentChanges": [{ "text": text }] }),
    );
    let response = server.request(
        "textDocument/completion",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 3, "character": 6 } }),
    );
    let items = response["result"].as_array().unwrap();
    let labels: Vec<&str> = items.iter().map(|i| i["label"].as_str().unwrap()).collect();
    // One item per matching alias, labelled with it, inserting the name;
    // clients that filter on the label (eglot, Neovim) see the alias.
    assert_eq!(labels, ["人工知能 → AI"]);
    assert_eq!(items[0]["textEdit"]["newText"], "AI");
    assert_eq!(items[0]["filterText"], "人工知能");
    assert_eq!(items[0]["documentation"], "Artificial intelligence");

    // While typing, the front matter does not parse: an unclosed list, and
    // the quote pair VS Code types. Tags already listed are not offered.
    let typing = |server: &mut Server, version: i64, text: &str, line: u32, character: u32| {
        server.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "text": text }] }),
        );
        let response = server.request(
            "textDocument/completion",
            json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } }),
        );
        response["result"]
            .as_array()
            .unwrap_or_else(|| panic!("{response}"))
            .clone()
    };
    let items = typing(
        &mut server,
        3,
        "---\ntitle: T\ntags: [\"AI\", \"Ru\nexcerpt: x\n---\n",
        2,
        16,
    );
    let labels: Vec<&str> = items.iter().map(|i| i["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ["Rust", "Ruby"]);
    assert_eq!(
        items[0]["textEdit"]["range"],
        json!({ "start": { "line": 2, "character": 14 }, "end": { "line": 2, "character": 16 } })
    );
    let items = typing(
        &mut server,
        4,
        "---\ntitle: T\ntags: [\"AI\", \"\"]\nexcerpt: x\n---\n",
        2,
        14,
    );
    let labels: Vec<&str> = items.iter().map(|i| i["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ["Rust", "Ruby"]);
    assert_eq!(items[0]["textEdit"]["newText"], "Rust");
    // Outside a tags list there is nothing to offer.
    let response = server.request(
        "textDocument/completion",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 1, "character": 8 } }),
    );
    assert!(response["result"].is_null(), "{response}");
    server.shutdown();
}

#[test]
fn pull_diagnostics_for_clients_that_ask() {
    let dir = site();
    let mut server = Server::start(dir.path());
    let response = server.initialize(dir.path(), &["utf-16"], true);
    assert_eq!(
        response["result"]["capabilities"]["diagnosticProvider"]["identifier"],
        "copydesk"
    );
    let uri = url(&dir.path().join("post.md"));
    server.open(&uri, POST);
    let report = server.request(
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": uri } }),
    );
    assert_eq!(report["result"]["kind"], "full");
    let items = report["result"]["items"].as_array().unwrap();
    assert!(
        items.iter().any(|d| d["code"] == "duplicated-title"),
        "{items:?}"
    );
    server.shutdown();
}

#[test]
fn a_config_change_relints_open_documents() {
    let (dir, mut server, uri) = serve_post();
    assert!(server
        .diagnostics(&uri)
        .iter()
        .any(|d| d["code"] == "duplicated-title"));
    std::fs::write(
        dir.path().join(".copydesk.yml"),
        "rules:\n  duplicated-title: off\n",
    )
    .unwrap();
    server.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": url(&dir.path().join(".copydesk.yml")), "type": 2 }] }),
    );
    let after = server.diagnostics(&uri);
    assert!(
        !after.iter().any(|d| d["code"] == "duplicated-title"),
        "{after:?}"
    );
    server.shutdown();
}

/// A hover on `line` that answers, without an error, within a second.
fn hover_within_a_second(server: &mut Server, uri: &str, line: u32) -> Value {
    let started = Instant::now();
    let response = server.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": 1 } }),
    );
    assert!(response.get("error").is_none(), "{response}");
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "hover took {:?}",
        started.elapsed()
    );
    response
}

#[test]
fn the_server_stays_up_through_bad_requests() {
    let (_site, mut server, uri) = serve_post();
    server.diagnostics(&uri);
    let hover_answers = |server: &mut Server| {
        let response = hover_within_a_second(server, &uri, 6);
        assert!(
            response["result"]["contents"]["value"].as_str().is_some(),
            "{response}"
        );
    };
    // Malformed JSON gets a parse error; an unknown method, method-not-found.
    server.send_raw(b"{ this is not json");
    let error = server.wait_for(|m| m.get("error").is_some() && m["id"].is_null());
    assert_eq!(error["error"]["code"], -32700);
    hover_answers(&mut server);
    let unknown = server.request("copydesk/noSuchMethod", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);
    hover_answers(&mut server);
    // Positions out of range, and edits to a document never opened.
    let far = server.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 9999, "character": 9999 } }),
    );
    assert!(far.get("error").is_none(), "{far}");
    server.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": "file:///nowhere/unopened.md", "version": 2 },
            "contentChanges": [{ "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } }, "text": "x" }],
        }),
    );
    server.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": uri, "version": 2 },
            "contentChanges": [{ "range": { "start": { "line": 500, "character": 3 }, "end": { "line": 900, "character": 0 } }, "text": "\n" }],
        }),
    );
    hover_answers(&mut server);
    server.shutdown();
}

/// A Japanese post of about 50 KB, with figures, links and a repeated title.
fn japanese_post_of_50_kb() -> String {
    let mut text = String::from("---\ntitle: \"市場の動向と今後の見通し\"\ntags: [\"AI\"]\nreading_time: 8\n---\n\n市場の動向と今後の見通し\n\n");
    let mut paragraph = 0;
    while text.len() < 50_000 {
        paragraph += 1;
        text.push_str(&format!(
            "第{paragraph}節では、国内の利用者が約{paragraph}割増えたという話を整理します。[調査](https://example.com/{paragraph})によると売上は{paragraph}億円でした。関係者の話では、導入企業は数百社にのぼるそうです。ここでは細かな数字よりも、現場で何が起きているかを丁寧に見ていきます。\n\n"
        ));
    }
    text
}

/// Run with `cargo test --release --test lsp -- --ignored --nocapture`: the
/// time from `didChange` to the `publishDiagnostics` for that version, for
/// 200 single-character edits to a 50 KB Japanese post, paused 200 ms apart
/// (each after the debounce window), then the same edits in a burst.
#[test]
#[ignore = "a measurement, not a check; run by hand"]
fn latency_of_did_change_to_publish_diagnostics() {
    let dir = site();
    let mut server = Server::start(dir.path());
    server.initialize(dir.path(), &["utf-16"], false);
    let uri = url(&dir.path().join("post.md"));
    let text = japanese_post_of_50_kb();
    println!(
        "document: {} bytes, {} lines",
        text.len(),
        text.lines().count()
    );
    server.open(&uri, &text);
    server.diagnostics(&uri);
    let edit = |server: &mut Server, version: i64| {
        let line = 10 + (version as u32 % 40) * 2;
        server.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": uri, "version": version },
                "contentChanges": [{ "range": { "start": { "line": line, "character": 3 }, "end": { "line": line, "character": 3 } }, "text": "あ" }],
            }),
        );
    };
    let wait_for_version = |server: &mut Server, version: i64| {
        server.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == version
        });
    };
    let mut paused = Vec::new();
    for round in 0..200 {
        let version = 2 + round;
        let started = Instant::now();
        edit(&mut server, version);
        wait_for_version(&mut server, version);
        paused.push(started.elapsed());
        std::thread::sleep(Duration::from_millis(200));
    }
    let report = |name: &str, samples: &mut Vec<Duration>| {
        samples.sort();
        let at = |q: f64| samples[((samples.len() as f64 - 1.0) * q).round() as usize];
        println!(
            "{name}: {} edits, median {:.2} ms, p99 {:.2} ms, max {:.2} ms",
            samples.len(),
            at(0.5).as_secs_f64() * 1e3,
            at(0.99).as_secs_f64() * 1e3,
            samples[samples.len() - 1].as_secs_f64() * 1e3
        );
    };
    report("after a pause", &mut paused);
    // A burst: edits 10 ms apart; only the last version is published, one debounce later.
    let mut burst = Vec::new();
    for round in 0..20 {
        let first = 1000 + round * 10;
        let mut started = Instant::now();
        for version in first..first + 10 {
            started = Instant::now();
            edit(&mut server, version);
            std::thread::sleep(Duration::from_millis(10));
        }
        wait_for_version(&mut server, first + 9);
        burst.push(started.elapsed());
        std::thread::sleep(Duration::from_millis(300));
    }
    report(
        "last edit of a burst (includes the 150 ms debounce)",
        &mut burst,
    );
    server.shutdown();
}

#[test]
fn each_root_of_a_multi_root_workspace_uses_its_own_config() {
    let workspace = TempDir::new().unwrap();
    let strict = workspace.path().join("strict");
    let relaxed = workspace.path().join("relaxed");
    std::fs::create_dir_all(&strict).unwrap();
    std::fs::create_dir_all(&relaxed).unwrap();
    std::fs::write(
        relaxed.join(".copydesk.yml"),
        "rules:\n  duplicated-title: off\n",
    )
    .unwrap();
    let mut server = Server::start(workspace.path());
    let folders = json!([{ "uri": url(&strict), "name": "strict" }, { "uri": url(&relaxed), "name": "relaxed" }]);
    server.request(
        "initialize",
        json!({ "processId": null, "rootUri": null, "capabilities": {}, "workspaceFolders": folders }),
    );
    server.notify("initialized", json!({}));
    let (strict_uri, relaxed_uri) = (url(&strict.join("post.md")), url(&relaxed.join("post.md")));
    server.open(&strict_uri, POST);
    server.open(&relaxed_uri, POST);
    assert!(server
        .diagnostics(&strict_uri)
        .iter()
        .any(|d| d["code"] == "duplicated-title"));
    assert!(!server
        .diagnostics(&relaxed_uri)
        .iter()
        .any(|d| d["code"] == "duplicated-title"));
    server.shutdown();
}

/// The server's resident memory, from /proc.
fn resident_mib(server: &Server) -> f64 {
    let status =
        std::fs::read_to_string(format!("/proc/{}/status", server.child.id())).unwrap_or_default();
    let kib: f64 = status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0.0);
    kib / 1024.0
}

#[test]
fn bursts_cancellation_and_a_10_mb_document() {
    let (dir, mut server, uri) = serve_post();
    server.diagnostics(&uri);
    let hover_answers = |server: &mut Server| {
        hover_within_a_second(server, &uri, 1);
    };

    // 1,000 edits in a burst: the last version is published, and hover stays quick.
    for version in 2..1002 {
        server.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": uri, "version": version },
                "contentChanges": [{ "range": { "start": { "line": 8, "character": 0 }, "end": { "line": 8, "character": 0 } }, "text": "x" }],
            }),
        );
    }
    hover_answers(&mut server);
    server.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == 1001
    });

    // A request cancelled at once answers with its result or with RequestCancelled.
    server.send(
        json!({ "jsonrpc": "2.0", "id": 9001, "method": "textDocument/hover",
        "params": { "textDocument": { "uri": uri }, "position": { "line": 1, "character": 1 } } }),
    );
    server.notify("$/cancelRequest", json!({ "id": 9001 }));
    server.notify("$/cancelRequest", json!({ "id": 424242 }));
    let answer = server.wait_for(|m| m["id"] == 9001);
    assert!(
        answer.get("result").is_some() || answer["error"]["code"] == -32800,
        "{answer}"
    );
    hover_answers(&mut server);

    // A 10 MB document is linted, closed, and its memory given back.
    let baseline = resident_mib(&server);
    let big_uri = url(&dir.path().join("big.md"));
    let mut big = String::from("---\ntitle: \"Big\"\n---\n");
    while big.len() < 10 << 20 {
        big.push_str("国内の利用者は約3割増えた。[出典](https://example.com)によると売上は12億円だった。More than 1,500 people came.\n\n");
    }
    server.open(&big_uri, &big);
    let published = server.wait_for_within(Duration::from_secs(120), |m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == big_uri
    });
    assert!(!published["params"]["diagnostics"]
        .as_array()
        .unwrap()
        .is_empty());
    let peak = resident_mib(&server);
    hover_answers(&mut server);
    server.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": big_uri } }),
    );
    server.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == big_uri
    });
    hover_answers(&mut server);
    let after = resident_mib(&server);
    println!("resident memory: baseline {baseline:.1} MiB, with the 10 MB document {peak:.1} MiB, after closing it {after:.1} MiB");
    assert!(
        after < baseline + 32.0,
        "memory did not return near the baseline: {baseline:.1} → {peak:.1} → {after:.1} MiB"
    );
    server.shutdown();
}

/// A repeated figure is one diagnostic; its later mentions are its
/// `relatedInformation`, in the negotiated encoding.
#[test]
fn a_repeated_figure_carries_its_later_mentions() {
    let dir = site();
    let mut server = Server::start(dir.path());
    server.initialize(dir.path(), &["utf-16"], false);
    let uri = url(&dir.path().join("figures.md"));
    server.open(
        &uri,
        "---\ntitle: Figures\n---\n😀市場は380億ドルに達した。\n\n😀その380億ドルは大きい。\n",
    );
    let diagnostics = server.diagnostics(&uri);
    let claims: Vec<&Value> = diagnostics
        .iter()
        .filter(|d| d["code"] == "unsupported-numeric-claim")
        .collect();
    assert_eq!(claims.len(), 1, "{diagnostics:?}");
    let related = &claims[0]["relatedInformation"][0];
    assert_eq!(related["location"]["uri"], uri);
    // 😀 is two UTF-16 units, then その: the figure starts at column 4.
    assert_eq!(
        related["location"]["range"],
        json!({ "start": { "line": 5, "character": 4 }, "end": { "line": 5, "character": 10 } })
    );
    server.shutdown();
}

/// eglot sends `shutdown` and `exit` with `"params": null`.
#[test]
fn shutdown_and_exit_with_null_params_end_the_session_with_stdin_open() {
    let dir = site();
    let mut server = Server::start(dir.path());
    server.initialize(dir.path(), &["utf-16"], false);
    server.send(json!({ "jsonrpc": "2.0", "id": 99, "method": "shutdown", "params": null }));
    let response = server.wait_for(|m| m.get("id") == Some(&json!(99)));
    assert_eq!(response.get("result"), Some(&Value::Null), "{response}");
    assert!(response.get("error").is_none(), "{response}");
    server.send(json!({ "jsonrpc": "2.0", "method": "exit", "params": null }));
    // The pipe stays open; `exit` alone must end the process, well before
    // the 3 s that `shutdown` allows a client that never sends `exit`.
    assert!(server.exits_within(Duration::from_millis(1500)));
}

#[test]
fn exit_ends_the_process_at_once_with_stdin_open() {
    let dir = site();
    let mut server = Server::start(dir.path());
    server.initialize(dir.path(), &["utf-16"], false);
    // No `shutdown` first, so no timer would end the process: only `exit` can.
    server.notify("exit", json!(null));
    assert!(server.exits_within(Duration::from_secs(10)));
}

#[test]
fn shutdown_then_end_of_input_ends_the_process() {
    let dir = site();
    let mut server = Server::start(dir.path());
    server.initialize(dir.path(), &["utf-16"], false);
    let response = server.request("shutdown", json!(null));
    assert!(response.get("error").is_none(), "{response}");
    let Server {
        mut child, stdin, ..
    } = server;
    drop(stdin);
    let deadline = Instant::now() + Duration::from_millis(1500);
    while child.try_wait().unwrap().is_none() {
        assert!(Instant::now() < deadline, "the server did not end at EOF");
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn a_line_with_several_findings_of_one_rule_offers_one_disable_action() {
    let dir = site();
    let mut server = Server::start(dir.path());
    server.initialize(dir.path(), &["utf-16"], false);
    let uri = url(&dir.path().join("post.md"));
    let text = "---\ntitle: \"Tags\"\ntags: [\"rust\", \"ruby\", \"ai\"]\n---\n\nBody.\n";
    server.open(&uri, text);
    let diagnostics = server.diagnostics(&uri);
    let tags: Vec<Value> = diagnostics
        .iter()
        .filter(|d| d["code"] == "tag-vocabulary")
        .cloned()
        .collect();
    assert_eq!(tags.len(), 3, "{diagnostics:?}");
    let titles = action_titles(&mut server, &uri, &tags[0]["range"], json!(tags), None);
    assert_eq!(
        titles
            .iter()
            .filter(|title| **title == "Disable tag-vocabulary for this line")
            .count(),
        1,
        "{titles:?}"
    );
    assert_eq!(
        titles
            .iter()
            .filter(|title| title.starts_with("Write `"))
            .count(),
        3,
        "{titles:?}"
    );
    server.shutdown();
}

/// Neovim 0.7 offers no file watching: a vocabulary edited and saved is
/// read again when a document is opened, changed or saved.
#[test]
fn a_vocabulary_edit_is_picked_up_without_file_watchers() {
    let dir = site();
    let mut server = Server::start(dir.path());
    initialize_without_watchers(&mut server, dir.path(), None);
    let uri = url(&dir.path().join("post.md"));
    let text = "---\ntitle: \"Go\"\ntags: [\"Go\"]\n---\n\nBody.\n";
    server.open(&uri, text);
    let before = server.diagnostics(&uri);
    assert!(
        before
            .iter()
            .any(|d| d["code"] == "tag-vocabulary"
                && d["message"].as_str().unwrap().contains("`Go`")),
        "{before:?}"
    );
    // Checks are at most once a second; the edit is then saved in the editor.
    std::thread::sleep(Duration::from_millis(1100));
    let vocabulary = dir.path().join("tags.vocab.yml");
    let mut grown = std::fs::read_to_string(&vocabulary).unwrap();
    grown.push_str("- Go\n");
    std::fs::write(&vocabulary, grown).unwrap();
    // A modification time the check is sure to see, whatever the clock's grain.
    std::fs::File::options()
        .write(true)
        .open(&vocabulary)
        .unwrap()
        .set_modified(std::time::SystemTime::now() + Duration::from_secs(5))
        .unwrap();
    server.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": uri } }),
    );
    let after = server.diagnostics(&uri);
    assert!(
        !after.iter().any(|d| d["code"] == "tag-vocabulary"),
        "{after:?}"
    );
    server.shutdown();
}

/// The quick fix of a diagnostic from the version before an edit stays
/// available while the edit's lint is pending, when the finding is still at
/// the same place; when the text before it moved, it is not offered.
#[test]
fn a_quick_fix_stays_available_while_a_newer_lint_is_pending() {
    let (_site, mut server, uri) = serve_post();
    let diagnostics = server.diagnostics(&uri);
    let title = find(&diagnostics, "duplicated-title").clone();
    let ask = |server: &mut Server| {
        let response = server.request(
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": uri }, "range": title["range"], "context": { "diagnostics": [title] } }),
        );
        response["result"]
            .as_array()
            .unwrap()
            .iter()
            .find(|action| action["title"] == "Delete the repeated title")
            .cloned()
    };
    // An edit after the title: the old diagnostic's fix is the current one.
    let edited = format!("{POST}追記です。\r\n");
    server.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 2 }, "contentChanges": [{ "text": edited }] }),
    );
    let action = ask(&mut server).expect("the quick fix is still offered");
    let fixed = apply_edits(
        &edited,
        action["edit"]["changes"][&uri].as_array().unwrap(),
        false,
    );
    assert_eq!(fixed, edited.replace("\r\n旅😀と本\r\n\r\n", "\r\n"));
    // A line added above it: the old range no longer names the finding.
    let moved = POST.replace("---\r\n\r\n旅😀と本", "---\r\n\r\n前置き。\r\n\r\n旅😀と本");
    server.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri, "version": 3 }, "contentChanges": [{ "text": moved }] }),
    );
    assert!(ask(&mut server).is_none());
    server.shutdown();
}

/// `initialize` as a client with no file watching (Neovim 0.7), with the
/// `locale` VS Code would send for its display language, if any.
fn initialize_without_watchers(server: &mut Server, root: &Path, locale: Option<&str>) {
    let mut params = json!({ "processId": null, "rootUri": url(root), "capabilities": { "general": { "positionEncodings": ["utf-16"] } } });
    if let Some(locale) = locale {
        params["locale"] = json!(locale);
    }
    let response = server.request("initialize", params);
    assert!(response.get("error").is_none(), "{response}");
    server.notify("initialized", json!({}));
}

#[test]
fn the_client_locale_ja_gives_japanese_messages_unless_the_config_says_otherwise() {
    let dir = site();
    let mut server = Server::start(dir.path());
    initialize_without_watchers(&mut server, dir.path(), Some("ja"));
    let uri = url(&dir.path().join("post.md"));
    server.open(&uri, POST);
    let diagnostics = server.diagnostics(&uri);
    let title = find(&diagnostics, "duplicated-title").clone();
    assert_eq!(title["message"], "タイトルが本文でも繰り返されています");
    assert_eq!(title["code"], "duplicated-title");
    let reading = find(&diagnostics, "reading-time");
    assert!(
        reading["message"]
            .as_str()
            .unwrap()
            .starts_with("読了時間が 20 分になっていますが、本文はおよそ 1 分で読めます"),
        "{reading}"
    );
    let titles = action_titles(
        &mut server,
        &uri,
        &title["range"],
        json!([title]),
        Some("quickfix"),
    );
    assert_eq!(
        titles,
        [
            "繰り返したタイトルを削除する",
            "この行で duplicated-title を無効にする"
        ]
    );
    let hover = server.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": title["range"]["start"] }),
    );
    let hover = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(
        hover.contains("ページのテンプレートがタイトルを表示します")
            && hover.contains("詳しくは `copydesk explain duplicated-title --lang ja`"),
        "{hover}"
    );
    server.shutdown();

    // `language: en` in the config wins over the client's locale.
    let config = dir.path().join(".copydesk.yml");
    let mut text = std::fs::read_to_string(&config).unwrap();
    text.push_str("language: en\n");
    std::fs::write(&config, text).unwrap();
    let mut server = Server::start(dir.path());
    initialize_without_watchers(&mut server, dir.path(), Some("ja"));
    server.open(&uri, POST);
    let diagnostics = server.diagnostics(&uri);
    assert_eq!(
        find(&diagnostics, "duplicated-title")["message"],
        "the title is repeated in the body"
    );
    server.shutdown();
}
