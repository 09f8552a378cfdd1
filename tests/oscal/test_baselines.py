#!/usr/bin/env python3
"""The SP 800-53 baselines through `cyberframe oscal resolve`.

usage: test_baselines.py CYBERFRAME OSCAL_DATA_DIR

Resolves the SP 800-53 rev5 (2021, catalog 5.0.1) LOW, MODERATE, HIGH and PRIVACY baselines and
the rev4 LOW, MODERATE and HIGH baselines, each from its JSON and from its XML profile, to JSON
and to XML, and checks every result against what is established here without the resolver:

- the controls and enhancements are exactly the ids of the profile's with-ids lists (read here
  from the profile itself) plus their ancestors (PRIVACY lists ac-3.14 but not ac-3), each once,
  enhancements nested in their base control; the lists hold the totals NIST publishes in
  SP 800-53B (LOW 149, MODERATE 287, HIGH 370, PRIVACY 96);
- the families stay as groups (merge as-is), in the catalog's order, holding only selected
  controls;
- every control keeps its parameters as the catalog defines them (ids, labels, values, selects:
  these profiles set none), and the text of every control is the catalog's;
- rev4: each control gets the 'priority' prop its alter adds, placed first (position starting);
- NIST's own resolutions of the current rev5 baselines (sp800-53/rev5) select exactly the
  with-ids of their profiles and their ancestors (PRIVACY: 102), which confirms the oracle used
  above.

The rev5 (2021) JSON profiles import the XML catalog by a relative href, so they are resolved
in a folder holding both (a mixed-format import). The rev4 profiles import through back-matter
rlinks written for the oscal-content repository's layout (../../../../nist.gov/SP800-53/rev4/
xml/...), so they are resolved inside a copy of that layout made of symbolic links.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

NS = "{http://csrc.nist.gov/ns/oscal/1.0}"
PUBLISHED_REV5 = {"LOW": 149, "MODERATE": 287, "HIGH": 370, "PRIVACY": 96}

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def with_ids(profile_json):
    ids = []
    for imp in profile_json["profile"]["imports"]:
        for include in imp.get("include-controls", []):
            ids.extend(include.get("with-ids", []))
    return ids


def with_ancestors(ids, catalog):
    """The ids and the ids of their ancestor controls: including a control includes its
    ancestors (the specification's default), so PRIVACY's ac-3.14 brings ac-3."""
    parent = {}

    def walk(container, up):
        for control in container.get("controls", []):
            parent[control["id"]] = up
            walk(control, control["id"])
        for group in container.get("groups", []):
            walk(group, None)

    walk(catalog, None)
    out = set()
    for cid in ids:
        while cid is not None and cid not in out:
            out.add(cid)
            cid = parent.get(cid)
    return out


def catalog_controls(catalog):
    """id -> control (JSON form) for every control of a catalog, nested ones too."""
    out = {}

    def walk(container):
        for control in container.get("controls", []):
            out[control["id"]] = control
            walk(control)
        for group in container.get("groups", []):
            walk(group)

    walk(catalog)
    return out


def plain(markdown):
    """The text of a markup-line: Markdown links [text](href) read as their text, as XML's itertext gives."""
    return None if markdown is None else re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)


def param_summary(params, as_text=False):
    """What a parameter is set to, comparable between the JSON and the XML forms."""
    summary = []
    for param in params:
        select = param.get("select")
        label = plain(param.get("label")) if as_text else param.get("label")
        summary.append((param["id"], label, tuple(param.get("values", [])),
                        None if select is None else (select.get("how-many"), len(select.get("choice", [])))))
    return summary


def xml_params(control):
    summary = []
    for param in control.findall(f"{NS}param"):
        label = param.find(f"{NS}label")
        select = param.find(f"{NS}select")
        summary.append((param.get("id"), None if label is None else "".join(label.itertext()).strip(),
                        tuple("".join(v.itertext()) for v in param.findall(f"{NS}value")),
                        None if select is None else (select.get("how-many"), len(select.findall(f"{NS}choice")))))
    return summary


def resolved_json(text):
    """(groups [(id, [top-level control ids])], controls {id: (control, parent id)}) of a JSON result."""
    catalog = json.loads(text)["catalog"]
    controls = {}
    counts = {}
    groups = []

    def walk(control, parent):
        counts[control["id"]] = counts.get(control["id"], 0) + 1
        controls[control["id"]] = (control, parent)
        for child in control.get("controls", []):
            walk(child, control["id"])

    check("controls" not in catalog, "a catalog resolved as-is has controls outside the families")
    for group in catalog.get("groups", []):
        groups.append((group.get("id"), [c["id"] for c in group.get("controls", [])]))
        for control in group.get("controls", []):
            walk(control, None)
    return catalog, groups, controls, counts


def resolved_xml(text):
    root = ET.fromstring(text.encode())
    controls = {}
    counts = {}
    groups = []

    def walk(control, parent):
        cid = control.get("id")
        counts[cid] = counts.get(cid, 0) + 1
        controls[cid] = (control, parent)
        for child in control.findall(f"{NS}control"):
            walk(child, cid)

    for group in root.findall(f"{NS}group"):
        groups.append((group.get("id"), [c.get("id") for c in group.findall(f"{NS}control")]))
        for control in group.findall(f"{NS}control"):
            walk(control, None)
    return root, groups, controls, counts


def resolve(binary, folder, profile, to):
    started = time.monotonic()
    result = subprocess.run([binary, "oscal", "resolve", profile, "--to", to, "--quiet"], cwd=folder,
                            capture_output=True, text=True, timeout=120)
    elapsed = time.monotonic() - started
    if not check(result.returncode == 0, f"{folder}/{profile} --to {to}: exit {result.returncode}: {result.stderr.strip()}"):
        return None
    print(f"  {profile} -> {to}: {len(result.stdout)} bytes in {elapsed * 1000:.0f} ms")
    return result.stdout


def check_baseline(binary, name, folder, profile, profile_json, catalog, expect_total=None, priorities=False):
    listed = with_ids(profile_json)
    label = f"{name} ({profile})"
    check(len(listed) == len(set(listed)), f"{label}: the profile lists an id twice")
    if expect_total is not None:
        check(len(listed) == expect_total, f"{label}: the profile selects {len(listed)}, NIST publishes {expect_total}")
    wanted = sorted(with_ancestors(listed, catalog))
    if len(wanted) != len(listed):
        print(f"  {len(listed)} listed + {len(wanted) - len(listed)} ancestors: {sorted(set(wanted) - set(listed))}")
    source = catalog_controls(catalog)
    check(set(wanted) <= set(source), f"{label}: the profile names controls the catalog lacks: {sorted(set(wanted) - set(source))[:5]}")
    family_order = [g.get("id") for g in catalog.get("groups", [])]
    wanted_families = [f for f in family_order if any(i.split("-")[0] == f for i in wanted)]
    alters = {a["control-id"]: a for a in profile_json["profile"].get("modify", {}).get("alters", [])}

    for to in ("json", "xml"):
        text = resolve(binary, folder, profile, to)
        if text is None:
            continue
        # The resolved catalog is valid OSCAL: its links to controls outside the baseline are
        # expected of a resolved profile, nothing else may be wrong.
        with tempfile.TemporaryDirectory() as scratch:
            out = Path(scratch) / f"resolved.{to}"
            out.write_text(text)
            validated = subprocess.run([binary, "oscal", "validate", str(out)], capture_output=True, text=True, timeout=120)
            check(validated.returncode == 0, f"{label} -> {to}: oscal validate: {(validated.stdout + validated.stderr)[:600]}")
        if to == "json":
            _, groups, controls, counts = resolved_json(text)
        else:
            _, groups, controls, counts = resolved_xml(text)
        got = set(controls)
        base = [i for i in wanted if "." not in i]
        enhancements = [i for i in wanted if "." in i]
        got_base = [i for i, (_, parent) in controls.items() if parent is None]
        got_enh = [i for i, (_, parent) in controls.items() if parent is not None]
        check(got == set(wanted), f"{label} -> {to}: missing {sorted(set(wanted) - got)[:5]}, extra {sorted(got - set(wanted))[:5]}")
        check(all(n == 1 for n in counts.values()), f"{label} -> {to}: a control appears twice")
        check(len(got_base) == len(base), f"{label} -> {to}: {len(got_base)} controls, want {len(base)}")
        check(len(got_enh) == len(enhancements), f"{label} -> {to}: {len(got_enh)} enhancements, want {len(enhancements)}")
        for cid, (_, parent) in controls.items():
            if parent is not None:
                check(cid.startswith(parent + "."), f"{label} -> {to}: {cid} nested in {parent}")
        check([g[0] for g in groups] == wanted_families,
              f"{label} -> {to}: families {[g[0] for g in groups]}, want {wanted_families}")
        print(f"    {len(got_base)} controls + {len(got_enh)} enhancements = {len(got)} in {len(groups)} families")
        # Parameters and text as the catalog has them.
        mismatched = []
        for cid, (control, _) in controls.items():
            original = source[cid]
            if to == "json":
                params = param_summary(control.get("params", []))
                title = control.get("title")
                parts = json.dumps(control.get("parts", []), sort_keys=True)
                same_parts = parts == json.dumps(original.get("parts", []), sort_keys=True)
            else:
                params = xml_params(control)
                title = "".join(control.find(f"{NS}title").itertext())
                same_parts = len(control.findall(f"{NS}part")) == len(original.get("parts", []))
            if params != param_summary(original.get("params", []), as_text=(to == "xml")) or title != original.get("title") or not same_parts:
                mismatched.append(cid)
        check(not mismatched, f"{label} -> {to}: parameters, title or parts differ from the catalog in {mismatched[:5]}")
        n_params = sum(len(source[c].get("params", [])) for c in wanted)
        print(f"    {n_params} parameters as the catalog sets them")
        if priorities:
            wrong = []
            for cid, alter in alters.items():
                value = alter["adds"][0]["props"][0]["value"]
                control = controls.get(cid, (None, None))[0]
                if control is None:
                    wrong.append(cid)
                    continue
                if to == "json":
                    first = control.get("props", [{}])[0]
                    first = (first.get("name"), first.get("value"))
                else:
                    prop = control.find(f"{NS}prop")
                    first = (prop.get("name"), prop.get("value")) if prop is not None else None
                if first != ("priority", value):
                    wrong.append(cid)
            check(not wrong, f"{label} -> {to}: the priority prop is not first in {wrong[:5]}")
            print(f"    {len(alters) - len(wrong)} of {len(alters)} priorities added first")


def link(target, name):
    name.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target, name)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    binary = os.path.abspath(sys.argv[1])
    data = Path(sys.argv[2]).resolve() / "sp800-53"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        # rev5 (2021): profiles and both catalogs side by side.
        rev5 = tmp / "rev5-2021"
        for path in list((data / "rev5-2021" / "json").iterdir()) + list((data / "rev5-2021" / "xml").iterdir()):
            link(path, rev5 / path.name)
        catalog = json.loads((data / "rev5-2021/json/NIST_SP-800-53_rev5_catalog.json").read_text())["catalog"]
        for baseline, total in PUBLISHED_REV5.items():
            print(f"rev5 {baseline}")
            profile_json = json.loads((rev5 / f"NIST_SP-800-53_rev5_{baseline}-baseline_profile.json").read_text())
            for ext in ("json", "xml"):
                check_baseline(binary, f"rev5 {baseline}", rev5, f"NIST_SP-800-53_rev5_{baseline}-baseline_profile.{ext}",
                               profile_json, catalog, expect_total=total)

        # rev4: the oscal-content layout its rlinks expect.
        rev4 = tmp / "nist.gov" / "SP800-53" / "rev4"
        for path in (data / "rev4" / "xml").iterdir():
            link(path, rev4 / "xml" / path.name)
        for path in (data / "rev4" / "json").iterdir():
            link(path, rev4 / "json" / path.name.replace("_catalog-min.json", "_catalog.json"))
        catalog = json.loads((data / "rev4/json/NIST_SP-800-53_rev4_catalog-min.json").read_text())["catalog"]
        for baseline in ("LOW", "MODERATE", "HIGH"):
            print(f"rev4 {baseline}")
            profile_json = json.loads((rev4 / "json" / f"NIST_SP-800-53_rev4_{baseline}-baseline_profile.json").read_text())
            for ext in ("json", "xml"):
                check_baseline(binary, f"rev4 {baseline}", rev4 / ext, f"NIST_SP-800-53_rev4_{baseline}-baseline_profile.{ext}",
                               profile_json, catalog, priorities=True)

    # The oracle: NIST's own resolutions of the current rev5 baselines hold exactly the with-ids.
    for baseline in PUBLISHED_REV5:
        profile_json = json.loads((data / f"rev5/json/NIST_SP-800-53_rev5_{baseline}-baseline_profile.json").read_text())
        resolved_file = data / f"rev5/json/NIST_SP-800-53_rev5_{baseline}-baseline-resolved-profile_catalog.json"
        if not resolved_file.exists():
            resolved_file = data / f"rev5/json/NIST_SP-800-53_rev5_{baseline}-baseline-resolved-profile_catalog-min.json"
        resolved_catalog = json.loads(resolved_file.read_text())["catalog"]
        resolved = catalog_controls(resolved_catalog)
        wanted = with_ancestors(with_ids(profile_json), resolved_catalog)
        if check(set(resolved) == wanted,
                 f"NIST's resolved rev5 {baseline}: {sorted(set(resolved) ^ wanted)[:5]} differ from its with-ids and their ancestors"):
            print(f"NIST's resolved rev5 (current) {baseline}: {len(resolved)} = its with-ids and their ancestors")

    if failures:
        print("\nFAILED:")
        for failure in failures:
            print("  " + failure)
        return 1
    print("\nall baselines as expected")
    return 0


if __name__ == "__main__":
    sys.exit(main())
