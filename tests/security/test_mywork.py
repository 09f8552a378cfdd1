#!/usr/bin/env python3
"""My work, people and the calendar feed (docs/api.md, "My work, people and the calendar feed").

- Access, route by route: every operation of the OpenAPI document under the tags `my-work` and
  `calendar` (harness.tagged_operations: a new route joins by being documented) is tried with no
  account (401; the feed itself needs none and answers 404 to a made-up secret), by an account
  that is not the one named (404, as if it did not exist), and, for a change, with a forged CSRF
  token and by a read-only API token (403). Nothing refused writes an audit row.
- The feed's secret is the credential: only its SHA-256 is stored; an unknown, malformed,
  replaced or removed secret, one with a query string, and the secret of a disabled account all
  get the same 404 body, with nothing that tells them apart; a live one answers text/calendar.
- My work reaches only the organizations the account has a role in: ?organization= another is 404.

Usage: test_mywork.py CYBERFRAME_BINARY
"""
import hashlib
import json
import sqlite3
import subprocess

from harness import Client, Server, main, tagged_operations
from test_risks import newest_audit


def run(suite, binary, db, tmp):
    server = Server(binary, db)
    try:
        replay(suite, server, binary, db)
    finally:
        server.stop()


def replay(suite, server, binary, db):
    port = server.port
    root = Client(port, "root")
    editor = Client(port, "editor1")
    other = Client(port, "editor2")
    anonymous = Client(port)

    status, _, body, _ = anonymous.request("GET", "/api/v1/openapi.json")
    document = json.loads(body)
    operations = tagged_operations(document, "my-work") + tagged_operations(document, "calendar")
    suite.check(len(operations) >= 6, "the document lists the my-work and calendar routes",
                f"{len(operations)} operations")

    # A read-only API token of editor1.
    status, _, body, _ = editor.request("POST", "/api/v1/tokens",
                                        {"name": "ro", "scope": "read-only"})
    suite.check(status == 201, "a read-only token made", f"got {status} {body[:200]!r}")
    reader = Client(port)
    reader.token = json.loads(body)["token"]

    before = newest_audit(root)
    payload = {"email": "x@example.org", "aliases": ["CISO"]}
    for method, path, op in operations:
        write = method not in ("GET", "HEAD")
        body = payload if method == "PUT" else None
        status, _, answer, _ = anonymous.request(method, path, body)
        if op.get("security") == []:
            suite.check(status == 404, f"{method} {path} without an account: 404 (no such feed)",
                        f"got {status}")
            continue
        suite.check(status == 401, f"{method} {path} without an account: 401", f"got {status}")
        if "{name}" in [p for p in document["paths"] if document["paths"][p].get(method.lower()) is op][0]:
            # The example names root: editor2 is not root and no administrator.
            status, _, _, _ = other.request(method, path, body)
            suite.check(status == 404, f"{method} {path} of another account: 404", f"got {status}")
        if write:
            status, _, _, _ = root.request(method, path, body, {"X-CSRF-Token": "forged"})
            suite.check(status == 403, f"{method} {path} with a forged CSRF token: 403",
                        f"got {status}")
            status, _, _, _ = reader.request(method, path.replace("/root/", "/editor1/"), body)
            suite.check(status == 403, f"{method} {path} with a read-only token: 403",
                        f"got {status}")
    suite.check(newest_audit(root) == before, "no refused request wrote anything",
                f"newest audit row {before} before, {newest_audit(root)} after")

    # --- my work: only the organizations of the account's roles --------------------------------
    status, _, _, _ = other.request("GET", "/api/v1/me/work?organization=1")
    suite.check(status == 404, "my work in an organization without a role: 404", f"got {status}")
    status, _, body, _ = other.request("GET", "/api/v1/me/work?today=2026-02-30")
    suite.check(status == 400 and b"today" in body, "my work on a date that is not one: 400",
                f"got {status} {body[:200]!r}")

    # --- the feed ---------------------------------------------------------------------------------
    status, _, body, _ = editor.request("POST", "/api/v1/users/editor1/calendar-token", {})
    suite.check(status == 201, "editor1 makes a calendar address", f"got {status} {body[:200]!r}")
    made = json.loads(body)
    secret, path = made["token"], made["path"]
    status, ctype, ics, _ = anonymous.request("GET", path)
    suite.check(status == 200 and (ctype or "").startswith("text/calendar") and
                ics.startswith(b"BEGIN:VCALENDAR\r\n") and ics.endswith(b"END:VCALENDAR\r\n"),
                "the feed answers without a session, as iCalendar", f"got {status} {ctype}")
    with sqlite3.connect(db) as c:
        stored = [r[0] for r in c.execute("SELECT calendar_token_hash FROM person")]
    suite.check(hashlib.sha256(secret.encode()).hexdigest() in stored and
                all(secret not in (s or "") for s in stored),
                "only the SHA-256 of the feed's secret is stored", f"{stored}")

    status, _, missing, _ = anonymous.request("GET", "/api/v1/calendar/cal_madeup.ics")
    refusals = {
        "an unknown secret": "/api/v1/calendar/cal_madeup.ics",
        "the secret without .ics": path[:-4],
        "the secret with a query": path + "?x=1",
        "a secret of another form": "/api/v1/calendar/" + secret[4:] + ".ics",
        "a very long secret": "/api/v1/calendar/cal_" + "a" * 500 + ".ics",
    }
    for what, p in refusals.items():
        status, _, body, _ = anonymous.request("GET", p)
        suite.check(status == 404 and body == missing, f"{what}: the same 404",
                    f"got {status} {body[:200]!r}")
    status, _, body, _ = root.request("POST", "/api/v1/users/editor1/calendar-token", {})
    suite.check(status == 201, "an administrator makes a new address for editor1", f"got {status}")
    newer = json.loads(body)["path"]
    status, _, body, _ = anonymous.request("GET", path)
    suite.check(status == 404 and body == missing, "the replaced address: the same 404",
                f"got {status}")
    subprocess.run([binary, "--db", db, "--as", "setup", "user", "disable", "editor1"],
                   check=True, capture_output=True)
    status, _, body, _ = anonymous.request("GET", newer)
    suite.check(status == 404 and body == missing, "a disabled account's address: the same 404",
                f"got {status}")
    subprocess.run([binary, "--db", db, "--as", "setup", "user", "enable", "editor1"],
                   check=True, capture_output=True)
    status, _, _, _ = anonymous.request("GET", newer)
    suite.check(status == 200, "enabled again, the address answers", f"got {status}")
    status, _, _, _ = root.request("DELETE", "/api/v1/users/editor1/calendar-token")
    suite.check(status == 204, "the feed stopped", f"got {status}")
    status, _, body, _ = anonymous.request("GET", newer)
    suite.check(status == 404 and body == missing, "a stopped feed: the same 404", f"got {status}")


if __name__ == "__main__":
    main(run)
