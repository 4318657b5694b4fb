//! The pipes between the client and tower-lsp.
//!
//! tower-lsp stops reading after the first message that is not JSON (its
//! framed reader ends on any decode error), which would end the session. So
//! messages are framed here first: good ones go on to tower-lsp, a bad one
//! gets the JSON-RPC parse error, written between whole outgoing messages.
//!
//! Two lifecycle messages are mended on the way: `"params": null` on
//! `shutdown` or `exit` (eglot sends it; tower-lsp refuses it as invalid
//! params) is dropped, and after `exit` the server's input is closed, so the
//! session ends at once even when the client keeps its pipe open.

use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::mpsc;

/// Larger messages are refused rather than buffered.
const MAX_MESSAGE: usize = 256 << 20;

/// Reads one message body; `None` at the end of input.
async fn read_message<R: AsyncRead + Unpin>(
    reader: &mut BufReader<R>,
) -> std::io::Result<Option<Vec<u8>>> {
    let mut length: Option<usize> = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).await? == 0 {
            return Ok(None);
        }
        let line = line.trim_end();
        if line.is_empty() {
            match length {
                Some(length) => break read_body(reader, length).await.map(Some),
                // Blank lines before a header are noise.
                None => continue,
            }
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().ok();
            }
        }
    }
}

async fn read_body<R: AsyncRead + Unpin>(
    reader: &mut BufReader<R>,
    length: usize,
) -> std::io::Result<Vec<u8>> {
    if length > MAX_MESSAGE {
        // Skip the body so the next message can still be read.
        tokio::io::copy(&mut reader.take(length as u64), &mut tokio::io::sink()).await?;
        return Ok(Vec::new());
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).await?;
    Ok(body)
}

fn frame(body: &[u8]) -> Vec<u8> {
    let mut framed = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    framed.extend_from_slice(body);
    framed
}

/// A `shutdown` or `exit` with `"params": null` loses the key, which the
/// protocol allows to be absent; and whether the message is `exit`.
fn mend_lifecycle(mut message: serde_json::Value, body: Vec<u8>) -> (Vec<u8>, bool) {
    let method = message.get("method").and_then(serde_json::Value::as_str);
    let lifecycle = matches!(method, Some("shutdown" | "exit"));
    let exit = method == Some("exit");
    if lifecycle
        && message
            .get("params")
            .is_some_and(serde_json::Value::is_null)
    {
        if let Some(object) = message.as_object_mut() {
            object.remove("params");
        }
        return (message.to_string().into_bytes(), exit);
    }
    (body, exit)
}

/// Client → server: forwards messages that are JSON; answers the rest.
pub async fn forward_input<R, W>(input: R, mut server: W, errors: mpsc::Sender<Vec<u8>>)
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut reader = BufReader::new(input);
    while let Ok(Some(body)) = read_message(&mut reader).await {
        if let Ok(message) = serde_json::from_slice::<serde_json::Value>(&body) {
            let (body, exit) = mend_lifecycle(message, body);
            if server.write_all(&frame(&body)).await.is_err() || server.flush().await.is_err() {
                return;
            }
            if exit {
                break;
            }
            continue;
        }
        let error = serde_json::json!({
            "jsonrpc": "2.0",
            "id": null,
            "error": { "code": -32700, "message": "Parse error: the message is not JSON" },
        });
        if errors
            .send(frame(error.to_string().as_bytes()))
            .await
            .is_err()
        {
            return;
        }
    }
    // Closing the server's input ends the session, as the client's did, or
    // as `exit` asks even while the client's pipe stays open.
    let _ = server.shutdown().await;
}

/// Server → client: whole messages from tower-lsp, and parse errors between them.
pub async fn forward_output<R, W>(server: R, mut output: W, mut errors: mpsc::Receiver<Vec<u8>>)
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut reader = BufReader::new(server);
    let mut errors_open = true;
    loop {
        let framed = tokio::select! {
            message = read_message(&mut reader) => match message {
                Ok(Some(body)) => frame(&body),
                _ => break,
            },
            error = errors.recv(), if errors_open => match error {
                Some(framed) => framed,
                None => {
                    errors_open = false;
                    continue;
                }
            },
        };
        if output.write_all(&framed).await.is_err() || output.flush().await.is_err() {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mended(text: &str) -> (String, bool) {
        let (body, exit) = mend_lifecycle(
            serde_json::from_str(text).unwrap(),
            text.as_bytes().to_vec(),
        );
        (String::from_utf8(body).unwrap(), exit)
    }

    #[test]
    fn null_params_on_shutdown_and_exit_are_dropped() {
        assert_eq!(
            mended(r#"{"jsonrpc":"2.0","id":3,"method":"shutdown","params":null}"#),
            (
                r#"{"jsonrpc":"2.0","id":3,"method":"shutdown"}"#.to_string(),
                false
            )
        );
        assert!(mended(r#"{"jsonrpc":"2.0","method":"exit","params":null}"#).1);
        assert!(
            !mended(r#"{"jsonrpc":"2.0","method":"exit","params":null}"#)
                .0
                .contains("params")
        );
    }

    #[test]
    fn other_messages_pass_as_they_came() {
        let hover = r#"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":null}"#;
        assert_eq!(mended(hover), (hover.to_string(), false));
        let exit = r#"{"jsonrpc":"2.0","method":"exit"}"#;
        assert_eq!(mended(exit), (exit.to_string(), true));
    }
}
