#!/usr/bin/env python3
"""The executive report is one A4 page for the board: printed by Chromium, counted by pdfinfo.

Usage: one_page.py CYBERFRAME_BINARY [OUT_DIR]

Prints the executive report of the demo (TR 27103: a target, three snapshots, a roadmap), of its
projections onto NIST CSF 2.0 (six functions, no target) and ISO/IEC 27001:2022 Annex A (93
controls: too many categories for the heat map), and of an empty profile of NIST SP 800-53
MODERATE (twenty families: the function table in two columns) through Chromium's own PDF printing
(--print-to-pdf, the A4 page and margins of the report's @page rule), then reads each PDF with
pdfinfo: one page, A4. The practitioner report of the demo must take more than one page (the
check can fail). With OUT_DIR the PDFs are kept there for a look (pdftoppm -png).
"""
import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile


def run(argv, **kw):
    r = subprocess.run(argv, capture_output=True, text=True, timeout=180, **kw)
    if r.returncode != 0:
        sys.exit(f"FAIL {' '.join(argv)}: exit {r.returncode}\n{r.stdout}\n{r.stderr}")
    return r.stdout


def chromium():
    for name in (os.environ.get("CHROMIUM", ""), "chromium", "chromium-browser", "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    sys.exit("FAIL no Chromium to print with (make test installs the chromium package)")


def print_pdf(browser, html, pdf, work):
    # A profile directory of its own, so that parallel tests never share one.
    profile = tempfile.mkdtemp(dir=work, prefix="chromium-")
    run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         "--no-first-run", f"--user-data-dir={profile}", f"--print-to-pdf={pdf}",
         "file://" + os.path.abspath(html)])
    if not os.path.exists(pdf):
        sys.exit(f"FAIL Chromium wrote no PDF for {html}")


def pdf_pages(pdf):
    info = run(["pdfinfo", pdf])
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    return pages, (float(size.group(1)), float(size.group(2)))


def main():
    binary = os.path.abspath(sys.argv[1])
    keep = sys.argv[2] if len(sys.argv) > 2 else None
    if shutil.which("pdfinfo") is None:
        sys.exit("FAIL no pdfinfo (make test installs poppler-utils)")
    browser = chromium()
    failures = 0
    with tempfile.TemporaryDirectory() as work:
        db = os.path.join(work, "w.db")

        def cf(*args):
            return run([binary, "--db", db, *args])

        cf("init")
        cf("demo")
        cf("profile", "project", "Current state", "--to", "nist-csf-2.0")
        cf("profile", "project", "Current state", "--to", "iso-iec-27001-2022-annex-a")
        # NIST CSF 2.0 in full: a target for every subcategory and two snapshots, the fullest page
        # of the built-in frameworks (six functions, six rows of heat map, five gaps, the trend).
        csf = "Current state on nist-csf-2.0"
        cf("profile", "create", "--org", "Demo Manufacturing Ltd", "--framework", "nist-csf-2.0",
           "--kind", "target", "--name", "CSF 2.0 target")
        exported = os.path.join(work, "csf.csv")
        cf("profile", "export", csf, "-o", exported)
        with open(exported, encoding="utf-8-sig", newline="") as f:
            rows = [r for r in csv.DictReader(f) if "-" in r["node"]]
        target = os.path.join(work, "target.csv")
        with open(target, "w", encoding="utf-8", newline="") as f:
            out = csv.writer(f)
            out.writerow(["node", "level", "owner", "priority"])
            for r in rows:
                out.writerow([r["node"], "4", "Head of information security operations", "1"])
        cf("profile", "import", "CSF 2.0 target", target)
        cf("assessment", "freeze", csf, "--name", "First look", "--date", "2026-01-15")
        cf("profile", "set", csf, rows[0]["node"], "--level", "3")
        cf("assessment", "freeze", csf, "--name", "Second look", "--date", "2026-06-30")
        cf("profile", "create", "--org", "Demo Manufacturing Ltd", "--framework",
           "nist-sp-800-53-rev5-moderate", "--kind", "current", "--name", "SP 800-53 start")
        cases = [
            ("demo", "Current state", "executive", 1),
            ("annex-a", "Current state on iso-iec-27001-2022-annex-a", "executive", 1),
            ("sp800-53", "SP 800-53 start", "executive", 1),
            ("demo-practitioner", "Current state", "practitioner", None),
        ]
        cases.insert(1, ("csf2-target", csf, "executive", 1))
        for name, profile, audience, want in cases:
            html = os.path.join(work, name + ".html")
            pdf = os.path.join(keep or work, name + ".pdf")
            extra = ["--target", "CSF 2.0 target"] if name == "csf2-target" else []
            cf("report", profile, "--audience", audience, "-o", html, *extra)
            print_pdf(browser, html, pdf, work)
            pages, (w, h) = pdf_pages(pdf)
            a4 = abs(w - 595.3) < 2 and abs(h - 841.9) < 2
            ok = a4 and (pages == want if want else pages > 1)
            expect = f"{want} page" if want else "more than one page"
            print(f"{'ok  ' if ok else 'FAIL'} {audience} report of '{profile}': {pages} page(s) of "
                  f"{w:.0f} x {h:.0f} pt (want {expect}, A4)")
            failures += 0 if ok else 1
    print(f"{failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
