#!/usr/bin/env python3
"""Transfer at graduation: `inclusio transfer prepare` and `transfer receive` for N pupils x 8 documents.

Makes N Italian pupils from the fixture records (each pupil gets its own codice fiscale and document ids, all at
school MOIC80000X and graduating from primary school in 2031), each with 8 documents that travel (2 certificates,
information sheet, 2 functional diagnoses, functional profile, 2 PEIs), files them in an office archive, then times
  prepare: `transfer prepare --school MOIC80000X --graduating 2031`: per pupil the newest versions decrypted, checked
           against Rules/IT-MO/transfer.xml, packed into a signed dossier encrypted for school A, journalled, logged
           and placed; then the signed handover register (XML and PDF);
  again:   the same command again (every pupil "already sent": the journal and the folder are read, nothing packed);
  receive: `transfer receive` of every dossier into school A's own archive (verified, decrypted, filed, logged,
           one signed receipt);
and prints pupils/s each way and where the time goes (prepare's phases from its --json timing; receive's
verification and filing measured as the command's wall time less the receipt).

Usage: Benchmarks/transfer.py [--binary .build/release/inclusio] [--pupils 300] [--keep]
"""
import argparse, json, os, re, shutil, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from archive import FIXTURES, ROOT, run  # noqa: E402

# The 8 documents of each pupil: fixture file, and the suffix that makes a second document of the same kind.
DOCUMENTS = [("IT-MO-certificate.xml", ""), ("IT-MO-certificate.xml", "-B"), ("IT-MO-information-sheet.xml", ""),
             ("IT-MO-functional-diagnosis.xml", ""), ("IT-MO-functional-diagnosis.xml", "-B"),
             ("IT-MO-functional-profile.xml", ""), ("IT-MO-iep.xml", ""), ("IT-MO-iep.xml", "-B")]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "inclusio"))
    parser.add_argument("--pupils", type=int, default=300)
    parser.add_argument("--keep", action="store_true")
    options = parser.parse_args()
    binary = os.path.abspath(options.binary)
    os.environ.setdefault("INCLUSIO_HOME", ROOT)
    work = tempfile.mkdtemp(prefix="inclusio-transfer-bench-")
    try:
        records = os.path.join(work, "records")
        os.makedirs(records)
        texts = {name: open(os.path.join(FIXTURES, name), encoding="utf-8").read() for name, _ in DOCUMENTS}
        for pupil in range(options.pupils):
            # A codice fiscale of the schema's shape, one per pupil (digits 000-999 in the serial part).
            fiscal = f"RSSLCU20B17X{pupil:03d}S"
            for number, (name, suffix) in enumerate(DOCUMENTS):
                text = texts[name].replace("RSSLCU20B17X000S", fiscal)
                text = re.sub(r'(documentId|\bid)="MO-([0-9]{4})-0001-', lambda m: f'{m.group(1)}="MO-{m.group(2)}-{pupil + 1000:04d}-', text)
                text = re.sub(r'( id="[^"]+)"', lambda m: m.group(1) + suffix + '"', text, count=1)
                with open(os.path.join(records, f"{pupil:04d}-{number}.xml"), "w", encoding="utf-8") as handle:
                    handle.write(text)
        keys = os.path.join(work, "keys")
        run([binary, "keys", "init", keys])
        admin = os.path.join(work, "admin.pass")
        with open(admin, "w") as handle: handle.write("benchmark admin passphrase\n")
        office, school = os.path.join(work, "office"), os.path.join(work, "school")
        run([binary, "archive", "init", "--path", office, "--admin-passphrase-file", admin])
        run([binary, "archive", "enrol", "office", "--cert", f"{keys}/office.pem", "--path", office, "--as", "admin", "--passphrase-file", admin])
        run([binary, "archive", "init", "--path", school, "--policy", os.path.join(ROOT, "Samples", "policies", "receiving-school.xml"),
             "--admin-passphrase-file", admin])
        run([binary, "archive", "enrol", "head-a", "--cert", f"{keys}/school-a.pem", "--path", school, "--as", "admin", "--passphrase-file", admin])
        as_office = ["--path", office, "--as", "office", "--key", f"{keys}/office.key"]
        as_school = ["--path", school, "--as", "head-a", "--key", f"{keys}/school-a.key"]
        filing, _ = run([binary, "archive", "ingest", records, "--purpose", "filing"] + as_office)
        documents = options.pupils * len(DOCUMENTS)
        print(f"{options.pupils} pupils x {len(DOCUMENTS)} documents ({documents} records) filed in the office archive in {filing:.1f} s")

        out = os.path.join(work, "out")
        prepare = [binary, "transfer", "prepare", "--school", "MOIC80000X", "--graduating", "2031", "--to", f"{keys}/school-a.pem",
                   "-o", out, "--sign-cert", f"{keys}/office.pem", "--purpose", "transfer", "--json"] + as_office
        wall, output = run(prepare)
        document = json.loads(output)
        report = document["result"]
        sent = len(report["sent"])
        if sent != options.pupils:
            sys.exit(f"prepare sent {sent} of {options.pupils} pupils: {document['failures'][:3]}")
        timing = report["timing"]
        phases = sum(timing.values())
        print(f"\nprepare: {sent} dossiers in {wall:.2f} s = {sent / wall:.1f} pupils/s ({wall / sent * 1000:.1f} ms each)")
        for phase in ["read", "check", "pack", "journal", "log", "place"]:
            value = timing.get(phase, 0)
            print(f"  {phase:<8} {value:7.2f} s  {value / wall * 100:5.1f} %  {value / sent * 1000:6.2f} ms/pupil")
        print(f"  other    {wall - phases:7.2f} s  {(wall - phases) / wall * 100:5.1f} %  (start-up, login, selection, register XML + signature + PDF)")
        again, output = run(prepare)
        print(f"again:   {len(json.loads(output)['result']['alreadySent'])} already sent, nothing packed or logged, in {again:.2f} s")

        wall, output = run([binary, "transfer", "receive", out, "-o", os.path.join(work, "receipts"), "--ca", f"{keys}/root.pem",
                            "--sign-cert", f"{keys}/school-a.pem", "--purpose", "transfer", "--json"] + as_school)
        document = json.loads(output)
        report = document["result"]
        received = len(report["received"])
        if received != options.pupils:
            sys.exit(f"receive took {received} of {options.pupils} dossiers: {document['failures'][:3]}")
        print(f"\nreceive: {received} dossiers ({documents} documents) in {wall:.2f} s = {received / wall:.1f} pupils/s "
              f"({wall / received * 1000:.1f} ms each)")
        print(f"  verify, decrypt, file, log  {report['seconds']:7.2f} s  {report['seconds'] / wall * 100:5.1f} %")
        print(f"  other                       {wall - report['seconds']:7.2f} s  {(wall - report['seconds']) / wall * 100:5.1f} %  (start-up, login, receipt)")
    finally:
        if options.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
