#!/usr/bin/env python3
"""E-mail reminders against a local SMTP server this test starts (python3-aiosmtpd).

The SMTP test receives one digest per person per day and no duplicates across two runs of the
reminder job; two jobs at once send nothing twice either; a new owner gets one notice of the
assignment; a server that refuses the connection leaves nothing marked sent (the next run sends).

Usage: test_reminders.py path/to/cyberframe
"""
import email
import email.policy
import os
import socket
import subprocess
import sys
import tempfile
import threading

try:
    from aiosmtpd.controller import Controller
except ImportError:
    # Debian's python3-aiosmtpd is the system Python's: run under it when another python3 is first
    # on PATH.
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != os.path.realpath(
            "/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3", *sys.argv])
    raise

BIN = sys.argv[1]
ORG = "Leeds Works"


class Inbox:
    def __init__(self):
        self.lock = threading.Lock()
        self.messages = []  # (recipients, parsed message)

    async def handle_DATA(self, server, session, envelope):
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append((list(envelope.rcpt_tos), msg))
        return "250 OK"

    def take(self):
        with self.lock:
            out, self.messages = self.messages, []
        return out


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(db, *args, check=True):
    p = subprocess.run([BIN, "--db", db, "--as", "tester", *args], capture_output=True, text=True)
    if check and p.returncode != 0:
        sys.exit(f"FAIL: {' '.join(args)} exited {p.returncode}\n{p.stdout}\n{p.stderr}")
    return p


def send(db, port, today, check=True):
    return run(db, "reminders", "send", "--today", today, "--smtp-host", "127.0.0.1",
               "--smtp-port", str(port), "--smtp-tls", "none", "--from", "isms@example.org",
               check=check)


def digests(messages):
    """{recipient: count} of the digests among `messages`."""
    out = {}
    for rcpts, msg in messages:
        if " due for " in msg["Subject"]:
            for r in rcpts:
                out[r] = out.get(r, 0) + 1
    return out


def notices(messages):
    return [(rcpts, msg["Subject"]) for rcpts, msg in messages if "is now yours" in msg["Subject"]]


def expect(what, got, want):
    if got != want:
        sys.exit(f"FAIL: {what}: got {got!r}, want {want!r}")
    print(f"ok: {what}")


def main():
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "w.db")
            run(db, "init")
            run(db, "org", "create", ORG)
            for name in ("alice", "bob", "carol"):
                run(db, "user", "add", name)
            run(db, "person", "set", "alice", "--email", "alice@example.org", "--alias", "CISO")
            run(db, "person", "set", "bob", "--email", "bob@example.org",
                "--alias", "Plant manager, Leeds")
            # carol has nothing due: she gets no digest.
            run(db, "person", "set", "carol", "--email", "carol@example.org")
            for title, owner, due in (("Patch the MES servers", "CISO", "2026-11-20"),
                                      ("Replace the badge readers", "Plant manager, Leeds",
                                       "2026-12-01"),
                                      ("Review the firewall rules", "ciso", "2026-10-15")):
                run(db, "isms", "add", "actions", "--org", ORG, "--title", title, "--owner", owner,
                    "--set", "type=corrective", "--set", f"due={due}")

            # Day 1, two runs: one digest each for alice and bob; the first run records the
            # assignments as they stand without notices.
            first = send(db, port, "2026-12-07")
            second = send(db, port, "2026-12-07")
            got = inbox.take()
            expect("one digest per person on 2026-12-07 across two runs", digests(got),
                   {"alice@example.org": 1, "bob@example.org": 1})
            expect("no notices for the assignments the first run found", notices(got), [])
            if "0 digest(s)" not in second.stdout:
                sys.exit(f"FAIL: the second run sent again: {second.stdout}")
            alice = [m for r, m in got if r == ["alice@example.org"]][0]
            body = alice.get_content()
            for ref in ("ACT-001", "ACT-003"):
                if ref not in body:
                    sys.exit(f"FAIL: alice's digest lacks {ref}:\n{body}")
            if "ACT-002" in body:
                sys.exit(f"FAIL: alice's digest holds bob's ACT-002:\n{body}")
            print("ok: a digest lists the person's items only")

            # A new assignment: ACT-002 passes to alice (by her account name): one notice, once.
            run(db, "isms", "edit", "actions", "ACT-002", "--org", ORG, "--owner", "alice")
            send(db, port, "2026-12-07")
            send(db, port, "2026-12-07")
            got = inbox.take()
            expect("one notice of the new assignment, no second digest",
                   (notices(got), digests(got)),
                   ([(["alice@example.org"], "cyberframe: ACT-002 Replace the badge readers is now "
                      "yours")], {}))

            # Day 2, two jobs at once: still one digest per person.
            jobs = [subprocess.Popen([BIN, "--db", db, "--as", "tester", "reminders", "send",
                                      "--today", "2026-12-08", "--smtp-host", "127.0.0.1",
                                      "--smtp-port", str(port), "--smtp-tls", "none", "--from",
                                      "isms@example.org"], stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True) for _ in range(2)]
            for j in jobs:
                out, err = j.communicate(timeout=120)
                if j.returncode != 0:
                    sys.exit(f"FAIL: a parallel job exited {j.returncode}\n{out}\n{err}")
            got = inbox.take()
            expect("one digest per person on 2026-12-08 from two jobs at once", digests(got),
                   {"alice@example.org": 1})

            # Day 3, the server refuses the connection: the job fails and marks nothing sent;
            # the next run (the server back) sends the day's digest.
            closed = free_port()
            failed = send(db, closed, "2026-12-09", check=False)
            expect("a refused connection makes the job fail (exit 3)", failed.returncode, 3)
            if "Couldn't connect" not in failed.stderr and "connect" not in failed.stderr.lower():
                sys.exit(f"FAIL: the failure is not named: {failed.stderr}")
            send(db, port, "2026-12-09")
            expect("after a refused connection the next run sends the digest",
                   digests(inbox.take()), {"alice@example.org": 1})
    finally:
        controller.stop()
    print("PASS")


if __name__ == "__main__":
    main()
