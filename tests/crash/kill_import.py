#!/usr/bin/env python3
"""Crash safety: kill `cyberframe profile import` with SIGKILL at random moments, many times.

After every kill the workspace must open cleanly (PRAGMA integrity_check is "ok", and cyberframe
itself opens it), hold either all of the import or none of it, and its audit trail must verify.

The framework is a user-authored catalog with 30,000 subcategories, so one import is large enough
to be interrupted in the middle. Usage: kill_import.py CYBERFRAME_BINARY [ROUNDS]
"""
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

N = 30000


def main():
    binary = os.path.abspath(sys.argv[1])
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    rng = random.Random(20261123)
    with tempfile.TemporaryDirectory(prefix="cyberframe-crash-") as tmp:
        cat = os.path.join(tmp, "catalog")
        os.makedirs(cat)
        with open(os.path.join(cat, "big.yaml"), "w") as f:
            f.write("kind: framework\nid: big\ntitle: A large user-authored framework\nconformance: none\n"
                    "provenance: { source: crash test, method: user-authored }\nnodes:\n"
                    "  - id: F\n    level: function\n    title: F\n    children:\n"
                    "      - id: F.C\n        level: category\n        title: C\n        children:\n")
            for i in range(N):
                f.write(f"          - {{ id: S-{i}, level: subcategory, description: outcome {i} }}\n")
        csv = os.path.join(tmp, "rows.csv")
        with open(csv, "w") as f:
            f.write("node,level,owner,notes\n")
            for i in range(N):
                f.write(f"S-{i},{i % 6},owner {i % 7},\"note, {i}\"\n")
        db = os.path.join(tmp, "ws.db")
        env = dict(os.environ, CYBERFRAME_CATALOG=cat, CYBERFRAME_DB=db)

        def run(*args):
            return subprocess.run([binary, *args], env=env, capture_output=True, text=True, timeout=120)

        for args in (["init"], ["org", "create", "Crash"],
                     ["profile", "create", "--org", "Crash", "--framework", "big", "--kind", "current", "--name", "p"]):
            r = run(*args)
            if r.returncode != 0:
                print(r.stdout, r.stderr)
                return 1
        # How long start-up takes (loading the large catalog) and how long a whole import takes:
        # the kills are spread over the part after start-up, where the rows are parsed and written.
        start = time.monotonic()
        run("profile", "show", "p", "--format", "json")
        startup = time.monotonic() - start
        start = time.monotonic()
        r = run("profile", "import", "p", csv)
        full = time.monotonic() - start
        if r.returncode != 0:
            print("import failed:", r.stderr)
            return 1
        con = sqlite3.connect(db)
        con.execute("DELETE FROM node_assessment")
        con.commit()
        con.close()

        outcomes = {"all": 0, "none": 0}
        failures = 0
        for i in range(rounds):
            p = subprocess.Popen([binary, "profile", "import", "p", csv], env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(startup * 0.9, full * 1.05))
            p.send_signal(signal.SIGKILL)
            p.wait()
            con = sqlite3.connect(db)
            check = con.execute("PRAGMA integrity_check").fetchone()[0]
            count = con.execute("SELECT count(*) FROM node_assessment").fetchone()[0]
            con.close()
            ok = check == "ok" and count in (0, N)
            r = run("profile", "show", "p", "--format", "json")
            ok = ok and r.returncode == 0
            # The audit trail verifies after every kill: its anchor may lag the database (killed
            # between the commit and the anchor's update), never lead it.
            v = run("audit", "verify")
            ok = ok and v.returncode == 0
            if not ok:
                failures += 1
                print(f"round {i}: integrity {check!r}, {count} rows, show exit {r.returncode} {r.stderr}, "
                      f"audit verify exit {v.returncode} {v.stdout}{v.stderr}")
            outcomes["all" if count == N else "none"] += 1
            if count == N:  # start the next round from an empty profile
                con = sqlite3.connect(db)
                con.execute("DELETE FROM node_assessment")
                con.commit()
                con.close()
        print(f"import of {N} rows takes {full:.2f} s ({startup:.2f} s start-up); {rounds} kills: {outcomes['none']} left none, "
              f"{outcomes['all']} left all, {failures} bad")
        print(f"{rounds - failures} passed, {failures} failed")
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
