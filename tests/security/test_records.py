#!/usr/bin/env python3
"""Records against a live server: finding 6 (an editor of one organization who names a profile
after the id of another organization's profile made that profile unreachable for everyone, the
administrator included) and the record items of findings 7 and 8: CSV exports that kept
`=HYPERLINK(...)`, `+cmd`, `@SUM(...)` as written, impossible dates, `/` and bidirectional control
characters in names, and names differing only in case. Each refusal must change nothing (the
newest audit row stays the newest), and the server's peak memory stays under 64 MiB above idle.

Usage: test_records.py CYBERFRAME_BINARY
"""
import csv
import io
import json
import sqlite3

from harness import Client, Server, main

FORMULAS = {
    # cell text: how the CSV export must write it (csv module's reading of the cell)
    '=HYPERLINK("http://evil.example","click")': '\'=HYPERLINK("http://evil.example","click")',
    "+cmd|' /C calc'!A0": "'+cmd|' /C calc'!A0",
    "@SUM(A1:A9)": "'@SUM(A1:A9)",
    "-2+3": "'-2+3",
    "\tTAB": "'\tTAB",
}


def newest_audit(root):
    status, _, body, _ = root.request("GET", "/api/v1/audit?limit=1")
    return json.loads(body)["items"][0]["id"] if status == 200 else None


def body_json(body):
    try:
        return json.loads(body)
    except ValueError:
        return {}


def run(suite, binary, db, tmp):
    server = Server(binary, db)
    try:
        replay(suite, server, db)
    finally:
        server.stop()


def replay(suite, server, db):
    port = server.port
    root = Client(port, "root")
    editor1 = Client(port, "editor1")  # organization 1
    editor2 = Client(port, "editor2")  # organization 2, whose profile is id 3
    idle = server.rss_mib()
    server.reset_peak()

    # --- finding 6: a name standing in for another organization's id ----------------------------
    before = newest_audit(root)
    status, _, body, _ = editor1.request(
        "POST", "/api/v1/organizations/1/profiles",
        {"name": "3", "framework": "iso-tr-27103-2018", "kind": "target"})
    suite.check(status == 422 and "only digits" in body_json(body).get("detail", ""),
                "finding 6: a profile named '3' (another organization's profile id) is refused (422)",
                f"{status} {body[:200]!r}")
    for name in ("0003", "3 "):
        status, _, body, _ = editor1.request(
            "POST", "/api/v1/organizations/1/profiles",
            {"name": name, "framework": "iso-tr-27103-2018", "kind": "target"})
        suite.check(status == 422, f"finding 6: the profile name {name!r} is refused too (422)",
                    f"{status} {body[:200]!r}")
    status, _, body, _ = editor1.request(
        "POST", "/api/v1/organizations/1/mapping-sets",
        {"name": "3", "title": "Ours", "source": "nist-csf-2.0", "target": "iso-tr-27103-2018"})
    suite.check(status == 422, "finding 6: a mapping set named '3' is refused (422)",
                f"{status} {body[:200]!r}")
    suite.check(newest_audit(root) == before, "finding 6: the refusals stored nothing")

    # A workspace written before the rule already holds such a name: organization 1's target
    # profile renamed "3" behind the server's back.
    with sqlite3.connect(db) as con:
        target_id = con.execute("SELECT id FROM profile WHERE organization = 1 AND kind = 'target' "
                                "ORDER BY id LIMIT 1").fetchone()[0]
        con.execute("UPDATE profile SET name = '3', name_key = NULL WHERE id = ?", (target_id,))
    for who, client in (("the administrator", root), ("organization 2's editor", editor2)):
        status, _, body, _ = client.request("GET", "/api/v1/profiles/3")
        got = body_json(body)
        suite.check(status == 200 and got.get("organization") == 2 and got.get("name") == "Other current",
                    f"finding 6: profile 3 stays organization 2's for {who} although a profile of "
                    "organization 1 is named '3'", f"{status} {body[:200]!r}")
        status, _, _, _ = client.request("GET", "/api/v1/profiles/3/nodes/ID.AM-1")
        suite.check(status == 200, f"finding 6: profile 3's records stay reachable for {who}",
                    f"status {status}")
    status, _, _, _ = editor1.request("GET", "/api/v1/profiles/3")
    suite.check(status == 404, "finding 6: organization 1's editor still cannot read profile 3 (404)",
                f"status {status}")
    status, _, body, _ = editor1.request("GET", f"/api/v1/profiles/{target_id}")
    suite.check(status == 200 and body_json(body).get("name") == "3",
                "finding 6: the profile named '3' is reachable by its own id",
                f"{status} {body[:200]!r}")
    with sqlite3.connect(db) as con:
        con.execute("UPDATE profile SET name = 'Target state', name_key = NULL WHERE id = ?",
                    (target_id,))

    # --- names: '/', bidirectional controls, case ---------------------------------------------
    before = newest_audit(root)
    for name, what in (("Head office/IT", "'/'"), ("Invoice\u202etxt.exe", "U+202E (right-to-left override)"),
                       ("Plant\u2066x", "U+2066 (left-to-right isolate)"), ("Tab\tname", "a tab")):
        status, _, body, _ = root.request("POST", "/api/v1/organizations", {"name": name})
        suite.check(status in (400, 422), f"finding 8: an organization name with {what} is refused",
                    f"{status} {body[:200]!r}")
        status, _, body, _ = editor1.request(
            "POST", "/api/v1/organizations/1/profiles",
            {"name": name, "framework": "iso-tr-27103-2018", "kind": "target"})
        suite.check(status in (400, 422), f"finding 8: a profile name with {what} is refused",
                    f"{status} {body[:200]!r}")
    status, _, body, _ = root.request("POST", "/api/v1/organizations", {"name": "OTHER ORG"})
    suite.check(status == 422 and "without regard to case" in body_json(body).get("detail", ""),
                "finding 8: an organization name differing only in case is refused (422)",
                f"{status} {body[:200]!r}")
    status, _, body, _ = editor2.request(
        "POST", "/api/v1/organizations/2/profiles",
        {"name": "other CURRENT", "framework": "iso-tr-27103-2018", "kind": "target"})
    suite.check(status == 422, "finding 8: a profile name differing only in case is refused (422)",
                f"{status} {body[:200]!r}")
    suite.check(newest_audit(root) == before, "finding 8: the refused names stored nothing")

    # --- dates ---------------------------------------------------------------------------------
    before = newest_audit(root)
    for due in ("2026-99-99", "2026-02-30", "2025-02-29", "2026-04-31", "2026-13-01", "26-1-1"):
        status, _, body, _ = editor1.request("POST", "/api/v1/organizations/1/actions",
                                             {"title": "Backups tested", "due": due})
        suite.check(status in (400, 422), f"finding 8: the impossible due date {due} is refused",
                    f"{status} {body[:200]!r}")
    status, _, body, _ = editor1.request("POST", "/api/v1/profiles/1/assessments",
                                         {"name": "Q1 2026", "taken_at": "2026-03-31T24:00:00Z"})
    suite.check(status in (400, 422), "finding 8: an assessment taken at 24:00 is refused",
                f"{status} {body[:200]!r}")
    suite.check(newest_audit(root) == before, "finding 8: the refused dates stored nothing")
    status, _, body, _ = editor1.request("POST", "/api/v1/organizations/1/actions",
                                         {"title": "Leap-day review", "due": "2028-02-29"})
    suite.check(status in (200, 201), "a real leap day is accepted", f"{status} {body[:200]!r}")

    # --- finding 7: CSV formula injection -------------------------------------------------------
    nodes = ["ID.AM-1", "ID.AM-2", "ID.AM-3", "ID.AM-4", "ID.AM-5"]
    for node, text in zip(nodes, FORMULAS):
        status, _, _, headers = editor1.request("GET", f"/api/v1/profiles/1/nodes/{node}")
        status, _, body, _ = editor1.request(
            "PUT", f"/api/v1/profiles/1/nodes/{node}", {"owner": text, "notes": text},
            headers={"If-Match": headers.get("etag", "*")})
        suite.check(status == 200, f"a cell text {text!r} is stored as written", f"{status} {body[:200]!r}")
    status, ctype, body, _ = editor1.request("GET", "/api/v1/profiles/1/export?format=csv")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))
    cells = [c for row in rows for c in row]
    dangerous = [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r") or
                 (c.startswith("-") and c != "-" and not c[1:].replace(".", "", 1).isdigit())]
    suite.check(status == 200 and ctype.startswith("text/csv") and not dangerous,
                "finding 7: no cell of the CSV export starts a formula (= + - @ tab CR)",
                f"{status} {dangerous[:5]!r}")
    for text, written in FORMULAS.items():
        suite.check(written in cells, f"finding 7: {text!r} is exported as {written!r}",
                    f"{[c for c in cells if text.strip() in c][:2]!r}")
    # The gap table's export (GET /api/v1/profiles/{id}/gaps/export) writes the owners by the same
    # rule, filtered to the category whose owners were set.
    status, ctype, gap_body, _ = editor1.request(
        "GET", "/api/v1/profiles/1/gaps/export?format=csv&category=ID.AM")
    gap_rows = list(csv.reader(io.StringIO(gap_body.decode("utf-8-sig"))))
    gap_cells = [c for row in gap_rows for c in row]
    dangerous = [c for c in gap_cells if c[:1] in ("=", "+", "@", "\t", "\r") or
                 (c.startswith("-") and c != "-" and not c[1:].replace(".", "", 1).isdigit())]
    suite.check(status == 200 and ctype.startswith("text/csv") and not dangerous and
                len(gap_rows) > len(FORMULAS),
                "finding 7: no cell of the gaps' CSV export starts a formula (= + - @ tab CR)",
                f"{status} {len(gap_rows)} rows {dangerous[:5]!r}")
    for text, written in FORMULAS.items():
        if text.strip() != text:
            continue  # an owner is stored trimmed: "\tTAB" is the owner "TAB"
        suite.check(written in gap_cells, f"finding 7: the gaps' export writes {text!r} as {written!r}",
                    f"{[c for c in gap_cells if text.strip() in c][:2]!r}")
    status, _, none_body, _ = editor1.request(
        "GET", "/api/v1/profiles/1/gaps/export?format=csv&owner=%3DHYPERLINK")
    suite.check(status == 200 and none_body.count(b"\r\n") == 1,
                "a filter that keeps nothing exports the header alone",
                f"{status} {none_body[:200]!r}")
    status, _, other_body, _ = editor2.request("GET", "/api/v1/profiles/1/gaps/export?format=csv")
    suite.check(status == 404 and b"ID.AM" not in other_body,
                "another organization's editor gets 404 for the gaps' export, nothing of it",
                f"{status} {other_body[:200]!r}")

    status, _, body, _ = editor1.request("POST", "/api/v1/profiles/1/import?format=csv",
                                         body.decode("utf-8").encode(),
                                         headers={"Content-Type": "text/csv"})
    suite.check(status == 200, "the neutralised export imports back", f"{status} {body[:200]!r}")
    status, _, body, _ = editor1.request("GET", "/api/v1/profiles/1/nodes/ID.AM-1")
    suite.check(body_json(body).get("owner") == next(iter(FORMULAS)),
                "finding 7: imported back, the text is what was written (the apostrophe removed)",
                f"{body[:200]!r}")

    # --- the roadmap's what-if: another organization's actions and hostile action lists --------
    status, _, body, _ = editor2.request("POST", "/api/v1/organizations/2/actions",
                                         {"title": "Organization 2's secret project"})
    other = body_json(body).get("id")
    suite.check(status == 201 and other, "organization 2 has an action", f"{status} {body[:200]!r}")
    before = newest_audit(root)
    status, _, theirs, _ = editor1.request("GET", f"/api/v1/profiles/1/what-if?actions={other}")
    status_none, _, none, _ = editor1.request("GET", "/api/v1/profiles/1/what-if?actions=999999")
    suite.check(status == 422 and status_none == 422
                and body_json(theirs).get("detail") == f"no action {other} in this organization"
                and body_json(none).get("detail") == "no action 999999 in this organization"
                and b"secret" not in theirs,
                "what-if: another organization's action reads as no action (its title never shown)",
                f"{status} {theirs[:200]!r} / {status_none} {none[:200]!r}")
    status, _, body, _ = editor2.request("GET", "/api/v1/profiles/1/what-if?actions=2")
    suite.check(status == 404, "what-if: organization 1's profile is hidden from organization 2",
                f"{status} {body[:200]!r}")
    for what, query in (("SQL", "2)%20OR%201=1--"), ("a quote", "2'"),
                        ("100,000 ids", "%2C".join(["1"] * 100000)),
                        ("a huge number", "9" * 40)):
        status, _, body, _ = editor1.request("GET", f"/api/v1/profiles/1/what-if?actions={query}")
        suite.check(status in (400, 414, 422, 431) and
                    body_json(body).get("detail", "x") is not None,
                    f"what-if: {what} in the action ids is refused", f"{status} {body[:200]!r}")
    status, _, body, _ = editor1.request(
        "GET", "/api/v1/profiles/1/what-if?actions=" + "%2C".join(["2"] * 1001))
    suite.check(status == 400 and "at most 1000" in body_json(body).get("detail", ""),
                "what-if: more than 1000 action ids are refused (400)", f"{status} {body[:200]!r}")
    suite.check(newest_audit(root) == before, "what-if: the refusals and answers wrote nothing")

    peak = server.peak_mib()
    suite.check(peak - idle < 64, "findings 6-8: peak memory under 64 MiB above idle",
                f"idle {idle:.1f} MiB, peak {peak:.1f} MiB")
    suite.check(server.alive(), "the server is still up")


if __name__ == "__main__":
    main(run)
