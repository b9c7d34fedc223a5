#!/usr/bin/env python3
"""Printing throughput: 1,000 placement letters with our renderer and with Apache FOP, in the same run.

The letter is the CN-FJ placement letter of the test fixtures, turned into XSL-FO once by
`inclusio render --fo` (so both engines get the same FO). FOP 2.8 cannot read the CFF-outline
Noto CJK fonts, so for the comparison the FO's font families are replaced by the TrueType
WenQuanYi Micro Hei (fonts-wqy-microhei) and FOP gets a configuration file registering it;
our renderer is given the same FO (and is also measured with the Noto CJK faces the forms use).

Cases, each in letters per second and peak resident memory (/usr/bin/time -v):
  one PDF per letter   ours: N letters, one PDFRenderer per core (inclusio-render-benchmark separate);
                       FOP: one JVM run per letter, two at a time (both cores); only --fop-runs runs are
                       timed and the rate is extrapolated to N, which the output says.
  all letters, one PDF ours: N letters merged into one PDF (one renderer);
                       FOP: one FO holding N page-sequences, one run.

Usage: Benchmarks/render.py [--inclusio .build/release/inclusio] [--bench .build/release/inclusio-render-benchmark]
                            [--letters 1000] [--fop-runs 20]
"""
import argparse, concurrent.futures, os, re, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WQY = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
FAMILY = "WenQuanYi Micro Hei"


def timed(command, **kwargs):
    """Runs `command`; returns (seconds, peak resident MB, stdout). Fails loudly."""
    wrapper = ["/usr/bin/time", "-v"] if os.path.exists("/usr/bin/time") else []
    started = time.perf_counter()
    result = subprocess.run(wrapper + command, capture_output=True, text=True, **kwargs)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"{' '.join(command[:3])} … failed:\n{result.stderr[-2000:]}")
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    return seconds, (int(peak.group(1)) / 1024 if peak else float("nan")), result.stdout


def fop_config(folder):
    path = os.path.join(folder, "fop.xconf")
    triplets = "".join(f'<font-triplet name="{FAMILY}" style="{s}" weight="{w}"/>' for s in ("normal", "italic") for w in ("normal", "bold"))
    with open(path, "w") as f:
        f.write(f"""<?xml version="1.0"?>
<fop version="1.0"><renderers><renderer mime="application/pdf"><fonts>
<font embed-url="{WQY}" sub-font="{FAMILY}">{triplets}</font>
</fonts></renderer></renderers></fop>
""")
    return path


def all_letters(fo, count):
    """One FO with `count` copies of the letter's page-sequence, each with its own id."""
    start = fo.index("<fo:page-sequence")
    end = fo.index("</fo:page-sequence>") + len("</fo:page-sequence>")
    sequence = fo[start:end]
    copies = "".join(sequence.replace('"sequence"', f'"sequence-{i}"') for i in range(count))
    return fo[:start] + copies + fo[end:]


def pages(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--inclusio", default=os.path.join(ROOT, ".build", "release", "inclusio"))
    parser.add_argument("--bench", default=os.path.join(ROOT, ".build", "release", "inclusio-render-benchmark"))
    parser.add_argument("--letters", type=int, default=1000)
    parser.add_argument("--fop-runs", type=int, default=20)
    a = parser.parse_args()
    for tool in ("fop", "pdfinfo", "pdffonts"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is needed (apt-get install fop poppler-utils)")
    if not os.path.exists(WQY):
        sys.exit(f"{WQY} is needed (apt-get install fonts-wqy-microhei)")
    folder = tempfile.mkdtemp(prefix="inclusio-render-bench-")
    try:
        subprocess.run([a.inclusio, "render", "Tests/Fixtures/records/CN-FJ-placement.xml", "--fo", "-o", folder],
                       cwd=ROOT, check=True, capture_output=True)
        noto_path = [os.path.join(folder, n) for n in os.listdir(folder) if n.endswith(".fo")][0]
        noto = open(noto_path, encoding="utf-8").read()
        wqy = re.sub(r'font-family="[^"]*"', f'font-family="{FAMILY}"', noto)
        wqy_path = os.path.join(folder, "letter-wqy.fo")
        open(wqy_path, "w", encoding="utf-8").write(wqy)
        all_path = os.path.join(folder, "all-letters-wqy.fo")
        open(all_path, "w", encoding="utf-8").write(all_letters(wqy, a.letters))
        config = fop_config(folder)
        n = a.letters
        rows = []

        def ours_separate(fo, label):
            out = os.path.join(folder, "ours-" + label)
            os.mkdir(out)
            seconds, peak, _ = timed([a.bench, fo, str(n), "separate", out])
            assert len(os.listdir(out)) == n
            return seconds, peak, out

        def ours_merged(fo, label):
            pdf = os.path.join(folder, f"ours-{label}.pdf")
            seconds, peak, _ = timed([a.bench, fo, str(n), "merged", pdf])
            return seconds, peak, pdf

        # One PDF per letter.
        s, m, out = ours_separate(wqy_path, "wqy")
        rows.append(("one PDF per letter", "ours, WenQuanYi (same FO as FOP)", n / s, m, f"{n} letters"))
        s, m, _ = ours_separate(noto_path, "noto")
        rows.append(("one PDF per letter", "ours, Noto CJK (as the forms print)", n / s, m, f"{n} letters"))
        fop_out = os.path.join(folder, "fop")
        os.mkdir(fop_out)
        started = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            runs = list(pool.map(lambda i: timed(["fop", "-q", "-c", config, "-fo", wqy_path, "-pdf", os.path.join(fop_out, f"{i}.pdf")]),
                                 range(a.fop_runs)))
        fop_separate = a.fop_runs / (time.perf_counter() - started)
        rows.append(("one PDF per letter", f"FOP, WenQuanYi ({a.fop_runs} runs, extrapolated)", fop_separate,
                     max(r[1] for r in runs), f"{n} letters ≈ {n / fop_separate:.0f} s"))
        # All letters in one PDF.
        s, m, ours_pdf = ours_merged(wqy_path, "wqy")
        rows.append(("all letters, one PDF", "ours, WenQuanYi", n / s, m, f"{pages(ours_pdf)} pages"))
        s, m, _ = ours_merged(noto_path, "noto")
        rows.append(("all letters, one PDF", "ours, Noto CJK", n / s, m, f"{n} letters"))
        fop_pdf = os.path.join(folder, "fop-all.pdf")
        s, m, _ = timed(["fop", "-q", "-c", config, "-fo", all_path, "-pdf", fop_pdf])
        rows.append(("all letters, one PDF", "FOP, WenQuanYi (one FO)", n / s, m, f"{pages(fop_pdf)} pages"))
        embedded = subprocess.run(["pdffonts", os.path.join(fop_out, "0.pdf")], capture_output=True, text=True).stdout
        if "WenQuanYi" not in embedded:
            sys.exit("FOP did not embed WenQuanYi Micro Hei; the comparison would be unfair")

        fop_rate = {"one PDF per letter": fop_separate, "all letters, one PDF": rows[-1][2]}
        print(f"Printing {n:,} CN-FJ placement letters ({pages(ours_pdf) // n} pages each), both engines in this run, "
              f"{os.cpu_count()} cores")
        print(f"  {'case':<22} {'engine':<46} {'letters/s':>10} {'peak MB':>8} {'vs FOP':>7}  note")
        for case, engine, rate, peak, note in rows:
            print(f"  {case:<22} {engine:<46} {rate:>10.1f} {peak:>8.0f} {rate / fop_rate[case]:>6.1f}x  {note}")
        print("  (FOP per letter: a JVM per letter, runs in parallel on all cores; the rate is measured on "
              f"{a.fop_runs} runs and extrapolated to {n:,}.)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
