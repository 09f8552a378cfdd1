#!/usr/bin/env python3
"""Two `cyberframe serve` instances on one PostgreSQL database share the login throttle.

What a team running several servers relies on (docs/security.md, docs/deployment.md):
1. Failures through server A delay sign-in attempts through server B: after the three free
   failures of a name and address through A, B answers the next attempt, even with the right
   password, 429 with Retry-After, and it is A's delay; once it has passed, B signs the user in.
2. Parallel guesses through both servers cannot exceed the free failures: thirty wrong passwords
   for one fresh account sent at once, half through A and half through B, have at most three
   passwords checked (401); the others are refused before the check (429, or 503 while the
   password checks are busy); nothing signs in, and the audit trail counts at most three failed
   sign-ins of that name.
3. The same for unknown names from one address: at most twenty (the address's free failures)
   are checked across both servers.
4. The audit trail stays one chain: `audit verify` passes afterwards.

Needs CYBERFRAME_TEST_POSTGRES (scripts/pg-cluster run -- ...).

    shared_throttle.py CYBERFRAME_BINARY
"""
import http.client
import json
import os
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "api"))
from run_api_tests import Server  # noqa: E402  (the API tests' server, started the same way)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cluster import createdb  # noqa: E402

binary = os.path.abspath(sys.argv[1])
cluster = os.environ.get("CYBERFRAME_TEST_POSTGRES")
if not cluster:
    sys.exit("shared_throttle: CYBERFRAME_TEST_POSTGRES is not set: run under "
             "'scripts/pg-cluster run -- ctest ...' (scripts/test does)")

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


class Workspace:
    """The options that name the workspace, as run_api_tests.Server takes them."""

    def __init__(self, db, work, name):
        self.options = ["--db", db, "--audit-key", os.path.join(work, name + ".audit-key"),
                        "--audit-anchor", os.path.join(work, name + ".audit-anchor")]


def sign_in(port, name, password):
    """(status, Retry-After) of one sign-in; status 0 for a connection the server dropped."""
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        c.request("POST", "/api/v1/session", body=json.dumps({"name": name, "password": password}),
                  headers={"Content-Type": "application/json"})
        r = c.getresponse()
        r.read()
        return r.status, r.getheader("Retry-After")
    except (ConnectionError, http.client.HTTPException):
        return 0, None
    finally:
        c.close()


def run(db, cwd, *args, stdin=""):
    p = subprocess.run([binary, "--db", db, "--as", "setup", *args], cwd=cwd, input=stdin,
                       capture_output=True, text=True, timeout=120)
    if p.returncode != 0:
        sys.exit(f"shared_throttle: cyberframe {' '.join(args)} failed: {p.stderr}")
    return p.stdout


def at_once(attempts):
    """Runs the (port, name, password) attempts at the same moment; their (status, Retry-After)."""
    results = [None] * len(attempts)
    start = threading.Barrier(len(attempts))

    def one(i, port, name, password):
        start.wait()
        results[i] = sign_in(port, name, password)

    threads = [threading.Thread(target=one, args=(i, *a)) for i, a in enumerate(attempts)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def failed_sign_ins(db, cwd, name):
    """How many failed sign-ins of `name` the audit trail records (rows carry a count each)."""
    out = run(db, cwd, "audit", "log", "--entity", "session", "--id", name, "--limit", "1000",
              "--format", "json")
    rows = json.loads(out) if out.strip() else []
    if isinstance(rows, dict):
        rows = rows.get("items", rows.get("rows", []))
    total = 0
    for row in rows:
        if row.get("action") != "sign-in-failed":
            continue
        after = row.get("after")
        if isinstance(after, str):
            after = json.loads(after)
        total += int(after.get("failures", 0))
    return total


def scenarios(a, b, db, work):
    # 1. Three failures through A; B refuses the next attempt, the right password too.
    for i in range(3):
        status, _ = sign_in(a, "alice", "wrong password " + str(i))
        check(status == 401, f"wrong password {i + 1} through A is checked (401), got {status}")
    status, retry = sign_in(b, "alice", "alice-password-1")
    check(status == 429 and retry and 1 <= int(retry) <= 5,
          f"after three failures through A, B answers 429 with A's delay (Retry-After 1-5 s): "
          f"{status} {retry}")
    status, retry_a = sign_in(a, "alice", "alice-password-1")
    check(status == 429, f"and so does A: {status}")
    time.sleep(int(retry or 5) + 0.2)
    status, _ = sign_in(b, "alice", "alice-password-1")
    check(status == 200, f"once the delay has passed, B signs alice in: {status}")

    # 2. Thirty wrong passwords for a fresh account at once, half through each server.
    results = at_once([(a if i % 2 else b, "bob", f"guess {i}") for i in range(30)])
    statuses = [s for s, _ in results]
    checked = statuses.count(401)
    print(f"30 parallel wrong passwords through two servers: {checked} checked (401), "
          f"{statuses.count(429)} refused (429), {statuses.count(503)} busy (503), "
          f"{statuses.count(0)} dropped")
    check(1 <= checked <= 3, f"at most the 3 free failures are checked across both servers: "
                             f"{checked}")
    check(200 not in statuses, "no guess signed in")
    check(all(s in (0, 401, 429, 503) for s in statuses),
          f"only 401, 429 and 503 (or a dropped connection): {sorted(set(statuses))}")
    check(all(r and r.isdigit() and int(r) > 0 for s, r in results if s in (429, 503)),
          "every 429 and 503 carries Retry-After")
    recorded = failed_sign_ins(db, work, "bob")
    check(recorded <= 3, f"the audit trail records at most 3 failed sign-ins of bob: {recorded}")

    # 3. Unknown names from one address, through both: the address's free failures at most.
    # (This address has 3 + 1 + 3 failures so far: alice's and bob's; a success leaves the
    # address's count.)
    before = 3 + checked
    results = at_once([(a if i % 2 else b, f"nobody{i}", "some password") for i in range(30)])
    statuses = [s for s, _ in results]
    checked = statuses.count(401)
    print(f"30 parallel unknown names through two servers: {checked} checked (401), "
          f"{statuses.count(429)} refused (429), {statuses.count(503)} busy (503)")
    check(checked <= 20 - before,
          f"at most the address's 20 free failures in all are checked: {before} before, "
          f"{checked} now")


def main():
    with tempfile.TemporaryDirectory() as work:
        name = f"shared_throttle_{os.getpid()}"
        db = createdb(cluster, name)
        run(db, work, "init")
        run(db, work, "user", "add", "alice", "--password-stdin", stdin="alice-password-1\n")
        run(db, work, "user", "add", "bob", "--password-stdin", stdin="bob-password-12\n")
        workspace = Workspace(db, work, name)
        a, b = Server(binary, workspace), Server(binary, workspace)
        try:
            scenarios(a.port, b.port, db, work)
        finally:
            a.stop()
            b.stop()
        verify = subprocess.run([binary, "--db", db, "audit", "verify"], cwd=work,
                                capture_output=True, text=True)
        check(verify.returncode == 0 and "intact" in verify.stdout,
              f"audit verify after the two servers: {verify.stdout}{verify.stderr}")
    if failures:
        sys.exit(f"shared_throttle: {len(failures)} failure(s)")
    print("shared_throttle: failures through one server delay the other, parallel guesses "
          "through both stay within the free failures, audit trail intact")


if __name__ == "__main__":
    main()
