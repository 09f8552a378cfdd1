#!/usr/bin/env python3
"""The cost of the frameworks a workspace stores (docs/frameworks.md), through a live server on a
fresh demo workspace: the live check of a draft (what the framework editor sends as it is typed),
a save, and the first request after a save (the server loads its catalog again), each the median of
N runs; for a small framework (the five TS 27110 functions, 15 nodes) and one the size of
SP 800-53 rev5 (2,133 nodes, 500 KB of YAML, the built-in file under another id).  Prints a
Markdown table.

    python3 bench/frameworks.py build/cyberframe [RUNS]
"""
import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def small(fid):
    nodes = []
    for code, name in [("ID", "Identify"), ("PR", "Protect"), ("DE", "Detect"),
                       ("RS", "Respond"), ("RC", "Recover")]:
        nodes.append({"id": code, "level": "function", "title": name, "children": [
            {"id": f"{code}.X", "level": "category", "title": f"{name} area", "children": [
                {"id": f"{code}.X-1", "level": "subcategory", "description": f"{name} outcome",
                 "references": [{"standard": "iso-iec-27002-2022", "clause": "5.9"}]}]}]})
    return {"document": {"kind": "framework", "id": fid, "title": "Bench framework",
                         "conformance": "ts-27110",
                         "provenance": {"source": "bench", "method": "user-authored"},
                         "nodes": nodes}}


def large(fid):
    with open(os.path.join(ROOT, "catalog/frameworks/nist-sp-800-53-rev5.yaml")) as f:
        text = f.read().replace("id: nist-sp-800-53-rev5\n", f"id: {fid}\n", 1)
    return {"yaml": text}


class Client:
    def __init__(self, port):
        self.port, self.cookie, self.csrf = port, None, None

    def call(self, method, path, body=None, headers=None):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        h = dict(headers or {})
        if self.cookie:
            h["Cookie"] = self.cookie
        if self.csrf:
            h["X-CSRF-Token"] = self.csrf
        data = json.dumps(body) if body is not None else None
        if data is not None:
            h["Content-Type"] = "application/json"
        start = time.perf_counter()
        c.request(method, path, body=data, headers=h)
        r = c.getresponse()
        raw = r.read()
        ms = (time.perf_counter() - start) * 1000
        if r.getheader("Set-Cookie"):
            self.cookie = r.getheader("Set-Cookie").split(";", 1)[0]
        c.close()
        return r.status, r.getheader("ETag"), raw, ms


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    binary = os.path.abspath(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) == 3 else 11
    with tempfile.TemporaryDirectory() as work:
        db = os.path.join(work, "w.db")
        run = lambda *a, **k: subprocess.run([binary, "--db", db, *a], check=True,
                                             capture_output=True, **k)
        run("init")
        run("demo")
        run("user", "add", "bench", "--admin", "--password-stdin",
            input=b"bench-password-long-1\n")
        server = subprocess.Popen([binary, "--db", db, "serve", "--listen", "127.0.0.1:0"],
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            port = int(server.stdout.readline().rsplit(":", 1)[1])
            c = Client(port)
            status, _, raw, _ = c.call("POST", "/api/v1/session",
                                       {"name": "bench", "password": "bench-password-long-1"})
            assert status == 200, raw
            c.csrf = json.loads(raw)["csrf_token"]
            print("| framework | live check | save (new version) | first read after the save |")
            print("|---|---|---|---|")
            for label, make in (("5 functions, 15 nodes", small),
                                ("SP 800-53 rev5 size, 2,133 nodes", large)):
                fid = "bench-" + label.split()[0].lower().replace(",", "")
                checks = [c.call("POST", "/api/v1/frameworks/check", make(fid))[3]
                          for _ in range(runs)]
                status, etag, raw, _ = c.call("POST", "/api/v1/organizations/1/frameworks",
                                              make(fid))
                assert status == 201, raw[:300]
                saves, reads = [], []
                for i in range(runs):
                    c.call("GET", "/api/v1/organizations/1/dashboard")  # catalog settled
                    draft = make(fid)  # a new version: another title each time
                    if "document" in draft:
                        draft["document"]["title"] = f"Bench framework {i}"
                    else:
                        draft["yaml"] = draft["yaml"].replace("\ntitle: ", f"\ntitle: {i} ", 1)
                    status, etag, raw, ms = c.call("PUT", f"/api/v1/frameworks/{fid}", draft,
                                                   {"If-Match": etag})
                    assert status == 200, raw[:300]
                    saves.append(ms)
                    status, _, _, ms = c.call("GET", f"/api/v1/frameworks/{fid}")
                    assert status == 200
                    reads.append(ms)
                print(f"| {label} | {statistics.median(checks):.0f} ms | "
                      f"{statistics.median(saves):.0f} ms | {statistics.median(reads):.0f} ms |")
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
