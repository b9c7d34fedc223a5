import Cryptography
import Foundation

/// The access log as read at one moment.
public struct LogSnapshot: Sendable {
    let lines: [Data]
    let tornTail: Bool
    let checkpoints: [Checkpoint]
}

/// Checks the whole access log: every entry's number, chain link and seal (an entry without
/// one is a forgery); the Merkle tree recomputed from the entries against every stored
/// checkpoint and every exported one given (each must be signed by the log's key and be a head
/// of this log's prefix, which is what consistency between any two of them means). Names the
/// entry where it can.
public struct LogVerifier {
    let log: AccessLog
    let publicKey: Ed25519PublicKey
    let sealKey: SymmetricKey?
    let earlier: EarlierKeys?

    /// The keys of a log's first entries, written before `archive migrate` gave the log a key of
    /// its own: the first `size` entries are sealed with `sealKey` (a failed login among them may
    /// be unsealed, as it was then), and checkpoints of at most `size` entries may be signed with `publicKey`.
    public struct EarlierKeys: Sendable {
        public let size: Int
        public let publicKey: Ed25519PublicKey
        public let sealKey: SymmetricKey?

        public init(size: Int, publicKey: Ed25519PublicKey, sealKey: SymmetricKey?) {
            self.size = size
            self.publicKey = publicKey
            self.sealKey = sealKey
        }
    }

    /// `sealKey` checks the entries' seals; without it only their presence, numbering, chain and tree are checked.
    public init(log: AccessLog, publicKey: Ed25519PublicKey, sealKey: SymmetricKey?, earlier: EarlierKeys? = nil) {
        self.log = log
        self.publicKey = publicKey
        self.sealKey = sealKey
        self.earlier = earlier
    }

    /// The log's lines and checkpoints as they are now, to verify as read (before the audit's own entry is added).
    public func snapshot() throws(AuditLogError) -> LogSnapshot {
        let (lines, tornTail) = try log.lines()
        return LogSnapshot(lines: lines, tornTail: tornTail, checkpoints: try log.checkpoints())
    }

    /// Verifies the log as it is now, the `exported` checkpoints (with the files they came from) and
    /// the head the archive's index `recorded` at its last change.
    public func verify(exported: [(file: String, checkpoint: Checkpoint)] = [], recorded: LogHead? = nil) throws(AuditLogError) -> LogVerification {
        verify(try snapshot(), exported: exported, recorded: recorded)
    }

    /// Verifies `snapshot`, the `exported` checkpoints and the head the index `recorded`.
    public func verify(_ snapshot: LogSnapshot, exported: [(file: String, checkpoint: Checkpoint)] = [], recorded: LogHead? = nil) -> LogVerification {
        var result = LogVerification()
        let (lines, tornTail, stored) = (snapshot.lines, snapshot.tornTail, snapshot.checkpoints)
        result.entries = lines.count
        result.bytes = lines.reduce(0) { $0 + $1.count + 1 }
        result.checkpoints = stored.count
        result.exportedCheckpoints = exported.count
        result.latestCheckpoint = stored.last.map { ($0.size, $0.time) }
        if tornTail { result.notes.append("The last line is incomplete (a crash while writing it, never acknowledged); the next entry replaces it.") }

        let wanted = Set(stored.map(\.size) + exported.map(\.checkpoint.size) + [recorded?.size].compactMap { $0 })
        let heads = checkEntries(lines, wantingHeadsAt: wanted, into: &result)
        checkStored(stored, heads: heads, entries: lines.count, into: &result)
        if let recorded { checkRecorded(recorded, heads: heads, entries: lines.count, into: &result) }
        for (file, checkpoint) in exported { checkExported(checkpoint, file: file, stored: stored, heads: heads, entries: lines.count, into: &result) }
        if let last = stored.last, last.size < lines.count {
            result.notes.append(last.size + 1 == lines.count ? "Entry \(lines.count) is not yet covered by a signed checkpoint."
                                : "Entries \(last.size + 1)–\(lines.count) are not yet covered by a signed checkpoint.")
        }
        return result
    }

    /// Checks each entry and returns the tree heads of the prefixes of the sizes in `wanted`.
    private func checkEntries(_ lines: [Data], wantingHeadsAt wanted: Set<Int>, into result: inout LogVerification) -> [Int: Data] {
        let hasher = MerkleHasher()
        var frontier = MerkleFrontier()
        var heads: [Int: Data] = [0: MerkleTree.emptyRoot]
        var previous = ""
        var named = Set<Int>()
        func problem(_ entry: Int, _ message: String) {
            guard named.insert(entry).inserted else { return }
            result.problems.append(.init(entry: entry, message: message))
        }
        for (index, line) in lines.enumerated() {
            let position = index + 1
            let leaf = hasher.leaf(line)
            defer {
                frontier.append(leaf, hasher: hasher)
                previous = leaf.hexadecimal
                if wanted.contains(position) { heads[position] = frontier.root(hasher: hasher) }
            }
            guard let event = LogLine.decode(line) else {
                problem(position, "it is not a log entry (changed or damaged)")
                continue
            }
            if event.sequence != position {
                problem(position, event.sequence > position
                    ? "the log jumps to entry \(event.sequence) here: entries before it were deleted or moved"
                    : "an entry numbered \(event.sequence) stands here: entries were inserted, moved or reordered")
            }
            if event.sequence == position, position > 1, event.previous != previous {
                problem(position - 1, "it no longer matches the hash the next entry recorded for it: it was changed, inserted or moved")
            }
            let inEarlierKeys = earlier.map { position <= $0.size } ?? false
            if !LogLine.isSealed(line) {
                // Before the log had a key of its own, a failed login was written unsealed.
                if !(inEarlierKeys && event.action == "login" && event.outcome == .denied) {
                    problem(position, "it carries no seal, which every entry has: it was forged")
                }
            } else if let key = inEarlierKeys ? earlier?.sealKey : sealKey, !LogLine.hasValidSeal(line, key: key) {
                problem(position, "its seal does not match: it was changed after it was written, or forged")
            }
        }
        result.root = frontier.root(hasher: hasher).hexadecimal
        return heads
    }

    private func checkStored(_ stored: [Checkpoint], heads: [Int: Data], entries: Int, into result: inout LogVerification) {
        var previousSize = 0
        for (index, checkpoint) in stored.enumerated() {
            let name = "checkpoint \(index + 1) (\(checkpoint.time), \(checkpoint.size) entries)"
            if !isSigned(checkpoint) {
                result.problems.append(.init(entry: nil, message: "\(name) is not signed by this log's key: it was forged or altered"))
            }
            if checkpoint.size < previousSize {
                result.problems.append(.init(entry: nil, message: "\(name) covers fewer entries than the one before it (\(previousSize)): the checkpoints were rolled back or reordered"))
            }
            previousSize = max(previousSize, checkpoint.size)
            if checkpoint.size > entries {
                result.problems.append(.init(entry: entries + 1, message: "\(name) covers entries up to \(checkpoint.size), but the log ends at entry \(entries): entries were removed or the log was rolled back to an older copy"))
            } else if heads[checkpoint.size] != checkpoint.root {
                result.problems.append(.init(entry: nil, message: "the first \(checkpoint.size) entries no longer match \(name): an entry up to \(checkpoint.size) was changed, removed or inserted"))
            }
        }
    }

    /// The log must hold, as its first entries, the ones the index recorded at its last change.
    private func checkRecorded(_ recorded: LogHead, heads: [Int: Data], entries: Int, into result: inout LogVerification) {
        if recorded.size > entries {
            result.problems.append(.init(entry: entries + 1, message: "the archive's index recorded \(recorded.size) entries at its last change, but the log ends at entry \(entries): the log folder was rolled back behind the index (restored from an older copy) or cut short"))
        } else if heads[recorded.size] != recorded.root {
            result.problems.append(.init(entry: nil, message: "the log's first \(recorded.size) entries are not those the archive's index recorded at its last change: the log folder was replaced by another copy or rewritten"))
        }
    }

    private func checkExported(_ checkpoint: Checkpoint, file: String, stored: [Checkpoint], heads: [Int: Data], entries: Int,
                               into result: inout LogVerification) {
        guard isSigned(checkpoint) else {
            result.problems.append(.init(entry: nil, message: "\(file) is not signed by this log's key (another archive's, or altered)"))
            return
        }
        if checkpoint.size > entries {
            result.problems.append(.init(entry: entries + 1, message: "\(file) (\(checkpoint.time)) covers \(checkpoint.size) entries, but the log now has \(entries): the log was rolled back or cut short"))
        } else if heads[checkpoint.size] != checkpoint.root {
            result.problems.append(.init(entry: nil, message: "\(file) (\(checkpoint.time)) does not match the log's first \(checkpoint.size) entries: the log was rewritten since (a fork)"))
        } else if !stored.contains(where: { $0.size >= checkpoint.size }) {
            result.notes.append("\(file) is newer than every stored checkpoint; the stored ones may have been removed.")
        }
    }

    /// Whether `checkpoint` is signed by the log's key, or covers only entries of the earlier keys and is signed by theirs.
    public func isSigned(_ checkpoint: Checkpoint) -> Bool {
        checkpoint.isSigned(by: publicKey) || earlier.map { checkpoint.size <= $0.size && checkpoint.isSigned(by: $0.publicKey) } ?? false
    }
}
