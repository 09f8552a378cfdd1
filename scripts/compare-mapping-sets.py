#!/usr/bin/env python3
"""Count and list the claims that differ between two versions of a generated mapping set.

Maintainer tool, for reviewing a regenerated mapping set (docs/crosswalks.md quotes its counts):

    git show main:catalog/mappings/X.yaml > /tmp/old.yaml
    python3 scripts/compare-mapping-sets.py /tmp/old.yaml catalog/mappings/X.yaml

A claim is one (source, target) pair with its relationship.  Reads the one-line entries the
generators write (`- { source: "A", target: "B", relationship: R, ... }`); a line of another form
under `mappings:` is an error.  Standard library only.
"""
import collections
import re
import sys

ENTRY = re.compile(r'^  - \{ source: "([^"]+)", target: "([^"]+)", relationship: ([a-z-]+)[ ,]')


def claims(path):
    out, in_list = {}, False
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.startswith("mappings:"):
                in_list = True
                continue
            if not in_list or not line.startswith("  - "):
                continue
            m = ENTRY.match(line)
            if not m:
                sys.exit("%s:%d: not a one-line mapping entry" % (path, n))
            if (m.group(1), m.group(2)) in out:
                sys.exit("%s:%d: %s -> %s mapped twice" % (path, n, m.group(1), m.group(2)))
            out[(m.group(1), m.group(2))] = m.group(3)
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: compare-mapping-sets.py OLD.yaml NEW.yaml")
    old, new = claims(sys.argv[1]), claims(sys.argv[2])
    changed = [(k, old[k], new[k]) for k in old if k in new and old[k] != new[k]]
    kinds = collections.Counter("%s -> %s" % (a, b) for _, a, b in changed)
    for (src, tgt), a, b in changed:
        print("changed  %s -> %s: %s -> %s" % (src, tgt, a, b))
    for k in old.keys() - new.keys():
        print("removed  %s -> %s: %s" % (k[0], k[1], old[k]))
    for k in new.keys() - old.keys():
        print("added    %s -> %s: %s" % (k[0], k[1], new[k]))
    print("%d claims before, %d after; %d changed, %d removed, %d added"
          % (len(old), len(new), len(changed), len(old.keys() - new.keys()),
             len(new.keys() - old.keys())))
    for kind, n in sorted(kinds.items()):
        print("  %3d  %s" % (n, kind))


if __name__ == "__main__":
    main()
