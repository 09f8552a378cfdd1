#!/usr/bin/env python3
"""The layers of src/ depend on each other one way only (docs/ARCHITECTURE.md, "Shape of the
code"). Fails naming every include that goes the wrong way, and every use of SQLite's step codes
outside the database layer (a read loop there would take an error for the end of the data).

Usage: check_layers.py SRC_DIR
"""
import pathlib
import re
import sys

# What each layer may include besides itself. util is beneath everything.
ALLOWED = {
    "util": set(),
    "core": {"util"},
    "catalog": {"core", "util"},
    "oscal": {"core", "catalog", "util"},
    "exchange": {"core", "catalog", "util"},
    # Reports are also written as spreadsheets, through exchange's XLSX writer.
    "report": {"core", "exchange", "util"},
    "codec": {"core", "util"},
    "store": {"core", "codec", "util"},
    "workspace": {"store", "core", "catalog", "codec", "report", "oscal", "exchange", "util"},
    # The front ends reach storage only through the workspace layer.
    "server": {"workspace", "core", "catalog", "oscal", "exchange", "report", "codec", "util"},
    "cli": {"workspace", "server", "core", "catalog", "oscal", "exchange", "report", "codec",
            "util"},
    "app": {"cli", "util"},
}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([a-z_]+)/[^"]+"', re.M)


def main() -> int:
    src = pathlib.Path(sys.argv[1])
    problems = []
    for path in sorted(src.rglob("*.[ch]pp")):
        layer = path.relative_to(src).parts[0]
        text = path.read_text(encoding="utf-8")
        allowed = ALLOWED.get(layer)
        if allowed is None:
            problems.append(f"{path}: layer '{layer}' is not in check_layers.py's table")
            continue
        for m in INCLUDE.finditer(text):
            used = m.group(1)
            if used != layer and used not in allowed:
                line = text.count("\n", 0, m.start()) + 1
                problems.append(f"{path}:{line}: {layer}/ includes {used}/ ({m.group(0).strip()})")
        if layer != "store" and re.search(r"SQLITE_(ROW|DONE)\b", text):
            problems.append(f"{path}: SQLite step codes outside the database layer (src/store)")
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} layering problem(s)")
        return 1
    print("layers: every include goes the right way")
    return 0


if __name__ == "__main__":
    sys.exit(main())
