import Cryptography
import Foundation

/// An RFC 9162 (§2.1.4) consistency proof between two tree heads of the log, for anyone to check
/// with SHA-256 alone (`Tests/Fixtures/tools/verify_consistency.py`): the old and new sizes and
/// roots, and the proof's hashes. Made from the log in one streaming pass (flat memory).
public struct ConsistencyProof: Sendable, Codable, Equatable {
    public let origin: String
    public let oldSize: Int
    public let newSize: Int
    /// Roots (hex).
    public let oldRoot: String
    public let newRoot: String
    /// The proof's hashes (hex), in RFC 9162 order.
    public let proof: [String]
    /// The newer checkpoint's note with its cosignatures, when one is given to check the new root against.
    public var checkpoint: String?

    /// The proof that the log's first `newSize` entries extend its first `oldSize`, from the log as it is.
    /// - Throws: ``AuditLogError/notACheckpoint(file:reason:)`` when the log is shorter than `newSize`.
    public init(log: AccessLog, origin: String, from oldSize: Int, to newSize: Int) throws(AuditLogError) {
        let tree = try StreamedTree(log: log, heads: [oldSize, newSize], ranges: MerkleTree.consistencyRanges(from: oldSize, to: newSize))
        guard tree.size >= newSize else {
            throw .notACheckpoint(file: log.entriesFile.path, reason: "the log has \(tree.size) entries, fewer than the \(newSize) asked for; run audit verify")
        }
        self.origin = origin
        self.oldSize = oldSize
        self.newSize = newSize
        oldRoot = tree.heads[oldSize, default: MerkleTree.emptyRoot].hexadecimal
        newRoot = tree.heads[newSize, default: MerkleTree.emptyRoot].hexadecimal
        proof = tree.rangeHashes.map(\.hexadecimal)
    }

    /// The proof's hashes as bytes.
    public var hashes: [Data] { proof.compactMap { Data(hexadecimal: Array($0.utf8)) } }
}

/// One pass over the log's leaves that keeps only what is asked: the tree heads at some sizes,
/// and the hashes (MTH) of some disjoint leaf ranges.
struct StreamedTree {
    private(set) var size = 0
    private(set) var heads: [Int: Data] = [0: MerkleTree.emptyRoot]
    private(set) var rangeHashes: [Data]

    init(log: AccessLog, heads wanted: Set<Int>, ranges: [Range<Int>]) throws(AuditLogError) {
        let hasher = MerkleHasher()
        var whole = MerkleFrontier()
        // Ranges are disjoint; each gets its own frontier, fed while the leaf index is inside it.
        var parts = ranges.map { _ in MerkleFrontier() }
        let order = ranges.indices.sorted { ranges[$0].lowerBound < ranges[$1].lowerBound }
        var next = 0
        let last = wanted.max() ?? 0
        var heads = self.heads
        _ = try LogReader(file: log.entriesFile, limit: nil).forEachWindow { window throws(AuditLogError) in
            LogReader.forEachLine(in: window) { line in
                let index = whole.size
                guard index < last else { return }
                let leaf = hasher.leaf(Data(line))
                whole.append(leaf, hasher: hasher)
                while next < order.count, ranges[order[next]].upperBound <= index { next += 1 }
                if next < order.count, ranges[order[next]].contains(index) { parts[order[next]].append(leaf, hasher: hasher) }
                if wanted.contains(whole.size) { heads[whole.size] = whole.root(hasher: hasher) }
            }
        }
        self.heads = heads
        size = whole.size
        rangeHashes = parts.map { $0.root(hasher: hasher) }
    }
}
