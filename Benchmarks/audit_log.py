#!/usr/bin/env python3
"""Access-log throughput: append, verify and prove on a log of N entries (default 1,000,000).

Runs the release build's `inclusio-audit-log-benchmark` in a temporary folder, which
  appends N entries in commands of 100 (one fsync per command, a signed checkpoint at each command's end),
  appends a sample with one fsync per entry,
  verifies the whole log (every entry parsed, its link and HMAC seal checked, the RFC 6962 tree rebuilt and
  checked against every stored checkpoint), and
  builds the tree from the log and makes 1,000 inclusion proofs;
then runs `openssl speed sha256` on the same machine for the physical limit of hashing, and prints the ratio.
A Python check of one proof (Benchmarks/verify_inclusion.py) closes the run.

Usage: Benchmarks/audit_log.py [--binary .build/release/inclusio-audit-log-benchmark] [--entries 1000000]
"""
import argparse, json, os, re, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def openssl_sha256_mb_per_s(block: int) -> float:
    """OpenSSL's SHA-256 speed in MB/s for blocks of `block` bytes (the log's lines are about this long)."""
    result = subprocess.run(["openssl", "speed", "-seconds", "2", "-bytes", str(block), "sha256"], capture_output=True, text=True)
    line = [l for l in result.stdout.splitlines() if l.startswith("sha256")][-1]
    return float(line.split()[-1].rstrip("k")) * 1000 / 1e6


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "inclusio-audit-log-benchmark"))
    parser.add_argument("--entries", type=int, default=1_000_000)
    arguments = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="inclusio-log-bench-")
    try:
        started = time.perf_counter()
        result = subprocess.run([arguments.binary, folder, str(arguments.entries), "100", "2000"], capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"benchmark failed: {result.stderr}")
        f = json.loads(result.stdout)
        line_bytes = f["bytes"] / f["entries"]
        limit = openssl_sha256_mb_per_s(int(round(line_bytes)))
        print(f"Access log, {f['entries']:,} entries ({f['bytes'] / 1e6:.0f} MB, {line_bytes:.0f} bytes each), run took {time.perf_counter() - started:.0f} s")
        print(f"  append, fsync per command of {f['entriesPerCommand']}: {f['appendPerSecond']:>10,.0f} entries/s"
              f"  ({f['checkpoints']:,} signed checkpoints)")
        print(f"  append, fsync per entry ({f['perEntrySample']:,} sample):  {f['perEntryPerSecond']:>10,.0f} entries/s")
        print(f"  verify whole log:                      {f['verifyPerSecond']:>10,.0f} entries/s  {f['verifyMBPerSecond']:.1f} MB/s")
        print(f"  openssl speed sha256 ({int(round(line_bytes))}-byte blocks):  {limit:.0f} MB/s; verify runs at "
              f"{f['verifyMBPerSecond'] / limit:.1%} of it (each line is hashed 3x: leaf, seal, link; plus parsing)")
        print(f"  tree from the log: {f['treeBuildSeconds']:.2f} s; one inclusion proof at {f['entries']:,}: "
              f"{f['proofMicroseconds']:.1f} µs; `audit prove` work (read log, build tree, prove): {f['proveCommandSeconds']:.2f} s")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
