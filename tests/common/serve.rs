//! Helpers for the `briefs serve` tests: the real server on a free port, a minimal HTTP
//! client, and a fixture workspace.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// A running `briefs serve`, killed on drop.
pub struct Server {
    child: Child,
    /// The port it listens on.
    pub port: u16,
}

impl Server {
    /// Starts `briefs serve --index <index> --addr 127.0.0.1:0` and waits for its port file.
    pub fn start(index: &Path, work: &Path, extra: &[&str]) -> Server {
        let port_file = work.join(format!("port-{}", std::process::id()));
        let _ = std::fs::remove_file(&port_file);
        let child = Command::new(assert_cmd::cargo::cargo_bin("briefs"))
            .arg("serve")
            .arg("--index")
            .arg(index)
            .args(["--addr", "127.0.0.1:0", "--port-file"])
            .arg(&port_file)
            .args(extra)
            .env("NO_COLOR", "1")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("briefs serve starts");
        let mut server = Server { child, port: 0 };
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(s) = std::fs::read_to_string(&port_file) {
                if let Ok(p) = s.trim().parse() {
                    server.port = p;
                    return server;
                }
            }
            if let Ok(Some(status)) = server.child.try_wait() {
                panic!("briefs serve exited early: {status}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("briefs serve wrote no port file within 20 s");
    }

    /// GET `path`.
    pub fn get(&self, path: &str) -> Reply {
        request(self.port, "GET", path)
    }

    /// GET that must answer 200 with JSON.
    pub fn ok(&self, path: &str) -> Value {
        let r = self.get(path);
        assert_eq!(r.status, 200, "GET {path}: {}", r.body);
        assert_eq!(r.content_type, "application/json", "GET {path}");
        r.json()
    }

    /// GET that must answer `status` with the JSON error shape; returns the message.
    pub fn error(&self, path: &str, status: u16) -> String {
        let r = self.get(path);
        error_of(&r, status, path)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Checks the JSON error shape of `r` and returns its message.
pub fn error_of(r: &Reply, status: u16, what: &str) -> String {
    assert_eq!(r.status, status, "{what}: {}", r.body);
    assert_eq!(r.content_type, "application/json", "{what}");
    let v = r.json();
    assert_eq!(v["error"]["status"], status, "{what}: {v}");
    let msg = v["error"]["message"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(!msg.is_empty(), "{what}: empty message");
    for bad in ["panicked", "RUST_BACKTRACE", "src/", ".rs:"] {
        assert!(!msg.contains(bad), "{what}: internal detail in {msg:?}");
    }
    msg
}

/// An HTTP answer.
pub struct Reply {
    /// Status code.
    pub status: u16,
    /// `Content-Type`.
    pub content_type: String,
    /// The head: status line and headers.
    pub headers: String,
    /// The body, de-chunked.
    pub body: String,
}

impl Reply {
    /// The body as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

/// A minimal HTTP/1.1 client: one request per connection, `Connection: close`.
pub fn request(port: u16, method: &str, path: &str) -> Reply {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connects");
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("reads the answer");
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("headers end");
    let head = String::from_utf8_lossy(&raw[..split]).to_string();
    let mut body = raw[split + 4..].to_vec();
    let status: u16 = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("status");
    let header = |name: &str| {
        head.lines()
            .find_map(|l| {
                let (k, v) = l.split_once(':')?;
                k.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
            })
            .unwrap_or_default()
    };
    if header("transfer-encoding").eq_ignore_ascii_case("chunked") {
        body = dechunk(&body);
    }
    Reply {
        status,
        content_type: header("content-type"),
        body: String::from_utf8(body).expect("UTF-8 body"),
        headers: head,
    }
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(eol) = b.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size = usize::from_str_radix(std::str::from_utf8(&b[..eol]).unwrap().trim(), 16)
            .expect("chunk size");
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&b[eol + 2..eol + 2 + size]);
        b = &b[eol + 2 + size + 2..];
    }
}

/// A temporary folder with a copy of `tests/fixtures/archive` at `archive/`.
pub fn workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    super::copy_dir(&super::fixture("archive"), &dir.path().join("archive"));
    let index = dir.path().join("idx");
    (dir, index)
}

/// Writes `count` briefs of `briefs synth` (seed 1) under `work/archive/synth`: entities and
/// dated events for the entity and timeline endpoints.
pub fn add_synth(work: &Path, count: usize) {
    briefs::synth::generate(&briefs::synth::SynthOptions {
        count,
        seed: 1,
        out: work.join("archive/synth"),
    })
    .expect("synth writes");
}
