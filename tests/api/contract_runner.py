#!/usr/bin/env python3
"""The API test runner fails a response that breaks the OpenAPI document (ctest api.contract_runner).

Usage: contract_runner.py CYBERFRAME_BINARY

Runs cases/public.http (which passes against docs/openapi.json: ctest api.public) against a copy
of the document in which GET /healthz answers {"status": "fine"} and the Organization schema lacks
its `scope` (the server answers "ok" and sends a scope in the dashboard's organization). The run
must fail, naming the case file and line, the request, the JSON pointer and what is wrong.
"""

import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DOCUMENT = os.path.join(HERE, "..", "..", "docs", "openapi.json")
CASES = os.path.join(HERE, "cases", "public.http")


def run(binary, document):
    env = dict(os.environ, CYBERFRAME_OPENAPI=document)
    return subprocess.run([sys.executable, os.path.join(HERE, "run_api_tests.py"), binary, CASES],
                          capture_output=True, text=True, env=env, timeout=300)


def main():
    binary = os.path.abspath(sys.argv[1])
    failures = []
    with open(DOCUMENT, encoding="utf-8") as f:
        doc = json.load(f)
    doc["components"]["schemas"]["Health"]["properties"]["status"] = {"const": "fine"}
    del doc["components"]["schemas"]["Organization"]["properties"]["scope"]
    doc["components"]["schemas"]["Organization"]["required"].remove("scope")
    with tempfile.TemporaryDirectory(prefix="cyberframe-contract-") as tmp:
        broken = os.path.join(tmp, "openapi.json")
        with open(broken, "w", encoding="utf-8") as f:
            json.dump(doc, f)
        bad = run(binary, broken)
    out = bad.stdout
    if bad.returncode != 1:
        failures.append(f"against the broken copy the run exits {bad.returncode}, not 1")
    # Each failing block names file:line and the request, then the operation, the pointer and
    # what is wrong.
    expected = [
        "public.http:4: GET /healthz",
        "GET /healthz 200: /status: must be equal to constant: \"fine\"",
        "public.http:63: GET /api/v1/organizations/1/dashboard",
        "GET /api/v1/organizations/{org}/dashboard 200: /organization: member \"scope\" is not in "
        "the schema",
    ]
    for want in expected:
        if want not in out:
            failures.append(f"the failing run does not say {want!r}")
    if failures:
        print("\n".join(failures))
        print("--- output of the failing run ---\n" + out + bad.stderr)
        return 1
    print("a response that breaks the document fails its case, naming where and what")
    return 0


if __name__ == "__main__":
    sys.exit(main())
