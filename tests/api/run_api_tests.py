#!/usr/bin/env python3
"""Runs API case files (tests/api/cases/*.http) against a live `cyberframe serve`.

Usage: run_api_tests.py [--backend sqlite|postgresql] CYBERFRAME_BINARY CASE_FILE...

Before the cases it builds one workspace (the demo organization, a second organization with a
current profile, and one account per role: see ACCOUNTS), then runs each case file against its
own copy of that workspace and its own server, so files are independent. The workspace is a
SQLite file (the default), or with `--backend postgresql` a database of the PostgreSQL cluster
named by CYBERFRAME_TEST_POSTGRES (scripts/pg-cluster run -- ...), copied per case file with
CREATE DATABASE ... TEMPLATE. The format of a case file is described in tests/api/README.md. Every response is also checked against the OpenAPI
document (docs/openapi.json) by validate_openapi.mjs, run with Node.js beside the runner: a
response the document does not describe fails its block like any other difference. Exit status 0
when every request got what its case expects (known failures, marked `# expect-fail: REASON`, are
reported but do not fail the run).
"""

import argparse
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse

# Accounts every case file can sign in as: name -> (administrator, {organization id: role}).
# The password of each is NAME + "-password-1" (tests/api/README.md).
ACCOUNTS = {
    "root": (True, {}),
    "admin1": (False, {1: "admin"}),
    "editor1": (False, {1: "editor"}),
    "auditor1": (False, {1: "auditor"}),
    "viewer1": (False, {1: "viewer"}),
    "editor2": (False, {2: "editor"}),
}

REQUEST_LINE = re.compile(r"^(?:\[([A-Za-z0-9_.-]+)\]\s+)?(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(\S+)$")
HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9-]*)(:|\s+~|\s+!~)\s?(.*)$")
CAPTURE_LINE = re.compile(r"^@([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(\S+)$")
STATUS_LINE = re.compile(r"^-->\s+(\d{3})$")
VARIABLE = re.compile(r"\{\{\s*([^}]+?)\s*\}\}")


HERE = os.path.dirname(os.path.abspath(__file__))
# The document every response is checked against; CYBERFRAME_OPENAPI names another (the runner's
# own test gives it a broken copy).
OPENAPI_DOCUMENT = os.environ.get("CYBERFRAME_OPENAPI") or os.path.join(HERE, "..", "..", "docs",
                                                                       "openapi.json")


class CaseError(Exception):
    pass


class SqlError(Exception):
    """A `% sql` statement the database refused."""


# --- parsing ---------------------------------------------------------------------------------

def parse(path):
    """A file as a list of blocks: {line, title, xfail, session, method, path, headers, body,
    status, expect_headers, json, contains, lacks, exact, captures}."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    blocks, chunk, start, title = [], [], 1, ""

    def flush():
        if any(l.strip() and not l.startswith("#") for l in chunk):
            blocks.append(parse_block(path, start, title, chunk))

    for number, line in enumerate(lines, 1):
        if line.startswith("###"):
            flush()
            chunk, start, title = [], number + 1, line[3:].strip()
        else:
            chunk.append(line)
    flush()
    return blocks


def parse_block(path, start, title, lines):
    b = {"line": start, "title": title, "xfail": None, "sql": [], "sql_postgresql": [],
         "session": "default", "method": None,
         "path": None, "headers": [], "body": "", "status": None, "expect_headers": [],
         "json": [], "contains": [], "lacks": [], "exact": None, "captures": []}
    i = 0
    # comments and directives, then the request line
    while i < len(lines):
        line = lines[i]
        m = re.match(r"^#\s*expect-fail:\s*(.+)$", line)
        if m:
            b["xfail"] = m.group(1).strip()
        elif line.startswith("% sql: "):
            b["sql"].append(line[len("% sql: "):])
        elif line.startswith("% sql-postgresql: "):
            b["sql_postgresql"].append(line[len("% sql-postgresql: "):])
        elif line.startswith("#") or not line.strip():
            pass
        else:
            m = REQUEST_LINE.match(line.strip())
            if not m:
                raise CaseError(f"{path}:{start + i}: expected a request line 'METHOD /path', got {line!r}")
            b["session"] = m.group(1) or "default"
            b["method"], b["path"] = m.group(2), m.group(3)
            b["line"] = start + i
            i += 1
            break
        i += 1
    if b["method"] is None:
        raise CaseError(f"{path}:{start}: a block needs a request line")
    if b["sql_postgresql"] and not b["sql"]:
        raise CaseError(f"{path}:{b['line']}: '% sql-postgresql:' is PostgreSQL's spelling of the "
                        "block's '% sql:' lines, which it lacks")
    # request headers up to a blank line or the status line
    while i < len(lines) and lines[i].strip() and not STATUS_LINE.match(lines[i]):
        m = HEADER_LINE.match(lines[i])
        if not m or m.group(2) != ":":
            raise CaseError(f"{path}:{start + i}: expected a header 'Name: value', got {lines[i]!r}")
        b["headers"].append((m.group(1), m.group(3)))
        i += 1
    # the body up to the status line
    body = []
    while i < len(lines) and not STATUS_LINE.match(lines[i]):
        body.append(lines[i])
        i += 1
    while body and not body[0].strip():
        body.pop(0)
    while body and not body[-1].strip():
        body.pop()
    b["body"] = "\n".join(body)
    if i >= len(lines):
        raise CaseError(f"{path}:{b['line']}: the request has no expected status line '--> NNN'")
    b["status"] = int(STATUS_LINE.match(lines[i]).group(1))
    i += 1
    json_lines = None
    for j in range(i, len(lines)):
        line = lines[j]
        where = f"{path}:{start + j}"
        m = CAPTURE_LINE.match(line)
        if m:
            b["captures"].append((m.group(1), m.group(2), where))
            if json_lines is not None:  # the expected body ends at the first capture
                b["json"].append(("\n".join(json_lines), where))
                json_lines = None
            continue
        if json_lines is not None:
            json_lines.append(line)
            depth = bracket_depth(depth, line)
            if depth <= 0:  # the expected body ends where its brackets close
                b["json"].append(("\n".join(json_lines), where))
                json_lines = None
            continue
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("contains: "):
            b["contains"].append(line[len("contains: "):])
        elif line.startswith("lacks: "):
            b["lacks"].append(line[len("lacks: "):])
        elif line.startswith("body: "):
            b["exact"] = line[len("body: "):]
        elif line.startswith("{") or line.startswith("["):
            json_lines = [line]
            depth = bracket_depth(0, line)
            if depth <= 0:
                b["json"].append((line, where))
                json_lines = None
        else:
            m = HEADER_LINE.match(line)
            if not m:
                raise CaseError(f"{where}: cannot read expectation {line!r}")
            b["expect_headers"].append((m.group(1), m.group(2).strip(), m.group(3), where))
    if json_lines is not None:
        b["json"].append(("\n".join(json_lines), f"{path}:{b['line']}"))
    return b


def bracket_depth(depth, line):
    """The nesting depth of JSON brackets after `line`, strings skipped."""
    in_string, escaped = False, False
    for c in line:
        if in_string:
            if escaped:
                escaped = False
            elif c == "\\":
                escaped = True
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
        elif c in "{[":
            depth += 1
        elif c in "}]":
            depth -= 1
    return depth


# --- variables -------------------------------------------------------------------------------

def expand(text, variables):
    def one(m):
        expr = m.group(1)
        parts = expr.split()
        if parts[0] == "repeat" and len(parts) == 3:  # {{repeat TEXT COUNT}}
            return parts[1] * int(parts[2])
        if expr not in variables:
            raise CaseError(f"unknown variable {{{{{expr}}}}} (not captured yet?)")
        return variables[expr]
    return VARIABLE.sub(one, text)


def as_text(value):
    if isinstance(value, str):
        return value
    return json.dumps(value)


def select(data, path):
    for part in path.split(".") if path else []:
        if isinstance(data, list):
            data = data[int(part)]
        elif isinstance(data, dict):
            data = data[part]
        else:
            raise KeyError(part)
    return data


# --- comparing -------------------------------------------------------------------------------

def match(expected, actual, where="body"):
    """Problems found comparing `actual` against the subset `expected`."""
    if isinstance(expected, str) and expected.startswith("<") and expected.endswith(">"):
        p = expected[1:-1]
        if p == "any":
            return []
        if p == "string":
            return [] if isinstance(actual, str) else [f"{where}: expected a string, got {json.dumps(actual)}"]
        if p == "nonempty":
            return [] if isinstance(actual, str) and actual else [f"{where}: expected a non-empty string, got {json.dumps(actual)}"]
        if p == "number":
            ok = isinstance(actual, (int, float)) and not isinstance(actual, bool)
            return [] if ok else [f"{where}: expected a number, got {json.dumps(actual)}"]
        if p == "null-or-string":
            return [] if actual is None or isinstance(actual, str) else [f"{where}: expected null or a string, got {json.dumps(actual)}"]
        if p.startswith("contains: "):
            want = p[len("contains: "):]
            ok = isinstance(actual, str) and want in actual
            return [] if ok else [f"{where}: expected a string containing {want!r}, got {json.dumps(actual)}"]
        if p.startswith("lacks: "):
            want = p[len("lacks: "):]
            ok = isinstance(actual, str) and want not in actual
            return [] if ok else [f"{where}: expected a string without {want!r}, got {json.dumps(actual)}"]
        if p.startswith("not: "):  # anything but this JSON value
            try:
                other = json.loads(p[len("not: "):])
            except ValueError:
                other = p[len("not: "):]
            return [] if actual != other else [f"{where}: expected anything but {json.dumps(actual)}"]
        if p.startswith("length: "):
            n = int(p[len("length: "):])
            ok = isinstance(actual, (list, str)) and len(actual) == n
            return [] if ok else [f"{where}: expected length {n}, got {json.dumps(actual)[:200]}"]
        if p.startswith("at least: "):
            n = float(p[len("at least: "):])
            ok = isinstance(actual, (int, float)) and actual >= n
            return [] if ok else [f"{where}: expected a number >= {n:g}, got {json.dumps(actual)}"]
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{where}: expected an object, got {json.dumps(actual)[:200]}"]
        problems = []
        for k, v in expected.items():
            if v == "<absent>":
                if k in actual:
                    problems.append(f"{where}.{k}: expected no such member, got {json.dumps(actual[k])[:200]}")
                continue
            if k not in actual:
                problems.append(f"{where}.{k}: missing (expected {json.dumps(v)[:200]})")
                continue
            problems += match(v, actual[k], f"{where}.{k}")
        return problems
    if isinstance(expected, list):
        if not isinstance(actual, list):
            return [f"{where}: expected an array, got {json.dumps(actual)[:200]}"]
        mode = expected[0] if expected and expected[0] in ("<some>", "<none>", "<every>") else None
        if mode == "<some>":  # each element matches some element of the array
            problems = []
            for n, e in enumerate(expected[1:]):
                if not any(not match(e, a) for a in actual):
                    problems.append(f"{where}: no element matches {json.dumps(e)} "
                                    f"(array of {len(actual)}: {json.dumps(actual)[:300]})")
            return problems
        if mode == "<none>":  # no element matches any of these
            problems = []
            for e in expected[1:]:
                hits = [a for a in actual if not match(e, a)]
                if hits:
                    problems.append(f"{where}: an element matches {json.dumps(e)}: {json.dumps(hits[0])[:300]}")
            return problems
        if mode == "<every>":  # every element matches each of these
            problems = []
            for e in expected[1:]:
                for n, a in enumerate(actual):
                    problems += match(e, a, f"{where}[{n}]")
            return problems
        if len(expected) != len(actual):
            return [f"{where}: expected {len(expected)} elements, got {len(actual)}: {json.dumps(actual)[:300]}"]
        problems = []
        for n, (e, a) in enumerate(zip(expected, actual)):
            problems += match(e, a, f"{where}[{n}]")
        return problems
    if expected != actual or type(expected) is bool and type(actual) is not bool:
        return [f"{where}: expected {json.dumps(expected)}, got {json.dumps(actual)[:300]}"]
    return []


def header_matches(value_list, op, want):
    """Whether the response's values of one header satisfy `op want`."""
    joined = "\n".join(value_list)
    if op == ":":
        if want == "<absent>":
            return not value_list
        if not value_list:
            return False
        if want in ("<any>", "<string>"):
            return True
        if want == "<number>":
            return all(v.strip().isdigit() for v in value_list)
        return any(v == want for v in value_list)
    if op == "~":
        return want in joined
    if op == "!~":
        return want not in joined
    return False


# --- HTTP ------------------------------------------------------------------------------------

def send(port, method, path, headers, body):
    """One request on its own connection; (status, [(name, value)], body bytes)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.putrequest(method, path, skip_accept_encoding=True)
        for k, v in headers:
            conn.putheader(k, v)
        if body is not None:
            conn.putheader("Content-Length", str(len(body)))
        conn.endheaders()
        if body:
            try:
                view = memoryview(body)
                for off in range(0, len(body), 65536):
                    conn.sock.sendall(view[off:off + 65536])
            except (BrokenPipeError, ConnectionResetError):
                pass  # the server refused the body early; its answer is still to be read
        r = conn.getresponse()
        data = r.read()
        return r.status, r.getheaders(), data
    finally:
        conn.close()


class Server:
    def __init__(self, binary, workspace):
        self.p = subprocess.Popen([binary, *workspace.options, "serve", "--listen", "127.0.0.1:0"],
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.p.stdout.readline().strip()
        if not line.startswith("listening on http://127.0.0.1:"):
            self.p.kill()
            raise SystemExit(f"the server did not start: {line!r}")
        self.port = int(line.rsplit(":", 1)[1])

    def stop(self):
        self.p.send_signal(signal.SIGTERM)
        try:
            self.p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.p.kill()
            self.p.wait()


class Contract:
    """The check of every response against the OpenAPI document: validate_openapi.mjs as a
    coprocess, one JSON line out and one back per response (tests/api/README.md, "The contract")."""

    def __init__(self, document=OPENAPI_DOCUMENT):
        self.document = os.path.relpath(document)
        # stderr goes to ours: a missing ajv or a broken document says so there.
        self.p = subprocess.Popen(["node", os.path.join(HERE, "validate_openapi.mjs"), document],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                  encoding="utf-8")
        self.checked = 0

    def check(self, method, path, status, headers, data):
        """What is wrong with one response according to the document ([] when nothing)."""
        content_type = next((v for k, v in headers if k.lower() == "content-type"), "")
        essence = content_type.split(";")[0].strip().lower()
        json_media = essence == "application/json" or essence.endswith("+json")
        record = {"method": method, "path": path, "status": status, "content_type": content_type,
                  "length": len(data), "body": data.decode("utf-8", "replace") if json_media else None}
        try:
            self.p.stdin.write(json.dumps(record) + "\n")
            self.p.stdin.flush()
            line = self.p.stdout.readline()
        except (BrokenPipeError, OSError):
            line = ""
        if not line:
            raise SystemExit(f"the OpenAPI check (tests/api/validate_openapi.mjs) stopped: see its "
                             f"message above (is `npm ci` done in web/?)")
        answer = json.loads(line)
        if answer["checked"]:
            self.checked += 1
        return [f"{self.document}, {answer['operation']} {status}: {p}" for p in answer["problems"]]

    def close(self):
        self.p.stdin.close()
        self.p.wait()


# --- the workspace ---------------------------------------------------------------------------

class Workspace:
    """A workspace as the command line names it: `options` are the global options that reach it
    (--db, and where its audit key and anchor are)."""

    def __init__(self, db, key, anchor, options):
        self.db, self.key, self.anchor, self.options = db, key, anchor, options


class SqliteBackend:
    """Workspaces as SQLite files in `directory`, the key and anchor beside each."""

    name = "sqlite"

    def __init__(self, directory):
        self.directory = directory

    def template(self):
        db = os.path.join(self.directory, "ws.db")
        return Workspace(db, db + ".audit-key", db + ".audit-anchor", ["--db", db])

    def copy(self, template, name):
        db = os.path.join(self.directory, name + ".db")
        shutil.copyfile(template.db, db)
        copy = Workspace(db, db + ".audit-key", db + ".audit-anchor", ["--db", db])
        # A copy of a workspace is the database with its audit key and anchor (docs/profiles.md).
        shutil.copy2(template.key, copy.key)
        shutil.copy2(template.anchor, copy.anchor)
        return copy

    def run_sql(self, workspace, block, variables):
        for statement in block["sql"]:
            try:
                with sqlite3.connect(workspace.db, timeout=10) as conn:
                    conn.execute(expand(statement, variables))
            except sqlite3.Error as e:
                raise SqlError(str(e))

    def drop(self, workspace):
        pass  # the temporary directory goes

    def close(self):
        pass


class PostgresqlBackend:
    """Workspaces as databases of the cluster at CYBERFRAME_TEST_POSTGRES, each with its key and
    anchor in `directory` (given to the server with --audit-key and --audit-anchor). A copy is
    CREATE DATABASE ... TEMPLATE, which needs the template without a connection."""

    name = "postgresql"

    def __init__(self, directory):
        self.directory = directory
        self.cluster = os.environ.get("CYBERFRAME_TEST_POSTGRES")
        if not self.cluster:
            raise SystemExit("--backend postgresql needs a cluster: CYBERFRAME_TEST_POSTGRES is not "
                             "set (run under 'scripts/pg-cluster run -- ...', as scripts/test does)")
        if not shutil.which("psql"):
            raise SystemExit("--backend postgresql needs psql (Debian's postgresql-client)")
        # Databases of this run: parallel runs on one cluster do not meet.
        self.prefix = f"api_{os.getpid()}_{secrets.token_hex(3)}"
        self.databases = []

    def url(self, database):
        parts = urllib.parse.urlsplit(self.cluster)
        return urllib.parse.urlunsplit(parts._replace(path="/" + urllib.parse.quote(database)))

    def psql(self, url, *statements):
        proc = subprocess.run(["psql", url, "-X", "-q", "-v", "ON_ERROR_STOP=1",
                               *(a for st in statements for a in ("-c", st))],
                              capture_output=True, text=True, timeout=120)
        if proc.returncode != 0:
            raise SqlError((proc.stderr or proc.stdout).strip())

    def workspace(self, database):
        files = os.path.join(self.directory, database)
        url = self.url(database)
        return Workspace(url, files + ".audit-key", files + ".audit-anchor",
                         ["--db", url, "--audit-key", files + ".audit-key",
                          "--audit-anchor", files + ".audit-anchor"])

    def create(self, name, template=None):
        database = re.sub(r"[^a-z0-9_]", "_", f"{self.prefix}_{name}".lower())[:63]
        self.psql(self.cluster, f'CREATE DATABASE "{database}"'
                  + (f' TEMPLATE "{template}"' if template else ""))
        self.databases.append(database)
        return database

    def template(self):
        self.template_name = self.create("template")
        return self.workspace(self.template_name)

    def copy(self, template, name):
        copy = self.workspace(self.create(name, self.template_name))
        shutil.copy2(template.key, copy.key)
        shutil.copy2(template.anchor, copy.anchor)
        return copy

    def run_sql(self, workspace, block, variables):
        statements = block["sql_postgresql"] or block["sql"]
        # Each its own transaction, as on SQLite; the first refused stops the rest.
        self.psql(workspace.db, *(expand(st, variables) for st in statements))

    def drop(self, workspace):
        database = urllib.parse.unquote(urllib.parse.urlsplit(workspace.db).path[1:])
        try:
            self.psql(self.cluster, f'DROP DATABASE IF EXISTS "{database}"')
            self.databases.remove(database)
        except (SqlError, subprocess.TimeoutExpired) as e:
            print(f"note: database {database} left in the cluster: {e}")

    def close(self):
        for database in list(self.databases):
            try:
                self.psql(self.cluster, f'DROP DATABASE IF EXISTS "{database}"')
            except (SqlError, subprocess.TimeoutExpired) as e:
                print(f"note: database {database} left in the cluster: {e}")


BACKENDS = {"sqlite": SqliteBackend, "postgresql": PostgresqlBackend}


def make_workspace(binary, backend):
    workspace = backend.template()

    def run(*args, stdin=""):
        proc = subprocess.run([binary, *workspace.options, "--as", "setup", *args], input=stdin,
                              capture_output=True, text=True, timeout=120)
        if proc.returncode != 0:
            raise SystemExit(f"setup failed: cyberframe {' '.join(args)}: {proc.stderr or proc.stdout}")

    run("init")
    run("demo")
    run("org", "create", "Other Org", "--scope", "The second organization")
    run("profile", "create", "--org", "2", "--framework", "iso-tr-27103-2018", "--kind", "current",
        "--name", "Other current")
    for name, (administrator, roles) in ACCOUNTS.items():
        run("user", "add", name, *(["--admin"] if administrator else []), "--password-stdin",
            stdin=name + "-password-1\n")
        for org, role in roles.items():
            run("user", "grant", name, "--org", str(org), "--role", role)
    return workspace


# --- running ---------------------------------------------------------------------------------

def run_file(binary, backend, template, path, contract):
    workspace = backend.copy(template, os.path.basename(path))
    server = Server(binary, workspace)
    variables = {"port": str(server.port)}
    jars = {}
    results = {"passed": 0, "failed": 0, "xfail": 0, "xpass": 0}
    try:
        for b in parse(path):
            where = f"{path}:{b['line']}"
            problems = []
            response = None
            try:
                if b["sql"]:
                    # Set up what HTTP cannot (an expired session) as an operator would: with
                    # the server stopped, since a running server may hold what it read in a cache.
                    server.stop()
                    try:
                        backend.run_sql(workspace, b, variables)
                    finally:  # the next blocks still have a server when it failed
                        server = Server(binary, workspace)
                        variables["port"] = str(server.port)
                problems, response = run_block(server.port, b, variables, jars, contract)
            except CaseError as e:
                problems = [str(e)]
            except SqlError as e:
                problems = [f"% sql failed: {e}"]
            except (OSError, http.client.HTTPException) as e:
                problems = [f"request failed: {e!r}"]
            label = f"{b['method']} {b['path']}" + (f"  ({b['title']})" if b["title"] else "")
            if b["xfail"]:
                if problems:
                    results["xfail"] += 1
                    print(f"XFAIL {where}: {label}\n  known failure: {b['xfail']}")
                    for p in problems:
                        print("    " + p.replace("\n", "\n    "))
                else:
                    results["xpass"] += 1
                    print(f"XPASS {where}: {label}\n  marked expect-fail ({b['xfail']}) but passes: "
                          "remove the marker")
            elif problems:
                results["failed"] += 1
                print(f"FAIL {where}: {label}")
                for p in problems:
                    print("  " + p.replace("\n", "\n  "))
                if response is not None:
                    status, headers, data = response
                    text = data[:1500].decode("utf-8", "replace")
                    print(f"  actual: {status}, Content-Type: {dict(headers).get('Content-Type')}\n"
                          f"  body: {text}")
            else:
                results["passed"] += 1
    finally:
        server.stop()
        backend.drop(workspace)
    return results


def run_block(port, b, variables, jars, contract):
    method = b["method"]
    path = expand(b["path"], variables)
    headers = [(k, expand(v, variables)) for k, v in b["headers"]]
    body = expand(b["body"], variables).encode("utf-8") if b["body"] else None
    if body is None and method in ("POST", "PUT", "PATCH"):
        body = b""
    jar = jars.setdefault(b["session"], {})
    if jar and not any(k.lower() == "cookie" for k, _ in headers):
        headers.append(("Cookie", "; ".join(f"{k}={v}" for k, v in jar.items())))
    status, resp_headers, data = send(port, method, path, headers, body)
    # cookie jar of the session
    for k, v in resp_headers:
        if k.lower() == "set-cookie":
            first = v.split(";")[0]
            name, _, value = first.partition("=")
            if re.search(r"max-age=0\b", v, re.I) or not value:
                jar.pop(name.strip(), None)
            else:
                jar[name.strip()] = value.strip()
    problems = []
    if status != b["status"]:
        problems.append(f"status {status}, expected {b['status']}")
    for name, op, want, where in b["expect_headers"]:
        values = [v for k, v in resp_headers if k.lower() == name.lower()]
        want = expand(want, variables)
        if not header_matches(values, op, want):
            problems.append(f"header {name}: expected {op} {want!r}, got {values!r} ({where})")
    text = data.decode("utf-8", "replace")
    for want in b["contains"]:
        if expand(want, variables) not in text:
            problems.append(f"body lacks {expand(want, variables)!r}")
    for unwanted in b["lacks"]:
        if expand(unwanted, variables) in text:
            problems.append(f"body has {expand(unwanted, variables)!r}")
    if b["exact"] is not None and text != expand(b["exact"], variables):
        problems.append(f"body: expected exactly {expand(b['exact'], variables)!r}, got {text[:300]!r}")
    parsed = None
    if b["json"] or any(e.startswith("body") for _, e, _ in b["captures"]):
        try:
            parsed = json.loads(data) if data else None
        except ValueError:
            parsed = None
            if b["json"]:
                problems.append(f"the body is not JSON: {text[:300]!r}")
    for source, where in b["json"] if parsed is not None else []:
        try:
            expected = json.loads(expand(source, variables))
        except ValueError as e:
            raise CaseError(f"{where}: the expected body is not JSON: {e}")
        problems += match(expected, parsed)
    for name, expr, where in b["captures"]:
        kind, _, rest = expr.partition(".")
        try:
            if kind == "body":
                variables[name] = as_text(select(parsed, rest))
            elif kind == "header":
                values = [v for k, v in resp_headers if k.lower() == rest.lower()]
                if not values:
                    raise KeyError(rest)
                variables[name] = values[0]
            elif kind == "cookie":
                variables[name] = jar[rest]
            elif kind == "raw":
                variables[name] = text
            else:
                raise CaseError(f"{where}: a capture reads body.PATH, header.NAME, cookie.NAME or raw")
        except (KeyError, IndexError, ValueError, TypeError):
            problems.append(f"capture @{name} = {expr}: not in the response ({where})")
    problems += contract.check(method, path, status, resp_headers, data)
    return problems, (status, resp_headers, data)


def main():
    parser = argparse.ArgumentParser(usage="run_api_tests.py [--backend sqlite|postgresql] "
                                     "CYBERFRAME_BINARY CASE_FILE...")
    parser.add_argument("--backend", choices=sorted(BACKENDS), default="sqlite",
                        help="where the workspace lives (postgresql: the cluster at "
                        "CYBERFRAME_TEST_POSTGRES)")
    parser.add_argument("binary")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    files = args.files
    for f in files:  # a malformed case file stops the run before anything starts
        try:
            parse(f)
        except CaseError as e:
            print(f"ERROR {e}")
            return 2
    totals = {"passed": 0, "failed": 0, "xfail": 0, "xpass": 0}
    started = time.monotonic()
    contract = Contract()
    with tempfile.TemporaryDirectory(prefix="cyberframe-api-") as tmp:
        backend = BACKENDS[args.backend](tmp)
        try:
            template = make_workspace(binary, backend)
            for f in files:
                checked = contract.checked
                r = run_file(binary, backend, template, f, contract)
                print(f"{f}: {r['passed']} passed, {r['failed']} failed, {r['xfail']} known failures"
                      + (f", {r['xpass']} unexpectedly passing" if r["xpass"] else "")
                      + f"; {contract.checked - checked} responses checked against {contract.document}"
                      + (f" (on {backend.name})" if backend.name != "sqlite" else ""))
                for k in totals:
                    totals[k] += r[k]
        finally:
            backend.close()
    contract.close()
    if len(files) > 1:
        print(f"total: {totals['passed']} passed, {totals['failed']} failed, {totals['xfail']} known "
              f"failures, {totals['xpass']} unexpectedly passing ({time.monotonic() - started:.1f} s)")
    return 1 if totals["failed"] or totals["xpass"] else 0


if __name__ == "__main__":
    sys.exit(main())
