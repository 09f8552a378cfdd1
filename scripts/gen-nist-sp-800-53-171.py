#!/usr/bin/env python3
"""Generate NIST SP 800-53 rev5 (with its LOW, MODERATE, HIGH and PRIVACY baselines) and NIST
SP 800-171 rev3 as built-in frameworks.

Maintainer tool, kept for provenance; the product never runs it.  The committed YAML is the
source of truth; rerun this only to regenerate it after fixing the generator or the import.

    python3 scripts/gen-nist-sp-800-53-171.py build/cyberframe ../shared/data/oscal catalog/frameworks

Why the built binary and not a Python transcription: the frameworks must have exactly the shape
`cyberframe oscal import catalog` gives any OSCAL catalog (controls as AC-1, enhancements AC-2(1)
nested under them, statement items as their own nodes, SP 800-171 in numeric order, no node that
repeats its parent), so that a user who imports a newer release gets the same ids; a second
implementation here would drift from it.  Likewise the baselines are NIST's profiles resolved by
`cyberframe oscal resolve` (src/oscal/resolve.cpp), not lists typed or parsed by hand.  This
script only runs those two verbs and writes what they give as catalog files: the statements and
titles (NIST's discussion text is left out to keep the built-in catalog small and fast to load;
`oscal import catalog` brings it in), and each baseline as a selection (`select:`) of
nist-sp-800-53-rev5 rather than a copy of its text.

Inputs (../shared/data/oscal, see its SOURCES.md; public domain, CC0 1.0 worldwide):
- sp800-53/rev5-2021/xml/NIST_SP-800-53_rev5_catalog.xml: SP 800-53 Rev. 5 catalog 5.0.1
  (usnistgov/oscal-content @ a849dbca4649e0cc626fefdd46cf5232c8308f4c);
- sp800-53/rev5-2021/xml/NIST_SP-800-53_rev5_{LOW,MODERATE,HIGH,PRIVACY}-baseline_profile.xml,
  the same commit (SP 800-53B baselines);
- sp800-171-rev3/NIST_SP800-171_rev3_catalog.xml: SP 800-171 Rev. 3 catalog 1.0.0
  (usnistgov/oscal-content @ 3b3cdee8f9f9f3e9f18dd70d89a58d6287ae433f).

Standard library only.
"""
import json
import os
import subprocess
import sys
import tempfile

LICENCE = ("public domain (a work of the US Government), CC0 1.0 worldwide waiver "
           "(usnistgov/oscal-content LICENSE.md)")

SP80053 = dict(
    id="nist-sp-800-53-rev5",
    file="sp800-53/rev5-2021/xml/NIST_SP-800-53_rev5_catalog.xml",
    title="NIST SP 800-53 Rev. 5, Security and Privacy Controls for Information Systems and "
          "Organizations (5.0.1)",
    short_title="SP 800-53 Rev. 5",
    version="5.0.1",
    source="NIST SP 800-53 Rev. 5, Security and Privacy Controls for Information Systems and "
           "Organizations, as NIST's OSCAL catalog NIST_SP-800-53_rev5_catalog.xml version 5.0.1 "
           "(usnistgov/oscal-content @ a849dbca4649e0cc626fefdd46cf5232c8308f4c)",
    edition="5.0.1",
    tables="20 families, 1,007 controls and enhancements in force (322 and 867 in the catalog, "
           "withdrawn ones left out), their statements and items",
)
SP800171 = dict(
    id="nist-sp-800-171-rev3",
    file="sp800-171-rev3/NIST_SP800-171_rev3_catalog.xml",
    title="NIST SP 800-171 Rev. 3, Protecting Controlled Unclassified Information in Nonfederal "
          "Systems and Organizations",
    short_title="SP 800-171 Rev. 3",
    version="3.0.0",
    source="NIST SP 800-171 Rev. 3 (May 2024), as NIST's OSCAL catalog "
           "NIST_SP800-171_rev3_catalog.xml version 1.0.0 (usnistgov/oscal-content @ "
           "3b3cdee8f9f9f3e9f18dd70d89a58d6287ae433f)",
    edition="Rev. 3 (catalog 1.0.0)",
    tables="17 families, 97 requirements in force (withdrawn ones left out), their statements "
           "and items",
)
BASELINES = ["LOW", "MODERATE", "HIGH", "PRIVACY"]
BASELINE_PROFILE = "sp800-53/rev5-2021/xml/NIST_SP-800-53_rev5_{}-baseline_profile.xml"


def run(*args):
    return subprocess.run(list(args), check=True, capture_output=True, text=True).stdout


def dq(text):
    """A double-quoted YAML scalar on one line."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def imported(binary, oscal_dir, spec):
    """The framework as `cyberframe oscal import catalog` makes it, as catalog JSON."""
    with tempfile.TemporaryDirectory() as tmp:
        run(binary, "oscal", "import", "catalog", os.path.join(oscal_dir, spec["file"]),
            "--id", spec["id"], "-o", tmp + "/")
        return json.loads(run(binary, "--catalog", tmp, "catalog", "show", spec["id"],
                              "--format", "json"))


def emit_node(out, node, indent):
    pad = " " * indent
    out.append(f"{pad}- id: {dq(node['id'])}")
    out.append(f"{pad}  level: {node['level']}")
    if node.get("title"):
        out.append(f"{pad}  title: {dq(node['title'])}")
    if node.get("description"):
        out.append(f"{pad}  description: {dq(node['description'])}")
    if node.get("children"):
        out.append(f"{pad}  children:")
        for c in node["children"]:
            emit_node(out, c, indent + 4)


def framework_yaml(spec, fw, header):
    out = [header,
           "kind: framework",
           f"id: {spec['id']}",
           f"title: {dq(spec['title'])}",
           f"short_title: {dq(spec['short_title'])}",
           f"version: {dq(spec['version'])}",
           "publisher: NIST",
           "# Families of controls, not the five concepts of TS 27110.",
           "conformance: none",
           f"assess: {fw['assess']}",
           "provenance:",
           f"  source: {dq(spec['source'])}",
           f"  edition: {dq(spec['edition'])}",
           f"  tables: {dq(spec['tables'])}",
           f"  licence: {dq(LICENCE)}",
           "  method: transcribed",
           "  notes: " + dq("Imported by cyberframe's own OSCAL catalog "
                            "import (ids as NIST labels them, statement items as statement "
                            "nodes); NIST's discussion, related controls and references are "
                            "not carried."),
           "nodes:"]
    for n in fw["nodes"]:
        emit_node(out, n, 2)
    return "\n".join(out) + "\n"


def labels_of(catalog):
    """Every control of a resolved catalog by its label, in document order."""
    found = []

    def walk(item):
        for c in item.get("controls", []):
            label = next((p["value"] for p in c.get("props", []) if p["name"] == "label"), c["id"])
            found.append(label)
            walk(c)
        for g in item.get("groups", []):
            walk(g)

    walk(catalog)
    return found


def resolved_labels(binary, profile):
    return labels_of(json.loads(run(binary, "oscal", "resolve", profile, "--to", "json",
                                    "-q"))["catalog"])


def baseline_yaml(name, binary, oscal_dir, known, parents):
    """The baseline as a selection.  NIST's profile resolves (as the specification says) to the
    controls it names plus their ancestors: PRIVACY names AC-3(14) and so brings AC-3 along.  The
    chosen nodes are what the profile names: the same profile resolved with
    with-parent-controls="no" (the extension NIST's own resolver and tests use, which our
    resolution reads); the ancestors are kept as structure by the selection itself."""
    profile = os.path.join(oscal_dir, BASELINE_PROFILE.format(name))
    whole = resolved_labels(binary, profile)
    with open(profile, encoding="utf-8") as f:
        text = f.read()
    catalog = os.path.abspath(os.path.join(os.path.dirname(profile),
                                           "NIST_SP-800-53_rev5_catalog.xml"))
    text = text.replace('href="NIST_SP-800-53_rev5_catalog.xml"', f'href="file://{catalog}"')
    text = text.replace("<include-controls>", '<include-controls with-parent-controls="no">')
    with tempfile.TemporaryDirectory() as tmp:
        named_profile = os.path.join(tmp, os.path.basename(profile))
        with open(named_profile, "w", encoding="utf-8") as f:
            f.write(text)
        chosen = resolved_labels(binary, named_profile)
    unknown = [c for c in whole if c not in known]
    if unknown:
        sys.exit(f"{name}: resolved controls not in {SP80053['id']}: {unknown}")
    extra = [c for c in whole if c not in chosen]
    if set(chosen) - set(whole) or any(not any(parents.get(n) == c for n in chosen) for c in extra):
        sys.exit(f"{name}: the named controls are not the resolution less ancestors: {extra}")
    lower = name.lower()
    out = [f"# Generated by scripts/gen-nist-sp-800-53-171.py: NIST's {name} baseline profile "
           "resolved by cyberframe oscal resolve.",
           "# Do not edit by hand: fix the generator.",
           "kind: framework",
           f"id: {SP80053['id']}-{lower}",
           f"title: {dq('NIST SP 800-53 Rev. 5 ' + name + ' baseline (SP 800-53B), ' + str(len(chosen)) + ' controls')}",
           f"short_title: {dq('SP 800-53 Rev. 5 ' + name)}",
           f"version: {dq(SP80053['version'])}",
           "publisher: NIST",
           "conformance: none",
           "provenance:",
           "  source: " + dq(f"NIST SP 800-53B, {name} baseline, as NIST's OSCAL profile "
                             f"NIST_SP-800-53_rev5_{name}-baseline_profile.xml (usnistgov/"
                             "oscal-content @ a849dbca4649e0cc626fefdd46cf5232c8308f4c)"),
           f"  edition: {dq(SP80053['version'])}",
           f"  tables: {dq(str(len(chosen)) + ' controls and enhancements')}",
           f"  licence: {dq(LICENCE)}",
           "  method: derived",
           "  notes: " + dq("The profile resolved by cyberframe's own "
                            "profile resolution (src/oscal/resolve.cpp) against the 5.0.1 "
                            "catalog; the controls it names select nodes of "
                            f"{SP80053['id']}, whose text is not repeated here; ancestors the "
                            "resolution adds are kept as structure, not assessed."),
           "select:",
           f"  from: {SP80053['id']}",
           "  nodes: [" + ", ".join(dq(c) for c in chosen) + "]"]
    return "\n".join(out) + "\n", len(chosen)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    binary, oscal_dir, out_dir = sys.argv[1:]
    known = set()
    parents = {}
    for spec in (SP80053, SP800171):
        fw = imported(binary, oscal_dir, spec)
        header = (f"# Generated by scripts/gen-nist-sp-800-53-171.py from NIST's OSCAL catalog "
                  f"{os.path.basename(spec['file'])} (cyberframe oscal import catalog).\n"
                  "# Do not edit by hand: fix the generator.")
        with open(os.path.join(out_dir, spec["id"] + ".yaml"), "w", encoding="utf-8") as f:
            f.write(framework_yaml(spec, fw, header))
        if spec is SP80053:
            def walk(n):
                known.add(n["id"])
                for c in n.get("children", []):
                    parents[c["id"]] = n["id"]
                    walk(c)
            for n in fw["nodes"]:
                walk(n)
    for name in BASELINES:
        text, count = baseline_yaml(name, binary, oscal_dir, known, parents)
        path = os.path.join(out_dir, f"{SP80053['id']}-{name.lower()}.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        print(f"{path}: {count} controls", file=sys.stderr)


if __name__ == "__main__":
    main()
