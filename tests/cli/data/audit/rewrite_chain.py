#!/usr/bin/env python3
"""Rewrites a workspace's whole audit chain as an attacker with the database file would.

    rewrite_chain.py DB --sha256                      every hash recomputed as plain SHA-256
    rewrite_chain.py DB --key KEYFILE [--anchor FILE] every hash an HMAC-SHA256 under KEYFILE, in
                                                      the keyed format of docs/profiles.md, and an
                                                      anchor under that key written to FILE

It drops the append-only triggers first. With the workspace's own key and no edit, the rewrite
gives back the same hashes: a check that the documented format is the one cyberframe writes.
"""
import hashlib
import hmac
import sqlite3
import sys


def field(data: bytes) -> bytes:
    return str(len(data)).encode() + b":" + data + b"\n"


def main():
    db, mode = sys.argv[1], sys.argv[2]
    key = None
    anchor = None
    if mode == "--key":
        key = bytes.fromhex(open(sys.argv[3]).read().strip())
        if len(sys.argv) > 5 and sys.argv[4] == "--anchor":
            anchor = sys.argv[5]
    con = sqlite3.connect(db)
    con.execute("DROP TRIGGER IF EXISTS audit_no_update")
    rows = con.execute("SELECT id, at, actor, entity, entity_id, action, before, after FROM audit "
                       "ORDER BY id").fetchall()
    previous = "0" * 64
    for row in rows:
        parts = [previous, str(row[0])] + list(row[1:])
        if key is None:
            text = "\n".join(parts).encode()
            digest = hashlib.sha256(text).hexdigest()
        else:
            message = b"cyberframe audit row 1\n" + b"".join(field(p.encode()) for p in parts)
            digest = hmac.new(key, message, hashlib.sha256).hexdigest()
        con.execute("UPDATE audit SET previous_hash = ?, hash = ? WHERE id = ?", (previous, digest, row[0]))
        previous = digest
    con.commit()
    con.close()
    if anchor:
        n = rows[-1][0] if rows else 0
        text = (f"cyberframe audit anchor 1\nkeyed-from {1:020d}\nrows {n:020d}\n"
                f"last-id {n:020d}\nlast-hash {previous}\n")
        mac = hmac.new(key, text.encode(), hashlib.sha256).hexdigest()
        with open(anchor, "w") as f:
            f.write(text + f"mac {mac}\n")


if __name__ == "__main__":
    main()
