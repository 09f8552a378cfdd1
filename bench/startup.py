#!/usr/bin/env python3
"""Start-up time of the binary with the whole built-in catalog: the wall time of
`cyberframe catalog list` (every catalog file parsed, checked and indexed, then one table
printed), and of `cyberframe --version` as the floor without the catalog, each the median of N
runs.  Prints a Markdown table row per command.

    python3 bench/startup.py build/cyberframe [RUNS]
"""
import statistics
import subprocess
import sys
import time


def timed(argv, runs):
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), min(samples), max(samples)


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    binary = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) == 3 else 21
    print("| command | median | min - max |")
    print("|---|---|---|")
    for argv in ([binary, "--version"], [binary, "catalog", "list"],
                 [binary, "catalog", "list", "--kind", "framework"]):
        median, low, high = timed(argv, runs)
        print(f"| `{' '.join(['cyberframe'] + argv[1:])}` | {median:.1f} ms | {low:.1f} - {high:.1f} ms |")


if __name__ == "__main__":
    main()
