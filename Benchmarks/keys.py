#!/usr/bin/env python3
"""Keys by scope (issue 17): what rotation, backup and restore cost on an archive of N documents.

Files N distinct records (Benchmarks/archive.py's copies of the fixture records, so a few pupils with many
versions each) in a new local archive with the sample policy, then times, one process each, as the
administrator:
  rekey --scope:   a school's keys of every class replaced, and every pupil key under them, their document
                   keys and details sealed again (no blob touched);
  backup:          a snapshot of the index (VACUUM INTO), every pupil key wrapped under its backup key of the
                   period, the copy vacuumed, blobs, key files and log copied durably;
  restore:         that backup made an archive again in a new folder, pupil keys re-wrapped under scope keys;
  rekey --master:  every key below the master re-wrapped, the key file sealed again.
Each includes start-up and the administrator's scrypt (about 0.1 s).

Usage: Benchmarks/keys.py [--binary .build/release/inclusio] [--documents 2000] [--keep]
"""
import argparse, os, shutil, sqlite3, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from archive import ROOT, make_archive, make_records, run  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "inclusio"))
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--keep", action="store_true")
    options = parser.parse_args()
    binary = os.path.abspath(options.binary)
    os.environ.setdefault("INCLUSIO_HOME", ROOT)
    work = tempfile.mkdtemp(prefix="inclusio-keys-bench-")
    try:
        inputs = os.path.join(work, "records")
        make_records(inputs, options.documents)
        keys, archive = make_archive(binary, work)
        office = ["--path", archive, "--as", "office", "--key", os.path.join(keys, "office.key"), "--purpose", "benchmark"]
        admin = ["--path", archive, "--as", "admin", "--passphrase-file", os.path.join(work, "admin.pass"), "--purpose", "benchmark"]
        wall, _ = run([binary, "archive", "ingest", inputs] + office)
        index = sqlite3.connect(os.path.join(archive, "index.sqlite"))
        versions = index.execute("SELECT COUNT(*) FROM versions").fetchone()[0]
        school = index.execute("SELECT COUNT(*) FROM versions v JOIN documents d ON d.id = v.document JOIN pupils p "
                               "ON p.pseudonym = d.pseudonym WHERE p.school_code = 'MOIC80000X'").fetchone()[0]
        wraps = index.execute("SELECT COUNT(*) FROM pupil_keys").fetchone()[0]
        index.close()
        print(f"{versions} versions ({wraps} pupil-key wraps) filed in {wall:.1f} s; {school} versions at school MOIC80000X")
        wall, _ = run([binary, "archive", "rekey", "--scope", "MOIC80000X"] + admin)
        print(f"rekey --scope   {wall:6.2f} s  ({school} document keys and details sealed again: {school / wall:,.0f}/s)")
        wall, _ = run([binary, "archive", "backup", "--to", os.path.join(work, "backup"), "--period", "2026-12"] + admin)
        print(f"backup          {wall:6.2f} s  ({versions / wall:,.0f} versions/s)")
        wall, _ = run([binary, "archive", "restore", os.path.join(work, "backup"), "--to", os.path.join(work, "restored")] + admin)
        print(f"restore         {wall:6.2f} s  ({versions / wall:,.0f} versions/s)")
        wall, _ = run([binary, "archive", "rekey", "--master"] + admin)
        print(f"rekey --master  {wall:6.2f} s")
    finally:
        if options.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
