#!/usr/bin/env python3
"""A writer at a steady rate, for the mixed row of bench/server/run: PUTs the subcategories of one
profile in turn, RATE a second on one kept-alive connection, each with the node's latest ETag
(from the 200, or from a 412's answer), until SECONDS have passed. Requests go out on a fixed
schedule (the i-th at start + i / RATE; one that is late goes at once), so the rate does not
depend on how fast the server answers, as long as it answers within the interval. Prints one
line "BENCH_JSON {...}" in the shape of report.lua's.

  writer.py BASE_URL AUTH_HEADER PROFILE NODES_FILE RATE SECONDS
"""
import http.client
import json
import sys
import time
import urllib.parse


def main():
    base, auth, profile, nodes_file, rate, seconds = sys.argv[1:]
    rate, seconds = float(rate), float(seconds)
    name, _, value = auth.partition(": ")
    url = urllib.parse.urlparse(base)
    etags = {}
    for line in open(nodes_file):
        node, etag = line.split()
        etags[node] = etag
    nodes = list(etags)
    conn = http.client.HTTPConnection(url.hostname, url.port)
    latencies, non2xx, conflicts, errors = [], 0, 0, 0
    start = time.monotonic()
    i = 0
    while True:
        due = start + i / rate
        now = time.monotonic()
        if due - start >= seconds:
            break
        if due > now:
            time.sleep(due - now)
        node = nodes[i % len(nodes)]
        body = json.dumps({"level": 2 + i % 2})
        sent = time.monotonic()
        try:
            conn.request("PUT", f"/api/v1/profiles/{profile}/nodes/{node}", body=body,
                         headers={name: value, "Content-Type": "application/json",
                                  "If-Match": etags[node]})
            r = conn.getresponse()
            r.read()
            if r.getheader("ETag"):
                etags[node] = r.getheader("ETag")
            if not 200 <= r.status < 300:
                non2xx += 1
            if r.status == 412:
                conflicts += 1
        except (OSError, http.client.HTTPException):
            errors += 1
            conn.close()
            conn = http.client.HTTPConnection(url.hostname, url.port)
        latencies.append((time.monotonic() - sent) * 1000)
        i += 1
    elapsed = time.monotonic() - start
    latencies.sort()

    def pct(p):
        return latencies[min(len(latencies) - 1, int(len(latencies) * p / 100))] if latencies else 0

    print("BENCH_JSON " + json.dumps({
        "requests": len(latencies), "seconds": round(elapsed, 3),
        "rps": round(len(latencies) / elapsed, 1), "bytes": 0,
        "p50_ms": round(pct(50), 3), "p90_ms": round(pct(90), 3), "p99_ms": round(pct(99), 3),
        "max_ms": round(latencies[-1], 3) if latencies else 0,
        "non2xx": non2xx, "conflicts": conflicts, "socket_errors": errors}))


if __name__ == "__main__":
    main()
