#!/usr/bin/env python3
"""The server under TLS (finding 8: HSTS and the __Host- cookie prefix): HTTPS answers carry
Strict-Transport-Security, the session cookie is Secure, a connection that never completes the
TLS handshake is closed at the head deadline, old protocol versions are refused, and a bad
certificate stops the start with exit status 3.

Usage: test_tls.py CYBERFRAME_BINARY
"""
import http.client
import json
import os
import ssl
import subprocess
import time

from harness import closed_by_peer, connect, main, password


def run(suite, binary, db, tmp):
    cert, key = os.path.join(tmp, "cert.pem"), os.path.join(tmp, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
                    "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1"],
                   check=True, capture_output=True)
    p = subprocess.Popen([binary, "--db", db, "serve", "--listen", "127.0.0.1:0",
                          "--tls-cert", cert, "--tls-key", key],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = p.stdout.readline().strip()
    suite.check(line.startswith("listening on https://127.0.0.1:"), "the server says https",
                repr(line))
    port = int(line.rsplit(":", 1)[1])
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE

    def request(method, path, body=None, headers=None):
        c = http.client.HTTPSConnection("127.0.0.1", port, timeout=10, context=context)
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse()
        data = r.read()
        c.close()
        return r.status, data, {k.lower(): v for k, v in r.getheaders()}

    try:
        status, body, headers = request("GET", "/healthz")
        suite.check(status == 200 and headers.get("strict-transport-security") == "max-age=31536000",
                    "finding 8: HTTPS answers carry HSTS", str(headers.get("strict-transport-security")))
        status, body, headers = request(
            "POST", "/api/v1/session",
            json.dumps({"name": "editor1", "password": password("editor1")}),
            {"Content-Type": "application/json"})
        cookie = headers.get("set-cookie", "")
        suite.check(status == 200 and "Secure" in cookie and "HttpOnly" in cookie,
                    "under TLS the session cookie is Secure and HttpOnly", cookie)
        suite.check(cookie.startswith("__Host-") and "Path=/" in cookie and "Domain" not in cookie,
                    "finding 8: under TLS the session cookie has the __Host- prefix", cookie)
        name_value = cookie.split(";")[0]
        status, body, _ = request("GET", "/api/v1/organizations", headers={"Cookie": name_value})
        suite.check(status == 200, "the __Host- cookie signs in", f"status {status}")

        # The server, not the client, refuses TLS 1.1: its alert "protocol version" (70).
        r = subprocess.run(["openssl", "s_client", "-connect", f"127.0.0.1:{port}", "-tls1_1",
                            "-cipher", "DEFAULT:@SECLEVEL=0"], input="", capture_output=True,
                           text=True, timeout=30)
        suite.check("alert protocol version" in r.stdout + r.stderr,
                    "TLS 1.1 is refused by the server (alert protocol version)",
                    (r.stdout + r.stderr).strip().splitlines()[0][:160] if (r.stdout + r.stderr).strip() else "")
        r = subprocess.run(["openssl", "s_client", "-connect", f"127.0.0.1:{port}", "-tls1_2"],
                           input="", capture_output=True, text=True, timeout=30)
        suite.check("Protocol  : TLSv1.2" in r.stdout, "TLS 1.2 is accepted")

        # A connection that opens and never says hello is closed by the head deadline (10 s).
        s = connect(port)
        start = time.monotonic()
        closed = closed_by_peer(s, 15)
        suite.check(closed and 4 < time.monotonic() - start < 14,
                    "a connection that never completes the TLS handshake is closed",
                    f"after {time.monotonic() - start:.1f} s")
        s.close()
    finally:
        p.terminate()
        p.wait(timeout=15)

    # A certificate and key that do not belong together stop the start (exit 3).
    other_cert = os.path.join(tmp, "other.pem")
    other_key = os.path.join(tmp, "other-key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                    other_key, "-out", other_cert, "-days", "2", "-subj", "/CN=x"],
                   check=True, capture_output=True)
    r = subprocess.run([binary, "--db", db, "serve", "--listen", "127.0.0.1:0", "--tls-cert",
                        cert, "--tls-key", other_key], capture_output=True, text=True, timeout=30)
    suite.check(r.returncode == 3 and "cyberframe: error:" in r.stderr,
                "a key that does not match the certificate stops the start (exit 3)",
                f"exit {r.returncode}: {r.stderr.strip()[:160]}")


if __name__ == "__main__":
    main(run)
