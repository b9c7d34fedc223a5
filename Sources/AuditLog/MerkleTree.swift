import Cryptography
import Foundation

/// An RFC 6962 Merkle tree over a list of leaf hashes, with every perfect aligned subtree
/// hashed once, so tree heads, inclusion proofs (§2.1.1) and consistency proofs (§2.1.2) for
/// any earlier size take O(log² n) look-ups.
public struct MerkleTree: Sendable {
    /// `SHA-256("")`, the head of the empty tree.
    public static let emptyRoot = SHA256.digest(Data())

    /// `levels[k][i]` is the hash of leaves `i·2^k ..< (i+1)·2^k`; level 0 holds the leaf hashes.
    private let levels: [[Data]]

    /// The tree over `leaves` (leaf hashes, in order).
    public init(leaves: [Data]) {
        let hasher = MerkleHasher()
        var levels = [leaves]
        while let below = levels.last, below.count > 1 {
            levels.append(stride(from: 0, to: below.count - 1, by: 2).map { hasher.node(below[$0], below[$0 + 1]) })
        }
        self.levels = levels
    }

    /// Number of leaves.
    public var size: Int { levels[0].count }

    /// The head of the tree made of the first `size` leaves.
    public func root(size: Int) -> Data {
        precondition(size >= 0 && size <= self.size, "tree size out of range")
        return size == 0 ? Self.emptyRoot : hash(0, size, MerkleHasher())
    }

    /// The audit path of leaf `index` in the tree of the first `size` leaves (RFC 6962 PATH).
    public func inclusionProof(index: Int, size: Int) -> [Data] {
        precondition(index >= 0 && index < size && size <= self.size, "leaf or tree size out of range")
        return path(index, 0, size, MerkleHasher())
    }

    /// The proof that the tree of `newSize` leaves extends the one of `oldSize` (RFC 6962 PROOF).
    public func consistencyProof(from oldSize: Int, to newSize: Int) -> [Data] {
        precondition(oldSize >= 0 && oldSize <= newSize && newSize <= size, "tree sizes out of range")
        let hasher = MerkleHasher()
        return Self.consistencyRanges(from: oldSize, to: newSize).map { hash($0.lowerBound, $0.upperBound, hasher) }
    }

    /// MTH of leaves `start ..< end`: a stored perfect subtree when aligned, else split at the
    /// largest power of two below the count, as RFC 6962 does.
    private func hash(_ start: Int, _ end: Int, _ hasher: MerkleHasher) -> Data {
        let count = end - start
        if count & (count - 1) == 0 {
            let level = count.trailingZeroBitCount
            return levels[level][start >> level]
        }
        let split = Self.largestPowerOfTwo(below: count)
        return hasher.node(hash(start, start + split, hasher), hash(start + split, end, hasher))
    }

    private func path(_ index: Int, _ start: Int, _ end: Int, _ hasher: MerkleHasher) -> [Data] {
        let count = end - start
        guard count > 1 else { return [] }
        let split = Self.largestPowerOfTwo(below: count)
        if index < start + split {
            return path(index, start, start + split, hasher) + [hash(start + split, end, hasher)]
        }
        return path(index, start + split, end, hasher) + [hash(start, start + split, hasher)]
    }

    /// The leaf ranges whose hashes make the proof that the tree of `newSize` leaves extends the
    /// one of `oldSize` (RFC 6962 PROOF), in proof order: what ``consistencyProof(from:to:)``
    /// hashes, for a caller that streams the leaves instead of holding them.
    public static func consistencyRanges(from oldSize: Int, to newSize: Int) -> [Range<Int>] {
        guard oldSize > 0, oldSize < newSize else { return [] }
        func subproof(_ old: Int, _ start: Int, _ end: Int, _ whole: Bool) -> [Range<Int>] {
            let count = end - start
            if old == count { return whole ? [] : [start..<end] }
            let split = largestPowerOfTwo(below: count)
            if old <= split { return subproof(old, start, start + split, whole) + [(start + split)..<end] }
            return subproof(old - split, start + split, end, false) + [start..<(start + split)]
        }
        return subproof(oldSize, 0, newSize, true)
    }

    /// The largest power of two strictly below `count` (count ≥ 2).
    static func largestPowerOfTwo(below count: Int) -> Int {
        1 << (Int.bitWidth - 1 - (count - 1).leadingZeroBitCount)
    }
}
