import AuditLog
import Cryptography
import Foundation
import TestSupport
import Testing

/// The streaming verifier on logs damaged in each way issue 18 names: every cause once, its
/// echoes (later links, later checkpoints) counted as notes, not problems.
@Suite struct LogVerifierTests {
    /// A log of `count` sealed entries with a checkpoint every 5, in a new folder.
    private func log(_ count: Int = 60) throws -> (AccessLog, LogKeys) {
        let keys = try LogKeys(seal: SymmetricKey.random(), signing: Ed25519SigningKey(seed: .random()), origin: "inclusio.archive/test")
        let log = AccessLog(folder: try Run.temporaryFolder(), checkpointInterval: 5)
        for index in 0..<count {
            try log.append([AccessEvent(operatorId: "op-\(index % 7)", role: "teacher", organisation: "School \"A\"", action: "read",
                                        pupil: "P-\(index)", purpose: "review, with \\ and \"quotes\"", outcome: .granted)], keys: keys)
        }
        return (log, keys)
    }

    /// The log's lines changed by `tamper`, then verified with the seal key.
    private func verify(_ log: AccessLog, _ keys: LogKeys, _ tamper: (inout [Data]) -> Void) throws -> LogVerification {
        var lines = try log.lines().lines
        tamper(&lines)
        try Data(lines.map { $0 + [0x0A] }.joined()).write(to: log.entriesFile)
        return try LogVerifier(log: log, publicKey: keys.signing.publicKey, sealKey: keys.seal).verify()
    }

    @Test func anIntactLogIsIntactWithTheSameRootAsTheTree() throws {
        let (log, keys) = try log()
        let result = try LogVerifier(log: log, publicKey: keys.signing.publicKey, sealKey: keys.seal).verify()
        #expect(result.isIntact && result.entries == 60 && result.checkpoints == 12, "\(result.problems)")
        let hasher = MerkleHasher()
        #expect(result.root == MerkleTree(leaves: try log.lines().lines.map { hasher.leaf($0) }).root(size: 60).hexadecimal)
    }

    @Test func aDeletedEntryIsOneProblemAndTheLaterCheckpointsAreItsEcho() throws {
        let (log, keys) = try log()
        let result = try verify(log, keys) { $0.remove(at: 24) }
        #expect(result.problems.map(\.description) == ["entry 25 is missing (deleted)"])
        #expect(result.notes.contains { $0.hasPrefix("8 stored checkpoint(s) no longer match the log, as follows") }, "\(result.notes)")
    }

    @Test func aDeletedRangeASwapACopyAndADeletedSecondToLastAreEachOneProblem() throws {
        let (log, keys) = try log()
        #expect(try verify(log, keys) { $0.removeSubrange(24..<27) }.problems.map(\.description) == ["entries 25–27 are missing (deleted)"])
        let (second, secondKeys) = try self.log()
        #expect(try verify(second, secondKeys) { $0.swapAt(9, 10) }.problems.map(\.description) == ["entries 10 and 11 are swapped (moved)"])
        let (third, thirdKeys) = try self.log()
        let copied = try verify(third, thirdKeys) { $0.insert($0[3], at: 30) }
        #expect(copied.problems.map(\.description) == ["entry 4: a second entry numbered 4 stands after entry 30: it was copied, inserted or moved"])
        let (fourth, fourthKeys) = try self.log()
        #expect(try verify(fourth, fourthKeys) { $0.remove(at: 58) }.problems.map(\.description).first == "entry 59 is missing (deleted)")
    }

    @Test func aChangedEntryIsNamedOnceNotAgainByTheNextOnesLink() throws {
        let (log, keys) = try log()
        let result = try verify(log, keys) {
            $0[11] = Data(String(decoding: $0[11], as: UTF8.self).replacingOccurrences(of: "op-", with: "xx-").utf8)
        }
        #expect(result.problems.map(\.description) == ["entry 12: its seal does not match: it was changed after it was written, or forged"])
        // Without the seal key the broken link names the same entry.
        let keyless = try LogVerifier(log: log, publicKey: keys.signing.publicKey, sealKey: nil).verify()
        #expect(keyless.problems.map(\.description) == ["entry 12: it no longer matches the hash entry 13 recorded for it: it was changed or replaced"])
    }

    @Test func aLogLargerThanOneWindowIsReadInPiecesWithTheSameResult() throws {
        // 9 MiB of entries: more than one 8 MiB window, so lines cross window and half boundaries.
        let keys = try LogKeys(seal: SymmetricKey.random(), signing: Ed25519SigningKey(seed: .random()), origin: "inclusio.archive/test")
        let log = AccessLog(folder: try Run.temporaryFolder(), checkpointInterval: 1000)
        let purpose = String(repeating: "p", count: 2000)
        for batch in 0..<9 {
            try log.append((0..<500).map { AccessEvent(operatorId: "op-\(batch)-\($0)", role: "r", organisation: "o", action: "read", purpose: purpose, outcome: .granted) },
                           keys: keys)
        }
        try log.checkpoint(keys: keys)
        let result = try LogVerifier(log: log, publicKey: keys.signing.publicKey, sealKey: keys.seal).verify()
        #expect(result.isIntact && result.entries == 4500 && result.bytes > 9 << 20, "\(result.problems)")
        let broken = try verify(log, keys) { $0.remove(at: 4000) }
        #expect(broken.problems.map(\.description) == ["entry 4001 is missing (deleted)"])
    }
}
