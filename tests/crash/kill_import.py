#!/usr/bin/env python3
"""Crash safety: kill `cyberframe profile import` with SIGKILL at random moments, many times.

After every kill the workspace must open cleanly (on SQLite PRAGMA integrity_check is "ok", and
cyberframe itself opens it), hold either all of the import or none of it, and its audit trail
must verify.

The framework is a user-authored catalog with 30,000 subcategories (5,000 on PostgreSQL: ROWS),
so one import is large enough to be interrupted in the middle. The workspace is a SQLite file
(the default), or with `--backend postgresql` a database of the cluster named by
CYBERFRAME_TEST_POSTGRES (scripts/pg-cluster run -- ...), read once the killed client's session
has ended on the server.

Usage: kill_import.py [--backend sqlite|postgresql] CYBERFRAME_BINARY [ROUNDS]
"""
import argparse
import os
import random
import secrets
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse

# Rows in the import, so that one import is long enough to be killed in the middle: on SQLite
# 30,000 take about 1-2 s; on PostgreSQL 10,000 take about 2 s (its server does more a row), and
# 25 rounds stay within a minute or two.
ROWS = {"sqlite": 30000, "postgresql": 10000}


class Sqlite:
    """The workspace as a SQLite file."""

    def __init__(self, directory):
        self.db = os.path.join(directory, "ws.db")

    def query(self, sql):
        con = sqlite3.connect(self.db)
        try:
            row = con.execute(sql).fetchone()
            con.commit()
            return row[0] if row else None
        finally:
            con.close()

    def settle(self):
        pass  # nothing outlives the killed process

    def integrity(self):
        return self.query("PRAGMA integrity_check")

    def drop(self):
        pass


class Postgresql:
    """The workspace as a database of the test cluster (its audit key and anchor default to
    DBNAME.audit-key/-anchor in the working folder: the commands run in the temporary one)."""

    def __init__(self, directory):
        cluster = os.environ.get("CYBERFRAME_TEST_POSTGRES")
        if not cluster:
            raise SystemExit("--backend postgresql needs a cluster: CYBERFRAME_TEST_POSTGRES is not "
                             "set (run under 'scripts/pg-cluster run -- ...', as scripts/test does)")
        self.cluster = cluster
        self.name = f"crash_{os.getpid()}_{secrets.token_hex(3)}"
        self.psql(cluster, f'CREATE DATABASE "{self.name}"')
        parts = urllib.parse.urlsplit(cluster)
        self.db = urllib.parse.urlunsplit(parts._replace(path="/" + self.name))

    @staticmethod
    def psql(url, sql):
        p = subprocess.run(["psql", url, "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-c", sql],
                           capture_output=True, text=True, timeout=60)
        if p.returncode != 0:
            raise SystemExit(f"psql: {sql}: {p.stderr}")
        return p.stdout.strip()

    def query(self, sql):
        out = self.psql(self.db, sql)
        return int(out) if out.lstrip("-").isdigit() else out

    def settle(self):
        """Waits until the killed client's session has ended on the server (its transaction
        rolled back, or committed if COMMIT was already on its way), so what is read is final."""
        deadline = time.monotonic() + 30
        while self.query("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                         "AND pid <> pg_backend_pid()") != 0:
            if time.monotonic() > deadline:
                raise SystemExit("the killed client's session is still open after 30 s")
            time.sleep(0.05)

    def integrity(self):
        return "ok"  # the server's own crash safety: nothing to check from outside

    def drop(self):
        self.psql(self.cluster, f'DROP DATABASE IF EXISTS "{self.name}"')


BACKENDS = {"sqlite": Sqlite, "postgresql": Postgresql}


def main():
    parser = argparse.ArgumentParser(usage="kill_import.py [--backend sqlite|postgresql] "
                                     "CYBERFRAME_BINARY [ROUNDS]")
    parser.add_argument("--backend", choices=sorted(BACKENDS), default="sqlite")
    parser.add_argument("binary")
    parser.add_argument("rounds", nargs="?", type=int, default=25)
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    rounds = args.rounds
    rng = random.Random(20261123)
    with tempfile.TemporaryDirectory(prefix="cyberframe-crash-") as tmp:
        store = BACKENDS[args.backend](tmp)
        try:
            return crash(binary, rounds, rng, tmp, store, ROWS[args.backend])
        finally:
            store.drop()


def crash(binary, rounds, rng, tmp, store, rows):
    cat = os.path.join(tmp, "catalog")
    os.makedirs(cat)
    with open(os.path.join(cat, "big.yaml"), "w") as f:
        f.write("kind: framework\nid: big\ntitle: A large user-authored framework\nconformance: none\n"
                "provenance: { source: crash test, method: user-authored }\nnodes:\n"
                "  - id: F\n    level: function\n    title: F\n    children:\n"
                "      - id: F.C\n        level: category\n        title: C\n        children:\n")
        for i in range(rows):
            f.write(f"          - {{ id: S-{i}, level: subcategory, description: outcome {i} }}\n")
    csv = os.path.join(tmp, "rows.csv")
    with open(csv, "w") as f:
        f.write("node,level,owner,notes\n")
        for i in range(rows):
            f.write(f"S-{i},{i % 6},owner {i % 7},\"note, {i}\"\n")
    env = dict(os.environ, CYBERFRAME_CATALOG=cat, CYBERFRAME_DB=store.db)

    def run(*args):
        return subprocess.run([binary, *args], env=env, cwd=tmp, capture_output=True, text=True,
                              timeout=120)

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
    store.query("DELETE FROM node_assessment")

    outcomes = {"all": 0, "none": 0}
    failures = 0
    for i in range(rounds):
        p = subprocess.Popen([binary, "profile", "import", "p", csv], env=env, cwd=tmp,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(startup * 0.9, full * 1.05))
        p.send_signal(signal.SIGKILL)
        p.wait()
        store.settle()
        check = store.integrity()
        count = store.query("SELECT count(*) FROM node_assessment")
        ok = check == "ok" and count in (0, rows)
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
        outcomes["all" if count == rows else "none"] += 1
        if count == rows:  # start the next round from an empty profile
            store.query("DELETE FROM node_assessment")
    print(f"on {store.__class__.__name__}: import of {rows} rows takes {full:.2f} s ({startup:.2f} s "
          f"start-up); {rounds} kills: {outcomes['none']} left none, {outcomes['all']} left all, "
          f"{failures} bad")
    print(f"{rounds - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
