#!/usr/bin/env python3
"""Archive throughput: `inclusio archive ingest`, `check`, `search` and `get` on N documents.

Makes N distinct records from the fixture records (each copy gets its own document id, so each is a new document
of one of the fixture pupils), a demo PKI, and an archive with the sample policy; then times
  ingest:  one `archive ingest` of all N files (validate, seal with AES-256-GCM, write each blob durably, one
           SQLite transaction and one fsync'd log line per file): documents/s and MB/s;
  again:   the same files again (every one "already filed": validate and keyed digest only);
  check:   `archive check` (every blob read and hashed, no keys) and with the auditor's credential (every
           version decrypted);
  lookups: `archive search` and `archive get` (one process each: start-up, credential, one query);
and the cost of durability on this disk: the same ingest with the page cache doing the flushing would be faster,
so it also prints fsync/s measured directly (python os.fsync on a 4 KB file), the floor per document.

Usage: Benchmarks/archive.py [--binary .build/release/inclusio] [--documents 2000] [--keep]
"""
import argparse, os, re, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "Fixtures", "records")


def run(command, expect=0):
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if result.returncode != expect:
        sys.exit(f"{' '.join(command)} exited {result.returncode}:\n{result.stderr}")
    return wall, result.stdout


def fsync_rate(folder, count=200):
    path = os.path.join(folder, "fsync-probe")
    started = time.perf_counter()
    with open(path, "wb") as handle:
        for _ in range(count):
            handle.write(b"x" * 4096)
            handle.flush()
            os.fsync(handle.fileno())
    os.unlink(path)
    return count / (time.perf_counter() - started)


def make_records(inputs, count):
    """Writes `count` distinct records into `inputs`, copies of the fixture records each with its own id; returns their bytes."""
    os.makedirs(inputs)
    fixtures = sorted(name for name in os.listdir(FIXTURES) if name.endswith(".xml"))
    total = 0
    for index in range(count):
        name = fixtures[index % len(fixtures)]
        with open(os.path.join(FIXTURES, name), encoding="utf-8") as handle:
            text = handle.read()
        text = re.sub(r' id="([^"]+)"', lambda m: f' id="{m.group(1)[:50]}-B{index}"', text, count=1)
        data = text.encode("utf-8")
        total += len(data)
        with open(os.path.join(inputs, f"{index:06d}-{name}"), "wb") as handle:
            handle.write(data)
    return total


def make_archive(binary, work):
    """A demo PKI and a new archive in `work` with the sample policy, office (certificate) and auditor
    (passphrase `auditor.pass`) enrolled; returns the keys folder and the archive folder."""
    keys, archive = os.path.join(work, "keys"), os.path.join(work, "archive")
    run([binary, "keys", "init", keys])
    for name, secret in [("admin.pass", "benchmark admin"), ("auditor.pass", "benchmark auditor")]:
        with open(os.path.join(work, name), "w") as handle:
            handle.write(secret + "\n")
    admin = ["--path", archive, "--as", "admin", "--passphrase-file", os.path.join(work, "admin.pass")]
    run([binary, "archive", "init", "--path", archive, "--admin-passphrase-file", os.path.join(work, "admin.pass")])
    run([binary, "archive", "enrol", "office", "--cert", os.path.join(keys, "office.pem")] + admin)
    run([binary, "archive", "enrol", "auditor", "--new-passphrase-file", os.path.join(work, "auditor.pass")] + admin)
    return keys, archive


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "inclusio"))
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--keep", action="store_true")
    options = parser.parse_args()
    binary = os.path.abspath(options.binary)
    os.environ.setdefault("INCLUSIO_HOME", ROOT)
    work = tempfile.mkdtemp(prefix="inclusio-archive-bench-")
    try:
        inputs = os.path.join(work, "records")
        total = make_records(inputs, options.documents)
        keys, archive = make_archive(binary, work)
        office = ["--path", archive, "--as", "office", "--key", os.path.join(keys, "office.key"), "--purpose", "annual-review"]
        n, mb = options.documents, total / 1e6

        print(f"{n} records, {mb:.1f} MB, on {os.cpu_count()} cores; disk: {fsync_rate(work):.0f} fsync/s (4 KB writes)")
        wall, out = run([binary, "archive", "ingest", inputs] + office)
        assert out.count("filed as") == n, "not every record was filed"
        print(f"ingest        {wall:7.2f} s  {n / wall:8.0f} documents/s  {mb / wall:6.2f} MB/s  ({wall / n * 1000:.2f} ms per document)")
        wall, out = run([binary, "archive", "ingest", inputs] + office)
        assert out.count("already filed") == n, "a second ingest filed something again"
        print(f"ingest again  {wall:7.2f} s  {n / wall:8.0f} documents/s  (every one already filed)")
        wall, _ = run([binary, "archive", "check", "--path", archive])
        print(f"check         {wall:7.2f} s  {n / wall:8.0f} versions/s (digests of the encrypted files, no keys)")
        wall, _ = run([binary, "archive", "check", "--path", archive, "--as", "auditor", "--passphrase-file", os.path.join(work, "auditor.pass")])
        print(f"check --as    {wall:7.2f} s  {n / wall:8.0f} versions/s (every version decrypted; includes scrypt ~0.1 s)")
        wall, out = run([binary, "archive", "search", "--national-id", "RSSLCU20B17X000S"] + office)
        print(f"search        {wall * 1000:7.0f} ms (one process: start-up, credential, one token query)")
        document = re.search(r"D-[0-9A-Z]{12}", run([binary, "archive", "show", "--pupil", "RSSLCU20B17X000S"] + office)[1]).group(0)
        wall, _ = run([binary, "archive", "get", document, "-o", os.path.join(work, "copy.xml")] + office)
        print(f"get           {wall * 1000:7.0f} ms (one process: start-up, credential, decrypt, logged export)")
    finally:
        if options.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
