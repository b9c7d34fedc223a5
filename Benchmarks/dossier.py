#!/usr/bin/env python3
"""Dossier throughput: `inclusio dossier pack/verify/open` against sha256sum + openssl cms + 7z.

Writes a deterministic input set (default 100 MB: ~80 % of the bytes incompressible "PDF-like" files of
200 KB-1.5 MB, the rest compressible plain XML of 5-200 KB), makes a demo PKI with `inclusio keys init`, then times
  ours:     dossier pack, dossier verify (signature and manifest only: it reads no payload, so its MB/s is
            nominal), dossier verify --key (decrypt, check every digest), dossier open (verify, decrypt, extract):
            best wall time of --repeat runs, its CPU time, MB/s of input, peak RSS;
  pipeline: the same with standard tools - pack: sha256sum (the manifest), openssl cms -sign -cades,
            openssl rand, openssl cms -encrypt (the password), 7z a -tzip -mem=AES256 (Deflate, multithreaded);
            open: openssl cms -verify, openssl cms -decrypt, 7z x, sha256sum -c; each step best of --repeat, summed;
and, if `perf record` works, where our pack and open spend their CPU time (samples by category, judged on
their call chains, so stripped libraries still count right). Everything runs from the page cache.

Usage: Benchmarks/dossier.py [--binary .build/release/inclusio] [--megabytes 100] [--repeat 3] [--seed 1] [--keep]
Build first (`swift build -c release`); INCLUSIO_HOME (where `Schemas/` is) defaults to this checkout.
"""
import argparse, os, random, re, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORDS = ("pupil school support plan assessment teacher assistant hours week term review parent guardian "
         "speech language therapy reading writing mathematics inclusion classroom goal progress meeting "
         "report office transport ramp hearing vision aid laptop software schedule breaks quiet room").split()
# Where the CPU time goes: each perf sample counts for the first category, walking its call chain up from the
# leaf, that matches a frame ("symbol (library)"); stripped libraries show as "[unknown] (library)", so their
# frames count by library or by their nearest named caller (AES_encrypt, SHA1_Update, ...).
CATEGORIES = [("I/O, kernel, memcpy", r"\[kernel|memcpy|memmove|memset"),
              ("deflate/inflate, CRC-32 (zlib)", r"/libz\.so"),
              ("SHA-256", r"sha256"),
              ("HMAC-SHA-1 (WinZip AES auth)", r"sha1|hmac"),
              ("AES-256-CTR (WinZip counter; AES-NI keystream)", r"aes|/libzip\.so"),
              ("XML parsing (libxml2)", r"/libxml2\.so")]
KEY_DERIVATION = "PBKDF2 (WinZip AES key per entry)"  # anywhere in the chain: it runs on HMAC-SHA-1


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
    """Percent of CPU time per category from `perf record`, or None if perf is missing or refused."""
    if not shutil.which("perf"): return None
    recorded = subprocess.run(["perf", "record", "-q", "-F", "499", "--call-graph", "dwarf", "-o", data, "--"] + command,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if recorded.returncode != 0: return None
    script = subprocess.run(["perf", "script", "-i", data, "-F", "period,ip,sym,dso"], capture_output=True, text=True).stdout
    shares = dict.fromkeys([KEY_DERIVATION] + [name for name, _ in CATEGORIES] + ["other"], 0)
    for sample in script.split("\n\n"):
        period, *chain = sample.strip().splitlines() or ["0"]
        frames = [frame.strip().split(" ", 1)[-1] for frame in chain]
        if any("PBKDF2" in frame for frame in frames):
            name = KEY_DERIVATION
        else:
            name = next((name for frame in frames for name, pattern in CATEGORIES if re.search(pattern, frame, re.I)), "other")
        shares[name] += int(period)
    total = sum(shares.values())
    return {name: 100 * value / total for name, value in shares.items()} if total else None


def pipeline(work, inputs, names, key, repeat):
    """Times the standard-tool pack and open, step by step; returns ([(step, run)], [(step, run)])."""
    side = lambda name: os.path.join(work, name)
    archive, extracted = side("out.zip"), side("extracted")
    pack = [("sha256sum", best(["sha256sum"] + names, repeat, cwd=inputs, stdout=side("manifest.txt"))),
            ("cms -sign", best(["openssl", "cms", "-sign", "-binary", "-cades", "-outform", "DER", "-in", side("manifest.txt"),
                                "-signer", key("office.pem"), "-inkey", key("office.key"), "-out", side("signature.p7s")], repeat)),
            ("rand", best(["openssl", "rand", "-hex", "-out", side("password.txt"), "32"], repeat)),
            ("cms -encrypt", best(["openssl", "cms", "-encrypt", "-binary", "-outform", "DER", "-aes256", "-in", side("password.txt"),
                                   "-recip", key("school-a.pem"), "-out", side("recipients.p7m")], repeat))]
    password = open(side("password.txt")).read().strip()
    pack.append(("7z a", best(["7z", "a", "-tzip", "-mem=AES256", f"-p{password}", archive] + names, repeat, cwd=inputs,
                              before=lambda: os.path.exists(archive) and os.remove(archive))))
    open_ = [("cms -verify", best(["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", side("signature.p7s"),
                                   "-content", side("manifest.txt"), "-CAfile", key("root.pem"), "-out", os.devnull], repeat)),
             ("cms -decrypt", best(["openssl", "cms", "-decrypt", "-binary", "-inform", "DER", "-in", side("recipients.p7m"),
                                    "-recip", key("school-a.pem"), "-inkey", key("school-a.key"), "-out", side("password.out")], repeat))]
    if open(side("password.out")).read().strip() != password: sys.exit("openssl cms -decrypt gave another password")
    open_ += [("7z x", best(["7z", "x", f"-p{password}", f"-o{extracted}", archive], repeat,
                            before=lambda: shutil.rmtree(extracted, ignore_errors=True))),
              ("sha256sum -c", best(["sha256sum", "--quiet", "-c", side("manifest.txt")], repeat, cwd=extracted))]
    return pack, open_


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
        megabytes, pdfs = size / 1e6, sum(name.endswith(".pdf") for name in names)
        print(f"input: {len(names)} files, {megabytes:.1f} MB ({pdfs} PDF-like, {len(names) - pdfs} XML), seed {args.seed}; "
              f"best of {args.repeat}")
        run([binary, "keys", "init", keys])
        key = lambda name: os.path.join(keys, name)
        dossier, opened = os.path.join(work, "out.asice"), os.path.join(work, "opened")
        clear_opened = lambda: shutil.rmtree(opened, ignore_errors=True)
        pack = [binary, "dossier", "pack", "--sign-cert", key("office.pem"), "--sign-key", key("office.key"),
                "--recipient", key("school-a.pem"), "-o", dossier] + [os.path.join(inputs, name) for name in names]
        verify = [binary, "dossier", "verify", dossier, "--ca", key("root.pem")]
        open_ = [binary, "dossier", "open", dossier, "--ca", key("root.pem"), "--key", key("school-a.key"), "-o", opened]
        ours = {"pack": best(pack, args.repeat), "verify (no key)": best(verify, args.repeat),
                "verify --key": best(verify + ["--key", key("school-a.key")], args.repeat),
                "open": best(open_, args.repeat, before=clear_opened)}
        steps = dict(zip(("pack", "open"), pipeline(work, inputs, names, key, args.repeat)))
        # A pipeline side: wall and CPU summed over its steps, peak RSS of its largest step.
        theirs = {side: (sum(r[0] for _, r in runs), sum(r[1] for _, r in runs), max(r[2] for _, r in runs))
                  for side, runs in steps.items()}

        print(f"archive: ours {os.path.getsize(dossier) / 1e6:.1f} MB, pipeline's zip {os.path.getsize(os.path.join(work, 'out.zip')) / 1e6:.1f} MB")
        print(f"{'':24}{'wall s':>7}{'CPU s':>7}{'MB/s':>7}{'peak RSS':>10}   pipeline wall ÷ ours")
        rows = [("inclusio " + name, result, theirs.get(name)) for name, result in ours.items()]
        rows.insert(1, ("pipeline pack", theirs["pack"], None))
        rows.append(("pipeline open", theirs["open"], None))
        for name, (wall, cpu_s, rss), peer in rows:
            line = f"{name:24}{wall:7.2f}{cpu_s:7.2f}{megabytes / wall:7.1f}{rss / 2**20:6.0f} MiB"
            if peer:
                ratio = peer[0] / wall
                line += f"   {ratio:.2f} = ours {max(ratio, 1 / ratio):.2f}× {'faster' if ratio >= 1 else 'slower'}"
            print(line)
        for side, runs in steps.items():
            print(f"pipeline {side} steps (wall s): " + ", ".join(f"{step} {r[0]:.2f}" for step, r in runs))

        clear_opened()
        shares = {"pack": profile(pack, os.path.join(work, "pack.perf")), "open": profile(open_, os.path.join(work, "open.perf"))}
        if None in shares.values():
            print("where the time goes: skipped (perf missing or not permitted)")
        else:
            print(f"where inclusio's CPU time goes (perf, by call chain){'pack':>13}{'open':>8}")
            for name in shares["pack"]:
                print(f"  {name:58}{shares['pack'][name]:6.1f}%{shares['open'][name]:7.1f}%")
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
