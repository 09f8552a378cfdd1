"""Checks `review prepare --format json`: keys a-g and profile, each {title, summary, records},
and the refs each input must have drawn from (INPUT=REF,REF ... on the command line)."""
import json
import sys

d = json.load(open(sys.argv[1]))
for key in ["a", "b", "c", "d", "e", "f", "g", "profile"]:
    assert key in d, (key, list(d))
    i = d[key]
    assert isinstance(i["title"], str) and i["title"], (key, i)
    assert isinstance(i["summary"], dict), (key, i)
    assert isinstance(i["records"], list), (key, i)
    for r in i["records"]:
        assert ("register" in r) != ("kind" in r), r
        for f in ["ref", "title", "status", "why"]:
            assert f in r, (key, r)
for spec in sys.argv[2:]:
    if "==" in spec:
        name, value = spec.split("==")
        if ":" in name:
            key, count = name.split(":", 1)
            assert d[key]["summary"][count] == int(value), (key, count, d[key]["summary"])
        else:
            assert str(d[name]).lower() == value, (name, d[name])
    else:
        key, refs = spec.split("=", 1)
        got = [r["ref"] for r in d[key]["records"]]
        for ref in refs.split(","):
            if ref.startswith("!"):
                assert ref[1:] not in got, (key, ref, got)
            else:
                assert ref in got, (key, ref, got)
print("ok")
