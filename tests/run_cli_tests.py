#!/usr/bin/env python3
"""Runs a command-line test file: commands with their expected exit status and output.

Format (see tests/cli/README.md):

    # a comment
    $ catalog show nope
    exit 2
    stderr:
    cyberframe: error: unknown catalog id 'nope' (see 'cyberframe catalog list')
    ====
    $ catalog list --kind framework --format csv
    exit 0
    stdout contains:
    iso-tr-27103-2018,5,22,88,0,transcribed,

Each case starts with `$ ARGS` (split like a shell would; the cyberframe binary is prepended).
`exit N` is required. `stdout:` / `stderr:` are followed by the exact expected text; `stdout
contains:` / `stderr contains:` by lines that must each occur; `stdout lacks:` by lines that must
not. `{data}` is tests/data, `{tmp}` a fresh temporary directory per file, `{shared}` ../shared.
`% COMMAND` lines before `$` run a shell command first (to make inputs, e.g. a large file).
`$ ARGS < FILE` gives FILE (in the temporary directory) on standard input; otherwise it is empty.
With UPDATE_GOLDEN=1 the exact `stdout:` / `stderr:` sections are rewritten from the actual output.
"""

import os
import re
import shlex
import subprocess
import sys
import tempfile

SECTION = re.compile(r"^(stdout|stderr)( contains| lacks)?:$")


def parse(path):
    cases, case, section = [], None, None
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for number, line in enumerate(lines, 1):
        if line == "====":
            if case:
                cases.append(case)
            case, section = None, None
            continue
        if section is None and (line.startswith("#") or line == ""):
            continue
        if case is None:
            case = {"line": number, "setup": [], "args": None, "exit": None, "sections": []}
        if line.startswith("% ") and case["args"] is None:
            case["setup"].append(line[2:])
            continue
        if line.startswith("$ ") and case["args"] is None:
            case["args"] = line[2:]
            continue
        m = re.match(r"^exit (\d+)$", line)
        if m and section is None:
            case["exit"] = int(m.group(1))
            continue
        m = SECTION.match(line)
        if m:
            section = {"stream": m.group(1), "mode": (m.group(2) or " exact").strip(), "lines": [],
                       "line": number}
            case["sections"].append(section)
            continue
        if section is None:
            raise SystemExit(f"{path}:{number}: unexpected line {line!r}")
        section["lines"].append(line)
    if case:
        cases.append(case)
    for c in cases:
        if c["args"] is None or c["exit"] is None:
            raise SystemExit(f"{path}:{c['line']}: a case needs '$ ARGS' and 'exit N'")
    return cases, lines


def main():
    binary, path = os.path.abspath(sys.argv[1]), sys.argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    update = os.environ.get("UPDATE_GOLDEN") == "1"
    cases, lines = parse(path)
    failures, passed = 0, 0
    rewrites = []
    with tempfile.TemporaryDirectory(prefix="cyberframe-cli-") as tmp:
        subst = {"{data}": os.path.join(here, "data"), "{tmp}": tmp, "{bin}": binary,
                 "{shared}": os.path.normpath(os.path.join(here, "..", "..", "shared"))}

        def expand(text):
            for k, v in subst.items():
                text = text.replace(k, v)
            return text

        env = dict(os.environ)
        for name in ("CYBERFRAME_CATALOG", "CYBERFRAME_AUDIT_KEY_FILE", "CYBERFRAME_AUDIT_ANCHOR_FILE"):
            env.pop(name, None)
        env["COLUMNS"] = "200"
        for case in cases:
            for cmd in case["setup"]:
                subprocess.run(expand(cmd), shell=True, check=True, cwd=tmp)
            words = shlex.split(case["args"])
            stdin_text = ""
            if len(words) >= 2 and words[-2] == "<":  # "$ ARGS < FILE": FILE on standard input
                with open(os.path.join(tmp, expand(words[-1])), encoding="utf-8") as f:
                    stdin_text = f.read()
                words = words[:-2]
            args = [binary] + [expand(a) for a in words]
            proc = subprocess.run(args, capture_output=True, text=True, env=env, cwd=tmp, timeout=120,
                                  input=stdin_text)
            out = {"stdout": proc.stdout.replace(tmp, "{tmp}").replace(subst["{data}"], "{data}"),
                   "stderr": proc.stderr.replace(tmp, "{tmp}").replace(subst["{data}"], "{data}")}
            problems = []
            if proc.returncode != case["exit"]:
                problems.append(f"exit status {proc.returncode}, expected {case['exit']}")
            for s in case["sections"]:
                actual = out[s["stream"]]
                if s["mode"] == "exact":
                    expected = "\n".join(s["lines"]) + ("\n" if s["lines"] else "")
                    if actual != expected:
                        if update:
                            rewrites.append((s, actual))
                        else:
                            problems.append(f"{s['stream']} differs:\n--- expected\n{expected}--- actual\n{actual}---")
                elif s["mode"] == "contains":
                    for want in s["lines"]:
                        if want not in actual:
                            problems.append(f"{s['stream']} lacks {want!r}")
                else:
                    for unwanted in s["lines"]:
                        if unwanted in actual:
                            problems.append(f"{s['stream']} has {unwanted!r}")
            if problems:
                failures += 1
                print(f"FAIL {path}:{case['line']}: $ {case['args']}")
                for p in problems:
                    print("  " + p.replace("\n", "\n  "))
                if not any(s["stream"] == "stderr" for s in case["sections"]) and proc.stderr:
                    print("  stderr was:\n  " + out["stderr"].replace("\n", "\n  "))
            else:
                passed += 1
    if rewrites:
        for s, actual in sorted(rewrites, key=lambda r: -r[0]["line"]):
            start = s["line"]  # 1-based line of the "stdout:" header; content follows
            new = actual[:-1].split("\n") if actual.endswith("\n") else actual.split("\n")
            if actual == "":
                new = []
            lines[start:start + len(s["lines"])] = new
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        print(f"rewrote {len(rewrites)} section(s) of {path}")
    print(f"{passed} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
