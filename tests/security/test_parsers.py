#!/usr/bin/env python3
"""Findings 4 and 5 and the JSON item of finding 8, over HTTP against a live server: XLSX
decompression bombs (shared strings, workbook.xml), YAML and JSON amplification sent to the OSCAL
conversion and the profile import, an XML document of a million elements, many bombs at once,
and a number out of range in a JSON body. Each is refused with its status, nothing is imported,
and the server's peak RSS stays under 64 MiB above idle.

Usage: test_parsers.py CYBERFRAME_BINARY
"""
import io
import json
import threading
import zipfile

from harness import MIB, Client, Server, main

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
WORKBOOK = (f'<workbook xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships"><sheets><sheet name="P" sheetId="1" r:id="rId1"/></sheets>'
            '</workbook>')
SHEET = (f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>node</t>'
         '</is></c></row></sheetData></worksheet>')


def shared_strings_bomb():
    """About 400 KB that inflate to 250 MiB of shared strings."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", RELS)
        z.writestr("xl/worksheets/sheet1.xml", SHEET)
        with z.open("xl/sharedStrings.xml", "w") as f:
            f.write(f'<sst xmlns="{MAIN}">'.encode())
            item = b"<si><t>" + b"a" * 1000 + b"</t></si>"
            chunk = item * 1024
            for _ in range(250 * MIB // len(chunk)):
                f.write(chunk)
            f.write(b"</sst>")
    return buffer.getvalue()


def workbook_bomb():
    """About 80 KB with a 64 MiB workbook.xml."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        with z.open("xl/workbook.xml", "w") as f:
            f.write(f'<workbook xmlns="{MAIN}"><sheets>'.encode())
            pad = b" " * MIB
            for _ in range(64):
                f.write(pad)
            f.write(b'</sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", RELS)
        z.writestr("xl/worksheets/sheet1.xml", SHEET)
    return buffer.getvalue()


def run(suite, binary, db, tmp):
    server = Server(binary, db)
    port = server.port
    editor = Client(port, "editor1")
    viewer = Client(port, "viewer1")
    status, _, before, _ = editor.request("GET", "/api/v1/profiles/1/nodes?limit=1000")
    for _ in range(20):
        editor.request("GET", "/api/v1/organizations/1/dashboard")
    idle_mib = server.rss_mib()
    print(f"idle: {idle_mib:.1f} MiB")

    def bounded(what, attack):
        server.reset_peak()
        attack()
        peak = server.peak_mib()
        suite.check(peak - idle_mib < 64, f"{what}: peak RSS under 64 MiB above idle",
                    f"idle {idle_mib:.1f} MiB, peak {peak:.1f}")

    def unchanged():
        status, _, now, _ = editor.request("GET", "/api/v1/profiles/1/nodes?limit=1000")
        return status == 200 and now == before

    # --- finding 4: XLSX decompression bombs ----------------------------------------------------
    bomb = shared_strings_bomb()

    def xlsx(body, what):
        def attack():
            status, _, answer, _ = editor.request(
                "POST", "/api/v1/profiles/1/import?format=xlsx", body,
                {"Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
            suite.check(status == 422 and unchanged(),
                        f"finding 4: {what} ({len(body) // 1024} KB) is refused with 422, nothing "
                        "imported", f"status {status}: {answer[:160]!r}")
        return attack

    bounded("finding 4 (shared strings)", xlsx(bomb, "a workbook whose shared strings inflate to 250 MiB"))
    bounded("finding 4 (workbook.xml)", xlsx(workbook_bomb(), "a workbook with a 64 MiB workbook.xml"))

    def many_at_once():
        statuses = []

        def one():
            s, _, _, _ = editor.request(
                "POST", "/api/v1/profiles/1/import?format=xlsx", bomb,
                {"Content-Type": "application/octet-stream"})
            statuses.append(s)
        threads = [threading.Thread(target=one) for _ in range(12)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        suite.check(all(s in (422, 503) for s in statuses) and statuses.count(422) >= 2,
                    "finding 4: twelve bombs at once are all refused (422, or 503 when the queue "
                    "is full), two parsed at a time", str(sorted(statuses)))

    bounded("finding 4 (twelve at once)", many_at_once)

    # --- finding 5: YAML and JSON amplification --------------------------------------------------
    yaml_list = ("[" + ",".join(["a"] * (4 * MIB)) + "]").encode()[:8 * MIB - 16] + b"]"

    def convert(body, fmt, what, expect=422, client=None):
        def attack():
            status, _, answer, _ = (client or viewer).request(
                "POST", "/api/v1/oscal/convert?to=json", body,
                {"Content-Type": "application/yaml" if fmt == "yaml" else f"application/{fmt}"})
            suite.check(status == expect, f"finding 5: {what} to the OSCAL conversion is refused "
                        f"with {expect}", f"status {status}: {answer[:160]!r}")
        return attack

    bounded("finding 5 (YAML list)", convert(yaml_list, "yaml", "an 8 MiB YAML [a,a,...] from any account"))
    json_list = ("[" + ",".join(["1"] * (4 * MIB - 8)) + "]").encode()
    bounded("finding 5 (JSON list)", convert(json_list, "json", "an 8 MiB JSON [1,1,...]"))
    xml = (b'<catalog xmlns="http://csrc.nist.gov/ns/oscal/1.0" uuid="x">' +
           b"<a/>" * (2 * MIB - 20) + b"</catalog>")
    bounded("finding 5 (XML elements)", convert(xml, "xml", f"XML of {2 * MIB - 20:,} elements"))
    deep = b"[" * 100000 + b"]" * 100000
    bounded("finding 5 (deep JSON)", convert(deep, "json", "JSON nested 100,000 deep"))

    def profile_yaml():
        head = b"profile: x\nframework: iso-tr-27103-2018\nkind: current\nnodes: "
        body = head + yaml_list[:8 * MIB - len(head) - 1] + b"]"
        status, _, answer, _ = editor.request("POST", "/api/v1/profiles/1/import?format=yaml", body,
                                              {"Content-Type": "application/yaml"})
        suite.check(status == 422 and unchanged(),
                    "finding 5: an 8 MiB YAML list in a profile import is refused with 422, nothing "
                    "imported", f"status {status}: {answer[:160]!r}")

    bounded("finding 5 (profile YAML)", profile_yaml)

    # Framework drafts (the framework editor's live check, and the saves): a request's catalog
    # file, read with the draft budget.
    def stored_frameworks():
        status, _, answer, _ = editor.request("GET", "/api/v1/organizations/1/frameworks")
        return json.loads(answer)["total"] if status == 200 else -1

    def draft(body, ctype, what, expect, path="/api/v1/frameworks/check", client=None):
        def attack():
            status, _, answer, _ = (client or viewer).request("POST", path, body,
                                                             {"Content-Type": ctype})
            ok = status == expect
            if ok and status == 200:
                result = json.loads(answer)
                ok = result["ok"] is False and any("limit" in d["message"] or "at most" in
                                                   d["message"] for d in result["diagnostics"])
            suite.check(ok and stored_frameworks() == 0,
                        f"framework drafts: {what} is refused ({expect}), nothing stored",
                        f"status {status}: {answer[:200]!r}")
        return attack

    bounded("framework draft (YAML list)",
            draft(yaml_list, "application/yaml", "an 8 MiB YAML [a,a,...] to the live check", 200))
    bounded("framework draft (YAML list, stored)",
            draft(yaml_list, "application/yaml", "the same YAML stored by an editor", 422,
                  "/api/v1/organizations/1/frameworks", editor))
    bounded("framework draft (JSON list)",
            draft(b'{"document": ' + json_list[:8 * MIB - 40] + b"]}", "application/json",
                  "an 8 MiB JSON list as the document", 400))
    bounded("framework draft (deep JSON)",
            draft(b'{"document": ' + deep + b"}", "application/json",
                  "a document nested 100,000 deep", 400))

    # --- finding 8: numbers out of range ---------------------------------------------------------
    status, _, body, _ = editor.request(
        "PUT", "/api/v1/profiles/1/nodes/ID.AM-1", b'{"level": 1e400}',
        {"Content-Type": "application/json", "If-Match": '"0"'})
    suite.check(status == 400 and b"out of range" in body,
                "finding 8: 1e400 in a JSON body is a 400, not a 500", f"status {status}: {body[:160]!r}")
    status, _, body, _ = editor.request(
        "PUT", "/api/v1/profiles/1/nodes/ID.AM-1", b'{"level": 123456789012345678901234567890}',
        {"Content-Type": "application/json", "If-Match": '"0"'})
    suite.check(status == 400, "finding 8: an integer over 64 bits is a 400", f"status {status}")
    suite.check(unchanged(), "nothing was stored by any refused request")
    suite.check(server.alive(), "the server is still up")
    server.stop()


if __name__ == "__main__":
    main(run)
