#!/usr/bin/env python3
"""Checks an Inclusio inclusion proof (`inclusio audit prove`) against a checkpoint
(`inclusio audit checkpoint`) with nothing but SHA-256, as RFC 6962 / RFC 9162 define it.

usage: verify_inclusion.py PROOF.json CHECKPOINT
Exit 0 when the entry is in the log the checkpoint covers, 1 when not, 2 on unreadable input.
The checkpoint's Ed25519 signature is checked separately, e.g. with
`openssl pkeyutl -verify -pubin -inkey checkpoint-key.pem -rawin -in BODY -sigfile SIG`.
"""
import base64
import hashlib
import json
import sys


def leaf_hash(entry: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + entry).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def root_from_path(leaf: bytes, index: int, size: int, path: list) -> bytes | None:
    """RFC 9162 §2.1.3.2: the root the path leads to, or None when it cannot be a path."""
    if index >= size:
        return None
    fn, sn, r = index, size - 1, leaf
    for sibling in path:
        if sn == 0:
            return None
        if fn & 1 or fn == sn:
            r = node_hash(sibling, r)
            while fn & 1 == 0 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = node_hash(r, sibling)
        fn >>= 1
        sn >>= 1
    return r if sn == 0 else None


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[3], file=sys.stderr)
        return 2
    try:
        with open(sys.argv[1], encoding="utf-8") as f:
            proof = json.load(f)
        with open(sys.argv[2], encoding="utf-8") as f:
            lines = f.read().split("\n")
        origin, size, root = lines[0], int(lines[1]), base64.b64decode(lines[2])
    except (OSError, ValueError, IndexError) as error:
        print(f"unreadable input: {error}", file=sys.stderr)
        return 2
    problems = []
    if proof["origin"] != origin:
        problems.append(f"the proof is for log {proof['origin']}, the checkpoint for {origin}")
    if proof["treeSize"] != size:
        problems.append(f"the proof is for {proof['treeSize']} entries, the checkpoint covers {size}")
    leaf = leaf_hash(proof["line"].encode("utf-8"))
    if leaf.hex() != proof["leafHash"]:
        problems.append("the entry's text does not hash to the proof's leaf hash")
    computed = root_from_path(leaf, proof["leafIndex"], size, [bytes.fromhex(h) for h in proof["path"]])
    if computed != root:
        problems.append("the audit path does not lead to the checkpoint's root")
    if problems:
        for problem in problems:
            print(f"NOT PROVEN: {problem}", file=sys.stderr)
        return 1
    print(f"OK: entry {proof['entry']} is in the first {size} entries of {origin} (root {root.hex()}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
