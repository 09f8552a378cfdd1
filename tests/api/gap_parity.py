#!/usr/bin/env python3
"""The CLI and the API give the same gap analysis: `cyberframe gap CURRENT [TARGET] --format json`
and GET /api/v1/profiles/{id}/gaps choose the same target profile by the same rule
(workspace::target_for) and answer with the same figures, per-function roll-up and ranked gaps
(one codec, codec/json.hpp).

    gap_parity.py [--backend sqlite|postgresql] BINARY

(postgresql: a database of the test cluster, CYBERFRAME_TEST_POSTGRES.)
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "security"))
from harness import Client, Server, Suite, cli_runner, make_workspace  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("binary")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    suite = Suite("api.gap_parity" + (f".{args.backend}" if args.backend != "sqlite" else ""))
    with tempfile.TemporaryDirectory() as work:
        db = make_workspace(binary, work, args.backend)

        run = cli_runner(binary, db)

        def cli(*args):
            return json.loads(run(*args))

        # A second target on the same framework: both front ends must still pick the first by name.
        subprocess.run([binary, "--db", db, "profile", "create", "--org", "1", "--framework",
                        "iso-tr-27103-2018", "--kind", "target", "--name", "Target 2030"],
                       check=True, capture_output=True)
        for node, level in (("ID.AM-1", "4"), ("PR.AC-1", "5"), ("RS.RP-1", "3")):
            subprocess.run([binary, "--db", db, "profile", "set", "Target 2030", node, "--level",
                            level], check=True, capture_output=True)
        server = Server(binary, db)
        try:
            root = Client(server.port, "root")

            def api(path):
                status, _, body, _ = root.request("GET", path)
                if status != 200:
                    raise SystemExit(f"GET {path}: {status} {body[:300]!r}")
                return json.loads(body)

            ids = {p["name"]: p["id"] for p in cli("profile", "list", "--format", "json")}
            pid = ids["Current state"]
            for label, cli_args, query in (
                    ("default target", [], ""),
                    ("named target", ["Target 2030"], f"&target={ids['Target 2030']}")):
                from_cli = cli("gap", "Current state", *cli_args, "--format", "json")
                from_api = api(f"/api/v1/profiles/{pid}/gaps?limit=5000{query}")
                suite.check(from_cli["target"]["id"] == from_api["target"]["id"],
                            f"{label}: the same target profile",
                            f"CLI {from_cli['target']['name']}, API {from_api['target']['name']}")
                for key in ("open_gaps", "mean_gap", "functions", "gaps", "total"):
                    suite.check(from_cli[key] == from_api[key], f"{label}: the same {key}",
                                "" if from_cli[key] == from_api[key] else
                                f"CLI {json.dumps(from_cli[key])[:200]} API "
                                f"{json.dumps(from_api[key])[:200]}")
                suite.check(len(from_cli["functions"]) == 5 and from_cli["open_gaps"] > 0,
                            f"{label}: five functions rolled up and open gaps to compare",
                            f"{len(from_cli['functions'])} functions, {from_cli['open_gaps']} open")
            default = cli("gap", "Current state", "--format", "json")
            suite.check(default["target"]["name"] == "Target 2027",
                        "without a target, the first target profile by name on the framework is chosen",
                        default["target"]["name"])
        finally:
            server.stop()
    return suite.finish()


if __name__ == "__main__":
    sys.exit(main())
