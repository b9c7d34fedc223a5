#!/usr/bin/env python3
"""Checks, as an outsider would, that an Inclusio access log only grew between two checkpoints
and that a witness vouched for the newer one: an RFC 9162 consistency proof
(`inclusio audit consistency --from OLD`) with nothing but SHA-256, the log's Ed25519 signature
on the newer checkpoint and the witness's C2SP tlog-cosignature/v1 on it, both with
`openssl pkeyutl -verify -rawin`.

usage: verify_witnessed.py CONSISTENCY.json LOG-KEY.pem WITNESS-VERIFIER-KEY
  CONSISTENCY.json  what `audit consistency` printed: oldSize, newSize, oldRoot, newRoot, proof, checkpoint
                    (the newer checkpoint's note, with its cosignatures)
  LOG-KEY.pem       the log's checkpoint key (`audit checkpoint --public-key`)
  WITNESS-VERIFIER-KEY  the witness's key as `inclusio witness init` printed it (name+keyid+base64)
Exit 0 when everything holds, 1 when something does not (each problem printed), 2 on unreadable input.
"""
import base64
import hashlib
import json
import os
import subprocess
import sys
import tempfile

ED25519_SPKI_PREFIX = bytes.fromhex("302a300506032b6570032100")


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def consistent(old_size: int, new_size: int, old_root: bytes, new_root: bytes, proof: list) -> bool:
    """RFC 9162 §2.1.4.2, step by step."""
    if old_size > new_size:
        return False
    if old_size == new_size:
        return not proof and old_root == new_root
    if old_size == 0:
        return not proof
    if not proof:
        return False
    path = ([old_root] + proof) if old_size & (old_size - 1) == 0 else proof
    fn, sn = old_size - 1, new_size - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            while fn & 1 == 0 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return sn == 0 and fr == old_root and sr == new_root


def ed25519_verifies(raw_key: bytes, message: bytes, signature: bytes) -> bool:
    with tempfile.TemporaryDirectory() as folder:
        key, msg, sig = (os.path.join(folder, n) for n in ("key.pem", "msg", "sig"))
        with open(key, "w") as f:
            f.write("-----BEGIN PUBLIC KEY-----\n" + base64.b64encode(ED25519_SPKI_PREFIX + raw_key).decode() + "\n-----END PUBLIC KEY-----\n")
        with open(msg, "wb") as f:
            f.write(message)
        with open(sig, "wb") as f:
            f.write(signature)
        run = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", key, "-rawin", "-in", msg, "-sigfile", sig],
                             capture_output=True)
        return run.returncode == 0


def main() -> int:
    if len(sys.argv) != 4:
        print(__doc__.strip().splitlines()[5], file=sys.stderr)
        return 2
    try:
        with open(sys.argv[1], encoding="utf-8") as f:
            document = json.load(f)
        with open(sys.argv[2], encoding="utf-8") as f:
            pem = "".join(l for l in f.read().splitlines() if not l.startswith("-----"))
        log_key = base64.b64decode(pem)[len(ED25519_SPKI_PREFIX):]
        name, key_id, material = sys.argv[3].strip().split("+", 2)
        material = base64.b64decode(material)
        witness_key = material[1:]
        note = document["checkpoint"]
        body, signatures = note.split("\n\n", 1)
        body += "\n"
        lines = body.split("\n")
        size, root = int(lines[1]), base64.b64decode(lines[2])
        proof = [bytes.fromhex(h) for h in document["proof"]]
        old_root, new_root = bytes.fromhex(document["oldRoot"]), bytes.fromhex(document["newRoot"])
    except (OSError, ValueError, KeyError, IndexError) as error:
        print(f"unreadable input: {error}", file=sys.stderr)
        return 2
    problems = []
    if not consistent(document["oldSize"], document["newSize"], old_root, new_root, proof):
        problems.append(f"the proof does not show that the log of {document['newSize']} entries extends the one of {document['oldSize']}")
    if (size, root) != (document["newSize"], new_root):
        problems.append("the newer checkpoint is not the tree head the proof leads to")
    if material[0] != 4 or hashlib.sha256(name.encode() + b"\n\x04" + witness_key).digest()[:4].hex() != key_id:
        problems.append("the witness's verifier key is not an Ed25519 cosigner key")
    log_signed = cosigned = False
    for line in signatures.strip("\n").split("\n"):
        dash, signer, payload = line.split(" ")
        payload = base64.b64decode(payload)
        if signer == lines[0] and len(payload) == 68:
            log_signed = log_signed or ed25519_verifies(log_key, body.encode(), payload[4:])
        elif signer == name and len(payload) == 76 and payload[:4].hex() == key_id:
            timestamp = int.from_bytes(payload[4:12], "big")
            message = f"cosignature/v1\ntime {timestamp}\n".encode() + body.encode()
            cosigned = cosigned or ed25519_verifies(witness_key, message, payload[12:])
    if not log_signed:
        problems.append("the newer checkpoint does not carry the log key's signature")
    if not cosigned:
        problems.append(f"the newer checkpoint does not carry a cosignature of witness {name}")
    for problem in problems:
        print(problem)
    if not problems:
        print(f"Entries 1-{document['oldSize']} are unchanged in the log of {document['newSize']} entries, which the log signed and {name} cosigned.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
