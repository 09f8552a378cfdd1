#!/usr/bin/env python3
"""Accounts, sign-in and tokens (finding 7 and the account items of finding 8), replayed against a
live server: the hard lock-out, parallel attempts that all got through, account names leaking
through the cost of a sign-in, API tokens that never expired, carried full rights, survived a
password change and sign-out everywhere and could mint longer-lived children, administrators
unable to revoke another account's token or disable an account, trivial passwords, an
organization's admin listing every account, names differing only in case, and failed sign-ins
missing from the audit trail; and a password reset by an administrator (only an administrator,
ending the account's sessions and tokens) and the page-load session check (200 without an
account, with nothing of an ended session).

The cost of a sign-in is compared by memory, not time (no timed assertions): each argon2id check
takes 64 MiB, so the server's peak (VmHWM, reset before) rises as much for an unknown name as for
a wrong password.

Usage: test_accounts.py CYBERFRAME_BINARY
"""
import json
import threading

from harness import Client, Server, connect, main, password, read_response


def sign_in_from(port, source, name, secret):
    """POST /api/v1/session over a raw connection from the loopback address `source`:
    (status, headers)."""
    body = json.dumps({"name": name, "password": secret}).encode()
    s = connect(port, source, timeout=60)
    try:
        s.sendall(b"POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  b"Content-Type: application/json\r\nContent-Length: " + str(len(body)).encode() +
                  b"\r\nConnection: close\r\n\r\n" + body)
        status, headers, _ = read_response(s)
        return status, headers
    except OSError:
        return None, {}
    finally:
        s.close()


def run(suite, binary, db, tmp):
    server = Server(binary, db)
    port = server.port
    try:
        replay(suite, server, port)
    finally:
        server.stop()


def replay(suite, server, port):
    root = Client(port, "root")

    # --- finding 7: a hard lock-out of the real user from anywhere -----------------------------
    for i in range(6):
        sign_in_from(port, "127.0.0.2", "viewer1", f"guess-{i}")
    status, headers = sign_in_from(port, "127.0.0.2", "viewer1", password("viewer1"))
    suite.check(status == 429 and headers.get("retry-after", "").isdigit(),
                "finding 7: the guessing address waits (429 with Retry-After)", f"status {status}")
    status, headers = sign_in_from(port, "127.0.0.3", "viewer1", password("viewer1"))
    suite.check(status == 200, "finding 7: no hard lock-out: the right password from another "
                "address signs in at once", f"status {status}")

    # --- finding 7: the throttle checked before it counted (30 parallel attempts) --------------
    results = [None] * 30
    start = threading.Barrier(30)

    def attempt(i):
        start.wait()
        results[i] = sign_in_from(port, "127.0.0.4", "auditor1", f"parallel-{i}")[0]

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(30)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    checked = results.count(401)
    suite.check(1 <= checked <= 3 and results.count(200) == 0,
                "finding 7: of 30 parallel attempts at most 3 have their password checked",
                f"401 x{checked}, 429 x{results.count(429)}, 503 x{results.count(503)}, "
                f"dropped x{results.count(None)}")

    # --- finding 7: account names leaked by the cost of a sign-in -------------------------------
    def peak_rise(name, source):
        server.reset_peak()
        before = server.rss_mib()
        sign_in_from(port, source, name, "certainly-not-the-password")
        return server.peak_mib() - before

    wrong = peak_rise("editor2", "127.0.0.5")
    unknown = peak_rise("no-such-account", "127.0.0.6")
    suite.check(wrong > 48 and unknown > 48,
                "finding 7: an unknown name costs the same argon2id check as a wrong password "
                "(64 MiB each)", f"peak rise: wrong password {wrong:.0f} MiB, unknown name {unknown:.0f} MiB")

    # --- finding 8: failed sign-ins in the audit trail -------------------------------------------
    status, _, body, _ = root.request("GET", "/api/v1/audit?entity=session&entity_id=viewer1")
    rows = json.loads(body)["items"] if status == 200 else []
    failed = [r for r in rows if r["action"] == "sign-in-failed"]
    suite.check(failed and failed[-1]["after"].get("address") == "127.0.0.2"
                and "guess-" not in body.decode(),
                "finding 8: failed sign-ins are audited (address and count, never the password)",
                f"{len(failed)} rows")

    # --- finding 8: trivial passwords, names differing in case -----------------------------------
    for trivial in ("aaaaaaaaaaaa", " " * 12, "password1234", "qwerty123456"):
        status, _, body, _ = root.request("POST", "/api/v1/users",
                                          {"name": "newcomer", "password": trivial})
        suite.check(status == 422, f"finding 8: the password {trivial!r} is refused",
                    json.loads(body).get("detail", "") if body else str(status))
    status, _, body, _ = root.request("POST", "/api/v1/users",
                                      {"name": "EDITOR1", "password": "a-long-fresh-passphrase"})
    suite.check(status == 422, "finding 8: a name differing only in case is the same account",
                f"status {status}")

    # --- finding 8: an organization's admin listed every account ---------------------------------
    status, _, body, _ = Client(port, "admin1").request("GET", "/api/v1/users")
    names = {u["name"] for u in json.loads(body)["items"]} if status == 200 else set()
    suite.check(status == 200 and "editor2" not in names and "root" not in names,
                "finding 8: an organization's admin lists only the accounts of its organizations",
                ", ".join(sorted(names)))

    # --- finding 7: tokens with full rights, forever, that outlived a password change -----------
    editor = Client(port, "editor1")
    status, _, body, _ = editor.request("POST", "/api/v1/tokens", {"name": "everything"})
    suite.check(status == 400, "finding 7: a token's scope must be chosen", f"status {status}")
    status, _, body, _ = editor.request("POST", "/api/v1/tokens",
                                        {"name": "forever", "scope": "read-write",
                                         "expires_in_days": 3650})
    suite.check(status == 422, "finding 7: a token lives at most a year", f"status {status}")
    status, _, body, _ = editor.request("POST", "/api/v1/tokens",
                                        {"name": "reader", "scope": "read-only"})
    reader = Client(port)
    reader.token = json.loads(body)["token"] if status == 201 else ""
    suite.check(status == 201 and json.loads(body)["expires_at"],
                "finding 7: a token has an expiry (90 days by default)", body.decode()[:120])
    status, _, _, headers = reader.request("GET", "/api/v1/profiles/1/nodes/ID.AM-1")
    status, _, _, _ = reader.request("PUT", "/api/v1/profiles/1/nodes/ID.AM-1", {"notes": "x"},
                                     {"If-Match": headers.get("etag", '"0"')})
    suite.check(status == 403, "finding 7: a read-only token cannot write", f"status {status}")
    status, _, body, _ = reader.request("POST", "/api/v1/tokens",
                                        {"name": "child", "scope": "read-write",
                                         "expires_in_days": 365})
    suite.check(status == 403, "finding 7: a token cannot mint another token", f"status {status}")
    status, _, body, _ = editor.request("POST", "/api/v1/tokens",
                                        {"name": "writer", "scope": "read-write"})
    writer = Client(port)
    writer.token = json.loads(body)["token"] if status == 201 else ""
    status, _, _, _ = editor.request("POST", "/api/v1/session/password",
                                     {"current_password": password("editor1"),
                                      "new_password": "editor1-password-2"})
    suite.check(status == 200 and reader.request("GET", "/api/v1/session")[0] == 401
                and writer.request("GET", "/api/v1/session")[0] == 401,
                "finding 7: a password change revokes the account's tokens", f"status {status}")

    # --- finding 7: sign-out everywhere, and administrators revoking and disabling --------------
    other = Client(port, "editor2")
    status, _, body, _ = other.request("POST", "/api/v1/tokens",
                                       {"name": "laptop", "scope": "read-write"})
    laptop = Client(port)
    laptop.token = json.loads(body)["token"] if status == 201 else ""
    laptop_id = json.loads(body)["id"] if status == 201 else 0
    status, _, _, _ = root.request("DELETE", f"/api/v1/users/editor2/tokens/{laptop_id}")
    suite.check(status == 204 and laptop.request("GET", "/api/v1/session")[0] == 401,
                "finding 7: an administrator revokes another account's token", f"status {status}")
    status, _, body, _ = other.request("POST", "/api/v1/tokens",
                                       {"name": "desk", "scope": "read-only"})
    desk = Client(port)
    desk.token = json.loads(body)["token"] if status == 201 else ""
    status, _, _, _ = other.request("DELETE", "/api/v1/sessions")
    suite.check(status == 204 and desk.request("GET", "/api/v1/session")[0] == 401,
                "finding 7: sign-out everywhere revokes the account's tokens", f"status {status}")

    # --- an administrator resets a password: only an administrator, and it ends what the old
    # password gave (PUT /api/v1/users/{name}/password) ---------------------------------------
    status, _, _, _ = root.request("POST", "/api/v1/users",
                                   {"name": "resettable", "password": password("resettable")})
    member = Client(port, "resettable")
    status, _, body, _ = member.request("POST", "/api/v1/tokens",
                                        {"name": "script", "scope": "read-write"})
    script = Client(port)
    script.token = json.loads(body)["token"] if status == 201 else ""
    new_secret = "a-brand-new-passphrase"
    attempts = {
        "an organization's admin": Client(port, "admin1"),
        "the account itself": member,
        "a read-write token of the account": script,
    }
    for who, client in attempts.items():
        status, _, _, _ = client.request("PUT", "/api/v1/users/resettable/password",
                                         {"password": new_secret})
        suite.check(status == 403, f"only an administrator resets a password, not {who}",
                    f"status {status}")
    status, _, _, _ = root.request("PUT", "/api/v1/users/resettable/password",
                                   {"password": new_secret}, {"X-CSRF-Token": "forged"})
    suite.check(status == 403, "a password reset with a wrong CSRF token is refused",
                f"status {status}")
    status, _, _, _ = Client(port).request("PUT", "/api/v1/users/resettable/password",
                                           {"password": new_secret})
    suite.check(status == 401, "a password reset without an account is 401", f"status {status}")
    status, _ = sign_in_from(port, "127.0.0.8", "resettable", new_secret)
    suite.check(status == 401 and member.request("GET", "/api/v1/session")[0] == 200,
                "the refused resets changed nothing", f"status {status}")
    status, _, _, _ = root.request("PUT", "/api/v1/users/resettable/password",
                                   {"password": new_secret})
    suite.check(status == 204 and member.request("GET", "/api/v1/session")[0] == 401
                and script.request("GET", "/api/v1/session")[0] == 401,
                "an administrator's password reset ends the account's sessions and revokes its "
                "tokens at once", f"status {status}")
    status, _ = sign_in_from(port, "127.0.0.8", "resettable", new_secret)
    suite.check(status == 200, "the account signs in with the new password", f"status {status}")
    status, _, body, _ = root.request("GET", "/api/v1/audit?entity=user&entity_id=resettable")
    suite.check(status == 200 and b'"password"' in body and new_secret.encode() not in body,
                "the reset is audited, never with the password", body.decode()[:200])

    # --- the page-load session check: 200 without an account, yet nothing more -----------------
    status, _, body, _ = Client(port).request("GET", "/api/v1/session/status",
                                              headers={"Cookie": member.cookie})
    suite.check(status == 200 and json.loads(body) == {"signed_in": False},
                "an ended session's cookie gets signed_in false from the status, and nothing else",
                body.decode()[:120])
    status, _, _, _ = Client(port).request("GET", "/api/v1/session",
                                           headers={"Cookie": member.cookie})
    suite.check(status == 401, "GET /api/v1/session still answers 401 without a valid session",
                f"status {status}")

    victim = Client(port, "viewer1")
    status, _, _, _ = root.request("POST", "/api/v1/users/viewer1/disable")
    suite.check(status == 200 and victim.request("GET", "/api/v1/session")[0] == 401,
                "finding 7: an administrator disables an account; its session ends at once",
                f"status {status}")
    status, _ = sign_in_from(port, "127.0.0.7", "viewer1", password("viewer1"))
    suite.check(status == 403, "a disabled account cannot sign in", f"status {status}")
    suite.check(server.alive(), "the server is still running")


if __name__ == "__main__":
    main(run)
