#!/usr/bin/env python3
"""`make run` installs what building and running need, and no test tools; `make test` adds them.

Runs scripts/bootstrap with and without --test on a pretend machine where no package is
installed (dpkg-query answers "not installed"; apt-get records what it was asked for and installs
nothing) and checks the two lists.

Usage: bootstrap.py REPO_DIR
"""
import os
import pathlib
import stat
import subprocess
import sys
import tempfile

TEST_TOOLS = {"chromium", "wrk", "nginx-light", "libgtest-dev", "clang-format", "clang-19", "libclang-rt-19-dev",
              "libfuzzer-19-dev", "poppler-utils", "postgresql", "python3-aiosmtpd"}
NEEDED = {"g++", "cmake", "ninja-build", "libsqlite3-dev", "libpq-dev", "libboost1.81-dev", "python3",
          "libcurl4-openssl-dev"}


def asked(repo: pathlib.Path, args: list[str]) -> set[str]:
    with tempfile.TemporaryDirectory() as tmp:
        bin_dir = pathlib.Path(tmp)
        log = bin_dir / "apt.log"
        for name, body in {
            "dpkg-query": "exit 1",
            "apt-get": f'echo "$@" >> "{log}"',
            "sudo": '"$@"',
        }.items():
            path = bin_dir / name
            path.write_text("#!/bin/sh\n" + body + "\n")
            path.chmod(path.stat().st_mode | stat.S_IEXEC)
        env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}")
        run = subprocess.run([str(repo / "scripts" / "bootstrap"), *args], env=env,
                             capture_output=True, text=True, timeout=600)
        if run.returncode != 0:
            sys.exit(f"scripts/bootstrap {' '.join(args)} failed:\n{run.stdout}{run.stderr}")
        words = set()
        for line in log.read_text().splitlines():
            if line.startswith("install"):
                words |= {w for w in line.split() if not w.startswith("-") and w != "install"}
        return words


def main() -> int:
    repo = pathlib.Path(sys.argv[1])
    run_set = asked(repo, [])
    test_set = asked(repo, ["--test"])
    problems = []
    if run_set & TEST_TOOLS:
        problems.append(f"make run would install test tools: {sorted(run_set & TEST_TOOLS)}")
    if not NEEDED <= run_set:
        problems.append(f"make run would not install {sorted(NEEDED - run_set)}")
    if not TEST_TOOLS <= test_set:
        problems.append(f"make test would not install {sorted(TEST_TOOLS - test_set)}")
    if not run_set <= test_set:
        problems.append(f"make test would leave out {sorted(run_set - test_set)}")
    for p in problems:
        print(p)
    if problems:
        return 1
    print(f"make run installs {len(run_set)} packages, no test tools; make test {len(test_set)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
