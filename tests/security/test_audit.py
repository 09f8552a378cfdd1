#!/usr/bin/env python3
"""The audit trail against someone who can write the database file but cannot read the key
(finding 7: "the audit chain is an unkeyed SHA-256 chain, so deleting its tail or rewriting it
whole verifies as intact"). Each attack works on a copy of the workspace a live server used (the
database, its key and its anchor), dropping the append-only triggers first as an attacker would:
the tail deleted, the whole chain recomputed with plain SHA-256, the whole chain recomputed with
another key and given an anchor of that key, the anchor deleted. `GET /api/v1/audit/verify` (on a
server started on the copy) and `cyberframe audit verify` must both report each one.

Usage: test_audit.py CYBERFRAME_BINARY
"""
import json
import os
import secrets
import shutil
import sqlite3
import subprocess
import sys

from harness import Client, Server, main


def copy_workspace(db, to):
    """The database (through SQLite's backup, WAL included) with its audit key and anchor."""
    with sqlite3.connect(db) as src, sqlite3.connect(to) as dst:
        src.backup(dst)
    for extra in (".audit-key", ".audit-anchor"):
        shutil.copy2(db + extra, to + extra)


# The attacker's rewrite of the whole chain, shared with the CLI tests (it writes the keyed format
# of docs/profiles.md, and an anchor under the key it is given).
REWRITE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli", "data", "audit",
                       "rewrite_chain.py")


def rewrite_chain(db, key_file=None, anchor=None):
    args = ["--sha256"] if key_file is None else ["--key", key_file, "--anchor", anchor]
    subprocess.run([sys.executable, REWRITE, db, *args], check=True)


def run(suite, binary, db, tmp):
    server = Server(binary, db)
    root = Client(server.port, "root")
    status, _, body, _ = root.request("GET", "/api/v1/audit/verify")
    pristine = json.loads(body) if status == 200 else {}
    suite.check(status == 200 and pristine.get("intact") is True
                and pristine.get("anchor_rows") == pristine.get("rows"),
                "the untouched trail verifies, its anchor holding every row", body.decode()[:300])
    cookie = root.cookie
    server.stop()

    key_hex = open(db + ".audit-key").read().strip()
    suite.check(key_hex.encode() not in open(db, "rb").read(),
                "finding 7: the audit key is not in the database")
    suite.check(os.stat(db + ".audit-key").st_mode & 0o077 == 0,
                "the audit key file is readable by its owner alone",
                oct(os.stat(db + ".audit-key").st_mode))

    def attack(name, how):
        copy = os.path.join(tmp, name + ".db")
        copy_workspace(db, copy)
        how(copy)
        s = Server(binary, copy)
        c = Client(s.port)
        c.cookie = cookie  # the session is in the copied database
        try:
            status, _, body, _ = c.request("GET", "/api/v1/audit/verify")
        finally:
            s.stop()
        v = json.loads(body) if status == 200 else {}
        cli = subprocess.run([binary, "--db", copy, "audit", "verify"], capture_output=True, text=True)
        return status, v, cli

    def delete_tail(copy):
        con = sqlite3.connect(copy)
        con.execute("DROP TRIGGER audit_no_delete")
        con.execute("DELETE FROM audit WHERE id > (SELECT max(id) - 3 FROM audit)")
        con.commit()
        con.close()

    status, v, cli = attack("tail", delete_tail)
    suite.check(status == 200 and v.get("intact") is False and "were deleted" in v.get("problem", ""),
                "finding 7: deleting the tail of the trail is detected (API)", json.dumps(v)[:300])
    suite.check(cli.returncode == 1 and "were deleted" in cli.stdout,
                "finding 7: deleting the tail of the trail is detected (CLI, exit 1)",
                f"exit {cli.returncode}: {cli.stdout.strip()[:300]}")

    def sha256_rewrite(copy):
        con = sqlite3.connect(copy)
        con.execute("DROP TRIGGER audit_no_update")
        con.execute("UPDATE audit SET actor = 'mallory' WHERE id = 3")
        con.commit()
        con.close()
        rewrite_chain(copy)

    status, v, cli = attack("sha256", sha256_rewrite)
    suite.check(status == 200 and v.get("intact") is False
                and "recomputed without the key" in v.get("problem", ""),
                "finding 7: the whole chain rewritten with plain SHA-256 is detected (API)",
                json.dumps(v)[:300])
    suite.check(cli.returncode == 1 and "recomputed without the key" in cli.stdout,
                "finding 7: the whole chain rewritten with plain SHA-256 is detected (CLI, exit 1)",
                f"exit {cli.returncode}: {cli.stdout.strip()[:300]}")

    def other_key_rewrite(copy):
        key = secrets.token_bytes(32)
        con = sqlite3.connect(copy)
        con.execute("DROP TRIGGER audit_no_update")
        con.execute("UPDATE audit SET actor = 'mallory' WHERE id = 3")
        con.commit()
        con.close()
        key_file = copy + ".mallory-key"
        with open(key_file, "w") as f:
            f.write(key.hex() + "\n")
        rewrite_chain(copy, key_file, copy + ".audit-anchor")

    status, v, cli = attack("other-key", other_key_rewrite)
    suite.check(status == 200 and v.get("intact") is False and v.get("first_bad") == 1,
                "finding 7: the whole chain rewritten with another key (and its anchor) is detected (API)",
                json.dumps(v)[:300])
    suite.check(cli.returncode == 1 and "BROKEN at row 1" in cli.stdout,
                "finding 7: the whole chain rewritten with another key is detected (CLI, exit 1)",
                f"exit {cli.returncode}: {cli.stdout.strip()[:300]}")

    status, v, cli = attack("no-anchor", lambda copy: os.remove(copy + ".audit-anchor"))
    suite.check(status == 200 and v.get("intact") is False and "is missing" in v.get("problem", ""),
                "a deleted anchor is detected (API)", json.dumps(v)[:300])
    suite.check(cli.returncode == 1 and "is missing" in cli.stdout,
                "a deleted anchor is detected (CLI, exit 1)", f"exit {cli.returncode}")

    # Without its key the server does not start (nobody could sign in: that is recorded).
    copy = os.path.join(tmp, "no-key.db")
    copy_workspace(db, copy)
    os.remove(copy + ".audit-key")
    p = subprocess.run([binary, "--db", copy, "serve", "--listen", "127.0.0.1:0"],
                       capture_output=True, text=True, timeout=30)
    suite.check(p.returncode == 3 and "audit key" in p.stderr,
                "without its audit key the server does not start (exit 3, naming the key file)",
                f"exit {p.returncode}: {p.stderr.strip()[:200]}")


if __name__ == "__main__":
    main(run)
