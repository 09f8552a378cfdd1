#!/usr/bin/env python3
"""Parallel sign-in attempts against a live `cyberframe serve` (issue 10, finding 7).

1. Thirty wrong passwords for one account sent at once from one address: the throttle reserves
   each attempt before the password is checked, so at most 3 (the free failures of a name and
   address) are verified (401); every other one is 429 with Retry-After (or 503 while the password
   checks are busy, or a connection the HTTP layer dropped), and nothing signed in.
2. Thirty sign-ins of thirty unknown names at once: at most 20 (the free failures of an address)
   are verified; the rest are 429, or 503 with Retry-After when the two argon2id checks the server
   runs at once are busy for more than a second. The server still answers, and its peak memory
   (VmHWM) stays within what two concurrent checks cost (64 MiB each), where thirty at once would
   take about 2 GiB.

Also prints (never asserts: no timed assertions) the median time of a wrong password and of an
unknown name, which the dummy verification keeps alike.

Usage: parallel_sign_in.py CYBERFRAME_BINARY
"""
import http.client
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def memory_kib(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def sign_in(port, name, password):
    """(status, Retry-After, Set-Cookie); status 0 when the connection failed (the HTTP layer may
    refuse or drop connections beyond its per-address cap: those attempts were not checked)."""
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        c.request("POST", "/api/v1/session", body=json.dumps({"name": name, "password": password}),
                  headers={"Content-Type": "application/json"})
        r = c.getresponse()
        r.read()
        return r.status, r.getheader("Retry-After"), r.getheader("Set-Cookie")
    except (OSError, http.client.HTTPException):
        return 0, None, None
    finally:
        c.close()


def alive(port):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        c.request("GET", "/healthz")
        return c.getresponse().status == 200
    except (OSError, http.client.HTTPException):
        return False
    finally:
        c.close()


def at_once(port, attempts):
    """Sends every (name, password) of `attempts` at the same moment; their answers in order."""
    results = [None] * len(attempts)
    start = threading.Barrier(len(attempts))

    def one(i, name, password):
        start.wait()
        results[i] = sign_in(port, name, password)

    threads = [threading.Thread(target=one, args=(i, n, p)) for i, (n, p) in enumerate(attempts)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def main():
    binary = sys.argv[1]
    with tempfile.TemporaryDirectory(prefix="cyberframe-parallel-") as tmp:
        db = os.path.join(tmp, "ws.db")
        subprocess.run([binary, "--db", db, "init"], check=True, capture_output=True)
        for name in ("alice", "bob"):
            subprocess.run([binary, "--db", db, "user", "add", name, "--password-stdin"],
                           input=f"{name}-password-1\n", text=True, check=True, capture_output=True)
        p = subprocess.Popen([binary, "--db", db, "serve", "--listen", "127.0.0.1:0"],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            line = p.stdout.readline().strip()
            check(line.startswith("listening on http://127.0.0.1:"), f"startup line {line!r}")
            port = int(line.rsplit(":", 1)[1])
            run(port, p.pid)
        finally:
            p.send_signal(signal.SIGTERM)
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
    print("parallel sign-in:", "FAILED" if failures else "passed")
    return 1 if failures else 0


def run(port, pid):
    # One sign-in first, so that idle memory includes what one check costs.
    status, _, _ = sign_in(port, "bob", "bob-password-1")
    check(status == 200, f"bob signs in: {status}")
    idle = memory_kib(pid, "VmRSS")

    # Information only (before the floods slow this address down): an unknown name takes as long
    # as a wrong password, thanks to the dummy verification.
    def median_ms(name):
        times = []
        for i in range(3):
            start = time.monotonic()
            sign_in(port, name, f"still-wrong-{i}")
            times.append((time.monotonic() - start) * 1000)
        return statistics.median(times)

    wrong, unknown = median_ms("bob"), median_ms("nobody-at-all")
    print(f"median time: wrong password {wrong:.0f} ms, unknown name {unknown:.0f} ms (not asserted)")

    # 1. Thirty wrong passwords for one name at once.
    results = at_once(port, [("alice", f"wrong-password-{i}") for i in range(30)])
    statuses = [s for s, _, _ in results]
    verified = statuses.count(401)
    print(f"30 parallel wrong passwords for one name: {verified} checked (401), "
          f"{statuses.count(429)} refused before the check (429), {statuses.count(503)} busy (503), "
          f"{statuses.count(0)} connections dropped")
    check(1 <= verified <= 3, f"at most 3 of 30 parallel attempts are checked, not {verified}")
    check(all(s in (0, 401, 429, 503) for s in statuses), f"only 401, 429 and 503 (or a dropped connection): {sorted(set(statuses))}")
    check(all(ra and ra.isdigit() and int(ra) > 0 for s, ra, _ in results if s in (429, 503)),
          "every 429 and 503 carries Retry-After")
    check(not any(cookie for _, _, cookie in results), "no attempt started a session")
    # (Whether the right password must wait now depends on the clock: the delay after the third
    # failure is 5 s, and an attempt answered 503 is not counted. auth.http and the unit tests
    # check it.)

    # 2. Thirty unknown names at once from one address.
    results = at_once(port, [(f"nobody-{i}", "a wrong password") for i in range(30)])
    statuses = [s for s, _, _ in results]
    verified = statuses.count(401)
    print(f"30 parallel unknown names: {verified} checked (401), {statuses.count(429)} refused (429), "
          f"{statuses.count(503)} busy (503), {statuses.count(0)} connections dropped")
    check(verified <= 20, f"at most 20 failures of one address are checked at once, not {verified}")
    check(all(s in (0, 401, 429, 503) for s in statuses), f"only 401, 429 and 503 (or a dropped connection): {sorted(set(statuses))}")
    check(all(ra and ra.isdigit() for s, ra, _ in results if s in (429, 503)),
          "every 429 and 503 carries Retry-After")
    check(alive(port), "the server still answers /healthz")
    peak = memory_kib(pid, "VmHWM")
    print(f"memory: {idle // 1024} MiB after one sign-in, peak {peak // 1024} MiB during the floods")
    # Two checks at once cost 128 MiB beyond the one already counted in `idle`; thirty would
    # cost about 1.9 GiB.
    check(peak - idle < 200 * 1024, f"peak memory {peak // 1024} MiB, idle {idle // 1024} MiB")


if __name__ == "__main__":
    sys.exit(main())
