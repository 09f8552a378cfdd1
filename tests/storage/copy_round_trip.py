#!/usr/bin/env python3
"""`cyberframe workspace copy FROM TO` moves a workspace between SQLite and PostgreSQL whole.

A demo workspace (with an evidence file of non-UTF-8 bytes, a link, an account with a role, an API
token, a session, a comment, a mapping set, a projected profile and a stored framework in two
versions) is copied SQLite ->
PostgreSQL -> SQLite, and each copy copied once more (PostgreSQL -> PostgreSQL, SQLite ->
SQLite). Every copy exports what the original exports (every profile, the audit trail as CSV,
the organizations, the roadmap, the mapping sets, the accounts), verifies its audit trail, and
the SQLite copies hold the original's rows table for table, byte for byte (the evidence file
among them). A copy into a workspace that holds anything is refused and changes nothing; a
missing FROM is refused with a clear message and makes nothing.

    copy_round_trip.py BINARY

Needs a PostgreSQL cluster: run it as `scripts/pg-cluster run -- ...` (CYBERFRAME_TEST_POSTGRES).
"""
import atexit
import hashlib
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cluster import createdb  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))

failures = []


def check(condition, what):
    print(("ok    " if condition else "FAIL  ") + what)
    if not condition:
        failures.append(what)


class Cli:
    def __init__(self, binary, cwd):
        self.binary = binary
        self.cwd = cwd

    def run(self, *args, stdin=None, db=None):
        argv = [self.binary] + (["--db", db] if db else []) + list(args)
        return subprocess.run(argv, cwd=self.cwd, input=stdin, capture_output=True)

    def ok(self, *args, stdin=None, db=None):
        r = self.run(*args, stdin=stdin, db=db)
        if r.returncode != 0:
            raise SystemExit(f"FAIL  {' '.join(args)} (--db {db}) exited {r.returncode}: "
                             f"{r.stderr.decode(errors='replace')}")
        return r.stdout




def fill(cli, db, work):
    """The demo, and one row at least in every table of the schema."""
    cli.ok("init", db=db)
    cli.ok("demo", db=db)
    evidence = os.path.join(work, "scan.bin")
    with open(evidence, "wb") as f:
        f.write(bytes(range(256)) + b"\xff\xfe\x00\x80 not UTF-8 \xc3\x28")
    cli.ok("profile", "evidence", "Current state", "ID.AM-1", "--file", evidence, "--name",
           "scan.bin", db=db)
    cli.ok("profile", "evidence", "Current state", "ID.AM-2", "--url",
           "https://example.com/inventory", "--name", "inventory", db=db)
    scale = os.path.join(work, "scale.yaml")
    with open(scale, "w") as f:
        f.write("id: acme-1-4\nname: ACME maturity\nlevels:\n  - { value: 1, name: Ad hoc }\n"
                "  - { value: 2, name: Repeatable }\n  - { value: 3, name: Défini }\n")
    cli.ok("scale", "add", scale, db=db)
    cli.ok("profile", "create", "--org", "1", "--framework", "nist-csf-2.0", "--kind", "target",
           "--name", "ACME target", "--scale", "acme-1-4", db=db)
    cli.ok("profile", "set", "ACME target", "GV.OC-01", "--level", "3", "--owner", "Zoë", db=db)
    cli.ok("user", "add", "alice", "--password-stdin", stdin=b"plum-orbit-cascade-71 lantern\n",
           db=db)
    cli.ok("user", "grant", "alice", "--org", "1", "--role", "editor", db=db)
    # A person (address, aliases, calendar token) and the reminder job's sent log: the first run
    # records the assignments without a server (the digest to a closed port fails, unrecorded).
    cli.ok("person", "set", "alice", "--email", "alice@example.org", "--alias", "CISO", db=db)
    cli.ok("calendar", "url", "alice", db=db)
    cli.run("reminders", "send", "--smtp-host", "127.0.0.1", "--smtp-port", "9", "--smtp-tls",
            "none", "--from", "isms@example.org", "--today", "2026-12-07", db=db)
    cli.ok("mapping", "create", "tr-to-csf2", "--org", "1", "--from", "iso-tr-27103-2018",
           "--to", "nist-csf-2.0", "--title", "TR 27103 to CSF 2.0", "--notes", "by hand", db=db)
    cli.ok("mapping", "add", "tr-to-csf2", "ID.AM-1", "ID.AM-01", "-r", "equal", "--rationale",
           "the same inventory", db=db)
    cli.ok("mapping", "add", "tr-to-csf2", "ID.AM-2", "ID.AM-02", "-r", "equivalent", db=db)
    cli.ok("profile", "project", "Current state", "--to", "nist-csf-2.0", db=db)
    # An organization's own framework, in two versions, with a profile on it.
    own = os.path.join(work, "acme-own.yaml")
    text = ("kind: framework\nid: acme-own\ntitle: ACME’s own framework\nconformance: none\n"
            "provenance: {source: ACME, method: user-authored}\n# kept as written\nnodes:\n"
            "  - {id: GV, level: function, title: Govern}\n")
    with open(own, "w", encoding="utf-8") as f:
        f.write(text)
    cli.ok("framework", "add", own, "--org", "1", db=db)
    with open(own, "w", encoding="utf-8") as f:
        f.write(text + "  - {id: OP, level: function, title: Operate}\n")
    cli.ok("framework", "update", "acme-own", own, db=db)
    cli.ok("profile", "create", "--org", "1", "--framework", "acme-own", "--kind", "current",
           "--name", "Own current", db=db)
    # Risk management beyond the demo's: an organization's own criteria in two versions, a
    # revoked decision, a baseline.
    criteria = json.loads(cli.ok("risk", "criteria", "show", "cyberframe-3x3", "--org", "1",
                                 "--format", "json", db=db))
    criteria["id"] = "acme-3x3"
    mine = os.path.join(work, "acme-3x3.json")
    with open(mine, "w", encoding="utf-8") as f:
        json.dump(criteria, f)
    cli.ok("risk", "criteria", "save", mine, "--org", "1", db=db)
    criteria["name"] = "ACME 3×3, revised"
    with open(mine, "w", encoding="utf-8") as f:
        json.dump(criteria, f)
    cli.ok("risk", "criteria", "save", mine, "--org", "1", db=db)
    cli.ok("risk", "revoke", "2", "--org", "1", db=db)
    cli.ok("risk", "baseline", "take", "2026 cycle", "--org", "1", db=db)
    # The ISMS beyond the demo's: a comment and a deleted record.
    cli.ok("isms", "comment", "context", "CTX-001", "Sampled ✓ for stage 2", "--org", "1", db=db)
    cli.ok("isms", "delete", "changes", "CHG-003", "--org", "1", db=db)
    # A management review held: its frozen inputs.
    cli.ok("isms", "add", "reviews", "--org", "1", "--ref", "MR-900", "--title", "Copied review",
           "--status", "in-preparation", "--set", "date=2030-06-30", db=db)
    cli.ok("review", "hold", "MR-900", "--org", "1", "--today", "2030-06-30", db=db)
    # Documented information beyond the demo's: a deleted document (the demo's twelve have their
    # versions, files, links, acknowledgements and the organization's setting).
    cli.ok("document", "delete", "DOC-012", "--org", "1", db=db)
    # What only the server writes (API tokens, sessions, comments): as the server writes them.
    with sqlite3.connect(db) as c:
        c.execute("INSERT INTO api_token (user, name, token_hash, created_at, expires_at, scope, "
                  "organization) VALUES (1, 'ci', 'ab' || hex(randomblob(31)), "
                  "'2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', 'read-only', 1)")
        c.execute("INSERT INTO session (token_hash, user, csrf, created_at, expires_at, "
                  "last_seen_at) VALUES ('cd' || hex(randomblob(31)), 1, 'x', "
                  "'2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', '2026-01-01T00:00:00Z')")
        c.execute("INSERT INTO node_comment (profile, node, author, at, text) VALUES (1, "
                  "'ID.AM-1', 'alice', '2026-01-01T00:00:00Z', 'Checked ✓ with the plant')")
        # The login throttle's count of a failed sign-in (not copied: NOT_COPIED).
        c.execute("INSERT INTO login_throttle (throttle_key, failures, last_failure, audited, "
                  "last_audit) VALUES ('pair:alice 192.0.2.1', 1, 1767225600000, 1, "
                  "1767225600000)")


# Tables the copy leaves out on purpose (workspace_copy.cpp, k_not_copied): the login throttle's
# counts are the running servers' short-lived state, not records; a copy starts them afresh.
NOT_COPIED = ("login_throttle",)


def exports(cli, db):
    """What a user sees of a workspace, verb by verb."""
    out = {}
    profiles = json.loads(cli.ok("profile", "list", "-f", "json", db=db))
    for p in profiles:
        out[f"profile export {p['id']}"] = cli.ok("profile", "export", str(p["id"]), "-f", "csv",
                                                  db=db)
        out[f"profile export {p['id']} yaml"] = cli.ok("profile", "export", str(p["id"]), "-f",
                                                       "yaml", db=db)
    out["profile list"] = cli.ok("profile", "list", "-f", "json", db=db)
    out["audit export"] = cli.ok("audit", "export", "-f", "csv", db=db)
    out["audit log"] = cli.ok("audit", "log", "--limit", "100000", db=db)
    out["org list"] = cli.ok("org", "list", "-f", "json", db=db)
    out["roadmap list"] = cli.ok("roadmap", "list", "--org", "1", "-f", "json", db=db)
    out["mapping list"] = cli.ok("mapping", "list", "-f", "json", db=db)
    out["mapping show"] = cli.ok("mapping", "show", "tr-to-csf2", "-f", "json", db=db)
    out["user list"] = cli.ok("user", "list", "-f", "json", db=db)
    out["user tokens"] = cli.ok("user", "tokens", "alice", db=db)
    out["person list"] = cli.ok("person", "list", "--format", "json", db=db)
    out["isms due alice"] = cli.ok("isms", "due", "--org", "Demo Manufacturing Ltd", "--today",
                                   "2026-12-07", "--person", "alice", "--format", "json", db=db)
    out["assessment trend"] = cli.ok("assessment", "trend", "Current state", db=db)
    out["scale list"] = cli.ok("scale", "list", db=db)
    out["framework list"] = cli.ok("framework", "list", "-f", "json", db=db)
    out["framework versions"] = cli.ok("framework", "versions", "acme-own", "-f", "json", db=db)
    for version in ("1", "2"):
        out[f"framework export {version}"] = cli.ok("framework", "export", "acme-own",
                                                    "--version", version, db=db)
    org = "Demo Manufacturing Ltd"
    out["risk list"] = cli.ok("risk", "list", "--org", org, "--include-closed", "-f", "json", db=db)
    out["risk decisions"] = cli.ok("risk", "decisions", "--org", org, "-f", "json", db=db)
    out["asset list"] = cli.ok("asset", "list", "--org", org, "--include-retired", "-f", "json",
                               db=db)
    out["control list"] = cli.ok("control", "list", "--org", org, "-f", "json", db=db)
    out["criteria list"] = cli.ok("risk", "criteria", "list", "--org", org, "-f", "json", db=db)
    for version in ("1", "2"):
        out[f"soa {version}"] = cli.ok("soa", "export", "--org", org, "--version", version,
                                       "--format", "json", db=db)
    out["soa versions"] = cli.ok("soa", "versions", "--org", org, "-f", "json", db=db)
    out["baseline compare"] = cli.ok("risk", "baseline", "compare", "2026 cycle", "--org", org,
                                     "-f", "json", db=db)
    out["risk check"] = cli.run("risk", "check", "--org", org, "-f", "json", db=db).stdout
    out["isms list"] = cli.ok("isms", "list", "--org", org, "-f", "json", db=db)
    for register in ("context", "scope", "policies", "roles", "changes"):
        out[f"isms {register}"] = cli.ok("isms", "records", register, "--org", org, "-f", "json",
                                         db=db)
    out["isms deleted"] = cli.ok("isms", "records", "changes", "--org", org, "--deleted", "-f",
                                 "json", db=db)
    out["isms history"] = cli.ok("isms", "history", "scope", "SCOPE-001", "--org", org, "-f",
                                 "json", db=db)
    out["isms comments"] = cli.ok("isms", "show", "context", "CTX-001", "--org", org, "-f", "json",
                                  db=db)
    out["isms raci"] = cli.ok("isms", "raci", "--org", org, "-f", "json", db=db)
    out["review show"] = cli.ok("review", "show", "MR-900", "--org", org, "-f", "json", db=db)
    out["document list"] = cli.ok("document", "list", "--org", org, "-f", "json", db=db)
    out["document list deleted"] = cli.ok("document", "list", "--org", org, "--deleted", "-f",
                                          "json", db=db)
    out["document show"] = cli.ok("document", "show", "DOC-002", "--org", org, "-f", "json", db=db)
    out["document acks"] = cli.ok("document", "acks", "DOC-001", "--org", org, "-f", "json", db=db)
    out["org settings"] = cli.ok("org", "settings", "--org", org, "-f", "json", db=db)
    return out


def tables(db):
    """Every row of every table of a SQLite workspace, in a stable order."""
    with sqlite3.connect(db) as c:
        names = [r[0] for r in c.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name")]
        return {n: sorted(c.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr) for n in names}


def files_state(paths):
    state = {}
    for p in paths:
        if os.path.exists(p):
            with open(p, "rb") as f:
                state[p] = hashlib.sha256(f.read()).hexdigest()
        else:
            state[p] = None
    return state


def main():
    binary = os.path.abspath(sys.argv[1])
    cluster = os.environ.get("CYBERFRAME_TEST_POSTGRES", "")
    if not cluster:
        print("FAIL  storage.copy_round_trip needs a PostgreSQL cluster: run it as "
              "'scripts/pg-cluster run -- ctest -R storage.copy_round_trip' (scripts/test does); "
              "CYBERFRAME_TEST_POSTGRES is not set")
        return 1
    suffix = str(os.getpid())
    with tempfile.TemporaryDirectory() as work:
        cli = Cli(binary, work)
        a = os.path.join(work, "a.db")
        fill(cli, a, work)
        original = exports(cli, a)
        original_rows = tables(a)
        check(all(original_rows[t] for t in original_rows),
              "the original holds rows in every table: " +
              ", ".join(t for t in original_rows if not original_rows[t]))

        pg1 = createdb(cluster, "copy_one_" + suffix)
        pg2 = createdb(cluster, "copy_two_" + suffix)
        c = os.path.join(work, "c.db")
        d = os.path.join(work, "d.db")
        # A password in the URL is never printed (the cluster trusts local connections).
        pg1_secret = pg1 + "&password=hunter2-secret"

        line = re.compile(r"copied (\d+) rows of (\d+) tables from (\S+) to (\S+) "
                          r"\(audit trail: (\d+) rows, verified\)")
        audit_rows = len(original_rows["audit"])
        copied_tables = [t for t in original_rows if t not in NOT_COPIED]
        total_rows = sum(len(original_rows[t]) for t in copied_tables)
        for source, target, name in ((a, pg1_secret, "SQLite -> PostgreSQL"),
                                     (pg1, c, "PostgreSQL -> SQLite"),
                                     (c, d, "SQLite -> SQLite"),
                                     (pg1, pg2, "PostgreSQL -> PostgreSQL")):
            r = cli.run("workspace", "copy", source, target)
            text = r.stdout.decode() + r.stderr.decode()
            check(r.returncode == 0, f"{name}: the copy succeeds ({text.strip()[:300]})")
            m = line.search(text)
            check(m is not None and int(m.group(1)) == total_rows and
                  int(m.group(2)) == len(copied_tables) and int(m.group(5)) == audit_rows,
                  f"{name}: says it copied {total_rows} rows of {len(copied_tables)} tables, "
                  f"{audit_rows} audit rows, verified")
            check("hunter2" not in text, f"{name}: prints no password")

        for db, name in ((pg1, "PostgreSQL copy"), (c, "its SQLite copy"),
                         (d, "the SQLite copy's copy"), (pg2, "the PostgreSQL copy's copy")):
            r = cli.run("audit", "verify", db=db)
            check(r.returncode == 0, f"{name}: audit verify passes ({r.stdout.decode().strip()}"
                                     f"{r.stderr.decode().strip()})")
            got = exports(cli, db)
            for key in original:
                check(got[key] == original[key], f"{name}: '{key}' is the original's")
        for db, name in ((c, "the SQLite copy"), (d, "the SQLite copy's copy")):
            rows = tables(db)
            for t in copied_tables:
                check(rows.get(t) == original_rows[t],
                      f"{name}: table {t} holds the original's {len(original_rows[t])} rows")
            for t in NOT_COPIED:
                check(rows.get(t) == [], f"{name}: table {t} is left empty")
        with sqlite3.connect(c) as conn:
            blob = conn.execute("SELECT data FROM evidence_blob b JOIN evidence e ON e.sha256 = "
                                "b.sha256 WHERE e.name = 'scan.bin'").fetchone()
        with open(os.path.join(work, "scan.bin"), "rb") as f:
            check(blob is not None and bytes(blob[0]) == f.read(),
                  "the evidence file's bytes came back through PostgreSQL unchanged")

        # A copy works on as a workspace: a change is recorded and verifies, with new ids.
        cli.ok("org", "create", "After the move", db=pg2)
        orgs = json.loads(cli.ok("org", "list", "-f", "json", db=pg2))
        check(any(o["name"] == "After the move" and o["id"] == 2 for o in orgs),
              "a PostgreSQL copy takes a new organization with the next id")
        check(cli.run("audit", "verify", db=pg2).returncode == 0,
              "its audit trail verifies after the change")

        # Into a workspace that holds anything: refused, nothing changes.
        for target, name in ((c, "an existing SQLite workspace"), (pg1, "a PostgreSQL workspace")):
            before = exports(cli, target)
            before_files = files_state([c + ".audit-key", c + ".audit-anchor",
                                        os.path.join(work, "copy_one_" + suffix + ".audit-key"),
                                        os.path.join(work,
                                                     "copy_one_" + suffix + ".audit-anchor")])
            before_rows = tables(c) if target == c else None
            r = cli.run("workspace", "copy", a, target)
            check(r.returncode != 0 and b"error" in r.stderr,
                  f"a copy into {name} is refused ({r.stderr.decode().strip()})")
            check(exports(cli, target) == before, f"{name}: exports as before")
            if before_rows is not None:
                check(tables(c) == before_rows, f"{name}: its rows are as before")
            check(files_state(list(before_files)) == before_files,
                  f"{name}: the key and anchor files are as before")

        # An empty PostgreSQL database whose key is another's: refused, left as it was.
        pg3 = createdb(cluster, "copy_three_" + suffix)
        other_key = os.path.join(work, "copy_three_" + suffix + ".audit-key")
        with open(other_key, "w") as f:
            f.write("ab" * 32 + "\n")
        os.chmod(other_key, 0o600)
        r = cli.run("workspace", "copy", a, pg3)
        check(r.returncode != 0 and b"audit key" in r.stderr,
              f"a target whose audit key differs is refused ({r.stderr.decode().strip()})")
        r = cli.run("audit", "verify", db=pg3)
        check(r.returncode != 0 and b"no workspace" in r.stderr,
              "that database was left without a workspace")
        os.remove(other_key)
        r = cli.run("workspace", "copy", a, pg3)
        check(r.returncode == 0, "once the other key is moved away the copy goes through")

        # A PostgreSQL workspace made by init whose servers have only counted failed sign-ins
        # is still empty: the throttle's rows do not refuse it, and they stay its own.
        pg5 = createdb(cluster, "copy_five_" + suffix)
        cli.ok("init", db=pg5)
        for made_by_init in (".audit-key", ".audit-anchor"):  # the copy brings A's key
            os.remove(os.path.join(work, "copy_five_" + suffix + made_by_init))
        subprocess.run(["psql", pg5, "-X", "-q", "-c",
                        "INSERT INTO login_throttle (throttle_key, failures) VALUES "
                        "('addr:198.51.100.1', 2)"], check=True, capture_output=True)
        r = cli.run("workspace", "copy", a, pg5)
        check(r.returncode == 0, f"a copy into a workspace holding only throttle counts goes "
                                 f"through ({r.stderr.decode().strip()})")
        counted = subprocess.run(["psql", pg5, "-X", "-q", "-t", "-A", "-c",
                                  "SELECT throttle_key FROM login_throttle"],
                                 capture_output=True, text=True).stdout.split()
        check(counted == ["addr:198.51.100.1"], f"and the counts there are its own: {counted}")

        # A table the copy does not know (a newer cyberframe's): refused, whatever TO is, and
        # nothing is left of TO (the SQLite file, the PostgreSQL schema, the key and anchor).
        with sqlite3.connect(d) as conn:
            conn.execute("CREATE TABLE risk_register (id INTEGER PRIMARY KEY, title TEXT)")
        f_db = os.path.join(work, "f.db")
        pg4_name = "copy_four_" + suffix
        pg4 = createdb(cluster, pg4_name)
        for target, name, leftovers in (
                (f_db, "a new SQLite file", ["f.db", "f.db.audit-key", "f.db.audit-anchor"]),
                (pg4, "a new PostgreSQL database",
                 [pg4_name + ".audit-key", pg4_name + ".audit-anchor"])):
            r = cli.run("workspace", "copy", d, target)
            check(r.returncode != 0 and b"risk_register" in r.stderr and b"does not know" in r.stderr,
                  f"a table the copy does not know stops a copy into {name} "
                  f"({r.stderr.decode().strip()})")
            check(not any(os.path.exists(os.path.join(work, n)) for n in leftovers),
                  f"{name}: no file is left behind")
        r = cli.run("audit", "verify", db=pg4)
        check(r.returncode != 0 and b"no workspace" in r.stderr,
              "the PostgreSQL database is left without a workspace")

        # A row PostgreSQL refuses half-way (text that is not UTF-8, which SQLite keeps): the
        # transaction rolls back and the schema the copy made is dropped again.
        g = os.path.join(work, "g.db")
        cli.ok("workspace", "copy", c, g)
        with sqlite3.connect(g) as conn:
            conn.execute("UPDATE node_comment SET text = CAST(X'C328' AS TEXT)")
        r = cli.run("workspace", "copy", g, pg4)
        check(r.returncode != 0 and b"node_comment" in r.stderr and
              b"nothing was written" in r.stderr,
              f"a row PostgreSQL refuses fails the copy naming its table ({r.stderr.decode().strip()})")
        r = cli.run("audit", "verify", db=pg4)
        check(r.returncode != 0 and b"no workspace" in r.stderr,
              "the PostgreSQL database is left without a workspace again")
        check(not any(os.path.exists(os.path.join(work, n))
                      for n in (pg4_name + ".audit-key", pg4_name + ".audit-anchor")),
              "and without the key and anchor the copy had placed")
        r = cli.run("workspace", "copy", a, pg4)
        check(r.returncode == 0, "a copy into it afterwards goes through")
        check(cli.run("audit", "verify", db=pg4).returncode == 0, "and verifies")

        # SQLite keeps text in an integer column; the copy names it rather than carry a 0.
        h = os.path.join(work, "h.db")
        with sqlite3.connect(g) as conn:
            conn.execute("UPDATE node_comment SET text = 'fixed'")
            conn.execute("UPDATE snapshot_node SET level = 'three' WHERE level = 3")
        r = cli.run("workspace", "copy", g, h)
        check(r.returncode != 0 and b"snapshot_node" in r.stderr and b"level" in r.stderr,
              f"a value of another type than its column stops the copy, naming it "
              f"({r.stderr.decode().strip()})")
        check(not any(n.startswith("h.db") for n in os.listdir(work)), "and leaves no h.db")

        # A missing FROM: a clear message, nothing made.
        e = os.path.join(work, "e.db")
        r = cli.run("workspace", "copy", os.path.join(work, "missing.db"), e)
        err = r.stderr.decode()
        check(r.returncode != 0 and "missing.db" in err and "init" in err,
              f"a missing FROM is refused naming it ({err.strip()})")
        check(not any(n.startswith("e.db") for n in os.listdir(work)),
              "and nothing is made for TO")
        check(not os.path.exists(os.path.join(work, "missing.db")), "nor for FROM")

    if failures:
        print(f"{len(failures)} failed")
        return 1
    print("all passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
