#!/usr/bin/env python3
"""Access-log throughput: append, verify and prove on a log of N entries (default 1,000,000), and witnesses.

Runs the release build's `inclusio-audit-log-benchmark` in a temporary folder, which
  appends N entries in commands of 100 (one fsync per command, a signed checkpoint at each command's end),
  appends a sample with one fsync per entry,
  verifies the whole log (every entry's number, link and HMAC seal checked, the RFC 6962 tree rebuilt and
  checked against every stored checkpoint), and
  builds the tree from the log and makes 1,000 inclusion proofs and one consistency proof;
then verifies the same log again in a process of its own, whose peak memory (ru_maxrss) is the verifier's;
then runs `openssl speed -bytes <entry size> sha256` in the same run for the limit of hashing, and prints the ratio;
then times witness round trips (a checkpoint submitted with its consistency proof over HTTPS to a witness on
127.0.0.1, checked, recorded durably and cosigned).

Usage: Benchmarks/audit_log.py [--binary .build/release/inclusio-audit-log-benchmark] [--entries 1000000] [--rounds 200]
"""
import argparse, json, os, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def openssl_sha256_mb_per_s(block: int, elapsed: bool = False) -> float:
    """OpenSSL's SHA-256 speed in MB/s for blocks of `block` bytes (the log's lines are about this long):
    per second of CPU time (openssl's default), or of wall-clock time with `elapsed` (what a loaded machine gives)."""
    result = subprocess.run(["openssl", "speed", "-seconds", "2", "-bytes", str(block)] + (["-elapsed"] if elapsed else []) + ["sha256"],
                            capture_output=True, text=True)
    line = [l for l in result.stdout.splitlines() if l.startswith("sha256")][-1]
    return float(line.split()[-1].rstrip("k")) * 1000 / 1e6


def run(binary: str, *arguments: str) -> tuple:
    """The benchmark's figures, and that process's own resource usage (wait4's rusage: peak memory, CPU time)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen([binary, *arguments], stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if process.returncode != 0:
            sys.exit(f"benchmark failed: {err.read().decode()}")
        return json.loads(out.read()), usage


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "inclusio-audit-log-benchmark"))
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=200)
    arguments = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="inclusio-log-bench-")
    try:
        started = time.perf_counter()
        f, _ = run(arguments.binary, folder, str(arguments.entries), "100", "2000")
        load = os.getloadavg()[0]
        v, usage = run(arguments.binary, "verify", folder)
        cpu = usage.ru_utime + usage.ru_stime
        w, _ = run(arguments.binary, "witness", os.path.join(folder, "witness-run"), str(arguments.rounds))
        line_bytes = f["bytes"] / f["entries"]
        limit = openssl_sha256_mb_per_s(int(round(line_bytes)))
        limit_wall = openssl_sha256_mb_per_s(int(round(line_bytes)), elapsed=True)
        cores = min(2, os.cpu_count() or 1)
        print(f"Access log, {f['entries']:,} entries ({f['bytes'] / 1e6:.0f} MB, {line_bytes:.0f} bytes each), run took {time.perf_counter() - started:.0f} s")
        print(f"  append, fsync per command of {f['entriesPerCommand']}: {f['appendPerSecond']:>10,.0f} entries/s"
              f"  ({f['checkpoints']:,} signed checkpoints)")
        print(f"  append, fsync per entry ({f['perEntrySample']:,} sample):  {f['perEntryPerSecond']:>10,.0f} entries/s")
        print(f"  verify whole log (after appending):    {f['verifyPerSecond']:>10,.0f} entries/s  {f['verifyMBPerSecond']:.1f} MB/s")
        print(f"  verify whole log (own process):        {v['entries'] / v['seconds']:>10,.0f} entries/s  {v['verifyMBPerSecond']:.1f} MB/s,"
              f" peak memory {usage.ru_maxrss / 1024:.0f} MB, {cpu:.2f} s of CPU in {v['seconds']:.2f} s (load average {load:.1f} on {os.cpu_count()} cores)")
        print(f"  openssl speed -bytes {int(round(line_bytes))} sha256: {limit:.0f} MB/s per CPU second, {limit_wall:.0f} MB/s of wall-clock time now;")
        print(f"    verify runs at {v['verifyMBPerSecond'] / limit:.1%} of the first, {v['verifyMBPerSecond'] / limit_wall:.1%} of the second (same load);"
              f" per CPU second it hashes {v['bytes'] / cpu / 1e6:.0f} MB/s, so on {cores} idle cores {cores * v['bytes'] / cpu / 1e6 / limit:.1%}"
              f" (each line is hashed twice, leaf and HMAC seal, plus one tree node)")
        print(f"  tree from the log: {f['treeBuildSeconds']:.2f} s; one inclusion proof at {f['entries']:,}: "
              f"{f['proofMicroseconds']:.1f} µs; `audit prove` work (read log, build tree, prove): {f['proveCommandSeconds']:.2f} s;"
              f" a consistency proof (streamed): {f['consistencyProofSeconds']:.2f} s")
        print(f"  witness round trips (checkpoint + consistency proof over HTTPS, checked, fsync'd, cosigned): "
              f"{w['roundTripsPerSecond']:.0f}/s ({w['cosigned']} of {w['rounds']} cosigned)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
