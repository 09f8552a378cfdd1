#!/usr/bin/env python3
"""The command line gives the same results on PostgreSQL as on SQLite.

A workspace is made on each backend with the same commands (init, demo), then every reading a
user takes is compared: the gap analysis (JSON), the three reports (HTML), lists of
organizations, profiles, snapshots and roadmap actions, a profile's export, the audit trail's
export and `audit verify`. Times of day and the audit rows' HMACs (each workspace has its own
key) differ between the two runs and are masked; nothing else may differ. Needs CYBERFRAME_TEST_POSTGRES (scripts/pg-cluster run -- ...).

    same_results.py CYBERFRAME_BINARY
"""
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cluster import createdb  # noqa: E402

binary = os.path.abspath(sys.argv[1])
cluster = os.environ.get("CYBERFRAME_TEST_POSTGRES")
if not cluster:
    sys.exit("same_results: CYBERFRAME_TEST_POSTGRES is not set: run under "
             "'scripts/pg-cluster run -- ctest ...' (scripts/test does)")

# What differs between two runs by nature: times of day, and the audit rows' HMACs (each
# workspace has a key of its own, and the times are in what they cover).
TIME_ONLY_CHANGE = re.compile(rb",/[a-z_]*_at,<varies>,<varies>,")
VARYING = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ|\d{4}-\d\d-\d\d \d\d:\d\d UTC|\b[0-9a-f]{64}\b")




def run(db, *args, cwd):
    p = subprocess.run([binary, "--db", db, *args], cwd=cwd, capture_output=True)
    if p.returncode != 0:
        sys.exit(f"same_results: {' '.join(args)} on {db} failed ({p.returncode}): "
                 f"{p.stderr.decode(errors='replace')}")
    return p.stdout


def readings(db, cwd):
    out = {}
    run(db, "init", cwd=cwd)
    run(db, "demo", cwd=cwd)
    out["gap"] = run(db, "gap", "Current state", "Target 2027", "--format", "json", cwd=cwd)
    for audience in ("executive", "management", "practitioner"):
        path = os.path.join(cwd, f"report-{audience}.html")
        run(db, "report", "Current state", "--audience", audience, "-o", path, cwd=cwd)
        with open(path, "rb") as f:
            out[f"report {audience}"] = f.read()
    out["org list"] = run(db, "org", "list", cwd=cwd)
    out["profile list"] = run(db, "profile", "list", cwd=cwd)
    out["profile show"] = run(db, "profile", "show", "Current state", cwd=cwd)
    out["assessment trend"] = run(db, "assessment", "trend", "Current state", cwd=cwd)
    out["roadmap list"] = run(db, "roadmap", "list", "--org", "Demo Manufacturing Ltd", cwd=cwd)
    export = os.path.join(cwd, "current.csv")
    run(db, "profile", "export", "Current state", "-o", export, cwd=cwd)
    with open(export, "rb") as f:
        out["profile export"] = f.read()
    out["audit export"] = run(db, "audit", "export", "--format", "csv", cwd=cwd)
    out["audit verify"] = run(db, "audit", "verify", cwd=cwd)
    masked = {k: VARYING.sub(b"<varies>", v) for k, v in out.items()}
    # A change of a time field alone ("updated_at" from one second to the next) is a row of the
    # trail only when the second turned between two writes: by nature, not by backend.
    masked["audit export"] = b"\n".join(
        line for line in masked["audit export"].split(b"\n")
        if not TIME_ONLY_CHANGE.search(line))
    return masked


with tempfile.TemporaryDirectory() as work:
    lite_dir = os.path.join(work, "sqlite")
    pg_dir = os.path.join(work, "postgresql")
    os.makedirs(lite_dir)
    os.makedirs(pg_dir)
    lite = readings(os.path.join(lite_dir, "ws.db"), lite_dir)
    pg = readings(createdb(cluster, f"same_results_{os.getpid()}"), pg_dir)
    failures = []
    for name, value in lite.items():
        if not value.strip():
            failures.append(f"{name}: empty on SQLite")
        elif pg[name] != value:
            a, b = value.splitlines(), pg[name].splitlines()
            first = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
            failures.append(f"{name}: differs at line {first + 1}:\n  sqlite:     "
                            f"{a[first] if first < len(a) else b'<end>'!r}\n  postgresql: "
                            f"{b[first] if first < len(b) else b'<end>'!r}")
    if failures:
        sys.exit("same_results: PostgreSQL differs from SQLite\n" + "\n".join(failures))
    print(f"same_results: {len(lite)} readings identical on SQLite and PostgreSQL")
