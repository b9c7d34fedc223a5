import Cryptography
import Foundation
import Support

/// The access log as found at one moment: its length, its checkpoints and cosignatures.
public struct LogSnapshot: Sendable {
    /// Bytes of `access.jsonl` then (what is appended later is not judged).
    let bytes: Int
    let checkpoints: [Checkpoint]
    let cosigned: [CosignedCheckpoint]
}

/// Checks the whole access log: every entry's number, chain link and seal (an entry without
/// one is a forgery); the Merkle tree recomputed from the entries against every stored
/// checkpoint and every exported one given (each must be signed by the log's key and be a head
/// of this log's prefix, which is what consistency between any two of them means), against the
/// head the archive's index recorded, and against the witnesses' cosignatures. Names each cause
/// once, at its entry where it can.
///
/// Streaming: the log is read a window at a time (``LogReader``), each window's lines hashed and
/// read on both cores (``EntryScanner``), then judged and folded into the tree in order
/// (``EntryJudge``, ``LeafFolder``): memory stays flat however long the log is.
public struct LogVerifier {
    let log: AccessLog
    let publicKey: Ed25519PublicKey
    let sealKey: SymmetricKey?
    let earlier: EarlierKeys?
    let witnesses: [WitnessKey]
    let quorum: Int

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
    /// With `witnesses`, the newest checkpoint must carry at least `quorum` of their cosignatures.
    public init(log: AccessLog, publicKey: Ed25519PublicKey, sealKey: SymmetricKey?, earlier: EarlierKeys? = nil,
                witnesses: [WitnessKey] = [], quorum: Int = 0) {
        self.log = log
        self.publicKey = publicKey
        self.sealKey = sealKey
        self.earlier = earlier
        self.witnesses = witnesses
        self.quorum = quorum
    }

    /// The log as it is now, to verify as found (before the audit's own entry is added).
    public func snapshot() throws(AuditLogError) -> LogSnapshot {
        var status = stat()
        let bytes = stat(log.entriesFile.path, &status) == 0 ? Int(status.st_size) : 0
        return LogSnapshot(bytes: bytes, checkpoints: try log.checkpoints(), cosigned: try CosignatureStore(folder: log.folder).all())
    }

    /// Verifies the log as it is now, the `exported` checkpoints (with the files they came from) and
    /// the head the archive's index `recorded` at its last change.
    public func verify(exported: [(file: String, checkpoint: Checkpoint)] = [], recorded: LogHead? = nil) throws(AuditLogError) -> LogVerification {
        try verify(try snapshot(), exported: exported, recorded: recorded)
    }

    /// Verifies `snapshot`, the `exported` checkpoints, the head the index `recorded`, and what the
    /// witnesses answered when the newest checkpoint was last submitted to them (`answers`, by witness name).
    /// - Throws: ``AuditLogError/unreadable(path:)`` when the log cannot be read.
    public func verify(_ snapshot: LogSnapshot, exported: [(file: String, checkpoint: Checkpoint)] = [], recorded: LogHead? = nil,
                       answers: [String: WitnessOutcome] = [:]) throws(AuditLogError) -> LogVerification {
        var result = LogVerification()
        let stored = snapshot.checkpoints
        result.checkpoints = stored.count
        result.exportedCheckpoints = exported.count
        result.latestCheckpoint = stored.last.map { ($0.size, $0.time) }
        let wanted = Set(stored.map(\.size) + exported.map(\.checkpoint.size) + snapshot.cosigned.map(\.checkpoint.size) + [recorded?.size].compactMap { $0 })
        let (heads, judge, read) = try readEntries(upTo: snapshot.bytes, wantingHeadsAt: wanted.sorted(), into: &result)
        if read.tornTail { result.notes.append("The last line is incomplete (a crash while writing it, never acknowledged); the next entry replaces it.") }
        let entries = result.entries
        // Every head from the first damaged line on differs: what follows from the entry problems is a note, not more problems.
        let explained = judge.firstProblemLine
        checkStored(stored, heads: heads, entries: entries, reached: judge.lastNumber, explainedFrom: explained, into: &result)
        if let recorded { checkRecorded(recorded, heads: heads, entries: entries, explainedFrom: explained, into: &result) }
        for (file, checkpoint) in exported {
            checkExported(checkpoint, file: file, stored: stored, heads: heads, entries: entries, explainedFrom: explained, into: &result)
        }
        checkWitnessed(snapshot.cosigned, stored: stored, heads: heads, entries: entries, answers: answers, explainedFrom: explained, into: &result)
        if let last = stored.last, last.size < entries {
            result.notes.append(last.size + 1 == entries ? "Entry \(entries) is not yet covered by a signed checkpoint."
                                : "Entries \(last.size + 1)–\(entries) are not yet covered by a signed checkpoint.")
        }
        return result
    }

    /// Reads every line once, judging it and folding it into the tree; returns the tree heads
    /// at the sizes in `wanted` (sorted).
    private func readEntries(upTo bytes: Int, wantingHeadsAt wanted: [Int], into result: inout LogVerification)
        throws(AuditLogError) -> (heads: [Int: Data], judge: EntryJudge, read: (bytes: Int, tornTail: Bool)) {
        var judge = EntryJudge(checksSeals: sealKey != nil, earlierSize: earlier?.size ?? 0, checksEarlierSeals: earlier?.sealKey != nil)
        let folder = LeafFolder()
        var heads: [Int: Data] = [0: MerkleTree.emptyRoot]
        var nextWanted = wanted.firstIndex { $0 > 0 } ?? wanted.count
        let scanner = EntryScanner(sealKey: sealKey, earlierSealKey: earlier?.sealKey)
        func fold(_ scanned: [ContiguousArray<ScannedEntry>]) {
            for entry in scanned.joined() {
                judge.judge(entry)
                folder.append(entry.leaf)
                while nextWanted < wanted.count, wanted[nextWanted] == folder.size {
                    heads[folder.size] = folder.root()
                    nextWanted += 1
                }
            }
        }
        // A pipeline: while two workers scan a window, this thread judges and folds the one before.
        var previous: [ContiguousArray<ScannedEntry>] = []
        let read = try LogReader(file: log.entriesFile, limit: bytes).forEachWindow { window throws(AuditLogError) in
            // Addresses, not pointers, cross to the workers: the window stays valid until they are waited for, below.
            let halves = Self.halves(window).map { (UInt(bitPattern: $0.baseAddress), $0.count) }
            let scanned = ConcurrentSlots<ContiguousArray<ScannedEntry>>(count: halves.count)
            let scanning = DispatchGroup()
            for (index, half) in halves.enumerated() {
                DispatchQueue.global().async(group: scanning) {
                    scanned[index] = scanner.scan(UnsafeRawBufferPointer(start: UnsafeRawPointer(bitPattern: half.0), count: half.1))
                }
            }
            fold(previous)
            scanning.wait()
            previous = (0..<halves.count).map { scanned[$0] ?? [] }
        }
        fold(previous)
        judge.finish()
        result.entries = folder.size
        result.bytes = read.bytes
        result.root = folder.root().hexadecimal
        result.problems += judge.problems
        return (heads, judge, read)
    }

    /// `window` cut in two at a line boundary near its middle (one piece when it is small).
    private static func halves(_ window: UnsafeRawBufferPointer) -> [UnsafeRawBufferPointer] {
        guard window.count > 1 << 16, let base = window.baseAddress,
              let newline = memchr(base + window.count / 2, 0x0A, window.count - window.count / 2) else { return [window] }
        let cut = base.distance(to: UnsafeRawPointer(newline)) + 1
        return [UnsafeRawBufferPointer(rebasing: window[..<cut]), UnsafeRawBufferPointer(rebasing: window[cut...])].filter { !$0.isEmpty }
    }

    /// `reached` is the number the entries run to: a checkpoint beyond the lines but not beyond it
    /// covers entries already named missing.
    /// Each checkpoint's signature is one Ed25519 verification, and a long log has thousands of
    /// checkpoints (as much work as hashing the log). With the seal key, a checkpoint that states
    /// the head recomputed from entries found sealed and in place is vouched for by those seals; the
    /// newest and every other have their signature checked. Without the seal key, every one is.
    private func checkStored(_ stored: [Checkpoint], heads: [Int: Data], entries: Int, reached: Int, explainedFrom explained: Int?,
                             into result: inout LogVerification) {
        var previousSize = 0
        var unsigned: [Int] = [], beyond: [Int] = [], differing: [Int] = [], echoes = 0
        for (index, checkpoint) in stored.enumerated() {
            let name = "checkpoint \(index + 1) (\(checkpoint.time), \(checkpoint.size) entries)"
            // Vouched for by the seals only when every entry it covers was found sealed and in place.
            let vouched = sealKey != nil && heads[checkpoint.size] == checkpoint.root && (explained ?? .max) > checkpoint.size
            if !vouched || index == stored.count - 1, !isSigned(checkpoint) { unsigned.append(index + 1) }
            if checkpoint.size < previousSize {
                result.problems.append(.init(entry: nil, message: "\(name) covers fewer entries than the one before it (\(previousSize)): the checkpoints were rolled back or reordered"))
            }
            previousSize = max(previousSize, checkpoint.size)
            if checkpoint.size > max(entries, reached) {
                beyond.append(index + 1)
            } else if checkpoint.size > entries {
                echoes += 1
            } else if heads[checkpoint.size] != checkpoint.root {
                if let explained, explained <= checkpoint.size { echoes += 1 } else { differing.append(index + 1) }
            }
        }
        func span(_ numbers: [Int]) -> String { LogVerifier.checkpoints(numbers[0], numbers[numbers.count - 1], count: numbers.count) }
        if !unsigned.isEmpty {
            result.problems.append(.init(entry: nil, message: "\(span(unsigned)) \(unsigned.count == 1 ? "is" : "are") not signed by this log's key: forged or altered"))
        }
        if let last = beyond.last {
            let end = max(entries, reached)
            result.problems.append(.init(entry: end + 1, message: "\(span(beyond)) \(beyond.count == 1 ? "covers" : "cover") entries up to \(stored[last - 1].size), but the log ends at entry \(end): entries were removed or the log was rolled back to an older copy"))
        }
        if let first = differing.first {
            let size = stored[first - 1].size
            result.problems.append(.init(entry: nil, message: "the first \(size) entries no longer match \(span(differing)) (from \(stored[first - 1].time)): an entry up to \(size) was changed, removed or inserted"))
        }
        if echoes > 0 {
            result.notes.append("\(echoes) stored checkpoint(s) no longer match the log, as follows from the entry problems above.")
        }
    }

    /// The log must hold, as its first entries, the ones the index recorded at its last change.
    private func checkRecorded(_ recorded: LogHead, heads: [Int: Data], entries: Int, explainedFrom explained: Int?, into result: inout LogVerification) {
        if recorded.size > entries {
            result.problems.append(.init(entry: entries + 1, message: "the archive's index recorded \(recorded.size) entries at its last change, but the log ends at entry \(entries): the log folder was rolled back behind the index (restored from an older copy) or cut short"))
        } else if heads[recorded.size] != recorded.root, let explained, explained <= recorded.size {
            result.notes.append("The head the archive's index recorded no longer matches the log, as follows from the entry problems above.")
        } else if heads[recorded.size] != recorded.root {
            result.problems.append(.init(entry: nil, message: "the log's first \(recorded.size) entries are not those the archive's index recorded at its last change: the log folder was replaced by another copy or rewritten"))
        }
    }

    private func checkExported(_ checkpoint: Checkpoint, file: String, stored: [Checkpoint], heads: [Int: Data], entries: Int,
                               explainedFrom explained: Int?, into result: inout LogVerification) {
        guard isSigned(checkpoint) else {
            result.problems.append(.init(entry: nil, message: "\(file) is not signed by this log's key (another archive's, or altered)"))
            return
        }
        if checkpoint.size > entries {
            result.problems.append(.init(entry: entries + 1, message: "\(file) (\(checkpoint.time)) covers \(checkpoint.size) entries, but the log now has \(entries): the log was rolled back or cut short"))
        } else if heads[checkpoint.size] != checkpoint.root {
            if let explained, explained <= checkpoint.size {
                result.notes.append("\(file) no longer matches the log, as follows from the entry problems above.")
            } else {
                result.problems.append(.init(entry: nil, message: "\(file) (\(checkpoint.time)) does not match the log's first \(checkpoint.size) entries: the log was rewritten since (a fork)"))
            }
        } else if !stored.contains(where: { $0.size >= checkpoint.size }) {
            result.notes.append("\(file) is newer than every stored checkpoint; the stored ones may have been removed.")
        }
    }

    /// Whether `checkpoint` is signed by the log's key, or covers only entries of the earlier keys and is signed by theirs.
    public func isSigned(_ checkpoint: Checkpoint) -> Bool {
        checkpoint.isSigned(by: publicKey) || earlier.map { checkpoint.size <= $0.size && checkpoint.isSigned(by: $0.publicKey) } ?? false
    }
}
