#!/usr/bin/env python3
"""Generate catalog/frameworks/nist-csf-1.1.yaml from NIST's CSF 1.1 core spreadsheet.

Maintainer tool, kept for provenance; the product never runs it.

    python3 scripts/gen-nist-csf-1.1.py nist-csf-1.1-core.csv > catalog/frameworks/nist-csf-1.1.yaml

Input: a CSV export of NIST's 2018-04-16_framework_v1.1_core1.xlsx with the columns
Function, Category, Subcategory, Informative References (and a trailing empty column).
One informative reference per row; Function, Category and Subcategory appear only on the
first row of their block; each reference starts with a "·" bullet and spaces.

Only the ISO/IEC 27001:2013 informative references are carried.  "Clause N" becomes the
ISMS clause "N"; Annex A controls stay "A.x.y.z".  A "Clause" that is not an ISMS clause
(4-10) is an Annex A control misprinted as a clause (NIST prints "Clause 16.1.2"): it is
emitted as its own reference to "A.x.y.z" with the print kept in `printed` and a `note`, unless
the same cell already cites "A.x.y.z" (RS.CO-3 prints "A.16.1.2, Clause 7.4, Clause 16.1.2"): then
the control is listed once and the node's `notes` keep the print.
Standard library only.
"""
import csv
import re
import sys

from catalog_yaml import clean, quote, scalar

STANDARD = "iso-iec-27001-2013"
DESIGNATION = "ISO/IEC 27001:2013"

# The CSV has no function definitions: NIST's one-sentence definitions from
# CSF 1.1 section 2.1 (Framework Core).
FUNCTIONS = {
    "ID": ("Identify", "Develop an organizational understanding to manage cybersecurity risk to "
                       "systems, people, assets, data, and capabilities."),
    "PR": ("Protect", "Develop and implement appropriate safeguards to ensure delivery of "
                      "critical services."),
    "DE": ("Detect", "Develop and implement appropriate activities to identify the occurrence "
                     "of a cybersecurity event."),
    "RS": ("Respond", "Develop and implement appropriate activities to take action regarding a "
                      "detected cybersecurity incident."),
    "RC": ("Recover", "Develop and implement appropriate activities to maintain plans for "
                      "resilience and to restore any capabilities or services that were impaired "
                      "due to a cybersecurity incident."),
}

FUNCTION_RE = re.compile(r"^([A-Z]+) \(([A-Z]{2})\)$")
CATEGORY_RE = re.compile(r"^(.+?) \(([A-Z]{2}\.[A-Z]{2})\):\s*(.+)$", re.S)
SUBCATEGORY_RE = re.compile(r"^([A-Z]{2}\.[A-Z]{2}-\d+):\s*(.+)$", re.S)
ISMS_CLAUSES = {"4", "5", "6", "7", "8", "9", "10"}


def die(msg):
    sys.exit("gen-nist-csf-1.1: " + msg)


# The source quirks the provenance notes describe; the generator stops if it finds others.
EXPECTED_QUIRKS = {("PR.AC-6", "comma after designation"), ("RS.CO-3", "Clause 16.1.2")}
found_quirks = set()


def parse_iso_reference(ref, where, node):
    """'ISO/IEC 27001:2013 A.8.1.1, Clause 4.1' -> (list of reference dicts, notes)."""
    body = ref[len(DESIGNATION):].strip()
    if body.startswith(","):                 # NIST prints "ISO/IEC 27001:2013, A.7.1.1, ..." once
        found_quirks.add((node, "comma after designation"))
        body = body[1:].strip()
    clauses, quirks = [], []
    for item in (clean(x) for x in body.split(",")):
        if not item:
            continue
        m = re.fullmatch(r"A\.\d+(\.\d+)*", item)
        if m:
            clauses.append(item)
            continue
        m = re.fullmatch(r"Clause (\d+(?:\.\d+)*)\.?", item)
        if not m:
            die("%s: unrecognised ISO/IEC 27001:2013 clause %r" % (where, item))
        number = m.group(1)
        if number.split(".")[0] in ISMS_CLAUSES:
            clauses.append(number)
        else:                                # an Annex A control printed as a clause
            found_quirks.add((node, "Clause " + number))
            quirks.append({
                "clause": "A." + number,
                "printed": "%s Clause %s" % (DESIGNATION, number),
                "note": "printed as Clause %s; Annex A control A.%s intended" % (number, number),
            })
    refs, notes = [], []
    if clauses:
        refs.append({"clauses": clauses})
    for q in quirks:
        if q["clause"] in clauses:           # the misprint repeats a control the cell cites
            notes.append("NIST prints \"%s\": Clause %s is a misprint of Annex A control %s, "
                         "which the same reference already cites, so %s is listed once."
                         % (ref, q["clause"][2:], q["clause"], q["clause"]))
        else:
            refs.append(q)
    return refs, notes


def parse(path):
    functions = []
    func = cat = sub = None
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    if [clean(c) for c in rows[0][:4]] != ["Function", "Category", "Subcategory",
                                           "Informative References"]:
        die("unexpected header %r" % rows[0])
    for lineno, row in enumerate(rows[1:], 2):
        row = (row + [""] * 4)[:4]
        f_txt, c_txt, s_txt, r_txt = row
        if clean(f_txt):
            m = FUNCTION_RE.match(clean(f_txt))
            if not m or m.group(2) not in FUNCTIONS:
                die("line %d: bad function %r" % (lineno, f_txt))
            title, desc = FUNCTIONS[m.group(2)]
            func = {"id": m.group(2), "title": title, "description": desc, "children": []}
            functions.append(func)
            cat = sub = None
        if clean(c_txt):
            m = CATEGORY_RE.match(c_txt.strip())
            if not m or func is None or not m.group(2).startswith(func["id"] + "."):
                die("line %d: bad category %r" % (lineno, c_txt))
            cat = {"id": m.group(2), "title": clean(m.group(1)),
                   "description": clean(m.group(3)), "children": []}
            func["children"].append(cat)
            sub = None
        if clean(s_txt):
            m = SUBCATEGORY_RE.match(s_txt.strip())
            if not m or cat is None or not m.group(1).startswith(cat["id"] + "-"):
                die("line %d: bad subcategory %r" % (lineno, s_txt))
            sub = {"id": m.group(1), "description": clean(m.group(2)), "references": [],
                   "notes": []}
            cat["children"].append(sub)
        ref = clean(r_txt).lstrip("·").strip()
        if ref.startswith(DESIGNATION):
            if sub is None:
                die("line %d: reference outside a subcategory" % lineno)
            refs, notes = parse_iso_reference(ref, "line %d (%s)" % (lineno, sub["id"]),
                                              sub["id"])
            sub["references"].extend(refs)
            sub["notes"].extend(notes)
    return functions


def reference(r):
    parts = ["standard: " + STANDARD]
    if "clauses" in r:
        parts.append("clauses: [" + ", ".join(quote(c) for c in r["clauses"]) + "]")
    else:
        parts.append("clause: " + quote(r["clause"]))
        parts.append("printed: " + quote(r["printed"]))
        parts.append("note: " + quote(r["note"]))
    return "{ " + ", ".join(parts) + " }"


HEADER = """\
# Generated by scripts/gen-nist-csf-1.1.py from NIST's CSF 1.1 core spreadsheet
# (2018-04-16_framework_v1.1_core1.xlsx, CSV export). Do not edit by hand: fix the generator.
kind: framework
id: nist-csf-1.1
title: NIST Cybersecurity Framework, Version 1.1 (Framework Core)
short_title: CSF 1.1
version: "1.1"
publisher: NIST
conformance: ts-27110
provenance:
  source: NIST Framework for Improving Critical Infrastructure Cybersecurity, Version 1.1 (2018-04-16), Framework Core
  edition: "1.1"
  tables: Appendix A, Table 2
  licence: "public domain (a work of the US Government, 17 U.S.C. 105)"
  method: transcribed
  notes: Generated by scripts/gen-nist-csf-1.1.py from NIST's core spreadsheet; only the ISO/IEC 27001:2013 informative references are carried. Function descriptions are NIST's one-sentence function definitions (section 2.1), which the spreadsheet does not hold. Whitespace in the spreadsheet's texts (line breaks, no-break and double spaces, trailing spaces) is normalised; wording and final full stops are kept as printed. Clause N references are ISO/IEC 27001 clauses N. NIST's Clause 16.1.2 (RS.CO-3) is a misprint of Annex A control A.16.1.2, which the same reference already cites, so A.16.1.2 is listed once and the node's notes keep the print; the stray comma after the designation in ISO/IEC 27001:2013, A.7.1.1, A.9.2.1 (PR.AC-6) is dropped.
nodes:
"""


def emit(functions, out):
    out.write(HEADER)
    for fn in functions:
        out.write("  - id: %s\n    level: function\n    title: %s\n    description: %s\n"
                  % (fn["id"], scalar(fn["title"]), scalar(fn["description"])))
        out.write("    children:\n")
        for cat in fn["children"]:
            out.write("      - id: %s\n        level: category\n        title: %s\n"
                      "        description: %s\n" % (cat["id"], scalar(cat["title"]),
                                                     scalar(cat["description"])))
            out.write("        children:\n")
            for sub in cat["children"]:
                out.write("          - id: %s\n            level: subcategory\n"
                          "            description: %s\n" % (sub["id"], scalar(sub["description"])))
                if sub["references"]:
                    out.write("            references:\n")
                    for r in sub["references"]:
                        out.write("              - %s\n" % reference(r))
                if sub["notes"]:
                    out.write("            notes: %s\n" % scalar(" ".join(sub["notes"])))


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: gen-nist-csf-1.1.py CORE.csv > nist-csf-1.1.yaml")
    functions = parse(sys.argv[1])
    cats = [c for f in functions for c in f["children"]]
    subs = [s for c in cats for s in c["children"]]
    if (len(functions), len(cats), len(subs)) != (5, 23, 108):
        die("expected 5/23/108 nodes, got %d/%d/%d" % (len(functions), len(cats), len(subs)))
    if found_quirks != EXPECTED_QUIRKS:
        die("source quirks %r differ from those the notes describe %r"
            % (sorted(found_quirks), sorted(EXPECTED_QUIRKS)))
    emit(functions, sys.stdout)


if __name__ == "__main__":
    main()
