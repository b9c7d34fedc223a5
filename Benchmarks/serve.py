#!/usr/bin/env python3
"""`inclusio serve` under load: `archive show` over HTTPS from 16 clients, next to one CLI process per show.

Builds a served archive (`archive init --custody service`, the demo PKI, the sample policy, office enrolled by
certificate) and files the fixture records with one real `archive ingest`. Then extends it, as
Benchmarks/due.py does, to N document versions of N/10 pupils with sqlite3, but sealed so that `archive
show` opens them: Python opens the master key with the custodians' passphrase (keys/custodian.scrypt:
scrypt, AES-256-GCM), opens the scope keys and a filed pupil's keys of each class through them, and, for each
new pupil, wraps those keys under the same scope keys and re-seals the identity and document details and keys
under the new pseudonym and document ids (the sealed values are bound to them). Blobs are shared with the templates, so `archive get` and `archive check` would
rightly refuse the copies; `show` decrypts the pupil key, the identity and every version's details, which
is what it does in a real archive of that size.

Then starts a release `inclusio serve` on 127.0.0.1 (a free port) and sends `show` requests for every pupil
once, in random order, from 16 client threads (Python's http.client and ssl, office's client certificate,
one kept-alive connection each): p50, p99, shows/s, errors (any answer but 200 with exitStatus 0), and the
service's peak memory (VmHWM) and CPU per show (/proc/<pid>). Then stops it, and times the same show as one
`inclusio archive show --json` process per request on the same archive (on the service's machine: the
office's key and the custodians' passphrase), a few hundred runs; prints mean, p50 and the ratio.

Usage: Benchmarks/serve.py [--binary .build/release/inclusio] [--documents 100000] [--requests 10000]
                           [--clients 16] [--cli-runs 200] [--keep]
"""
import argparse, hashlib, http.client, json, os, random, shutil, signal, sqlite3, ssl, statistics, subprocess, sys
import tempfile, threading, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from archive import FIXTURES, ROOT, fsync_rate, run  # noqa: E402

from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: E402

PER_PUPIL = 10
CUSTODIAN = "benchmark custodians' passphrase"


def make_served_archive(binary, work):
    """The demo PKI and a served archive in `work` with the sample policy and office enrolled by certificate,
    the fixture records filed; returns the keys folder, the archive folder and the custodians' passphrase file."""
    keys, archive = os.path.join(work, "keys"), os.path.join(work, "archive")
    run([binary, "keys", "init", keys])
    admin_file, custodian_file = os.path.join(work, "admin.pass"), os.path.join(work, "custodian.pass")
    for path, secret in [(admin_file, "benchmark admin passphrase"), (custodian_file, CUSTODIAN)]:
        with open(path, "w") as handle:
            handle.write(secret + "\n")
    served = ["--path", archive, "--custodian-passphrase-file", custodian_file]
    run([binary, "archive", "init", "--custody", "service", "--admin-passphrase-file", admin_file] + served)
    run([binary, "archive", "enrol", "office", "--cert", os.path.join(keys, "office.pem"), "--as", "admin",
         "--passphrase-file", admin_file] + served)
    run([binary, "archive", "ingest", FIXTURES, "--as", "office", "--key", os.path.join(keys, "office.key"),
         "--purpose", "filing"] + served)
    return keys, archive, custodian_file


def archive_key(archive):
    """The archive key, opened as `ConfidentialArchive.unlock(custodianPassphrase:)` does (OperatorKeyFile)."""
    with open(os.path.join(archive, "keys", "custodian.scrypt"), "rb") as handle:
        data = handle.read()
    magic = b"INCLUSIO-SCRYPT-1\n"
    assert data.startswith(magic), "keys/custodian.scrypt is not an Inclusio scrypt file"
    header = data[:len(magic) + 3 + 16]
    log2n, r, p = header[len(magic):len(magic) + 3]
    salt = header[-16:]
    key = hashlib.scrypt(CUSTODIAN.encode(), salt=salt, n=1 << log2n, r=r, p=p, maxmem=1 << 30, dklen=32)
    return AESGCM(key).decrypt(data[len(header):len(header) + 12], data[len(header) + 12:], header + b"custodian")


def open_sealed(key, sealed, binding):
    return AESGCM(key).decrypt(sealed[:12], sealed[12:], binding.encode())


def seal(key, plaintext, binding):
    nonce = os.urandom(12)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, binding.encode())


def extend(archive, documents):
    """Adds pupils with PER_PUPIL document versions each, sealed for their own pseudonym and documents, until
    the index holds `documents` versions; returns the versions, pupils and the new pupils' pseudonyms."""
    random.seed(16)
    master = archive_key(archive)
    database = sqlite3.connect(os.path.join(archive, "index.sqlite"))
    columns = [row[1] for row in database.execute("PRAGMA table_info(pupils)")]
    stored = dict(database.execute("SELECT name, wrapped FROM keys WHERE name LIKE 'scope|%'").fetchall())
    templates = []
    for row in database.execute("SELECT * FROM pupils ORDER BY pseudonym").fetchall():
        pupil = dict(zip(columns, row))
        # Each class's pupil key, opened through one scope key (wrapped under the master key), and the scopes it is wrapped under.
        classes = {}
        for key_class, scope, wrapped in database.execute(
                "SELECT key_class, scope, wrapped_key FROM pupil_keys WHERE pseudonym = ? ORDER BY scope", (pupil["pseudonym"],)).fetchall():
            name = f"scope|{scope}|{key_class}"
            scope_key = open_sealed(master, stored[name], f"key|{name}")
            key = open_sealed(scope_key, wrapped, f"pupil-key|{pupil['pseudonym']}|{key_class}|{scope}")
            classes.setdefault(key_class, (key, []))[1].append((scope, scope_key))
        identity = open_sealed(classes[pupil["identity_class"]][0], pupil["sealed_identity"], f"identity|{pupil['pseudonym']}")
        versions = []
        for document, kind, key_class, version, media, size, issued, ingested, by, wrapped, details, blob, blob_size in database.execute(
                "SELECT v.document, d.kind, d.key_class, v.version, v.media_type, v.size, v.issued, v.ingested, v.ingested_by, v.wrapped_key, "
                "v.sealed_details, v.blob, v.blob_size FROM versions v JOIN documents d ON d.id = v.document "
                "WHERE d.pseudonym = ? ORDER BY d.id, v.version", (pupil["pseudonym"],)):
            key = classes[key_class][0]
            versions.append(dict(kind=kind, key_class=key_class, media=media, size=size, issued=issued, ingested=ingested, by=by, blob=blob,
                                 blob_size=blob_size,
                                 document_key=open_sealed(key, wrapped, f"document-key|{pupil['pseudonym']}|{document}|{version}"),
                                 details=open_sealed(key, details, f"details|{pupil['pseudonym']}|{document}|{version}")))
        templates.append((pupil, classes, identity, versions))
    have = database.execute("SELECT COUNT(*) FROM versions").fetchone()[0]
    count = max(0, (documents - have) // PER_PUPIL)
    made = []
    with database:
        for number in range(count):
            pupil, classes, identity, versions = templates[number % len(templates)]
            row = dict(pupil)
            pseudonym = f"P-S{number:010d}"
            row["pseudonym"] = pseudonym
            row["sealed_identity"] = seal(classes[pupil["identity_class"]][0], identity, f"identity|{pseudonym}")
            if row["school_code"]:
                row["school_code"] = f"{row['school_code']}-{number % 40:02d}"
            database.execute(f"INSERT INTO pupils ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                             [row[column] for column in columns])
            # The template's pupil keys, wrapped for the new pseudonym under the template's scope keys.
            for key_class, (key, scopes) in classes.items():
                for scope, scope_key in scopes:
                    database.execute("INSERT INTO pupil_keys (pseudonym, key_class, scope, wrapped_key) VALUES (?, ?, ?, ?)",
                                     (pseudonym, key_class, scope, seal(scope_key, key, f"pupil-key|{pseudonym}|{key_class}|{scope}")))
            for slot in range(PER_PUPIL):
                version = versions[slot % len(versions)]
                document = f"D-S{number:08d}{slot}"
                key = classes[version["key_class"]][0]
                database.execute("INSERT INTO documents (id, pseudonym, kind, record_id, key_class) VALUES (?, ?, ?, ?, ?)",
                                 (document, pseudonym, version["kind"], f"SERVE-{number}-{slot}", version["key_class"]))
                database.execute(
                    "INSERT INTO versions (document, version, content_token, media_type, size, issued, ingested, ingested_by, "
                    "wrapped_key, sealed_details, blob, blob_size) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (document, os.urandom(32), version["media"], version["size"], version["issued"], version["ingested"], version["by"],
                     seal(key, version["document_key"], f"document-key|{pseudonym}|{document}|1"),
                     seal(key, version["details"], f"details|{pseudonym}|{document}|1"), version["blob"], version["blob_size"]))
            made.append(pseudonym)
    total = database.execute("SELECT COUNT(*) FROM versions").fetchone()[0]
    pupils = database.execute("SELECT COUNT(*) FROM pupils").fetchone()[0]
    database.close()
    return total, pupils, made


def start_service(binary, keys, archive, custodian_file, work):
    out = open(os.path.join(work, "serve.out"), "w+")
    process = subprocess.Popen([binary, "serve", "--path", archive, "--listen", "127.0.0.1:0", "--tls-cert", os.path.join(keys, "server.pem"),
                                "--tls-key", os.path.join(keys, "server.key"), "--client-ca", os.path.join(keys, "root.pem"),
                                "--unlock-passphrase-file", custodian_file], stdout=out, stderr=subprocess.STDOUT)
    for _ in range(300):
        time.sleep(0.1)
        out.seek(0)
        text = out.read()
        if "https://" in text:
            host, port = text.split("https://")[1].split()[0].rsplit(":", 1)
            return process, host, int(port)
        if process.poll() is not None:
            break
    process.kill()
    sys.exit(f"inclusio serve did not start:\n{text}")


def proc_status(pid):
    """VmHWM and VmRSS (KiB) and CPU seconds (user + system) of `pid`."""
    with open(f"/proc/{pid}/status") as handle:
        fields = dict(line.split(":", 1) for line in handle if ":" in line)
    with open(f"/proc/{pid}/stat") as handle:
        stat = handle.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return int(fields["VmHWM"].split()[0]), int(fields["VmRSS"].split()[0]), (int(stat[11]) + int(stat[12])) / ticks


def load(host, port, keys, pupils, clients):
    """Sends one show per pupil from `clients` threads; returns the latencies (s), wall time and errors."""
    context = ssl.create_default_context(cafile=os.path.join(keys, "root.pem"))
    context.load_cert_chain(os.path.join(keys, "office.pem"), os.path.join(keys, "office.key"))
    queue = list(pupils)
    lock = threading.Lock()
    latencies, errors = [], []

    def client():
        connection = http.client.HTTPSConnection(host, port, context=context, timeout=30)
        mine = []
        while True:
            with lock:
                if not queue:
                    break
                pupil = queue.pop()
            body = json.dumps({"arguments": ["--pupil", pupil, "--purpose", "annual-review"]})
            started = time.perf_counter()
            try:
                connection.request("POST", "/v1/commands/archive/show", body=body, headers={"Content-Type": "application/json"})
                response = connection.getresponse()
                answer = response.read()
                mine.append(time.perf_counter() - started)
                if response.status != 200 or json.loads(answer).get("exitStatus") != 0:
                    with lock:
                        errors.append(f"{response.status}: {answer[:300]!r}")
            except (OSError, http.client.HTTPException) as error:
                with lock:
                    errors.append(repr(error))
                connection.close()
                connection = http.client.HTTPSConnection(host, port, context=context, timeout=30)
        connection.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, time.perf_counter() - started, errors


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "inclusio"))
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--cli-runs", type=int, default=200)
    parser.add_argument("--keep", action="store_true")
    options = parser.parse_args()
    binary = os.path.abspath(options.binary)
    os.environ.setdefault("INCLUSIO_HOME", ROOT)
    work = tempfile.mkdtemp(prefix="inclusio-serve-bench-")
    try:
        started = time.perf_counter()
        keys, archive, custodian_file = make_served_archive(binary, work)
        versions, pupils, made = extend(archive, options.documents)
        print(f"inclusio serve over {versions} document versions of {pupils} pupils (built in {time.perf_counter() - started:.1f} s; "
              f"this disk: {fsync_rate(work):.0f} fsync/s)")
        random.shuffle(made)
        asked = (made * (options.requests // max(1, len(made)) + 1))[:options.requests]

        process, host, port = start_service(binary, keys, archive, custodian_file, work)
        try:
            _, _, cpu_before = proc_status(process.pid)
            latencies, wall, errors = load(host, port, keys, asked, options.clients)
            hwm, rss, cpu_after = proc_status(process.pid)
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
        print(f"service   {len(latencies)} shows from {options.clients} clients in {wall:.2f} s: {len(latencies) / wall:,.0f} shows/s, "
              f"p50 {percentile(latencies, 0.5) * 1e3:.2f} ms, p99 {percentile(latencies, 0.99) * 1e3:.2f} ms, "
              f"max {max(latencies) * 1e3:.1f} ms, errors {len(errors)}")
        print(f"          service CPU {(cpu_after - cpu_before) / len(latencies) * 1e3:.2f} ms per show "
              f"({(cpu_after - cpu_before) / wall:.2f} cores); peak memory (VmHWM) {hwm / 1024:.0f} MiB, RSS at the end {rss / 1024:.0f} MiB")
        for error in errors[:3]:
            print(f"          error: {error}")

        office = ["--path", archive, "--as", "office", "--key", os.path.join(keys, "office.key"),
                  "--custodian-passphrase-file", custodian_file, "--purpose", "annual-review", "--json"]
        walls = []
        for pupil in asked[:options.cli_runs]:
            took, out = run([binary, "archive", "show", "--pupil", pupil] + office)
            if json.loads(out).get("error") is not None:
                sys.exit(f"archive show {pupil} failed: {out[:300]}")
            walls.append(took)
        mean, median = statistics.mean(walls), statistics.median(walls)
        print(f"CLI       {len(walls)} `archive show` processes, one after another: mean {mean * 1e3:.1f} ms, p50 {median * 1e3:.1f} ms "
              f"({1 / mean:.1f} shows/s); the service's p50 is {median / percentile(latencies, 0.5):.0f}x faster, "
              f"its throughput {len(latencies) / wall * mean:.0f}x")
    finally:
        if options.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
