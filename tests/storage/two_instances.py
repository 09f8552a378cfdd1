#!/usr/bin/env python3
"""Two `cyberframe serve` instances on one PostgreSQL database, directly and behind nginx.

What a team running several servers relies on (docs/deployment.md):
1. A session made on one instance is valid on the other; signing out on one ends it on both.
2. Read-your-writes across instances: a PUT through one is returned by the next GET through the
   other, the node itself and the organization's dashboard (which the servers cache), every time
   (200 rounds, alternating, while another client keeps both busy).
3. Two editors racing through different instances with the same If-Match: exactly one 200 and
   one 412, and the node holds the winner's value.
4. The same through nginx (round robin over the two): each GET sees the PUT before it.
5. The audit trail stays one chain: `audit verify` passes afterwards.

Needs CYBERFRAME_TEST_POSTGRES (scripts/pg-cluster run -- ...) and nginx (scripts/bootstrap
--test installs nginx-light).

    two_instances.py CYBERFRAME_BINARY
"""
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "api"))
from run_api_tests import Server  # noqa: E402  (the API tests' server, started the same way)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cluster import createdb  # noqa: E402

binary = os.path.abspath(sys.argv[1])
cluster = os.environ.get("CYBERFRAME_TEST_POSTGRES")
if not cluster:
    sys.exit("two_instances: CYBERFRAME_TEST_POSTGRES is not set: run under "
             "'scripts/pg-cluster run -- ctest ...' (scripts/test does)")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Workspace:
    """The options that name the workspace, as run_api_tests.Server takes them."""

    def __init__(self, db, work, name):
        self.options = ["--db", db, "--audit-key", os.path.join(work, name + ".audit-key"),
                        "--audit-anchor", os.path.join(work, name + ".audit-anchor")]


class Client:
    """One browser: a session cookie and its CSRF token, sent to whichever port is asked."""

    def __init__(self):
        self.cookie = None
        self.csrf = None

    def call(self, port, method, path, body=None, headers=None):
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        h = dict(headers or {})
        if self.cookie:
            h["Cookie"] = self.cookie
        if self.csrf and method not in ("GET", "HEAD"):
            h["X-CSRF-Token"] = self.csrf
        data = None
        if body is not None:
            data = json.dumps(body)
            h["Content-Type"] = "application/json"
        try:
            c.request(method, path, body=data, headers=h)
            r = c.getresponse()
            raw = r.read()
            cookie = r.getheader("Set-Cookie")
            if cookie:
                self.cookie = cookie.split(";", 1)[0]
            try:
                payload = json.loads(raw) if raw else None
            except ValueError:
                payload = None
            return r.status, r.getheader("ETag"), payload
        finally:
            c.close()

    def sign_in(self, port, name, password):
        status, _, body = self.call(port, "POST", "/api/v1/session",
                                    {"name": name, "password": password})
        if status == 200:
            self.csrf = body["csrf_token"]
        return status


def run(db, cwd, *args, stdin=""):
    p = subprocess.run([binary, "--db", db, "--as", "setup", *args], cwd=cwd, input=stdin,
                       capture_output=True, text=True, timeout=120)
    if p.returncode != 0:
        sys.exit(f"two_instances: cyberframe {' '.join(args)} failed: {p.stderr}")
    return p.stdout


NODE = "/api/v1/profiles/1/nodes/ID.AM-1"
DASHBOARD = "/api/v1/organizations/1/dashboard"


def put_level(client, port, level):
    status, etag, _ = client.call(port, "GET", NODE)
    if status != 200:
        return status
    status, _, _ = client.call(port, "PUT", NODE, {"level": level}, {"If-Match": etag})
    return status


def id_am_1(dashboard):
    """The level the dashboard's function ID shows is not per node; read the node's level from
    the profile's figures instead: the dashboard's overall current score moves with it."""
    return dashboard["overall"]["current"]


def main():
    with tempfile.TemporaryDirectory() as work:
        name = f"two_instances_{os.getpid()}"
        db = createdb(cluster, name)
        run(db, work, "init")
        run(db, work, "demo")
        run(db, work, "user", "add", "alice", "--password-stdin", stdin="alice-password-1\n")
        run(db, work, "user", "grant", "alice", "--org", "1", "--role", "editor")
        run(db, work, "user", "add", "bob", "--password-stdin", stdin="bob-password-12\n")
        run(db, work, "user", "grant", "bob", "--org", "1", "--role", "editor")

        workspace = Workspace(db, work, name)
        a, b = Server(binary, workspace), Server(binary, workspace)
        nginx_dir = os.path.join(work, "nginx")
        os.makedirs(os.path.join(nginx_dir, "tmp"))
        nginx_port = free_port()
        with open(os.path.join(nginx_dir, "nginx.conf"), "w") as f:
            f.write(DEPLOYMENT_CONF.replace("@PREFIX@", nginx_dir)
                    .replace("@PORT@", str(nginx_port))
                    .replace("@A@", str(a.port)).replace("@B@", str(b.port)))
        nginx = subprocess.Popen([NGINX, "-p", nginx_dir, "-c", os.path.join(nginx_dir, "nginx.conf"),
                                  "-g", "daemon off;"], stderr=subprocess.PIPE, text=True)
        try:
            wait_for(nginx_port, nginx)
            scenarios(a.port, b.port, nginx_port)
        finally:
            nginx.send_signal(signal.SIGQUIT)
            nginx.wait(timeout=10)
            a.stop()
            b.stop()
        verify = subprocess.run([binary, "--db", db, "audit", "verify"], cwd=work,
                                capture_output=True, text=True)
        check(verify.returncode == 0 and "intact" in verify.stdout,
              f"audit verify after the two instances: {verify.stdout}{verify.stderr}")
    if failures:
        sys.exit(f"two_instances: {len(failures)} failure(s)")
    print("two_instances: sessions shared, read-your-writes across instances and through nginx, "
          "one 200 and one 412 in every race, audit trail intact")


def wait_for(port, process):
    import time
    for _ in range(100):
        if process.poll() is not None:
            sys.exit(f"two_instances: nginx did not start: {process.stderr.read()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    sys.exit("two_instances: nginx did not listen")


def scenarios(a, b, front):
    alice = Client()
    check(alice.sign_in(a, "alice", "alice-password-1") == 200, "alice signs in on A")
    status, _, session = alice.call(b, "GET", "/api/v1/session")
    check(status == 200 and session and session.get("user", {}).get("name") == "alice"
          if isinstance(session, dict) and isinstance(session.get("user"), dict) else status == 200,
          f"the session made on A is valid on B ({status})")

    # Read-your-writes, both ways, 50 rounds; B's and A's caches warmed before each write, and
    # kept busy by another reader meanwhile, so that no instance has gone long without a request
    # when the GET after a PUT arrives.
    stop = threading.Event()
    watcher = Client()
    check(watcher.sign_in(b, "bob", "bob-password-12") == 200, "bob signs in on B")

    def keep_busy():
        while not stop.is_set():
            for port in (a, b):
                watcher.call(port, "GET", DASHBOARD)

    busy = threading.Thread(target=keep_busy)
    busy.start()
    try:
        read_your_writes(alice, a, b)
    finally:
        stop.set()
        busy.join()
    racing(alice, a, b)
    frameworks_everywhere(alice, a, b)
    through_nginx(front)

    # Signing out on A ends the session on B at once.
    status, _, _ = alice.call(a, "DELETE", "/api/v1/session")
    check(status in (200, 204), f"signing out on A answered {status}")
    status, _, _ = alice.call(b, "GET", DASHBOARD)
    check(status == 401, f"after signing out on A, B still accepted the session ({status})")


def framework(nodes):
    """A framework document of one function with the given categories."""
    return {"document": {
        "kind": "framework", "id": "acme-shared", "title": "ACME shared framework",
        "conformance": "none", "provenance": {"source": "ACME", "method": "user-authored"},
        "nodes": [{"id": "GV", "level": "function", "title": "Govern",
                   "children": [{"id": f"GV.{n}", "level": "category", "title": f"Area {n}"}
                                for n in range(1, nodes + 1)]}]}}


def frameworks_everywhere(alice, a, b):
    """A framework stored through one instance is in the other's catalog on its next request."""
    for port in (a, b):  # both catalogs loaded and cached first
        status, _, _ = alice.call(port, "GET", "/api/v1/frameworks?limit=500")
        check(status == 200, f"the catalog through {port}: {status}")
    status, etag, _ = alice.call(a, "POST", "/api/v1/organizations/1/frameworks", framework(1))
    check(status == 201 and etag == '"1"', f"storing a framework through A answered {status}")
    status, _, body = alice.call(b, "GET", "/api/v1/frameworks/acme-shared")
    check(status == 200, f"B does not have the framework A stored ({status})")
    for version in range(2, 12):
        writer, reader = (a, b) if version % 2 else (b, a)
        status, etag, _ = alice.call(writer, "PUT", "/api/v1/frameworks/acme-shared",
                                     framework(version), {"If-Match": f'"{version - 1}"'})
        check(status == 200 and etag == f'"{version}"',
              f"version {version} through {writer} answered {status} {etag}")
        status, _, node = alice.call(reader, "GET",
                                     f"/api/v1/frameworks/acme-shared/nodes/GV.{version}")
        check(status == 200, f"version {version}: its new node is not in the other instance's "
                             f"catalog ({status})")
    status, _, _ = alice.call(b, "DELETE", "/api/v1/frameworks/acme-shared",
                              headers={"If-Match": '"11"'})
    check(status == 204, f"deleting through B answered {status}")
    status, _, _ = alice.call(a, "GET", "/api/v1/frameworks/acme-shared")
    check(status == 404, f"A still has the framework B deleted ({status})")


def read_your_writes(alice, a, b):
    for i in range(200):
        writer, reader = (a, b) if i % 2 == 0 else (b, a)
        level = i % 6
        _, _, before = alice.call(reader, "GET", DASHBOARD)
        status = put_level(alice, writer, level)
        check(status == 200, f"round {i}: PUT through {writer} answered {status}")
        status, _, node = alice.call(reader, "GET", NODE)
        check(status == 200 and node["level"] == level,
              f"round {i}: GET through the other instance gave level "
              f"{node and node.get('level')} after a PUT of {level}")
        _, _, after = alice.call(reader, "GET", DASHBOARD)
        _, _, fresh = alice.call(writer, "GET", DASHBOARD)
        check(after == fresh, f"round {i}: the dashboard through the other instance is not the "
                              f"writer's after the PUT")

def racing(alice, a, b):
    # Racing editors through different instances, with the version both read.
    bob = Client()
    check(bob.sign_in(b, "bob", "bob-password-12") == 200, "bob signs in on B")
    for i in range(10):
        _, etag, _ = alice.call(a, "GET", NODE)
        results = {}
        go = threading.Barrier(2)

        def race(who, client, port, level):
            go.wait()
            results[who] = client.call(port, "PUT", NODE, {"level": level}, {"If-Match": etag})[0]

        ta = threading.Thread(target=race, args=("alice", alice, a, 1))
        tb = threading.Thread(target=race, args=("bob", bob, b, 4))
        ta.start(), tb.start(), ta.join(), tb.join()
        check(sorted(results.values()) == [200, 412],
              f"race {i}: expected one 200 and one 412, got {results}")
        winner = next((w for w, s in results.items() if s == 200), None)
        _, _, node = alice.call(b, "GET", NODE)
        _, _, node_a = bob.call(a, "GET", NODE)
        expected = {"alice": 1, "bob": 4}.get(winner)
        check(node["level"] == expected and node_a["level"] == expected,
              f"race {i}: the node holds {node['level']} / {node_a['level']}, the winner wrote "
              f"{expected}")

def through_nginx(front):
    # Through nginx: round robin sends consecutive requests to alternate instances.
    carol = Client()
    check(carol.sign_in(front, "alice", "alice-password-1") == 200, "signing in through nginx")
    for i in range(30):
        level = (i * 5) % 6
        status = put_level(carol, front, level)
        check(status == 200, f"nginx round {i}: PUT answered {status}")
        status, _, node = carol.call(front, "GET", NODE)
        check(status == 200 and node["level"] == level,
              f"nginx round {i}: GET gave {node and node.get('level')} after a PUT of {level}")


# The deployment of docs/deployment.md: nginx in front of two instances (the paths and ports are
# filled in for the test; nothing outside the prefix is read or written).
DEPLOYMENT_CONF = """
worker_processes 1;
pid @PREFIX@/nginx.pid;
error_log @PREFIX@/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path @PREFIX@/tmp/body;
  proxy_temp_path @PREFIX@/tmp/proxy;
  fastcgi_temp_path @PREFIX@/tmp/fastcgi;
  uwsgi_temp_path @PREFIX@/tmp/uwsgi;
  scgi_temp_path @PREFIX@/tmp/scgi;
  upstream cyberframe {
    server 127.0.0.1:@A@;
    server 127.0.0.1:@B@;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:@PORT@;
    client_max_body_size 64m;
    location / {
      proxy_pass http://cyberframe;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
    }
  }
}
"""

if __name__ == "__main__":
    main()
