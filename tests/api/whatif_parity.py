#!/usr/bin/env python3
"""The CLI and the API give the same what-if: `cyberframe roadmap what-if CURRENT [TARGET]
--action ID ... --format json` and GET /api/v1/profiles/{id}/what-if?actions=ID,...[&target=ID]
answer with the same functions (now, with the actions, target), open gaps, mean gap and figures
before and after (workspace::what_if, one codec), and the CLI's text shows those numbers with the
one rounding rule (core/figures.hpp). On the demo the open actions close gaps: the answer after
them has fewer open gaps and no function lower than before.

    whatif_parity.py BINARY
"""
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "security"))
from harness import Client, Server, Suite, cli_runner, shown_score, make_workspace  # noqa: E402


def shown(score):
    return shown_score(score, "-")


def main():
    binary = os.path.abspath(sys.argv[1])
    suite = Suite("api.whatif_parity")
    with tempfile.TemporaryDirectory() as work:
        db = make_workspace(binary, work)
        run = cli_runner(binary, db)

        def cli(*args):
            return json.loads(run(*args))

        subprocess.run([binary, "--db", db, "profile", "create", "--org", "1", "--framework",
                        "iso-tr-27103-2018", "--kind", "target", "--name", "Target 2030"],
                       check=True, capture_output=True)
        for node, level in (("ID.RA-1", "3"), ("PR.IP-4", "3"), ("DE.CM-1", "3"),
                            ("RS.RP-1", "4")):
            subprocess.run([binary, "--db", db, "profile", "set", "Target 2030", node, "--level",
                            level], check=True, capture_output=True)
        actions = cli("roadmap", "list", "--org", "1", "--format", "json")
        open_ids = [a["id"] for a in actions if a["status"] in ("planned", "in-progress")]
        profiles = {p["name"]: p["id"] for p in cli("profile", "list", "--format", "json")}
        server = Server(binary, db)
        try:
            root = Client(server.port, "root")

            def api(path):
                status, _, body, _ = root.request("GET", path)
                if status != 200:
                    raise SystemExit(f"GET {path}: {status} {body[:300]!r}")
                return json.loads(body)

            pid = profiles["Current state"]
            for label, ids, cli_target, query in (
                    ("the open actions", open_ids, [], ""),
                    ("two actions", open_ids[:2], [], ""),
                    ("no action repeated", [open_ids[0], open_ids[0]], [], ""),
                    ("a named target", open_ids, ["Target 2030"],
                     f"&target={profiles['Target 2030']}")):
                args = [a for i in ids for a in ("--action", str(i))]
                from_cli = cli("roadmap", "what-if", "Current state", *cli_target, *args,
                               "--format", "json")
                from_api = api(f"/api/v1/profiles/{pid}/what-if?actions="
                               + ",".join(map(str, ids)) + query)
                for key in ("target", "actions", "before", "after", "functions", "outcomes"):
                    suite.check(from_cli[key] == from_api[key], f"{label}: the same {key}",
                                "" if from_cli[key] == from_api[key] else
                                f"CLI {json.dumps(from_cli[key])[:300]} API "
                                f"{json.dumps(from_api[key])[:300]}")
                suite.check(from_cli == from_api, f"{label}: the same answer")
                text = run("roadmap", "what-if", "Current state", *cli_target, *args)
                before, after = from_api["before"], from_api["after"]
                suite.check(f"open gaps: {before['open_gaps']} now, {after['open_gaps']} with the "
                            "actions done" in text, f"{label}: the CLI's text shows the open gaps",
                            text[:300])
                suite.check(f"mean gap: {shown(before['mean_gap'])} now, "
                            f"{shown(after['mean_gap'])} with the actions done" in text,
                            f"{label}: the CLI's text shows the mean gap with one decimal",
                            text[:300])
                for fn in from_api["functions"]:
                    row = re.search(r"^" + re.escape(fn["id"]) + r" .*$", text, re.M)
                    cells = row.group(0).split()[-3:] if row else []
                    want = [shown(fn["current"]), shown(fn["with_actions"]), shown(fn["target"])]
                    suite.check(cells == want, f"{label}: {fn['id']} reads the same in the text",
                                f"text {cells} API {want}")
                suite.check(after["open_gaps"] < before["open_gaps"]
                            and after["figures"]["open_gaps"] < before["figures"]["open_gaps"],
                            f"{label}: the actions close gaps",
                            f"{before['open_gaps']} -> {after['open_gaps']}")
                lower = [fn["id"] for fn in from_api["functions"]
                         if fn["current"] is not None and (fn["with_actions"] or 0) < fn["current"]]
                suite.check(not lower, f"{label}: no function is lower with the actions done",
                            str(lower))
            same = api(f"/api/v1/profiles/{pid}/what-if")
            suite.check(same["before"] == same["after"] and same["outcomes"] == [],
                        "without actions, after is before")
            gaps = api(f"/api/v1/profiles/{pid}/gaps?limit=5000")
            suite.check(same["before"]["figures"] == gaps["figures"]
                        and same["before"]["open_gaps"] == gaps["open_gaps"]
                        and same["before"]["mean_gap"] == gaps["mean_gap"],
                        "before is the gap analysis's figures")
        finally:
            server.stop()
    return suite.finish()


if __name__ == "__main__":
    sys.exit(main())
