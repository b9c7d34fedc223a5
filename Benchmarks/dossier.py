#!/usr/bin/env python3
"""Dossier throughput: `inclusio dossier pack/verify/open` against sha256sum + openssl cms + 7z.

Writes a deterministic input set (default 100 MB: ~80 % of the bytes incompressible "PDF-like" files of
200 KB-1.5 MB, the rest compressible plain XML of 5-200 KB), makes a demo PKI with `inclusio keys init`, then times
  ours:     dossier pack, dossier verify (signature and manifest only), dossier verify --key (decrypt, check
            every digest), dossier open (verify, decrypt, extract): best wall time of --repeat runs, CPU time,
            MB/s of input, peak RSS;
  pipeline: the same with standard tools - pack: sha256sum (the manifest), openssl cms -sign -cades,
            openssl rand, openssl cms -encrypt (the password), 7z a -tzip -mem=AES256 (Deflate, multithreaded);
            open: openssl cms -verify, openssl cms -decrypt, 7z x, sha256sum -c; each step best of --repeat, summed;
and, if `perf record` works, where our pack and open spend their CPU time (self samples by category).
Everything runs from the page cache (the inputs were just written).

Usage: Benchmarks/dossier.py [--binary .build/release/inclusio] [--megabytes 100] [--repeat 3] [--seed 1] [--keep]
(build first with `swift build -c release`; run from the checkout, or set INCLUSIO_HOME to it).
"""
import argparse, os, random, re, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORDS = ("pupil school support plan assessment teacher assistant hours week term review parent guardian "
         "speech language therapy reading writing mathematics inclusion classroom goal progress meeting "
         "report office transport ramp hearing vision aid laptop software schedule breaks quiet room").split()
# (category, pattern over "dso symbol"), first match wins; the rest is "other".
CATEGORIES = [("deflate/inflate (zlib)", r"^libz\.so|deflate|inflate|longest_match|fill_window|compress_block|adler32|crc32"),
              ("SHA-256", r"sha256"),
              ("HMAC/SHA-1", r"sha1|hmac"),
              ("AES (+ EVP plumbing)", r"aes|_zip_winzip|_zip_crypto|cipher|evp_(en|de)crypt"),
              ("XML parsing (libxml2)", r"^libxml2"),
              ("I/O, kernel, memcpy", r"^\[kernel|\[k\]|memcpy|memmove|memset|\b(__libc_)?(p?read|p?write)\b")]


def run(command, cwd=None, stdout=os.devnull):
    """Runs `command` (output to the file `stdout`); returns (wall s, CPU s, peak RSS bytes); exits showing stderr if it fails."""
    with tempfile.TemporaryFile() as errors, open(stdout, "wb") as output:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=output, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            sys.exit(f"failed ({process.returncode}): {' '.join(command)[:300]}\n{errors.read().decode(errors='replace')[-3000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024


def best(command, repeat, before=None, **options):
    """The run with the best wall time of `repeat` runs; `before()` runs, untimed, ahead of each."""
    runs = []
    for _ in range(repeat):
        if before: before()
        runs.append(run(command, **options))
    return min(runs)


def make_inputs(folder, megabytes, seed):
    """PDF-like and XML files, deterministic for `seed`; returns their names (relative to `folder`)."""
    rng = random.Random(seed)
    total = megabytes * 1_000_000
    sentences = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 16))) + f" ({rng.randint(1, 9999)})."
                 for _ in range(2000)]
    names, written, number = [], 0, 0
    while written < total:
        number += 1
        if written < 0.8 * total:
            name, size = f"scan-{number:04d}.pdf", rng.randint(200_000, 1_500_000)
            data = b"%PDF-1.7\n" + rng.randbytes(size - 9)
        else:
            name, size = f"note-{number:04d}.xml", rng.randint(5_000, 200_000)
            paragraphs, length = [], 0
            while length < size:
                paragraphs.append(f'<p n="{len(paragraphs) + 1}">{" ".join(rng.choices(sentences, k=rng.randint(2, 8)))}</p>\n')
                length += len(paragraphs[-1])
            data = f'<?xml version="1.0" encoding="UTF-8"?>\n<doc id="{number}">\n{"".join(paragraphs)}</doc>\n'.encode()
        with open(os.path.join(folder, name), "wb") as handle:
            handle.write(data)
        names.append(name)
        written += len(data)
    return names, written


def profile(command, data):
    """Self-time percentages per category from `perf record`, or None if perf is missing or refused."""
    if not shutil.which("perf"): return None
    if subprocess.run(["perf", "record", "-q", "-F", "1999", "-o", data, "--"] + command,
                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode != 0: return None
    report = subprocess.run(["perf", "report", "-i", data, "--no-children", "--sort", "dso,sym", "--stdio", "-q"],
                            capture_output=True, text=True).stdout
    shares = {name: 0.0 for name, _ in CATEGORIES + [("other", "")]}
    for line in report.splitlines():
        match = re.match(r"\s*([\d.]+)%\s+(\S+)\s+(.*)$", line)
        if not match: continue
        where = f"{match[2]} {match[3]}"
        name = next((name for name, pattern in CATEGORIES if re.search(pattern, where, re.IGNORECASE)), "other")
        shares[name] += float(match[1])
    return shares if sum(shares.values()) > 0 else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "inclusio"))
    parser.add_argument("--megabytes", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    os.environ.setdefault("INCLUSIO_HOME", ROOT)
    for tool in ("sha256sum", "openssl", "7z"):
        if not shutil.which(tool): sys.exit(f"{tool} is needed for the comparison")
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    print(f"machine: {os.cpu_count()} cores, {cpu}, Linux {os.uname().release}; binary {args.binary}")

    work = tempfile.mkdtemp(prefix="inclusio-dossier-bench-")
    try:
        inputs, keys = os.path.join(work, "input"), os.path.join(work, "keys")
        os.mkdir(inputs)
        names, size = make_inputs(inputs, args.megabytes, args.seed)
        megabytes = size / 1e6
        pdfs = sum(1 for name in names if name.endswith(".pdf"))
        print(f"input: {len(names)} files, {megabytes:.1f} MB ({pdfs} PDF-like, {len(names) - pdfs} XML), "
              f"seed {args.seed}; best of {args.repeat}; pipeline = sha256sum + openssl cms + 7z")
        run([binary, "keys", "init", keys])
        key = lambda name: os.path.join(keys, name)
        files = [os.path.join(inputs, name) for name in names]
        dossier, opened = os.path.join(work, "out.asice"), os.path.join(work, "opened")
        clear_opened = lambda: shutil.rmtree(opened, ignore_errors=True)
        pack = [binary, "dossier", "pack", "--sign-cert", key("office.pem"), "--sign-key", key("office.key"),
                "--recipient", key("school-a.pem"), "-o", dossier] + files
        verify = [binary, "dossier", "verify", dossier, "--ca", key("root.pem")]
        open_ = [binary, "dossier", "open", dossier, "--ca", key("root.pem"), "--key", key("school-a.key"), "-o", opened]
        ours = {"pack": best(pack, args.repeat), "verify (no key)": best(verify, args.repeat),
                "verify --key": best(verify + ["--key", key("school-a.key")], args.repeat),
                "open": best(open_, args.repeat, before=clear_opened)}

        # The pipeline: the sidecar files (manifest, signature, password envelope) travel beside the zip.
        side = lambda name: os.path.join(work, name)
        archive, extracted = side("out.zip"), side("extracted")
        pipeline_pack = [best(["sha256sum"] + names, args.repeat, cwd=inputs, stdout=side("manifest.txt")),
                         best(["openssl", "cms", "-sign", "-binary", "-cades", "-outform", "DER", "-in", side("manifest.txt"),
                               "-signer", key("office.pem"), "-inkey", key("office.key"), "-out", side("signature.p7s")], args.repeat),
                         best(["openssl", "rand", "-hex", "-out", side("password.txt"), "32"], args.repeat),
                         best(["openssl", "cms", "-encrypt", "-binary", "-outform", "DER", "-aes256", "-in", side("password.txt"),
                               "-recip", key("school-a.pem"), "-out", side("recipients.p7m")], args.repeat)]
        password = open(side("password.txt")).read().strip()
        pipeline_pack.append(best(["7z", "a", "-tzip", "-mem=AES256", f"-p{password}", archive] + names, args.repeat,
                                  before=lambda: os.path.exists(archive) and os.remove(archive), cwd=inputs))
        pipeline_open = [best(["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", side("signature.p7s"),
                               "-content", side("manifest.txt"), "-CAfile", key("root.pem"), "-out", os.devnull], args.repeat),
                         best(["openssl", "cms", "-decrypt", "-binary", "-inform", "DER", "-in", side("recipients.p7m"),
                               "-recip", key("school-a.pem"), "-inkey", key("school-a.key"), "-out", side("password.out")], args.repeat)]
        if open(side("password.out")).read().strip() != password: sys.exit("openssl cms -decrypt gave another password")
        pipeline_open += [best(["7z", "x", f"-p{password}", f"-o{extracted}", archive], args.repeat,
                               before=lambda: shutil.rmtree(extracted, ignore_errors=True)),
                          best(["sha256sum", "--quiet", "-c", side("manifest.txt")], args.repeat, cwd=extracted)]
        pipeline = {"pack": tuple(map(sum, zip(*pipeline_pack))), "open": tuple(map(sum, zip(*pipeline_open)))}
        for side_name, steps in (("pack", pipeline_pack), ("open", pipeline_open)):  # peak RSS: the largest step's
            pipeline[side_name] = pipeline[side_name][:2] + (max(step[2] for step in steps),)

        print(f"archive: ours {os.path.getsize(dossier) / 1e6:.1f} MB, 7z zip {os.path.getsize(archive) / 1e6:.1f} MB")
        print(f"{'':22}{'wall s':>8}{'CPU s':>8}{'MB/s':>8}{'peak RSS':>10}   pipeline/ours (wall)")
        rows = [(name, result) for name, result in ours.items()]
        rows[1:1] = [("  pipeline pack", pipeline["pack"])]
        rows.append(("  pipeline open", pipeline["open"]))
        for name, (wall, cpu_s, rss) in rows:
            line = f"{name:22}{wall:8.2f}{cpu_s:8.2f}{megabytes / wall:8.1f}{rss / 2**20:7.0f} MiB"
            if name in pipeline:
                ratio = pipeline[name][0] / wall
                line += f"   {ratio:.2f}× {'faster' if ratio >= 1 else 'slower'} (pipeline {pipeline[name][0]:.2f} s)"
            print(line)

        clear_opened()
        shares = {"pack": profile(pack, side("pack.perf")), "open": profile(open_, side("open.perf"))}
        if None in shares.values():
            print("where the time goes: skipped (perf missing or not permitted)")
        else:
            print(f"where the time goes (perf self samples, % of CPU):{'pack':>8}{'open':>8}")
            for name in shares["pack"]:
                print(f"  {name:47}{shares['pack'][name]:7.1f}%{shares['open'][name]:7.1f}%")
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
