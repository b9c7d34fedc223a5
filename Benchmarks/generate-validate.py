#!/usr/bin/env python3
"""Generate + validate 10,000 records from one CSV batch; compare our validator with xmllint.

Builds a CSV of N placement notices by repeating the JP sample batch with fresh ids,
then times, in one run:
  1. `inclusio generate` (parse CSV, build, validate in memory, write) -> records/s
  2. `inclusio validate` over the written files (schema compiled once, both cores)
  3. `xmllint --noout --schema` over the same files (schema compiled once, one process)
and prints per-file times and the ratio. Usage: generate-validate.py [N] (default 10000).
"""
import csv, os, resource, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build", "debug", "inclusio")
SAMPLE = os.path.join(ROOT, "Samples", "cases", "JP-11", "notices.csv")


def timed(command):
    """Wall-clock seconds and CPU seconds (user + system) of one run of `command`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(command[:3])} …\n{result.stderr[-2000:]}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    binary = os.environ.get("INCLUSIO", BIN)
    with open(SAMPLE, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header, samples = rows[0], rows[1:]
    id_column = header.index("id")
    work = tempfile.mkdtemp(prefix="inclusio-bench-")
    try:
        batch = os.path.join(work, "batch.csv")
        with open(batch, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            for n in range(count):
                row = list(samples[n % len(samples)])
                row[id_column] = f"BENCH-{n:06d}"
                writer.writerow(row)
        out = os.path.join(work, "records")
        generate, _ = timed([binary, "generate", batch, "-o", out])
        files = sorted(os.path.join(out, name) for name in os.listdir(out))
        assert len(files) == count, f"expected {count} records, got {len(files)}"
        ours, ours_cpu = timed([binary, "validate", out])
        peer, peer_cpu = timed(["xmllint", "--noout", "--schema", os.path.join(ROOT, "Schemas", "placement.xsd")] + files)
        print(f"records:               {count} placement notices from one CSV")
        print(f"generate + validate:   {generate:.2f} s  = {count / generate:,.0f} records/s (build, validate, write)")
        print(f"validate, inclusio:    {ours:.2f} s  = {ours / count * 1e6:,.0f} µs/file wall, {ours_cpu / count * 1e6:,.0f} µs/file CPU (schema compiled once, all cores)")
        print(f"validate, xmllint:     {peer:.2f} s  = {peer / count * 1e6:,.0f} µs/file wall, {peer_cpu / count * 1e6:,.0f} µs/file CPU (schema compiled once, one process)")
        print(f"xmllint / inclusio:    {peer / ours:.2f}x wall, {peer_cpu / ours_cpu:.2f}x CPU")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
