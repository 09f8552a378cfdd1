#!/usr/bin/env python3
"""Peak memory of the CLI on the hostile inputs of issue 10 (findings 4 and 5).

Each input is generated here (nothing big is committed), by a child process so that this one
stays small (a child's peak RSS counts what it inherited before exec), then given to the CLI in a
child process whose peak RSS is read with wait4(). Every input must be refused (exit 2) with the message of the
limit it passes, and its peak must stay under 64 MiB above an idle run of the same binary.
Usage: memory.py CYBERFRAME
"""
import os
import subprocess
import sys
import tempfile
import zipfile

MAX_ABOVE_IDLE = 64 * 1024 * 1024
MIB = 1024 * 1024

binary = os.path.abspath(sys.argv[1])
work = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(prefix="cyberframe-memory-")


def path(name):
    return os.path.join(work, name)


def run(args):
    """(exit status, peak RSS in bytes, output) of one run of the CLI."""
    with open(path("out.txt"), "wb") as out:
        proc = subprocess.Popen([binary] + args, stdout=out, stderr=subprocess.STDOUT, cwd=work)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    with open(path("out.txt"), encoding="utf-8", errors="replace") as f:
        return proc.returncode, usage.ru_maxrss * 1024, f.read()


def write_zip(name, parts):
    """parts: {name: iterable of str chunks}, written as they come (the bombs never sit in memory)."""
    with zipfile.ZipFile(path(name), "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        for part, chunks in parts.items():
            with z.open(part, "w") as f:
                for chunk in chunks:
                    f.write(chunk.encode())


MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHEET = f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>'
RELS = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')


def workbook(filler_chunks):
    yield (f'<workbook xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">')
    yield from filler_chunks
    yield '<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'


def repeated(piece, total_bytes, chunk=1 << 20):
    block = piece * (chunk // len(piece))
    for _ in range(total_bytes // len(block)):
        yield block


def generate():
    n = 8 * MIB
    with open(path("seq.yaml"), "w") as f:
        f.write("[" + ",".join(["a"] * (n // 2)) + "]\n")
    with open(path("seq-profile.yaml"), "w") as f:
        f.write("profile: now\nframework: iso-tr-27103-2018\nnodes: [" + ",".join(["a"] * (n // 2)) + "]\n")
    with open(path("ones.json"), "w") as f:
        f.write('{"catalog":[' + ",".join(["1"] * (n // 2)) + "]}")
    with open(path("huge-row.csv"), "w") as f:
        f.write("node,level\n" + "," * (48 * MIB) + "\n")
    with open(path("huge.csv"), "w") as f:
        f.write("node,level\n")
        f.truncate(100 * MIB)
    # Finding 4: sharedStrings inflating to 250 MiB; a 64 MiB workbook.xml.
    write_zip("shared-bomb.xlsx", {
        "xl/workbook.xml": workbook([]), "xl/_rels/workbook.xml.rels": [RELS],
        "xl/worksheets/sheet1.xml": [SHEET],
        "xl/sharedStrings.xml": [f'<sst xmlns="{MAIN}">', *repeated("<si><t>node</t></si>", 250 * MIB), "</sst>"]})
    write_zip("workbook-bomb.xlsx", {
        "xl/workbook.xml": workbook(repeated("<x/>", 64 * MIB)), "xl/_rels/workbook.xml.rels": [RELS],
        "xl/worksheets/sheet1.xml": [SHEET],
        "xl/sharedStrings.xml": [f'<sst xmlns="{MAIN}"><si><t>node</t></si></sst>']})


def main():
    subprocess.run([sys.executable, __file__, binary, work, "--generate"], check=True)
    setup = [["--db", "w.db", "init"], ["--db", "w.db", "org", "create", "Acme"],
             ["--db", "w.db", "profile", "create", "--name", "now", "--org", "Acme",
              "--framework", "iso-tr-27103-2018", "--kind", "current"]]
    for args in setup:
        status, _, out = run(args)
        assert status == 0, out
    _, idle, _ = run(["--db", "w.db", "profile", "list"])
    cases = [
        ("OSCAL YAML [a,a,...] 8 MiB", ["oscal", "convert", "seq.yaml", "--to", "json", "-o", "out.json"],
         "too many nodes: an OSCAL document may hold at most 1,000,000 nodes"),
        ("OSCAL JSON [1,1,...] 8 MiB", ["oscal", "convert", "ones.json", "--to", "yaml", "-o", "out.yaml"],
         "too many nodes: an OSCAL document may hold at most 1,000,000 nodes"),
        ("profile YAML [a,a,...] 8 MiB", ["--db", "w.db", "profile", "import", "now", "seq-profile.yaml"],
         "too many nodes: a profile file may hold at most 500,000 nodes"),
        ("XLSX shared strings 250 MiB", ["--db", "w.db", "profile", "import", "now", "shared-bomb.xlsx"],
         "too many shared strings: an XLSX workbook may hold at most 400,000 shared strings"),
        ("XLSX workbook.xml 64 MiB", ["--db", "w.db", "profile", "import", "now", "workbook-bomb.xlsx"],
         "an XLSX workbook may hold at most"),
        ("CSV one row of 48 MiB commas", ["--db", "w.db", "profile", "import", "now", "huge-row.csv"],
         "too many cells in one row: a profile file may hold at most 64 cells in one row"),
        ("CSV of 100 MiB", ["--db", "w.db", "profile", "import", "now", "huge.csv"],
         "a profile file may hold at most 67,108,864 bytes"),
    ]
    failed = 0
    print(f"idle: {idle / MIB:.1f} MiB")
    for name, args, message in cases:
        status, peak, out = run(args)
        above = peak - idle
        ok = status == 2 and message in out and above < MAX_ABOVE_IDLE
        failed += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {name}: exit {status}, peak {peak / MIB:.1f} MiB "
              f"({above / MIB:+.1f} MiB above idle)")
        if not ok:
            print("     " + out.strip()[:400].replace("\n", "\n     "))
    status, _, out = run(["--db", "w.db", "profile", "show", "now", "-f", "json"])
    assert status == 0, out
    print(f"{len(cases) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    if sys.argv[-1] == "--generate":
        generate()
        sys.exit(0)
    sys.exit(main())
