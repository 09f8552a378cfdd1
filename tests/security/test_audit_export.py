#!/usr/bin/env python3
"""The audit trail's filtered view and export (GET /api/v1/audit with its filters, GET
/api/v1/audit/export) against the findings they could reopen. The trail holds every record of
every organization, so only workspace administrators may read or export it (an organization's
admin, an editor and a viewer get 403 and no file; no account, 401). Its values are whatever users
typed, so the CSV export must carry no formula into a spreadsheet (finding 7's injection, through
the audit rows). The export is a download (attachment, its own media type, nosniff), never a
page. Filter values are data, not SQL or patterns. The export is bounded: 10,500 matching rows of
4 KB each are refused with a 422 that says how many, at a small cost in memory, never built.

Usage: test_audit_export.py CYBERFRAME_BINARY
"""
import csv
import io
import sqlite3
import urllib.parse

from harness import Client, Server, main

FORMULAS = [
    '=HYPERLINK("http://evil.example","click")',
    "+cmd|' /C calc'!A0",
    "@SUM(A1:A9)",
    "-2+3",
    "\tTAB",
]


def formula_cells(text):
    """The cells of a CSV text that a spreadsheet would run as a formula."""
    rows = list(csv.reader(io.StringIO(text, newline="")))
    cells = [c for row in rows for c in row]
    return [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r") or
            (c.startswith("-") and c != "-" and not c[1:].replace(".", "", 1).isdigit())], rows


def run(suite, binary, db, tmp):
    server = Server(binary, db)
    try:
        replay(suite, server, db)
    finally:
        server.stop()
    add_bulk_rows(db)
    server = Server(binary, db)
    try:
        bounded(suite, server)
    finally:
        server.stop()


def add_bulk_rows(db):
    """10,500 rows of 4 KB by 'bulk', written on the file as another program would."""
    con = sqlite3.connect(db)
    con.execute(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10500) "
        "INSERT INTO audit (at, actor, entity, entity_id, action, before, after, previous_hash, "
        "hash) SELECT '2026-01-01T00:00:00Z', 'bulk', 'node', 'x', 'update', "
        "'{\"notes\":\"' || hex(randomblob(2000)) || '\"}', '{\"notes\":\"=1+1\"}', '', '' FROM n")
    con.commit()
    con.close()


def replay(suite, server, db):
    port = server.port
    root = Client(port, "root")
    admin1 = Client(port, "admin1")
    editor1 = Client(port, "editor1")
    viewer1 = Client(port, "viewer1")
    anonymous = Client(port)

    # --- who may read and export the trail ------------------------------------------------------
    for path in ("/api/v1/audit/export", "/api/v1/audit/export?format=xlsx",
                 "/api/v1/audit?actor=root", "/api/v1/audit/verify"):
        for who, client in (("an organization's admin", admin1), ("an editor", editor1),
                            ("a viewer", viewer1)):
            status, ctype, body, headers = client.request("GET", path)
            suite.check(status == 403 and ctype == "application/problem+json"
                        and "content-disposition" not in headers,
                        f"{who} is refused {path} (403, no file)", f"{status} {body[:120]!r}")
        status, _, body, _ = anonymous.request("GET", path)
        suite.check(status == 401, f"no account: {path} is 401", f"{status} {body[:120]!r}")

    # --- formulas typed by users reach the trail, never a spreadsheet ---------------------------
    for i, text in enumerate(FORMULAS):
        node = f"ID.AM-{i + 1}"
        status, _, _, headers = editor1.request("GET", f"/api/v1/profiles/1/nodes/{node}")
        status, _, body, _ = editor1.request(
            "PUT", f"/api/v1/profiles/1/nodes/{node}", {"owner": text, "notes": text},
            headers={"If-Match": headers.get("etag", "*")})
        suite.check(status == 200, f"{text!r} is stored as written", f"{status} {body[:200]!r}")
    status, ctype, body, headers = root.request("GET", "/api/v1/audit/export?actor=editor1")
    text = body.decode("utf-8")
    dangerous, rows = formula_cells(text)
    suite.check(status == 200 and ctype == "text/csv; charset=utf-8" and not dangerous,
                "no cell of the audit export starts a formula (= + - @ tab CR)",
                f"{status} {dangerous[:5]!r}")
    values = [c for row in rows[1:] for c in row[7:9]]
    for formula in FORMULAS:
        suite.check("'" + formula in values, f"{formula!r} is exported as {chr(39) + formula!r}",
                    f"{[v for v in values if formula.strip() in v][:2]!r}")
    suite.check(rows and rows[0] == ["id", "time", "person", "action", "kind", "record", "field",
                                     "before", "after", "hash"],
                "the export's header names the columns", f"{rows[:1]!r}")
    suite.check(text.count("\r\n") >= len(rows) - 1, "RFC 4180: lines end with CRLF")

    # --- a download, never a page ---------------------------------------------------------------
    for fmt, media in (("csv", "text/csv; charset=utf-8"),
                       ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")):
        status, ctype, body, headers = root.request("GET", f"/api/v1/audit/export?format={fmt}")
        disposition = headers.get("content-disposition", "")
        suite.check(status == 200 and ctype == media and disposition.startswith("attachment;")
                    and headers.get("x-content-type-options") == "nosniff",
                    f"the {fmt} export is an attachment of its own media type with nosniff",
                    f"{status} {ctype} {disposition!r}")
        if fmt == "xlsx":
            suite.check(body[:2] == b"PK", "the XLSX export is a zip archive", f"{body[:8]!r}")

    # --- filter values are data -----------------------------------------------------------------
    before = root.request("GET", "/api/v1/audit?limit=1")[2]
    for value in ("' OR '1'='1", "editor1' --", "%", "_", "\"; DROP TABLE audit; --"):
        q = urllib.parse.quote(value, safe="")
        status, _, body, _ = root.request("GET", f"/api/v1/audit?actor={q}")
        suite.check(status == 200 and b'"items":[]' in body,
                    f"actor={value!r} matches no row (compared as text, no SQL, no LIKE)",
                    f"{status} {body[:160]!r}")
        status, _, body, _ = root.request("GET", f"/api/v1/audit/export?entity={q}")
        suite.check(status == 200 and body.count(b"\r\n") == 1,
                    f"entity={value!r} exports only the header", f"{status} {body[:160]!r}")
    status, _, after, _ = root.request("GET", "/api/v1/audit?limit=1")
    suite.check(before == after, "the filters changed nothing in the trail")
    for bad in ("from=2026-13-01", "to=not-a-date", "from=2026-03-31T25:00:00Z",
                "from=2026-03-31T12:00:00%2B99:00", "to=" + "9" * 5000):
        status, ctype, body, _ = root.request("GET", f"/api/v1/audit/export?{bad}")
        suite.check(status in (400, 414) and "problem+json" in (ctype or ""),
                    f"{bad[:40]} is refused with a problem", f"{status} {body[:160]!r}")

    suite.check(server.alive(), "the server is still up")


def bounded(suite, server):
    """More rows than an export holds: refused, not built."""
    root = Client(server.port, "root")
    idle = server.rss_mib()
    server.reset_peak()
    status, ctype, body, headers = root.request("GET", "/api/v1/audit/export?actor=bulk")
    suite.check(status == 422 and b"10,500 audit rows" in body
                and "content-disposition" not in headers,
                "10,500 matching rows: 422 saying how many, no file", f"{status} {body[:200]!r}")
    peak = server.peak_mib()
    suite.check(peak - idle < 16, "refusing it costs under 16 MiB",
                f"idle {idle:.1f}, peak {peak:.1f} MiB")
    status, ctype, body, headers = root.request("GET", "/api/v1/audit/export?actor=bulk&format=xlsx")
    suite.check(status == 422, "as XLSX too", f"{status} {body[:200]!r}")
    status, _, body, _ = root.request("GET", "/api/v1/audit/export?actor=bulk&to=2025-12-31")
    suite.check(status == 200 and body.count(b"\r\n") == 1,
                "narrower filters (a date before them) export without them", f"{status} {body[:200]!r}")
    status, _, body, _ = root.request("GET", "/api/v1/audit?actor=bulk&limit=1000")
    suite.check(status == 200 and len(body) > 1000 * 4000,
                "the filtered list still pages through them (1,000 a page)", f"{status} {len(body)}")
    suite.check(server.alive(), "the server is still up")


if __name__ == "__main__":
    main(run)
