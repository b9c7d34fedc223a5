#!/usr/bin/env python3
"""`inclusio due` over an archive of 100,000 document versions.

Builds an archive as Benchmarks/archive.py does (demo PKI, sample policy, the fixture records filed by one
real `archive ingest`), then extends its index with sqlite3 to N document versions: pupils copied from the
filed ones (same jurisdiction, schools spread over 40 per template), five documents each of their
jurisdiction's kinds, issue dates spread over two school years, each with the due facts the index keeps in clear
for it (versions.facts: a JP placement's admission type, entry date and wish flag; a certificate, one in ten
revoked). `due` reads only the index's clear columns (kind, issue date, school, facts), so copied rows with
their template's sealed keys and blobs are what it reads in a real archive of that size; `archive check`
would rightly call them damaged (and so would `due`, if their facts were left NULL for it to read). Then times, each as one process
(start-up, credential, the query, the deadlines of three jurisdictions, the output):
  table:  `inclusio due --on 2027-01-10` printing every finding on stdout;
  json:   the same with --json;
  csv:    -o due.csv;
  pdf:    -o due.pdf (one page, checked with pdfinfo).

Usage: Benchmarks/due.py [--binary .build/release/inclusio] [--documents 100000] [--runs 3] [--keep]
"""
import argparse, datetime, os, random, shutil, sqlite3, statistics, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from archive import ROOT, make_archive, make_records, run  # noqa: E402

KINDS = {
    "IT-MO": ["functional-diagnosis", "functional-profile", "iep", "staff-request", "iep"],
    "JP-11": ["placement", "iep", "placement", "iep", "iep"],
    "CN-FJ": ["placement", "iep", "certificate", "placement", "iep"],
}
PER_PUPIL = 5


def facts(jurisdiction, kind, issued, number):
    """The due facts ingest would record for such a version (Sources/Archive/DueFacts.swift)."""
    if kind == "placement" and jurisdiction == "JP-11":
        if number % 7 == 0:
            return "admission=転学"
        if number % 11 == 0:
            return "admission=就学 exempted"
        entry = f"{issued.year + (1 if issued.month >= 4 else 0)}-04-08"
        return f"admission=就学 entry={entry}" + (" wish=not-followed" if number % 13 == 0 else "")
    if kind == "certificate":
        return "certificate" + (f" revoked={issued.isoformat()}" if number % 10 == 0 else "")
    return ""


def extend(index, documents):
    """Adds pupils with PER_PUPIL documents each until the index holds `documents` versions."""
    random.seed(8)
    database = sqlite3.connect(index)
    columns = [row[1] for row in database.execute("PRAGMA table_info(pupils)")]
    templates = [dict(zip(columns, row)) for row in database.execute("SELECT * FROM pupils ORDER BY pseudonym")]
    version = database.execute("SELECT wrapped_key, sealed_details, blob, blob_size, ingested FROM versions LIMIT 1").fetchone()
    have = database.execute("SELECT COUNT(*) FROM versions").fetchone()[0]
    pupils = max(0, (documents - have) // PER_PUPIL)
    earliest = datetime.date(2025, 1, 1)
    with database:
        for number in range(pupils):
            template = dict(templates[number % len(templates)])
            pseudonym = f"P-B{number:010d}"
            template["pseudonym"] = pseudonym
            if template["school_code"]:
                template["school_code"] = f"{template['school_code']}-{number % 40:02d}"
            database.execute(f"INSERT INTO pupils ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                             [template[column] for column in columns])
            for slot, kind in enumerate(KINDS.get(template["jurisdiction"], KINDS["IT-MO"])[:PER_PUPIL]):
                document = f"D-B{number:08d}{slot}"
                day = earliest + datetime.timedelta(days=random.randrange(740))
                # due reads no key: the class is only there because the index requires one.
                database.execute("INSERT INTO documents (id, pseudonym, kind, record_id, key_class) VALUES (?, ?, ?, ?, 'educational')",
                                 (document, pseudonym, kind, f"BENCH-{number}-{slot}"))
                database.execute("INSERT INTO versions (document, version, content_token, media_type, size, issued, ingested, ingested_by, "
                                 "wrapped_key, sealed_details, blob, blob_size, facts) VALUES (?, 1, ?, 'application/xml', 4000, ?, ?, 'office', ?, ?, ?, ?, ?)",
                                 (document, os.urandom(32), day.isoformat(), version[4], version[0], version[1], version[2], version[3],
                                  facts(template["jurisdiction"], kind, day, number)))
    total = database.execute("SELECT COUNT(*) FROM versions").fetchone()[0]
    count = database.execute("SELECT COUNT(*) FROM pupils").fetchone()[0]
    database.close()
    return total, count


def timed(command, runs):
    """Best and median wall time of `runs` runs of `command(attempt)`, and the last run's stdout."""
    walls = []
    for attempt in range(runs):
        wall, out = run(command(attempt))
        walls.append(wall)
    return min(walls), statistics.median(walls), out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "inclusio"))
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", action="store_true")
    options = parser.parse_args()
    binary = os.path.abspath(options.binary)
    os.environ.setdefault("INCLUSIO_HOME", ROOT)
    work = tempfile.mkdtemp(prefix="inclusio-due-bench-")
    try:
        inputs = os.path.join(work, "records")
        make_records(inputs, 40)
        keys, archive = make_archive(binary, work)
        office = ["--path", archive, "--as", "office", "--key", os.path.join(keys, "office.key"), "--purpose", "annual-review"]
        run([binary, "archive", "ingest", inputs] + office)
        versions, pupils = extend(os.path.join(archive, "index.sqlite"), options.documents)
        due = [binary, "due", "--on", "2027-01-10"] + office
        print(f"inclusio due over {versions} document versions of {pupils} pupils ({options.runs} runs each, best / median):")
        best, median, out = timed(lambda _: due, options.runs)
        print(f"table   {best:6.3f} s / {median:6.3f} s  ({out.count(chr(10))} lines on stdout)")
        best, median, _ = timed(lambda _: due + ["--json"], options.runs)
        print(f"json    {best:6.3f} s / {median:6.3f} s")
        best, median, _ = timed(lambda attempt: due + ["-o", os.path.join(work, f"due-{attempt}.csv")], options.runs)
        print(f"csv     {best:6.3f} s / {median:6.3f} s  ({os.path.getsize(os.path.join(work, 'due-0.csv')) / 1e6:.1f} MB)")
        best, median, _ = timed(lambda attempt: due + ["-o", os.path.join(work, f"due-{attempt}.pdf")], options.runs)
        info = subprocess.run(["pdfinfo", os.path.join(work, "due-0.pdf")], capture_output=True, text=True).stdout
        pages = next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "?")
        print(f"pdf     {best:6.3f} s / {median:6.3f} s  ({pages} page)")
    finally:
        if options.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
