#!/usr/bin/env python3
"""The measurement values' routes (docs/api.md, "Measurements") against the findings they could
reopen, on the demo's four quarters of MEAS-001..MEAS-006.

- Access, route by route: every operation of the OpenAPI document under the tag `measurements`
  (so a new route joins by being documented; Api.OpenApiDocumentMatchesTheRoutes keeps the
  document and the router the same) is tried with no account (401), by an account without a role
  in the organization (404, as if it did not exist), and, for a change, by a viewer (403) and by an
  editor without the CSRF token (403); an auditor's refusals are in
  tests/api/cases/measurements.http. The newest audit row stays the same
  through all of it: nothing refused was written.
- Finding 7, CSV injection: formulas typed into a value's note come out of the values' CSV export
  with an apostrophe, and the export imports again with the note's text unchanged.
- Finding 4, XLSX bombs sent to the values' import: 422 naming the limit, nothing imported, the
  peak memory under 64 MiB above idle; 9 MiB of CSV: 413.
- The chart's SVG carries no markup typed into a note.

Usage: test_measurements.py CYBERFRAME_BINARY
"""
import json
import re
import urllib.parse

from harness import MIB, Client, Server, main
from test_parsers import shared_strings_bomb, workbook_bomb
from test_risks import FORMULAS, formula_cells, newest_audit


def measurement_operations(document):
    """(method, concrete path, operation) of every operation tagged `measurements`."""
    out = []
    for template, operations in document["paths"].items():
        for method, op in operations.items():
            if method == "parameters" or "measurements" not in op.get("tags", []):
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
    editor = Client(port, "editor1")
    viewer = Client(port, "viewer1")
    other = Client(port, "editor2")
    anonymous = Client(port)

    status, _, body, _ = anonymous.request("GET", "/api/v1/openapi.json")
    operations = measurement_operations(json.loads(body))
    suite.check(len(operations) >= 10, "the document lists the measurement routes",
                f"{len(operations)} operations tagged measurements")

    # --- access, route by route ----------------------------------------------------------------
    before = newest_audit(root)
    body = json.dumps({"date": "2027-03-31", "value": 1}).encode()
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
            status, _, _, _ = viewer.request(method, path, None, json_type)
            suite.check(status // 100 == 2, f"{method} {path} by a viewer: answered",
                        f"got {status}")
            continue
        status, _, _, _ = viewer.request(method, path, payload, json_type)
        suite.check(status == 403, f"{method} {path} by a viewer: 403", f"got {status}")
        status, _, _, _ = editor.request(method, path, payload,
                                         dict(json_type, **{"X-CSRF-Token": "forged"}))
        suite.check(status == 403, f"{method} {path} with a forged CSRF token: 403",
                    f"got {status}")
    suite.check(newest_audit(root) == before, "no refused request wrote anything",
                f"newest audit row {before} before, {newest_audit(root)} after")

    # --- formulas in the CSV export -------------------------------------------------------------
    for i, text in enumerate(FORMULAS):
        status, _, body, _ = editor.request(
            "POST", "/api/v1/organizations/1/measurements/MEAS-003/values",
            {"date": f"2027-0{i + 1}-28", "value": 99, "note": text})
        suite.check(status == 201, f"a value noted {text!r} stored", f"got {status} {body[:200]!r}")
    status, _, exported, headers = viewer.request(
        "GET", "/api/v1/organizations/1/measurement-values/export?format=csv&measurement=MEAS-003")
    text = exported.decode("utf-8-sig")
    bad = formula_cells(text)
    suite.check(status == 200 and not bad and "'=HYPERLINK" in text,
                "the values as CSV: every formula written with an apostrophe",
                f"status {status}, cells starting a formula: {bad[:3]}")
    suite.check(headers.get("content-disposition", "").startswith("attachment") and
                headers.get("x-content-type-options") == "nosniff",
                "the export is a download, never sniffed", f"{headers}")
    status, _, body, _ = editor.request(
        "POST", "/api/v1/organizations/1/measurement-values/import?format=csv", exported,
        {"Content-Type": "text/csv"})
    suite.check(status == 200 and json.loads(body)["corrected"] == 0,
                "the export imports again with the notes' text unchanged (no apostrophe kept)",
                f"got {status} {body[:300]!r}")

    # --- markup in the chart ----------------------------------------------------------------------
    status, _, body, _ = editor.request(
        "POST", "/api/v1/organizations/1/measurements/MEAS-003/values",
        {"date": "2027-06-30", "value": 97, "note": "<script>alert(1)</script><svg onload=x>"})
    status, ctype, svg, _ = viewer.request(
        "GET", "/api/v1/organizations/1/measurements/MEAS-003/chart.svg")
    suite.check(status == 200 and b"<script" not in svg and b"<svg onload" not in svg,
                "the chart escapes a note's markup", f"got {status}")

    # --- XLSX bombs to the values' import -------------------------------------------------------
    for _ in range(20):
        viewer.request("GET", "/api/v1/organizations/1/measurements/MEAS-001/values")
    idle = server.rss_mib()
    status, _, before_list, _ = viewer.request(
        "GET", "/api/v1/organizations/1/measurement-values/export?format=csv")
    for what, bomb in (("shared strings inflating to 250 MiB", shared_strings_bomb()),
                       ("a 64 MiB workbook.xml", workbook_bomb())):
        server.reset_peak()
        status, _, body, _ = editor.request(
            "POST", "/api/v1/organizations/1/measurement-values/import?format=xlsx", bomb,
            {"Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
        peak = server.peak_mib()
        suite.check(status == 422 and re.search(rb"MiB|limit|too|at most", body),
                    f"{what}: 422 naming the limit", f"got {status} {body[:200]!r}")
        suite.check(peak - idle < 64, f"{what}: peak RSS under 64 MiB above idle",
                    f"idle {idle:.1f} MiB, peak {peak:.1f}")
    status, _, after_list, _ = viewer.request(
        "GET", "/api/v1/organizations/1/measurement-values/export?format=csv")
    suite.check(after_list == before_list, "nothing imported by the bombs")
    status, _, body, _ = editor.request(
        "POST", "/api/v1/organizations/1/measurement-values/import?format=csv",
        b"x" * (9 * MIB), {"Content-Type": "text/csv"})
    suite.check(status == 413, "a 9 MiB import: 413", f"got {status}")


if __name__ == "__main__":
    main(run)
