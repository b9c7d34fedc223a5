import Foundation

/// Checks RFC 6962 proofs with the algorithms of RFC 9162 §2.1.3.2 and §2.1.4.2, using
/// nothing but the proof, the sizes and the tree heads.
public enum MerkleProof {
    /// Whether `path` proves that `leaf` (a leaf hash) is leaf `index` of the tree of `size`
    /// leaves whose head is `root`.
    public static func verifyInclusion(leaf: Data, index: Int, size: Int, path: [Data], root: Data) -> Bool {
        guard index >= 0, index < size else { return false }
        let hasher = MerkleHasher()
        var fn = index, sn = size - 1, hash = leaf
        for sibling in path {
            guard sn > 0 else { return false }
            if fn & 1 == 1 || fn == sn {
                hash = hasher.node(sibling, hash)
                while fn & 1 == 0 && fn != 0 { fn >>= 1; sn >>= 1 }
            } else {
                hash = hasher.node(hash, sibling)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 && hash == root
    }

    /// Whether `proof` shows that the tree of `newSize` leaves with head `newRoot` starts with
    /// the tree of `oldSize` leaves with head `oldRoot` (nothing before it was changed).
    public static func verifyConsistency(oldSize: Int, newSize: Int, oldRoot: Data, newRoot: Data, proof: [Data]) -> Bool {
        guard oldSize >= 0, oldSize <= newSize else { return false }
        if oldSize == newSize { return proof.isEmpty && oldRoot == newRoot }
        if oldSize == 0 { return proof.isEmpty }
        guard !proof.isEmpty else { return false }
        let hasher = MerkleHasher()
        let path = oldSize & (oldSize - 1) == 0 ? [oldRoot] + proof : proof
        var fn = oldSize - 1, sn = newSize - 1
        while fn & 1 == 1 { fn >>= 1; sn >>= 1 }
        var oldHash = path[0], newHash = path[0]
        for node in path.dropFirst() {
            guard sn > 0 else { return false }
            if fn & 1 == 1 || fn == sn {
                oldHash = hasher.node(node, oldHash)
                newHash = hasher.node(node, newHash)
                while fn & 1 == 0 && fn != 0 { fn >>= 1; sn >>= 1 }
            } else {
                newHash = hasher.node(newHash, node)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 && oldHash == oldRoot && newHash == newRoot
    }
}
