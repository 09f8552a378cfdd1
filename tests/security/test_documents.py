#!/usr/bin/env python3
"""Documented information's routes (docs/api.md "Documented information") against what they could
open, on the demo's policy framework.

- Access, route by route: every operation of the OpenAPI document under the tag `documents` (a new
  route joins by being documented; Api.OpenApiDocumentMatchesTheRoutes keeps the document and the
  router the same) is tried with no account (401), by an account without a role in the
  organization (404), and, for a change, by a viewer (403; acknowledging, which records the
  caller's own reading and changes no document, is open to every role), by an editor with a
  forged CSRF token (403) and, where the document says it needs the organization's admin, by an
  editor (403). Auditors read every route. The newest audit row stays the same: nothing refused
  was written.
- The upload path: hostile file names (a path, a control character, a bidirectional override,
  300 bytes) are refused and nothing is stored; an HTML or SVG file is served as
  application/octet-stream with Content-Disposition attachment, nosniff and a sandbox CSP (never
  run by a browser); a body over the budget is 413 before it is read.
- The register's import: formulas come out of the CSV export with an apostrophe; XLSX bombs answer
  422 naming the limit with the peak memory under 64 MiB above idle, nothing imported; a 9 MiB
  body is 413.

Usage: test_documents.py CYBERFRAME_BINARY
"""
import json
import re
import subprocess
import urllib.parse

from harness import MIB, Client, Server, main
from test_parsers import shared_strings_bomb, workbook_bomb
from test_risks import formula_cells, newest_audit

O = "/api/v1/organizations/1"


def document_operations(document):
    out = []
    for template, operations in document["paths"].items():
        for method, op in operations.items():
            if method == "parameters" or "documents" not in op.get("tags", []):
                continue
            path, query = template, {}
            for p in op.get("parameters", []):
                example = p.get("example")
                if p["in"] == "path":
                    path = path.replace("{" + p["name"] + "}", urllib.parse.quote(str(example)))
                elif p["in"] == "query" and p.get("required"):
                    query[p["name"]] = str(example)
            if query:
                path += "?" + urllib.parse.urlencode(query)
            out.append((method.upper(), path, op))
    return out


def run(suite, binary, db, tmp):
    # An auditor of organization 1, beside the harness's accounts.
    for args, stdin in ((["user", "add", "auditor1", "--password-stdin"], "auditor1-password-1\n"),
                        (["user", "grant", "auditor1", "--org", "1", "--role", "auditor"], "")):
        subprocess.run([binary, "--db", db, "--as", "setup", *args], input=stdin, text=True,
                       capture_output=True, check=True, timeout=120)
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
    operations = document_operations(json.loads(body))
    suite.check(len(operations) >= 20, "the document lists the documents' routes",
                f"{len(operations)} operations tagged documents")

    # --- access, route by route ----------------------------------------------------------------
    before = newest_audit(root)
    body = json.dumps({}).encode()
    json_type = {"Content-Type": "application/json", "If-Match": '"1"'}
    for method, path, op in operations:
        write = method != "GET"
        payload = body if method in ("POST", "PUT") else None
        status, _, _, _ = anonymous.request(method, path, payload, json_type)
        suite.check(status == 401, f"{method} {path} without an account: 401", f"got {status}")
        status, _, _, _ = other.request(method, path, payload, json_type)
        suite.check(status == 404, f"{method} {path} by an account without a role there: 404",
                    f"got {status}")
        if not write:
            for who, client in (("a viewer", viewer), ("an auditor", auditor)):
                status, _, _, _ = client.request(method, path, None, json_type)
                suite.check(status // 100 == 2, f"{method} {path} by {who}: answered",
                            f"got {status}")
            continue
        if path.endswith("/acknowledge"):
            continue
        status, _, _, _ = viewer.request(method, path, payload, json_type)
        suite.check(status == 403, f"{method} {path} by a viewer: 403", f"got {status}")
        status, _, _, _ = editor.request(method, path, payload,
                                         dict(json_type, **{"X-CSRF-Token": "forged"}))
        suite.check(status == 403, f"{method} {path} with a forged CSRF token: 403",
                    f"got {status}")
        if op["description"].startswith("Needs admin of the organization"):
            status, _, _, _ = editor.request(method, path, payload, json_type)
            suite.check(status == 403, f"{method} {path} by an editor (admins only): 403",
                        f"got {status}")
    suite.check(newest_audit(root) == before, "no refused request wrote anything",
                f"newest audit row {before} before, {newest_audit(root)} after")

    # --- the upload path ----------------------------------------------------------------------
    status, headers_etag, body, headers = editor.request(
        "POST", f"{O}/documents", {"title": "Hostile uploads"})
    suite.check(status == 201, "a document to upload to", f"got {status} {body[:200]!r}")
    ref = json.loads(body)["ref"]
    etag = headers.get("etag", '"1"')
    before = newest_audit(root)
    for name in ("../../etc/passwd", "a\\b.txt", "bell\x07.txt", "evil\u202egpj.exe", "x" * 300,
                 ".."):
        status, _, body, _ = editor.request(
            "PUT", f"{O}/documents/{ref}/versions/1/file?name=" + urllib.parse.quote(name),
            b"content", {"Content-Type": "application/octet-stream", "If-Match": etag})
        suite.check(status in (400, 422), f"file name {name[:20]!r}: refused",
                    f"got {status} {body[:200]!r}")
    suite.check(newest_audit(root) == before, "no hostile name stored anything")
    status, _, body, _ = editor.request(
        "PUT", f"{O}/documents/{ref}/versions/1/file?name=big.pdf", b"x" * (9 * MIB),
        {"Content-Type": "application/octet-stream", "If-Match": etag})
    suite.check(status == 413, "a 9 MiB file: 413", f"got {status}")
    for name, content in (("page.html", b"<script>alert(1)</script>"),
                          ("image.svg", b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>")):
        status, _, body, headers = editor.request(
            "PUT", f"{O}/documents/{ref}/versions/1/file?name={name}", content,
            {"Content-Type": "text/html", "If-Match": etag})
        suite.check(status == 200, f"{name} stored", f"got {status} {body[:200]!r}")
        etag = headers.get("etag", etag)
        status, ctype, body, headers = viewer.request("GET", f"{O}/documents/{ref}/versions/1/file")
        suite.check(status == 200 and ctype.startswith("application/octet-stream") and
                    headers.get("content-disposition", "").startswith("attachment") and
                    headers.get("x-content-type-options") == "nosniff" and
                    "sandbox" in headers.get("content-security-policy", ""),
                    f"{name} is served as a download a browser never runs",
                    f"{ctype!r} {headers.get('content-disposition')!r} "
                    f"{headers.get('content-security-policy')!r}")

    # --- the register: formulas in the CSV export ---------------------------------------------
    status, _, body, _ = editor.request(
        "POST", f"{O}/documents", {"title": '=HYPERLINK("http://evil.example","click")',
                                    "owner": "@SUM(A1:A9)", "retention": "+cmd|' /C calc'!A0"})
    suite.check(status == 201, "a document with formulas stored", f"got {status} {body[:200]!r}")
    status, _, body, headers = viewer.request("GET", f"{O}/documents/export?format=csv")
    text = body.decode("utf-8-sig")
    bad = formula_cells(text)
    suite.check(status == 200 and not bad and "'=HYPERLINK" in text,
                "the register as CSV: every formula written with an apostrophe",
                f"status {status}, cells starting a formula: {bad[:3]}")

    # --- XLSX bombs to the register's import --------------------------------------------------
    for _ in range(20):
        viewer.request("GET", f"{O}/documents")
    idle = server.rss_mib()
    status, _, before_list, _ = viewer.request("GET", f"{O}/documents?limit=1000")
    for what, bomb in (("shared strings inflating to 250 MiB", shared_strings_bomb()),
                       ("a 64 MiB workbook.xml", workbook_bomb())):
        server.reset_peak()
        status, _, body, _ = editor.request(
            "POST", f"{O}/documents/import?format=xlsx", bomb,
            {"Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
        peak = server.peak_mib()
        suite.check(status == 422 and re.search(rb"MiB|limit|too", body),
                    f"{what}: 422 naming the limit", f"got {status} {body[:200]!r}")
        suite.check(peak - idle < 64, f"{what}: peak RSS under 64 MiB above idle",
                    f"idle {idle:.1f} MiB, peak {peak:.1f}")
    status, _, after_list, _ = viewer.request("GET", f"{O}/documents?limit=1000")
    suite.check(after_list == before_list, "nothing imported by the bombs")
    status, _, body, _ = editor.request("POST", f"{O}/documents/import?format=csv",
                                        b"x" * (9 * MIB), {"Content-Type": "text/csv"})
    suite.check(status == 413, "a 9 MiB import: 413", f"got {status}")


if __name__ == "__main__":
    main(run)
