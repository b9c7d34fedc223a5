import Cryptography
import Foundation

/// A proof that one entry is in the log a checkpoint signed, for anyone to check with
/// SHA-256 alone (`Benchmarks/verify_inclusion.py`): the entry's bytes, its index, the
/// checkpoint's size and root, and the RFC 6962 audit path.
public struct InclusionProof: Sendable, Codable {
    public let origin: String
    /// The entry's sequence number (leaf index + 1).
    public let entry: Int
    public let leafIndex: Int
    public let treeSize: Int
    /// The entry's line in the log, exactly as hashed (UTF-8, without the newline).
    public let line: String
    /// Its RFC 6962 leaf hash (hex).
    public let leafHash: String
    /// Sibling hashes from the leaf up (hex).
    public let path: [String]
    /// The checkpoint's root (hex).
    public let root: String

    /// The proof for `entry` under `checkpoint`, from the log as it is now.
    /// - Throws: ``AuditLogError/notACheckpoint(file:reason:)`` when the checkpoint does not
    ///   cover the entry or does not match the log (run `audit verify`).
    public init(entry: Int, checkpoint: Checkpoint, checkpointFile: String, log: AccessLog) throws(AuditLogError) {
        let lines = try log.lines().lines
        guard entry >= 1, entry <= checkpoint.size else {
            throw .notACheckpoint(file: checkpointFile, reason: "it covers entries 1–\(checkpoint.size), not entry \(entry)")
        }
        guard checkpoint.size <= lines.count else {
            throw .notACheckpoint(file: checkpointFile, reason: "it covers \(checkpoint.size) entries but the log has \(lines.count); run audit verify")
        }
        let hasher = MerkleHasher()
        let tree = MerkleTree(leaves: lines.prefix(checkpoint.size).map { hasher.leaf($0) })
        guard tree.root(size: checkpoint.size) == checkpoint.root else {
            throw .notACheckpoint(file: checkpointFile, reason: "it does not match the log's first \(checkpoint.size) entries; run audit verify")
        }
        origin = checkpoint.origin
        self.entry = entry
        leafIndex = entry - 1
        treeSize = checkpoint.size
        line = String(decoding: lines[entry - 1], as: UTF8.self)
        leafHash = hasher.leaf(lines[entry - 1]).hexadecimal
        path = tree.inclusionProof(index: entry - 1, size: checkpoint.size).map(\.hexadecimal)
        root = checkpoint.root.hexadecimal
    }
}
