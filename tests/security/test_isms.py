#!/usr/bin/env python3
"""The ISMS registers' routes (tag `isms` in docs/openapi.json) against the findings they could
reopen, on the demo's ISMS.

- Access, route by route: every operation tagged `isms` (a new route joins by being documented;
  Api.OpenApiDocumentMatchesTheRoutes keeps the document and the router the same) is tried with no
  account (401), by an account without a role in the organization (404), and, for a change, by a
  viewer (403), by an editor with a forged CSRF token (403), by an auditor (403, except a comment,
  which an auditor may make) and, where the document says it needs the organization's admin, by
  an editor (403). The newest audit row stays the same through all of it.
- A deleted record is not readable, listable or restorable by anyone but an admin.
- Finding 7, CSV injection: a formula typed into a record comes out of the register's CSV export
  with an apostrophe and imports into another organization unchanged.
- Finding 4, XLSX bombs sent to a register's import: 422 naming the limit, nothing imported, the
  peak memory under 64 MiB above idle.

Usage: test_isms.py CYBERFRAME_BINARY
"""
import json
import re

from harness import MIB, Client, Server, main, tagged_operations
from test_parsers import shared_strings_bomb, workbook_bomb
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
    admin = Client(port, "admin1")
    editor = Client(port, "editor1")
    auditor = Client(port, "auditor1")
    viewer = Client(port, "viewer1")
    other = Client(port, "editor2")
    anonymous = Client(port)

    status, _, body, _ = anonymous.request("GET", "/api/v1/openapi.json")
    operations = tagged_operations(json.loads(body), "isms")
    suite.check(len(operations) >= 15, "the document lists the ISMS routes",
                f"{len(operations)} operations tagged isms")

    before = newest_audit(root)
    headers = {"Content-Type": "application/json", "If-Match": '"1"'}
    for method, path, op in operations:
        write = method != "GET"
        org_route = "/organizations/" in path
        body = json.dumps({}).encode() if method in ("POST", "PUT") else None
        status, _, _, _ = anonymous.request(method, path, body, headers)
        suite.check(status == 401, f"{method} {path} without an account: 401", f"got {status}")
        if org_route:
            status, _, _, _ = other.request(method, path, body, headers)
            suite.check(status == 404, f"{method} {path} by an account without a role there: 404",
                        f"got {status}")
        if not write:
            status, _, _, _ = viewer.request(method, path, None, headers)
            suite.check(status // 100 == 2, f"{method} {path} by a viewer: answered",
                        f"got {status}")
            continue
        status, _, _, _ = viewer.request(method, path, body, headers)
        suite.check(status == 403, f"{method} {path} by a viewer: 403", f"got {status}")
        status, _, _, _ = editor.request(method, path, body,
                                         dict(headers, **{"X-CSRF-Token": "forged"}))
        suite.check(status == 403, f"{method} {path} with a forged CSRF token: 403",
                    f"got {status}")
        status, _, _, _ = auditor.request(method, path, body, headers)
        if path.endswith("/comments"):
            suite.check(status != 403, f"{method} {path} by an auditor: allowed (comments)",
                        f"got {status}")
        else:
            suite.check(status == 403, f"{method} {path} by an auditor: 403", f"got {status}")
        if op["description"].startswith("Needs admin of the organization"):
            status, _, _, _ = editor.request(method, path, body, headers)
            suite.check(status == 403, f"{method} {path} by an editor (admins only): 403",
                        f"got {status}")
    suite.check(newest_audit(root) == before, "no refused request wrote anything",
                f"newest audit row {before} before, {newest_audit(root)} after")

    # --- a deleted record --------------------------------------------------------------------
    status, _, body, _ = editor.request("GET", "/api/v1/organizations/1/isms/changes/CHG-003")
    version = json.loads(body)["version"]
    status, _, body, _ = editor.request("DELETE", "/api/v1/organizations/1/isms/changes/CHG-003",
                                        None, {"If-Match": f'"{version}"'})
    suite.check(status == 200, "the editor deletes a record softly", f"got {status} {body[:200]!r}")
    for who, client in (("viewer", viewer), ("auditor", auditor), ("editor", editor)):
        status, _, _, _ = client.request("GET", "/api/v1/organizations/1/isms/changes/CHG-003")
        suite.check(status == 404, f"the deleted record is hidden from the {who}", f"got {status}")
        status, _, _, _ = client.request("GET", "/api/v1/organizations/1/isms/changes?deleted=true")
        suite.check(status == 403, f"the {who} cannot list deleted records", f"got {status}")
        status, _, _, _ = client.request(
            "POST", "/api/v1/organizations/1/isms/changes/CHG-003/restore")
        suite.check(status == 403, f"the {who} cannot restore it", f"got {status}")
    status, _, body, _ = admin.request("POST", "/api/v1/organizations/1/isms/changes/CHG-003/restore")
    suite.check(status == 200, "the admin restores it", f"got {status} {body[:200]!r}")

    # --- formulas in the CSV export ------------------------------------------------------------
    for i, text in enumerate(FORMULAS):
        status, _, body, _ = editor.request(
            "POST", "/api/v1/organizations/1/isms/communication",
            {"ref": f"COM-7{i:02d}", "title": text, "owner": text,
             "fields": {"what": text, "channel": text}})
        suite.check(status == 201, f"a record with {text!r} stored", f"got {status} {body[:200]!r}")
    status, _, body, headers_out = viewer.request(
        "GET", "/api/v1/organizations/1/isms/communication/export?format=csv")
    text = body.decode("utf-8-sig")
    bad = formula_cells(text)
    suite.check(status == 200 and not bad and "'=HYPERLINK" in text,
                "the register as CSV: every formula written with an apostrophe", f"{bad[:3]}")
    suite.check(headers_out.get("content-disposition", "").startswith("attachment"),
                "the export is a download", headers_out.get("content-disposition", ""))
    status, _, body, _ = other.request(
        "POST", "/api/v1/organizations/2/isms/communication/import?format=csv", text.encode(),
        {"Content-Type": "text/csv"})
    suite.check(status == 200, "the export imports into organization 2", f"got {status} {body[:300]!r}")
    status, _, body, _ = other.request("GET", "/api/v1/organizations/2/isms/communication?q=COM-7")
    titles = sorted(r["title"] for r in json.loads(body)["items"]) if status == 200 else []
    suite.check(titles == sorted(FORMULAS), "with the formulas' text unchanged", f"{titles}")

    # --- XLSX bombs to a register's import -----------------------------------------------------
    for _ in range(20):
        viewer.request("GET", "/api/v1/organizations/1/isms/context")
    idle = server.rss_mib()
    status, _, before_list, _ = viewer.request("GET", "/api/v1/organizations/1/isms")
    for what, bomb in (("shared strings inflating to 250 MiB", shared_strings_bomb()),
                       ("a 64 MiB workbook.xml", workbook_bomb())):
        server.reset_peak()
        status, _, body, _ = editor.request(
            "POST", "/api/v1/organizations/1/isms/context/import?format=xlsx", bomb,
            {"Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
        peak = server.peak_mib()
        suite.check(status == 422 and re.search(rb"MiB|limit|too", body),
                    f"{what}: 422 naming the limit", f"got {status} {body[:200]!r}")
        suite.check(peak - idle < 64, f"{what}: peak RSS under 64 MiB above idle",
                    f"idle {idle:.1f} MiB, peak {peak:.1f}")
    status, _, after_list, _ = viewer.request("GET", "/api/v1/organizations/1/isms")
    suite.check(after_list == before_list, "nothing imported by the bombs")
    status, _, body, _ = editor.request(
        "POST", "/api/v1/organizations/1/isms/context/import?format=csv", b"x" * (9 * MIB),
        {"Content-Type": "text/csv"})
    suite.check(status == 413, "a 9 MiB import: 413", f"got {status}")


if __name__ == "__main__":
    main(run)
