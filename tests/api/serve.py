#!/usr/bin/env python3
"""`cyberframe --db WORKSPACE serve` as a process: it binds, answers over HTTP (the API with a
signed-in session), refuses an oversized body with problem+json, writes one JSON access-log line
per request, and stops cleanly within 5 s of SIGTERM.

Usage: serve.py CYBERFRAME_BINARY
"""
import http.client
import json
import os
import signal
import subprocess
import sys
import tempfile
import time

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def main():
    binary = sys.argv[1]
    with tempfile.TemporaryDirectory(prefix="cyberframe-serve-") as tmp:
        return run(binary, os.path.join(tmp, "ws.db"))


def run(binary, db):
    for args, stdin in ((["init"], ""),
                        (["user", "add", "alice", "--password-stdin"], "alice-password-1\n")):
        subprocess.run([binary, "--db", db, *args], input=stdin, text=True, check=True,
                       capture_output=True)
    p = subprocess.Popen([binary, "--db", db, "serve", "--listen", "127.0.0.1:0",
                          "--metrics-listen", "127.0.0.1:0"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = p.stdout.readline().strip()
    check(line.startswith("listening on http://127.0.0.1:"), f"startup line {line!r}")
    port = int(line.rsplit(":", 1)[1])
    line = p.stdout.readline().strip()
    check(line.startswith("metrics on http://127.0.0.1:") and line.endswith("/metrics"),
          f"metrics line {line!r}")
    metrics_port = int(line.rsplit(":", 1)[1].split("/")[0])

    def request(method, path, body=None, headers=None):
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            c.request(method, path, body=body, headers=headers or {})
        except (BrokenPipeError, ConnectionResetError):
            pass  # refused before the whole body was sent; the answer is still there
        r = c.getresponse()
        data = r.read()
        c.close()
        return r.status, r.getheader("Content-Type"), data, r

    status, ctype, body, _ = request("GET", "/healthz")
    check(status == 200 and json.loads(body) == {"status": "ok"}, "healthz")
    status, ctype, body, r = request("POST", "/api/v1/session",
                                     body=json.dumps({"name": "alice", "password": "alice-password-1"}),
                                     headers={"Content-Type": "application/json"})
    check(status == 200, f"sign in: {status} {body[:200]!r}")
    cookie = (r.getheader("Set-Cookie") or "").split(";")[0]
    signed_in = {"Cookie": cookie}
    status, ctype, body, _ = request("GET", "/api/v1/frameworks/iso-tr-27103-2018/nodes/ID.RA-1")
    check(status == 401, f"the API needs an account: {status}")
    status, ctype, body, _ = request("GET", "/api/v1/frameworks/iso-tr-27103-2018/nodes/ID.RA-1",
                                     headers=signed_in)
    check(status == 200 and json.loads(body)["id"] == "ID.RA-1", "node over HTTP")
    status, ctype, body, _ = request("GET", "/api/v1/references?standard=ISO%2FIEC%2027002%3A2022&clause=8.8",
                                     headers=signed_in)
    check(status == 200 and len(json.loads(body)["citations"]) > 0, "reference look-up with an encoded query")
    status, ctype, body, _ = request("POST", "/api/v1/session", body=b"x" * (9 * 1024 * 1024),
                                     headers={"Content-Type": "application/json"})
    check(status == 413 and ctype == "application/problem+json" and json.loads(body)["status"] == 413,
          f"oversized body: {status} {ctype} {body[:100]!r}")
    status, ctype, body, _ = request("PUT", "/api/v1/references", body=b"{",
                                     headers={"Content-Type": "application/json", **signed_in})
    check(status == 405 and ctype == "application/problem+json", f"write to a read-only resource: {status}")
    status, ctype, body, _ = request("GET", "/metrics")
    check(status == 401, f"/metrics on the main listener needs an administrator: {status}")
    c = http.client.HTTPConnection("127.0.0.1", metrics_port, timeout=10)
    c.request("GET", "/metrics")
    r = c.getresponse()
    body = r.read()
    c.close()
    check(r.status == 200 and b'route="/healthz",status="200"} 1' in body,
          "metrics count the requests (on the metrics listener, without an account)")

    start = time.monotonic()
    p.send_signal(signal.SIGTERM)
    try:
        out, err = p.communicate(timeout=5)
    except subprocess.TimeoutExpired:
        p.kill()
        out, err = p.communicate()
        check(False, "SIGTERM did not stop the server within 5 s")
    check(p.returncode == 0, f"exit status after SIGTERM: {p.returncode}")
    check("stopped" in out, "says it stopped")
    log = [json.loads(l) for l in err.splitlines() if l.startswith("{")]
    check(len(log) >= 5 and all({"at", "method", "path", "status", "ms"} <= set(l) for l in log),
          f"access log: {err[:300]!r}")
    print(f"stopped {time.monotonic() - start:.2f} s after SIGTERM")
    total = 12
    print(f"{total - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
