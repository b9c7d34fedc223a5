import Foundation

/// The right edge of an RFC 6962 tree: the roots of its perfect subtrees, largest first.
/// Appending a leaf costs O(log n) hashes, so the log's root is known after every entry
/// without reading the log again.
public struct MerkleFrontier: Sendable, Equatable, Codable {
    /// Number of leaves.
    public private(set) var size = 0
    /// Roots of the perfect subtrees, one per set bit of `size`, from the largest.
    public private(set) var peaks: [Data] = []

    public init() {}

    /// Adds the leaf hash `leaf` at the right.
    public mutating func append(_ leaf: Data, hasher: MerkleHasher) {
        var carry = leaf
        var merged = size
        // Every trailing set bit of the old size is a subtree of the new leaf's height: merge.
        while merged & 1 == 1 {
            carry = hasher.node(peaks.removeLast(), carry)
            merged >>= 1
        }
        peaks.append(carry)
        size += 1
    }

    /// The tree head: the peaks folded from the right (the hash of the empty string for no leaves).
    public func root(hasher: MerkleHasher) -> Data {
        guard var root = peaks.last else { return MerkleTree.emptyRoot }
        for peak in peaks.dropLast().reversed() { root = hasher.node(peak, root) }
        return root
    }
}
