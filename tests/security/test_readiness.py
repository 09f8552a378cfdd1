#!/usr/bin/env python3
"""Certification readiness's routes (tag `readiness` in docs/openapi.json) against the findings
they could reopen, on the demo's ISMS.

- Access, route by route: every operation tagged `readiness` (a new route joins by being
  documented) is tried with no account (401), by an account without a role in the organization
  (404) and by a viewer (answered); none writes anything (the newest audit row stays the same).
- Finding 7, CSV injection: a formula typed into a record's title comes out of the readiness CSV
  export with an apostrophe.
- Script in a record's title comes out of the HTML export escaped.

Usage: test_readiness.py CYBERFRAME_BINARY
"""
import json

from harness import Client, Server, main, tagged_operations
from test_risks import FORMULAS, formula_cells, newest_audit


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
    other = Client(port, "editor2")
    anonymous = Client(port)

    status, _, body, _ = anonymous.request("GET", "/api/v1/openapi.json")
    operations = tagged_operations(json.loads(body), "readiness")
    suite.check(len(operations) >= 1, "the document lists the readiness routes",
                f"{len(operations)} operations tagged readiness")
    before = newest_audit(root)
    for method, path, _ in operations:
        for query in ("", "?format=csv", "?format=html"):
            status, _, _, _ = anonymous.request(method, path + query)
            suite.check(status == 401, f"{method} {path}{query} without an account: 401",
                        f"got {status}")
            status, _, _, _ = other.request(method, path + query)
            suite.check(status == 404,
                        f"{method} {path}{query} by an account without a role there: 404",
                        f"got {status}")
            status, _, _, _ = viewer.request(method, path + query)
            suite.check(status == 200, f"{method} {path}{query} by a viewer: answered",
                        f"got {status}")
    suite.check(newest_audit(root) == before, "reading the readiness wrote nothing",
                f"newest audit row {before} before, {newest_audit(root)} after")

    # --- formulas and script in the exports ---------------------------------------------------
    for i, text in enumerate(FORMULAS + ['<script>alert("x")</script>']):
        status, _, body, _ = editor.request(
            "POST", "/api/v1/organizations/1/isms/improvements",
            {"ref": f"IMP-7{i:02d}", "title": text, "status": "proposed",
             "fields": {"opportunity": text}})
        suite.check(status == 201, f"an improvement titled {text!r} stored",
                    f"got {status} {body[:200]!r}")
    status, _, body, headers = viewer.request(
        "GET", "/api/v1/organizations/1/isms/readiness?format=csv")
    text = body.decode("utf-8-sig")
    bad = formula_cells(text)
    suite.check(status == 200 and not bad and "'=HYPERLINK" in text,
                "the readiness as CSV: every formula written with an apostrophe", f"{bad[:3]}")
    suite.check(headers.get("content-disposition", "").startswith("attachment"),
                "the export is a download", headers.get("content-disposition", ""))
    status, _, body, _ = viewer.request(
        "GET", "/api/v1/organizations/1/isms/readiness?format=html")
    html = body.decode("utf-8")
    suite.check(status == 200 and "<script>alert" not in html and "&lt;script&gt;alert" in html,
                "the readiness as HTML: a record's script is escaped", html[:200])


if __name__ == "__main__":
    main(run)
