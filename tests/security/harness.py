"""What the security tests share: a workspace with accounts, a live `cyberframe serve`, raw
sockets from chosen loopback addresses, signed-in sessions, and the server's memory and threads
read from /proc/PID/status.

Each test_*.py file is one ctest (security.NAME) and uses `Suite`: checks are named after the
finding they replay (README.md has the table), and the file exits non-zero when one fails.
"""
import atexit
import http.client
import json
import os
import resource
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse

ACCOUNTS = {
    # name: (administrator, {organization: role})
    "root": (True, {}),
    "admin1": (False, {1: "admin"}),
    "editor1": (False, {1: "editor"}),
    "viewer1": (False, {1: "viewer"}),
    "auditor1": (False, {1: "auditor"}),
    "editor2": (False, {2: "editor"}),
}
MIB = 1024 * 1024


def password(name):
    return name + "-password-1"


def raise_file_limit():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


class Suite:
    def __init__(self, name):
        self.name = name
        self.results = []  # (check, passed, detail)

    def check(self, condition, what, detail=""):
        self.results.append((what, bool(condition), detail))
        print(("ok   " if condition else "FAIL ") + what + (f": {detail}" if detail else ""),
              flush=True)
        return condition

    def finish(self):
        failed = [r for r in self.results if not r[1]]
        print(f"{self.name}: {len(self.results) - len(failed)} passed, {len(failed)} failed")
        return 1 if failed else 0


def postgresql_database(directory):
    """A new database of the test cluster (CYBERFRAME_TEST_POSTGRES, scripts/pg-cluster run --
    ...), dropped when the test ends, its URL. The audit key and anchor of a workspace there go
    to `directory`: the commands this process starts find them through the environment."""
    cluster = os.environ.get("CYBERFRAME_TEST_POSTGRES")
    if not cluster:
        raise SystemExit("the PostgreSQL run needs a cluster: CYBERFRAME_TEST_POSTGRES is not set "
                         "(run under 'scripts/pg-cluster run -- ...', as scripts/test does)")
    name = f"test_{os.getpid()}_{secrets.token_hex(3)}"

    def psql(sql):
        return subprocess.run(["psql", cluster, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql],
                              capture_output=True, text=True, timeout=60)

    made = psql(f'CREATE DATABASE "{name}"')
    if made.returncode != 0:
        raise SystemExit(f"cannot create database {name}: {made.stderr}")
    atexit.register(psql, f'DROP DATABASE IF EXISTS "{name}"')
    os.environ["CYBERFRAME_AUDIT_KEY_FILE"] = os.path.join(directory, name + ".audit-key")
    os.environ["CYBERFRAME_AUDIT_ANCHOR_FILE"] = os.path.join(directory, name + ".audit-anchor")
    parts = urllib.parse.urlsplit(cluster)
    return urllib.parse.urlunsplit(parts._replace(path="/" + name))


def make_workspace(binary, directory, backend="sqlite"):
    """The workspace with ACCOUNTS: a SQLite file in `directory`, or on backend "postgresql" a
    database of the test cluster (postgresql_database)."""
    db = postgresql_database(directory) if backend == "postgresql" else os.path.join(directory, "ws.db")

    def run(*args, stdin=""):
        proc = subprocess.run([binary, "--db", db, "--as", "setup", *args], input=stdin,
                              capture_output=True, text=True, timeout=120)
        if proc.returncode != 0:
            raise SystemExit(f"setup failed: cyberframe {' '.join(args)}: {proc.stderr or proc.stdout}")
        return proc

    run("init")
    run("demo")
    run("org", "create", "Other Org", "--scope", "The second organization")
    run("profile", "create", "--org", "2", "--framework", "iso-tr-27103-2018", "--kind", "current",
        "--name", "Other current")
    for name, (administrator, roles) in ACCOUNTS.items():
        run("user", "add", name, *(["--admin"] if administrator else []), "--password-stdin",
            stdin=password(name) + "\n")
        for org, role in roles.items():
            run("user", "grant", name, "--org", str(org), "--role", role)
    return db


def shown_score(score, none="\u2014"):
    """A score of the API (hundredths) as the views show it: one decimal, half away from zero
    (core::format_score); `none` for an empty score."""
    if score is None:
        return none
    h = int(abs(score) * 100 + 0.5)
    tenths = (h + 5) // 10
    return ("-" if score < 0 else "") + f"{tenths // 10}.{tenths % 10}"


def cli_runner(binary, db):
    """A function that runs `cyberframe --db DB ARGS...` and gives its standard output; a failing
    command stops the test with its error."""

    def cli(*args):
        proc = subprocess.run([binary, "--db", db, *args], capture_output=True, text=True,
                              timeout=120)
        if proc.returncode != 0:
            raise SystemExit(f"cyberframe {' '.join(args)}: {proc.stderr}")
        return proc.stdout

    return cli


def tagged_operations(document, tag):
    """(method, concrete path, operation) of every operation of the OpenAPI `document` under the
    tag `tag`, its path parameters and required query parameters filled with their examples: a
    route joins a security test by being documented (Api.OpenApiDocumentMatchesTheRoutes keeps the
    document and the router the same)."""
    out = []
    for template, operations in document["paths"].items():
        for method, op in operations.items():
            if method == "parameters" or tag not in op.get("tags", []):
                continue
            path, query = template, {}
            for p in op.get("parameters", []):
                example = p.get("example")
                if p["in"] == "path":
                    path = path.replace("{" + p["name"] + "}", urllib.parse.quote(str(example)))
                elif p["in"] == "query" and p.get("required"):
                    query[p["name"]] = str(example)
            if query:
                path += "?" + urllib.parse.urlencode(query)
            out.append((method.upper(), path, op))
    return out


class Server:
    """`cyberframe serve` on a free port of 127.0.0.1."""

    def __init__(self, binary, db, *extra):
        self.p = subprocess.Popen([binary, "--db", db, "serve", "--listen", "127.0.0.1:0", *extra],
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.p.stdout.readline().strip()
        if not line.startswith("listening on http://127.0.0.1:"):
            self.p.kill()
            raise SystemExit(f"the server did not start: {line!r}")
        self.port = int(line.rsplit(":", 1)[1])
        self.pid = self.p.pid

    def status(self):
        """/proc/PID/status as a dict (VmRSS and VmHWM in kB, Threads)."""
        out = {}
        with open(f"/proc/{self.pid}/status") as f:
            for line in f:
                key, _, value = line.partition(":")
                out[key] = value.strip()
        return out

    def rss_mib(self):
        return int(self.status()["VmRSS"].split()[0]) / 1024

    def peak_mib(self):
        return int(self.status()["VmHWM"].split()[0]) / 1024

    def threads(self):
        return int(self.status()["Threads"])

    def reset_peak(self):
        """Sets the peak (VmHWM) back to the current RSS (Linux: clear_refs 5)."""
        with open(f"/proc/{self.pid}/clear_refs", "w") as f:
            f.write("5")

    def alive(self):
        return self.p.poll() is None

    def stop(self):
        self.p.send_signal(signal.SIGTERM)
        try:
            self.p.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.p.kill()
            self.p.wait()


class Client:
    """A signed-in account over http.client: session cookie and CSRF token."""

    def __init__(self, port, name=None):
        self.port = port
        self.cookie = None
        self.csrf = None
        self.token = None
        if name:
            status, _, body, headers = self.request(
                "POST", "/api/v1/session", {"name": name, "password": password(name)})
            if status != 200:
                raise SystemExit(f"{name} cannot sign in: {status} {body[:200]!r}")
            self.cookie = headers.get("set-cookie", "").split(";")[0]
            self.csrf = json.loads(body)["csrf_token"]

    def headers(self, extra=None, method="GET"):
        h = {}
        if self.token:
            h["Authorization"] = "Bearer " + self.token
        if self.cookie:
            h["Cookie"] = self.cookie
        if self.csrf and method not in ("GET", "HEAD"):
            h["X-CSRF-Token"] = self.csrf
        h.update(extra or {})
        return h

    def request(self, method, path, body=None, headers=None, timeout=60):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        h = self.headers(headers, method)
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
            h.setdefault("Content-Type", "application/json")
        try:
            c.request(method, path, body=body, headers=h)
        except (BrokenPipeError, ConnectionResetError):
            pass  # refused before the whole body was sent; the answer is still there
        r = c.getresponse()
        data = r.read()
        c.close()
        return r.status, r.getheader("Content-Type"), data, {k.lower(): v for k, v in r.getheaders()}


def connect(port, source="127.0.0.1", timeout=10):
    """A raw TCP connection from a chosen loopback address (all of 127/8 is the loopback)."""
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(timeout)
    s.bind((source, 0))
    s.connect(("127.0.0.1", port))
    return s


def read_response(s, limit=64 * MIB):
    """Reads one HTTP response from a raw socket: (status, headers dict, body bytes), or
    (None, {}, b"") when the server closed without answering."""
    data = b""
    while b"\r\n\r\n" not in data:
        try:
            chunk = s.recv(65536)
        except (ConnectionResetError, socket.timeout):
            chunk = b""
        if not chunk:
            return (None, {}, data) if not data else parse_head(data)[:2] + (b"",)
        data += chunk
    status, headers, rest = parse_head(data)
    length = int(headers.get("content-length", "0"))
    body = rest
    while len(body) < length and len(body) < limit:
        try:
            chunk = s.recv(65536)
        except (ConnectionResetError, socket.timeout):
            break
        if not chunk:
            break
        body += chunk
    return status, headers, body


def parse_head(data):
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        k, _, v = line.partition(":")
        headers[k.strip().lower()] = v.strip()
    return status, headers, rest


def closed_by_peer(s, wait=0.0):
    """Whether the server has closed the connection (EOF or a reset seen within `wait` seconds)."""
    import select
    readable, _, _ = select.select([s], [], [], wait)
    if not readable:
        return False
    try:
        return s.recv(1, socket.MSG_DONTWAIT) == b""
    except (ConnectionResetError, BrokenPipeError):
        return True
    except BlockingIOError:
        return False


def main(run):
    """Runs `run(suite, binary, db, tmp)` with a fresh workspace; exits with the suite's status."""
    if len(sys.argv) < 2:
        raise SystemExit(f"usage: {sys.argv[0]} CYBERFRAME_BINARY")
    raise_file_limit()
    binary = os.path.abspath(sys.argv[1])
    suite = Suite(os.path.basename(sys.argv[0]))
    with tempfile.TemporaryDirectory(prefix="cyberframe-security-") as tmp:
        db = make_workspace(binary, tmp)
        run(suite, binary, db, tmp)
    sys.exit(suite.finish())
