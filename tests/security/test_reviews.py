#!/usr/bin/env python3
"""The management review's routes (docs/api.md, "Management review") against the findings they
could reopen, on the demo's organization.

- Access, route by route: every operation of the OpenAPI document under the tag `reviews` (a new
  route joins by being documented: harness.tagged_operations) is tried with no account (401), by
  an account without a role in the organization (404, as if it did not exist), and, for a change,
  by a viewer and an auditor (403) and by an editor without the CSRF token (403). The newest audit
  row stays the same through all of it: nothing refused was written, and the review is not held.
- Markup typed into a review's attendees and decisions comes out of the minutes escaped.

Usage: test_reviews.py CYBERFRAME_BINARY
"""
import json

from harness import Client, Server, main, tagged_operations
from test_risks import newest_audit

ORG = "/api/v1/organizations/1"


def run(suite, binary, db, tmp):
    server = Server(binary, db)
    try:
        replay(suite, server)
    finally:
        server.stop()


def replay(suite, server):
    port = server.port
    root = Client(port, "root")
    editor = Client(port, "editor1")
    viewer = Client(port, "viewer1")
    auditor = Client(port, "auditor1")
    other = Client(port, "editor2")
    anonymous = Client(port)

    status, _, body, _ = anonymous.request("GET", "/api/v1/openapi.json")
    operations = tagged_operations(json.loads(body), "reviews")
    suite.check(len(operations) >= 6, "the document lists the review routes",
                f"{len(operations)} operations tagged reviews")

    # The documented example MR-001, not held (the demo's MR-001 when it has one).
    status, _, body, _ = editor.request("GET", ORG + "/isms/reviews/MR-001")
    if status == 404:
        status, _, body, _ = editor.request(
            "POST", ORG + "/isms/reviews",
            {"ref": "MR-001", "title": "Management review <script>x</script>",
             "status": "in-preparation",
             "fields": {"date": "2026-12-20", "attendees": ["<img src=x onerror=alert(1)>", "CISO"],
                        "decisions": "<script>alert(2)</script>"}})
        suite.check(status == 201, "a review to try the routes on", f"got {status} {body[:200]!r}")

    before = newest_audit(root)
    payload = json.dumps({"title": "x", "due": "2026-12-31"}).encode()
    json_type = {"Content-Type": "application/json"}
    for method, path, op in operations:
        write = method != "GET"
        data = payload if method == "POST" else None
        status, _, _, _ = anonymous.request(method, path, data, json_type)
        suite.check(status == 401, f"{method} {path} without an account: 401", f"got {status}")
        status, _, _, _ = other.request(method, path, data, json_type)
        suite.check(status == 404, f"{method} {path} by an account without a role there: 404",
                    f"got {status}")
        if not write:
            for who, client in (("a viewer", viewer), ("an auditor", auditor)):
                status, _, _, _ = client.request(method, path, None, json_type)
                suite.check(status // 100 == 2, f"{method} {path} by {who}: answered",
                            f"got {status}")
            continue
        for who, client in (("a viewer", viewer), ("an auditor", auditor)):
            status, _, _, _ = client.request(method, path, data, json_type)
            suite.check(status == 403, f"{method} {path} by {who}: 403", f"got {status}")
        status, _, _, _ = editor.request(method, path, data,
                                         dict(json_type, **{"X-CSRF-Token": "forged"}))
        suite.check(status == 403, f"{method} {path} with a forged CSRF token: 403",
                    f"got {status}")
    suite.check(newest_audit(root) == before, "no refused request wrote anything",
                f"newest audit row {before} before, {newest_audit(root)} after")

    status, _, html, _ = viewer.request("GET", ORG + "/reviews/MR-001/minutes?format=html")
    suite.check(status == 200 and b"<script>alert" not in html and b"<img src=x" not in html,
                "the minutes escape markup typed into the review", f"got {status}")


if __name__ == "__main__":
    main(run)
