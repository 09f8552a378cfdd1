#!/usr/bin/env python3
"""Findings 1-3 and the HTTP items of finding 8, replayed against a live server: unbounded
requests before sign-in (gzip, chunked, header lines), range amplification, slow and idle
connections, per-address caps, and what every answer of the HTTP layer must look like.

Usage: test_http.py CYBERFRAME_BINARY
"""
import select
import socket
import time
import zlib

from harness import MIB, Client, Server, closed_by_peer, connect, main, read_response

SECURITY_HEADERS = ("x-content-type-options", "x-frame-options", "content-security-policy",
                    "cache-control")


def gzip_bomb(inflated):
    """A gzip stream of `inflated` zero bytes (about a thousandth of that)."""
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"\0" * MIB
    out = b"".join(z.compress(block) for _ in range(inflated // MIB))
    return out + z.flush()


def send_until_answered(s, head, chunks, total):
    """Sends `head`, then chunks until `total` bytes went out or the server answers; returns the
    answer and how many body bytes were sent before it came."""
    s.sendall(head)
    sent = 0
    for chunk in chunks:
        readable, _, _ = select.select([s], [], [], 0)
        if readable or sent >= total:
            break
        try:
            s.sendall(chunk)
        except (BrokenPipeError, ConnectionResetError):
            break
        sent += len(chunk)
    s.settimeout(15)
    return read_response(s) + (sent,)


def chunked(size, piece=64 * 1024):
    data = b"a" * piece
    frame = f"{piece:x}\r\n".encode() + data + b"\r\n"
    for _ in range(size // piece):
        yield frame


def header_lines(size):
    line = b"X-Filler: " + b"b" * 1000 + b"\r\n"
    for _ in range(size // len(line)):
        yield line


def run(suite, binary, db, tmp):
    server = Server(binary, db)
    port = server.port
    anonymous = Client(port)
    editor = Client(port, "editor1")
    # Warm up (catalog, a workspace connection per thread), then the idle size.
    for _ in range(50):
        anonymous.request("GET", "/healthz")
        editor.request("GET", "/api/v1/organizations/1/dashboard")
    time.sleep(0.5)
    idle_mib = server.rss_mib()
    threads_idle = server.threads()
    print(f"idle: {idle_mib:.1f} MiB, {threads_idle} threads")

    def bounded(what, attack):
        """Runs `attack`; checks that the server's peak RSS stayed under 64 MiB above idle."""
        server.reset_peak()
        before = server.rss_mib()
        attack()
        peak = server.peak_mib()
        suite.check(peak - idle_mib < 64,
                    f"{what}: peak RSS under 64 MiB above idle",
                    f"idle {idle_mib:.1f} MiB, before {before:.1f}, peak {peak:.1f}")

    # --- finding 1: unbounded requests before sign-in ------------------------------------------
    bomb = gzip_bomb(512 * MIB)

    def gzip_attack(path):
        def attack():
            s = connect(port)
            head = (f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    f"Content-Encoding: gzip\r\nContent-Length: {len(bomb)}\r\n\r\n").encode()
            status, headers, body, _ = send_until_answered(
                s, head, (bomb[i:i + 65536] for i in range(0, len(bomb), 65536)), len(bomb))
            s.close()
            suite.check(status == 415, f"finding 1: a {len(bomb) // 1024} KB gzip body to {path} "
                        "is refused with 415", f"status {status} {body[:120]!r}")
            suite.check(all(h in headers for h in SECURITY_HEADERS),
                        "finding 8: the HTTP layer's 415 carries the security headers",
                        str(sorted(headers)))
        return attack

    bounded("finding 1 (gzip to the sign-in)", gzip_attack("/api/v1/session"))
    bounded("finding 1 (gzip to any path)", gzip_attack("/any/path/at/all"))

    def chunked_attack(path, expect, client=None, limit_note=""):
        def attack():
            s = connect(port)
            extra = ""
            if client is not None:
                extra = "".join(f"{k}: {v}\r\n" for k, v in client.headers(method="POST").items())
            head = (f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    f"{extra}Transfer-Encoding: chunked\r\n\r\n").encode()
            start = time.monotonic()
            status, headers, body, sent = send_until_answered(s, head, chunked(200 * MIB),
                                                              200 * MIB)
            s.close()
            suite.check(status == expect,
                        f"finding 1: a 200 MiB chunked body to {path} is refused with {expect}"
                        f"{limit_note}",
                        f"status {status} after {sent // 1024} KiB sent, "
                        f"{time.monotonic() - start:.2f} s; {body[:100]!r}")
        return attack

    bounded("finding 1 (chunked to the sign-in)",
            chunked_attack("/api/v1/session", 413, limit_note=" (16 KiB for routes open to all)"))
    bounded("finding 1 (chunked to a route that needs an account, not signed in)",
            chunked_attack("/api/v1/profiles/1/import?format=csv", 401))
    bounded("finding 1 (chunked to an import, signed in)",
            chunked_attack("/api/v1/profiles/1/import?format=csv", 413, editor,
                           " (8 MiB for uploads)"))
    bounded("finding 1 (chunked to no route)", chunked_attack("/nothing/here", 404))

    def header_attack():
        s = connect(port)
        status, headers, body, sent = send_until_answered(
            s, b"GET /healthz HTTP/1.1\r\nHost: x\r\n", header_lines(200 * MIB), 200 * MIB)
        s.close()
        suite.check(status == 431, "finding 1: 200 MiB of header lines are refused with 431",
                    f"status {status} after {sent // 1024} KiB sent")
        suite.check(all(h in headers for h in SECURITY_HEADERS),
                    "finding 8: the HTTP layer's 431 carries the security headers")

    bounded("finding 1 (header lines)", header_attack)

    def many_fields():
        s = connect(port)
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n" +
                  b"".join(f"X-F{i}: 1\r\n".encode() for i in range(200)) + b"\r\n")
        status, headers, body = read_response(s)
        s.close()
        suite.check(status == 431, "finding 1: 200 header fields (over the 100 allowed) get 431",
                    f"status {status}")

    bounded("finding 1 (header count)", many_fields)

    def long_target():
        s = connect(port)
        s.sendall(b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
        status, headers, body = read_response(s)
        s.close()
        suite.check(status == 414, "finding 8: a 9,000-byte target gets 414", f"status {status}")
        suite.check(all(h in headers for h in SECURITY_HEADERS),
                    "finding 8: the HTTP layer's 414 carries the security headers")

    long_target()

    # --- finding 2: range amplification ---------------------------------------------------------
    status, _, document, _ = anonymous.request("GET", "/api/v1/openapi.json")

    def range_attack():
        ranges = ",".join(["0-"] * 2700)
        start = time.monotonic()
        s = connect(port)
        s.sendall(f"GET /api/v1/openapi.json HTTP/1.1\r\nHost: x\r\nRange: bytes={ranges}\r\n\r\n"
                  .encode())
        status, headers, body = read_response(s, limit=len(document) * 3)
        s.settimeout(0.5)
        try:
            extra = s.recv(65536)
        except socket.timeout:
            extra = b""
        s.close()
        suite.check(status == 200 and body == document and not extra,
                    "finding 2: 2,700 ranges get the document once (200, no multipart)",
                    f"status {status}, {len(body)} bytes (document {len(document)}), "
                    f"{time.monotonic() - start:.2f} s")

    bounded("finding 2 (ranges)", range_attack)
    status, _, body, headers = anonymous.request("GET", "/api/v1/openapi.json",
                                                 headers={"Range": "bytes=10-19"})
    suite.check(status == 206 and body == document[10:20] and
                headers.get("content-range") == f"bytes 10-19/{len(document)}",
                "finding 2: one range is still served (206)", f"status {status}")
    status, _, body, headers = anonymous.request("GET", "/api/v1/openapi.json",
                                                 headers={"Range": f"bytes={len(document)}-"})
    suite.check(status == 416 and headers.get("content-range") == f"bytes */{len(document)}",
                "finding 2: a range past the end gets 416", f"status {status}")

    # --- finding 3: slow and idle connections ----------------------------------------------------
    def slow_and_idle():
        idle, slow = [], []
        # 500 idle and 50 slow-header connections, from ten loopback addresses (a client address
        # holds at most 256 connections: see the per-address check below).
        for i in range(500):
            idle.append(connect(port, f"127.0.0.{2 + i % 10}"))
        for i in range(50):
            s = connect(port, f"127.0.1.{2 + i % 10}")
            s.sendall(b"GET /healthz HTTP/1.1\r\n")
            slow.append(s)
        time.sleep(0.3)
        threads = server.threads()
        rss = server.rss_mib()
        start = time.monotonic()
        s = connect(port)
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        status, _, body = read_response(s)
        took = time.monotonic() - start
        s.close()
        suite.check(status == 200 and took < 0.1,
                    "finding 3: with 500 idle and 50 slow-header connections open, /healthz from "
                    "a new connection answers in under 100 ms", f"status {status}, {took * 1000:.1f} ms")
        suite.check(rss < 100, "finding 3: RSS stays under 100 MB with 550 connections open",
                    f"{rss:.1f} MiB")
        suite.check(threads == threads_idle,
                    "finding 3: open connections cost no threads",
                    f"{threads} threads with 550 connections, {threads_idle} idle")
        open_now = sum(not closed_by_peer(c) for c in idle + slow)
        suite.check(open_now == 550, "finding 3: all 550 connections were held open (none refused)",
                    f"{open_now} open")
        # Trickle a byte every 2 s: the head deadline (10 s) ends them anyway; idle ones end
        # after 5 s.
        deadline = time.monotonic() + 12
        while time.monotonic() < deadline:
            for c in slow:
                try:
                    c.send(b"X")
                except OSError:
                    pass
            time.sleep(2)
        idle_closed = sum(closed_by_peer(c) for c in idle)
        slow_closed = sum(closed_by_peer(c) for c in slow)
        suite.check(idle_closed == 500, "finding 3: idle connections are closed after 5 s",
                    f"{idle_closed} of 500 closed")
        suite.check(slow_closed == 50,
                    "finding 3: a head trickled byte by byte is cut off at the 10 s deadline",
                    f"{slow_closed} of 50 closed")
        for c in idle + slow:
            c.close()

    bounded("finding 3 (idle and slow connections)", slow_and_idle)

    def per_address():
        conns = [connect(port, "127.0.2.7") for _ in range(300)]
        time.sleep(0.5)
        closed = [closed_by_peer(c) for c in conns]
        suite.check(sum(closed) == 44 and all(closed[:44]) and not any(closed[44:]),
                    "finding 3: one address holds at most 256 connections; over the cap its "
                    "oldest waiting ones are closed", f"{sum(closed)} of 300 closed")
        s = connect(port, "127.0.2.7")
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        status, _, _ = read_response(s)
        suite.check(status == 200, "finding 3: a new request from that address is still answered",
                    f"status {status}")
        for c in conns + [s]:
            c.close()

    per_address()
    thousands = []
    for i in range(3000):
        thousands.append(connect(port, f"127.0.3.{2 + i % 20}"))
    time.sleep(0.3)
    suite.check(server.threads() == threads_idle and server.rss_mib() < 100,
                "finding 3: 3,000 idle connections cost no threads and RSS stays under 100 MB",
                f"{server.threads()} threads, {server.rss_mib():.1f} MiB")
    for c in thousands:
        c.close()

    # --- finding 8: HTTP hygiene ----------------------------------------------------------------
    def raw(request):
        s = connect(port)
        s.sendall(request)
        answer = read_response(s)
        s.close()
        return answer

    status, headers, _ = raw(b"POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                             b"Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
    suite.check(status == 400, "finding 8: Content-Length with Transfer-Encoding gets 400",
                f"status {status}")
    suite.check(all(h in headers for h in SECURITY_HEADERS),
                "finding 8: the HTTP layer's 400 carries the security headers")
    status, _, _ = raw(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: one\r\n two\r\n\r\n")
    suite.check(status == 400, "finding 8: obsolete line folding gets 400", f"status {status}")
    status, _, _ = raw(b"GET /healthz HTTP/1.1\r\n\r\n")
    suite.check(status == 400, "finding 8: HTTP/1.1 without Host gets 400", f"status {status}")
    status, _, _ = raw(b"POST /api/v1/session HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, "
                       b"chunked\r\n\r\n")
    suite.check(status == 501, "finding 8: a transfer coding other than chunked gets 501",
                f"status {status}")
    status, headers, body = raw(b"HEAD /api/v1/openapi.json HTTP/1.1\r\nHost: x\r\n"
                                b"Connection: close\r\n\r\n")
    suite.check(status == 200 and body == b"" and
                headers.get("content-length") == str(len(document)),
                "finding 8: HEAD is answered like GET without the body", f"status {status}")
    status, headers, _ = raw(b"OPTIONS /api/v1/profiles/1/nodes/ID.AM-1 HTTP/1.1\r\nHost: x\r\n"
                             b"Connection: close\r\n\r\n")
    suite.check(status == 204 and headers.get("allow") == "GET, HEAD, PUT, OPTIONS",
                "finding 8: OPTIONS answers 204 with Allow", f"{status} {headers.get('allow')}")
    status, headers, _ = raw(b"DELETE /api/v1/openapi.json HTTP/1.1\r\nHost: x\r\n"
                             b"Connection: close\r\n\r\n")
    suite.check(status == 405 and "GET" in headers.get("allow", ""),
                "finding 8: 405 names the allowed methods", f"{status} {headers.get('allow')}")

    # /metrics names routes and counts answers: administrators only on the main listener.
    status, _, _, _ = anonymous.request("GET", "/metrics")
    suite.check(status == 401, "finding 8: /metrics without an account gets 401", f"status {status}")
    status, _, _, _ = editor.request("GET", "/metrics")
    suite.check(status == 403, "finding 8: /metrics for an editor gets 403", f"status {status}")
    status, _, body, _ = Client(port, "root").request("GET", "/metrics")
    suite.check(status == 200 and b"cyberframe_" in body,
                "/metrics for an administrator is served", f"status {status}")

    suite.check(server.alive(), "the server is still up after every attack")
    server.stop()

    # The separate metrics listener serves /metrics without an account, and nothing else.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        metrics_port = probe.getsockname()[1]
    server = Server(binary, db, "--metrics-listen", f"127.0.0.1:{metrics_port}")
    try:
        on_metrics = Client(metrics_port)
        status, _, body, _ = on_metrics.request("GET", "/metrics")
        suite.check(status == 200 and b"cyberframe_" in body,
                    "finding 8: --metrics-listen serves /metrics without an account",
                    f"status {status}")
        status, _, _, _ = on_metrics.request("GET", "/api/v1/organizations")
        suite.check(status == 404, "the metrics listener serves nothing of the API",
                    f"status {status}")
        status, _, _, _ = Client(server.port).request("GET", "/metrics")
        suite.check(status == 401, "the main listener still needs an account for /metrics",
                    f"status {status}")
    finally:
        server.stop()


if __name__ == "__main__":
    main(run)
