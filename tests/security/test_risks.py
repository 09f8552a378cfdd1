#!/usr/bin/env python3
"""Risk management's routes (docs/risk.md) against the findings they could reopen, on the demo's
register and SoA.

- Access, route by route: every operation of the OpenAPI document under the tag `risk` (so a new
  route joins by being documented, and the unit test Api.OpenApiDocumentMatchesTheRoutes keeps the
  document and the router the same) is tried with no account (401), by an account without a role
  in the organization (404, as if it did not exist), and, for a change, by a viewer (403), by an
  editor without the CSRF token (403) and, where the document says it needs the organization's
  admin, by an editor (403). The newest audit row stays the same through all of it: nothing
  refused was written.
- Finding 6's kin: another organization's risk criteria are neither readable nor usable (by a
  risk, by an import, by the heat map).
- Finding 7, CSV injection: formulas typed into a risk, an asset and an SoA row come out of the
  register's, the inventory's and the SoA's CSV exports with an apostrophe, and the inventory
  imports into another organization with its text unchanged.
- Finding 4, XLSX bombs sent to the register's import: 422 naming the limit, nothing imported, the
  peak memory under 64 MiB above idle.

Usage: test_risks.py CYBERFRAME_BINARY
"""
import csv
import io
import json
import re
import urllib.parse

from harness import MIB, Client, Server, main
from test_parsers import shared_strings_bomb, workbook_bomb

FORMULAS = [
    '=HYPERLINK("http://evil.example","click")',
    "+cmd|' /C calc'!A0",
    "@SUM(A1:A9)",
    "-2+3",
]


def newest_audit(root):
    status, _, body, _ = root.request("GET", "/api/v1/audit?limit=1")
    return json.loads(body)["items"][0]["id"] if status == 200 else None


def formula_cells(text):
    rows = list(csv.reader(io.StringIO(text, newline="")))
    cells = [c for row in rows for c in row]
    return [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r") or
            (c.startswith("-") and c != "-" and not c[1:].replace(".", "", 1).isdigit())]


def risk_operations(document):
    """(method, concrete path, operation) of every operation tagged `risk`, its path and required
    query parameters filled with their examples."""
    out = []
    for template, operations in document["paths"].items():
        for method, op in operations.items():
            if method == "parameters" or "risk" not in op.get("tags", []):
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
    viewer = Client(port, "viewer1")
    other = Client(port, "editor2")
    anonymous = Client(port)

    status, _, body, _ = anonymous.request("GET", "/api/v1/openapi.json")
    operations = risk_operations(json.loads(body))
    suite.check(len(operations) >= 29, "the document lists the risk routes",
                f"{len(operations)} operations tagged risk")

    # The baseline the document's example names, for its comparison to answer.
    status, _, body, _ = editor.request("POST", "/api/v1/organizations/1/risk-baselines",
                                        {"name": "2026-cycle"})
    suite.check(status == 201, "a baseline taken", f"got {status} {body[:200]!r}")

    # --- access, route by route ----------------------------------------------------------------
    before = newest_audit(root)
    body = json.dumps({}).encode()
    json_type = {"Content-Type": "application/json", "If-Match": '"1"'}
    for method, path, op in operations:
        write = method != "GET" and not path.endswith("/rescore")
        status, _, _, _ = anonymous.request(method, path, body if method != "GET" else None,
                                            json_type)
        suite.check(status == 401, f"{method} {path} without an account: 401", f"got {status}")
        status, _, _, _ = other.request(method, path, body if method != "GET" else None, json_type)
        suite.check(status == 404, f"{method} {path} by an account without a role there: 404",
                    f"got {status}")
        if not write:
            status, _, _, _ = viewer.request(method, path, body if method != "GET" else None,
                                             json_type)
            suite.check(status // 100 == 2, f"{method} {path} by a viewer: answered",
                        f"got {status}")
            continue
        status, _, _, _ = viewer.request(method, path, body, json_type)
        suite.check(status == 403, f"{method} {path} by a viewer: 403", f"got {status}")
        status, _, _, _ = editor.request(method, path, body,
                                         dict(json_type, **{"X-CSRF-Token": "forged"}))
        suite.check(status == 403, f"{method} {path} with a forged CSRF token: 403",
                    f"got {status}")
        if op["description"].startswith("Needs admin of the organization"):
            status, _, _, _ = editor.request(method, path, body, json_type)
            suite.check(status == 403, f"{method} {path} by an editor (admins only): 403",
                        f"got {status}")
    # A dry run of re-scoring is a read; applying it is a change the viewer may not make.
    status, _, _, _ = viewer.request("POST", "/api/v1/organizations/1/risks/R-001/rescore?apply=true",
                                     None, {"If-Match": '"1"'})
    suite.check(status == 403, "applying a re-score as a viewer: 403", f"got {status}")
    suite.check(newest_audit(root) == before, "no refused request wrote anything",
                f"newest audit row {before} before, {newest_audit(root)} after")

    # --- another organization's criteria ------------------------------------------------------
    criteria = {"id": "acme-2x2", "name": "ACME 2x2",
                "likelihood": [{"value": 1, "name": "Low"}, {"value": 2, "name": "High"}],
                "consequence_types": [{"id": "availability", "name": "Availability",
                                       "points": [{"value": 1, "name": "Minor"},
                                                  {"value": 2, "name": "Major"}]}],
                "levels": [{"id": "low", "name": "Low", "colour": "#2e7d32", "acceptance": "accept"},
                           {"id": "high", "name": "High", "colour": "#c62828", "acceptance": "treat"}],
                "matrix": [["low", "high"], ["high", "high"]]}
    status, _, body, _ = admin.request("POST", "/api/v1/organizations/1/risk-criteria", criteria)
    suite.check(status == 201, "organization 1's admin stores criteria of its own", f"got {status}")
    status, _, body, _ = other.request("GET", "/api/v1/organizations/2/risk-criteria/acme-2x2")
    suite.check(status == 404 and b"2x2" not in body.replace(b"acme-2x2", b""),
                "organization 2 cannot read them: 404", f"got {status}")
    status, _, body, _ = other.request("GET", "/api/v1/organizations/2/risk-criteria")
    suite.check(status == 200 and b"acme-2x2" not in body, "nor see them listed", f"got {status}")
    status, _, body, _ = other.request(
        "POST", "/api/v1/organizations/2/risks",
        {"ref": "R-001", "title": "Borrowed", "owner": "X", "criteria": "acme-2x2",
         "inherent": {"likelihood": 2, "consequence": 2}})
    suite.check(status == 422 and b'"field":"criteria"' in body,
                "nor score a risk under them: 422 at criteria", f"got {status} {body[:200]!r}")
    status, _, body, _ = other.request(
        "POST", "/api/v1/organizations/2/register/import?kind=risks&format=csv",
        b"ref,title,owner,criteria,inherent_likelihood,inherent_consequence\r\n"
        b"R-001,Borrowed,X,acme-2x2,2,2\r\n", {"Content-Type": "text/csv"})
    suite.check(status == 422, "nor import a risk under them: 422", f"got {status} {body[:200]!r}")
    status, _, body, _ = other.request(
        "GET", "/api/v1/organizations/2/risk-heatmap?criteria=acme-2x2")
    suite.check(status == 400 and b"High" not in body,
                "nor draw a heat map with their levels: 400", f"got {status} {body[:200]!r}")
    status, _, body, _ = other.request("GET", "/api/v1/organizations/2/risks?include_closed=true")
    suite.check(status == 200 and json.loads(body)["total"] == 0,
                "organization 2's register stays empty", f"got {status} {body[:200]!r}")

    # --- formulas in the CSV exports ----------------------------------------------------------
    for i, text in enumerate(FORMULAS):
        status, _, body, _ = editor.request(
            "POST", "/api/v1/organizations/1/risks",
            {"ref": f"R-{700 + i}", "title": text, "owner": text, "threat": text,
             "description": text})
        suite.check(status == 201, f"a risk with {text!r} stored", f"got {status} {body[:200]!r}")
        status, _, body, _ = editor.request(
            "POST", "/api/v1/organizations/1/assets",
            {"ref": f"AS-{700 + i}", "name": text, "kind": "information", "owner": text,
             "description": text})
        suite.check(status == 201, f"an asset with {text!r} stored", f"got {status} {body[:200]!r}")
    status, _, body, _ = editor.request("GET", "/api/v1/organizations/1/soa")
    line = json.loads(body)["lines"][0]
    status, _, body, _ = editor.request(
        "PUT", f"/api/v1/organizations/1/soa/rows/{line['control']}",
        {"notes": FORMULAS[0], "owner": FORMULAS[1]}, {"If-Match": f'"{line["version"]}"'})
    suite.check(status == 200, "an SoA row with formulas stored", f"got {status} {body[:200]!r}")
    for what, path in (("the register", "/api/v1/organizations/1/risks/export?format=csv"),
                       ("the inventory", "/api/v1/organizations/1/assets/export?format=csv"),
                       ("the SoA", "/api/v1/organizations/1/soa/export?format=csv")):
        status, ctype, body, headers = viewer.request("GET", path)
        text = body.decode("utf-8-sig")
        bad = formula_cells(text)
        suite.check(status == 200 and not bad and "'=HYPERLINK" in text,
                    f"{what} as CSV: every formula written with an apostrophe",
                    f"status {status}, cells starting a formula: {bad[:3]}")
        suite.check(headers.get("content-disposition", "").startswith("attachment") and
                    headers.get("x-content-type-options") == "nosniff",
                    f"{what} is a download, never sniffed",
                    f"{headers.get('content-disposition')!r}, {headers.get('x-content-type-options')!r}")
    status, _, inventory, _ = viewer.request(
        "GET", "/api/v1/organizations/1/assets/export?format=csv")
    status, _, body, _ = other.request(
        "POST", "/api/v1/organizations/2/register/import?kind=assets&format=csv", inventory,
        {"Content-Type": "text/csv"})
    suite.check(status == 200, "the inventory imports into organization 2", f"got {status} {body[:300]!r}")
    status, _, body, _ = other.request("GET", "/api/v1/organizations/2/assets?q=AS-70&limit=10")
    names = sorted(a["name"] for a in json.loads(body)["items"]) if status == 200 else []
    suite.check(names == sorted(FORMULAS), "with the formulas' text unchanged (no apostrophe kept)",
                f"{names}")

    # --- XLSX bombs to the register's import --------------------------------------------------
    for _ in range(20):
        viewer.request("GET", "/api/v1/organizations/1/risks")
    idle = server.rss_mib()
    status, _, before_list, _ = viewer.request("GET", "/api/v1/organizations/1/assets?limit=1000")
    for what, bomb in (("shared strings inflating to 250 MiB", shared_strings_bomb()),
                       ("a 64 MiB workbook.xml", workbook_bomb())):
        for kind in ("assets", "risks"):
            server.reset_peak()
            status, _, body, _ = editor.request(
                "POST", f"/api/v1/organizations/1/register/import?kind={kind}&format=xlsx", bomb,
                {"Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
            peak = server.peak_mib()
            suite.check(status == 422 and re.search(rb"MiB|limit|too", body),
                        f"{what} as {kind}: 422 naming the limit", f"got {status} {body[:200]!r}")
            suite.check(peak - idle < 64, f"{what} as {kind}: peak RSS under 64 MiB above idle",
                        f"idle {idle:.1f} MiB, peak {peak:.1f}")
    status, _, after_list, _ = viewer.request("GET", "/api/v1/organizations/1/assets?limit=1000")
    suite.check(after_list == before_list, "nothing imported by the bombs")
    status, _, body, _ = editor.request(
        "POST", "/api/v1/organizations/1/register/import?kind=assets&format=csv",
        b"x" * (9 * MIB), {"Content-Type": "text/csv"})
    suite.check(status == 413, "a 9 MiB import: 413", f"got {status}")


if __name__ == "__main__":
    main(run)
