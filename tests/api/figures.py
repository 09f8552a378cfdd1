#!/usr/bin/env python3
"""The same figure reads the same everywhere: on the demo, the dashboard API, `cyberframe gap
--format json` and the three HTML reports give equal figures (core/figures.hpp): coverage
(assessed, applicable, not applicable, total, percent), the current and target scores, at target,
open gaps, the mean gap, and each function's and category's current, target and gap. Scores are
shown with one decimal of the API's hundredths, half away from zero; the reports mark each figure
with data-figure="NAME".

    figures.py BINARY
"""
import html.parser
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "security"))
from harness import Client, Server, Suite, cli_runner, shown_score, make_workspace  # noqa: E402


def shown(score):
    return shown_score(score, "\u2014")


class Figures(html.parser.HTMLParser):
    """The text of every element marked data-figure, by name."""

    def __init__(self):
        super().__init__()
        self.found = {}
        self.stack = []

    def handle_starttag(self, tag, attrs):
        name = dict(attrs).get("data-figure")
        self.stack.append([name, ""])

    def handle_endtag(self, tag):
        if not self.stack:
            return
        name, text = self.stack.pop()
        if name is not None:
            self.found.setdefault(name, text.strip())
        if self.stack:
            self.stack[-1][1] += text

    def handle_data(self, data):
        if self.stack:
            self.stack[-1][1] += data


def main():
    binary = os.path.abspath(sys.argv[1])
    suite = Suite("api.figures")
    with tempfile.TemporaryDirectory() as work:
        db = make_workspace(binary, work)

        cli = cli_runner(binary, db)

        from_cli = json.loads(cli("gap", "Current state", "--format", "json"))["figures"]
        reports = {}
        for audience in ("executive", "practitioner", "management"):
            path = os.path.join(work, audience + ".html")
            cli("report", "Current state", "--audience", audience, "-o", path)
            parser = Figures()
            with open(path, encoding="utf-8") as f:
                parser.feed(f.read())
            reports[audience] = parser.found
        server = Server(binary, db)
        try:
            root = Client(server.port, "root")
            status, _, body, _ = root.request("GET", "/api/v1/organizations/1/dashboard")
            if status != 200:
                raise SystemExit(f"dashboard: {status} {body[:300]!r}")
            dashboard = json.loads(body)
        finally:
            server.stop()

    figures = dashboard["figures"]
    suite.check(figures == from_cli, "the dashboard and `cyberframe gap` give the same figures",
                f"dashboard {json.dumps(figures)} CLI {json.dumps(from_cli)}")
    cov = figures["coverage"]
    suite.check(cov["applicable"] == cov["total"] - cov["not_applicable"] and cov["assessed"] > 0
                and cov["not_applicable"] > 0,
                "coverage counts the applicable outcomes (the demo has N/A ones)", json.dumps(cov))
    suite.check(figures["open_gaps"] > 10 and figures["at_target"] + figures["open_gaps"] ==
                figures["with_target"], "open gaps and at target add up to the targeted outcomes",
                json.dumps(figures))

    expected = {
        "coverage-assessed": str(cov["assessed"]),
        "coverage-applicable": str(cov["applicable"]),
        "coverage-not-applicable": str(cov["not_applicable"]),
        "coverage-total": str(cov["total"]),
        "coverage-percent": f"{cov['percent']}%",
        "current": shown(figures["current"]),
        "target": shown(figures["target"]),
        "at-target": str(figures["at_target"]),
        "at-target-percent": f"{figures['at_target_percent']}%",
        "open-gaps": str(figures["open_gaps"]),
        "with-target": str(figures["with_target"]),
        "mean-gap": shown(figures["mean_gap"]),
    }
    for node in dashboard["functions"] + dashboard["categories"]:
        expected["current:" + node["id"]] = shown(node["current"])
        expected["target:" + node["id"]] = shown(node["target"])
        expected["gap:" + node["id"]] = shown(node["gap"]) if node["target"] is not None else "\u2014"
    must = {
        "executive": ["coverage-assessed", "coverage-percent", "current", "target",
                      "at-target-percent", "at-target", "open-gaps", "mean-gap", "with-target"],
        "practitioner": ["coverage-assessed", "coverage-not-applicable", "open-gaps", "mean-gap",
                         "with-target"],
        "management": ["coverage-assessed", "current", "target"],
    }
    for audience, found in reports.items():
        missing = [name for name in must[audience] if name not in found]
        suite.check(not missing, f"the {audience} report shows its key figures", str(missing))
        per_node = [name for name in found if ":" in name]
        if audience != "management":
            suite.check(len(per_node) >= 15, f"the {audience} report shows per-function figures",
                        str(len(per_node)))
        wrong = {name: (text, expected.get(name)) for name, text in found.items()
                 if expected.get(name) is not None and text != expected[name]}
        unknown = [name for name in found if name not in expected]
        suite.check(not wrong, f"the {audience} report's figures equal the dashboard's",
                    json.dumps(wrong, ensure_ascii=False)[:600])
        suite.check(not unknown, f"every figure of the {audience} report is one the API gives",
                    str(unknown))
    return suite.finish()


if __name__ == "__main__":
    sys.exit(main())
