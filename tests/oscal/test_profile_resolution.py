#!/usr/bin/env python3
"""NIST's profile-resolution tests through `cyberframe oscal resolve`.

usage: test_profile_resolution.py CYBERFRAME OSCAL_DATA_DIR

Every profile of profile-resolution/requirement-tests/*.xml and of the older
profile-resolution/profile-resolution-examples/*.xml is resolved (XML out, run in the profile's
folder so relative imports and the resolution-source link are as NIST's runs had them). The
outcome of each is one of:

  pass       resolved, and structurally equal to output-expected/NAME_RESOLVED.xml
  differs    resolved, but not equal to the expected output (the first difference is printed)
  resolves   resolved; NIST gives no expected output to compare with
  rejected   refused with exit status 2 and a message containing the expected text
  fails      refused although NIST expects a catalog

The structural comparison ignores only what the specification leaves free or what XML does not
carry as data: the catalog's uuid attribute (fresh per resolution), the text of
metadata/last-modified (the time of resolution), comments and processing instructions, the
order of attributes, text that is only whitespace, and runs of whitespace inside text (collapsed
to one space, trimmed at both ends, as in OSCAL's HTML-like markup). Everything else - element
names and order, attribute names and values, text - must be equal.

The test fails when any outcome differs from profile_resolution_expectations.txt (next to this
file), or when the table in docs/oscal-profile-resolution.md disagrees with that file.
"""

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
EXPECTATIONS = HERE / "profile_resolution_expectations.txt"
DOC = REPO / "docs" / "oscal-profile-resolution.md"
NS = "{http://csrc.nist.gov/ns/oscal/1.0}"
SUITES = ["requirement-tests", "profile-resolution-examples"]
# Files in the suite folders that are not profiles of a test.
NOT_TESTS = {"requirement-tests/spoofed-resource"}


def read_expectations():
    rows = {}
    for number, line in enumerate(EXPECTATIONS.read_text().splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("|")]
        if len(cells) != 4:
            sys.exit(f"{EXPECTATIONS}:{number}: want 'name | outcome | message | reason', got {line!r}")
        name, outcome, message, reason = cells
        if outcome not in ("pass", "differs", "resolves", "rejected", "fails"):
            sys.exit(f"{EXPECTATIONS}:{number}: unknown outcome {outcome!r}")
        if outcome != "pass" and not reason:
            sys.exit(f"{EXPECTATIONS}:{number}: every outcome but 'pass' needs its reason")
        if outcome == "rejected" and not message:
            sys.exit(f"{EXPECTATIONS}:{number}: a 'rejected' case names the text its message must hold")
        rows[name] = (outcome, message, reason)
    return rows


def squeeze(text):
    return re.sub(r"\s+", " ", text or "").strip()


def canonical(element, path="", root=True):
    """(tag, attributes, [content]) with the ignored parts taken out."""
    tag = element.tag.replace(NS, "")
    attributes = dict(element.attrib)
    here = f"{path}/{tag}"
    if root and tag == "catalog":
        attributes.pop("uuid", None)
    content = []
    if not (here == "/catalog/metadata/last-modified"):
        if squeeze(element.text):
            content.append(squeeze(element.text))
    for child in element:
        if not isinstance(child.tag, str):  # comment or processing instruction
            if squeeze(child.tail):
                content.append(squeeze(child.tail))
            continue
        content.append(canonical(child, here, False))
        if squeeze(child.tail):
            content.append(squeeze(child.tail))
    return (tag, tuple(sorted(attributes.items())), content)


def differences(want, got, path="", found=None, limit=4):
    """Up to `limit` differences, each with where it is; elements compared in order."""
    found = [] if found is None else found
    if len(found) >= limit:
        return found
    if isinstance(want, str) or isinstance(got, str):
        if want != got:
            found.append(f"{path}: text {want!r} expected, got {got!r}")
        return found
    if want[0] != got[0]:
        found.append(f"{path}: element <{want[0]}> expected, got <{got[0]}>")
        return found
    here = f"{path}/{want[0]}"
    if want[1] != got[1]:
        found.append(f"{here}: attributes {dict(want[1])} expected, got {dict(got[1])}")
    for index, (w, g) in enumerate(zip(want[2], got[2])):
        differences(w, g, f"{here}[{index}]", found, limit)
    if len(want[2]) != len(got[2]) and len(found) < limit:
        extra = want[2][len(got[2]):] or got[2][len(want[2]):]
        what = extra[0] if isinstance(extra[0], str) else f"<{extra[0][0]} {dict(extra[0][1])}>"
        side = "missing" if len(want[2]) > len(got[2]) else "unexpected"
        found.append(f"{here}: {len(want[2])} children expected, got {len(got[2])} ({side}: {what})")
    return found


def run_one(binary, folder, name):
    profile = folder / f"{name}.xml"
    result = subprocess.run([binary, "oscal", "resolve", profile.name, "--to", "xml", "--quiet"],
                            cwd=folder, capture_output=True, text=True, timeout=60)
    expected_file = folder / "output-expected" / f"{name}_RESOLVED.xml"
    if result.returncode != 0:
        return ("rejected" if result.returncode == 2 else "fails"), result.stderr.strip()
    try:
        got = canonical(ET.fromstring(result.stdout.encode()))
    except ET.ParseError as error:
        return "fails", f"the output is not XML: {error}"
    if not expected_file.exists():
        return "resolves", ""
    want_root = ET.parse(expected_file).getroot()
    if any(child.tag == f"{NS}ERROR" for child in want_root):
        # NIST's processor writes its error into the output: the case is an error case.
        return "differs", "resolved, but NIST's expected output is an error"
    found = differences(canonical(want_root), got)
    return ("pass", "") if not found else ("differs", "; ".join(found))


def doc_table():
    rows = {}
    for line in DOC.read_text().splitlines():
        cells = [cell.strip().strip("`") for cell in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and "/" in cells[0] and cells[0].split("/")[0] in SUITES:
            rows[cells[0]] = cells[1]
    return rows


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    binary = os.path.abspath(sys.argv[1])
    data = Path(sys.argv[2]) / "profile-resolution"
    expectations = read_expectations()
    problems = []
    seen = set()
    counts = {}
    for suite in SUITES:
        folder = data / suite
        for profile in sorted(folder.glob("*.xml")):
            name = f"{suite}/{profile.stem}"
            if name in NOT_TESTS:
                continue
            seen.add(name)
            outcome, detail = run_one(binary, folder, profile.stem)
            counts[outcome] = counts.get(outcome, 0) + 1
            print(f"{outcome:9} {name}" + (f"  -- {detail}" if detail else ""))
            if name not in expectations:
                problems.append(f"{name}: outcome {outcome}, but {EXPECTATIONS.name} does not list it")
                continue
            want, message, _ = expectations[name]
            if outcome != want:
                problems.append(f"{name}: expected {want}, got {outcome}: {detail}")
            elif outcome == "rejected" and message not in detail:
                problems.append(f"{name}: rejected, but the message lacks {message!r}: {detail}")
    for name in sorted(set(expectations) - seen):
        problems.append(f"{name}: listed in {EXPECTATIONS.name} but not found in {data}")

    table = doc_table()
    for name, (outcome, _, _) in sorted(expectations.items()):
        if name not in table:
            problems.append(f"{DOC.name}: the table lacks {name}")
        elif table[name] != outcome:
            problems.append(f"{DOC.name}: the table says {name} is {table[name]}, the expectations say {outcome}")
    for name in sorted(set(table) - set(expectations)):
        problems.append(f"{DOC.name}: the table lists {name}, which the expectations do not")

    print("\n" + ", ".join(f"{count} {outcome}" for outcome, count in sorted(counts.items())))
    if problems:
        print("\nFAILED:")
        for problem in problems:
            print("  " + problem)
        return 1
    print("every outcome is as expected")
    return 0


if __name__ == "__main__":
    sys.exit(main())
