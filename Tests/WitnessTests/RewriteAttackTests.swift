import AuditLog
import Foundation
import TestSupport
import Testing
import WitnessClient

/// The attack of issue 18: someone holding the log's own keys drops an entry, renumbers,
/// re-seals, rebuilds the tree and re-signs every checkpoint. The log alone looks intact; the
/// witnesses' cosignatures kept beside it, and the witnesses themselves, do not agree.
@Suite struct RewriteAttackTests {
    @Test func aLogRewrittenAndReSignedWithItsOwnKeysIsCaughtByTheWitnesses() throws {
        let harness = try WitnessHarness()
        defer { harness.stop() }
        let log = try harness.log("log", entries: 5)
        let submitter = try harness.submitter(log)
        for more in [0, 7, 8] {
            if more > 0 { try harness.grow(log, by: more) }
            #expect(try submitter.submit(harness.latest(log), to: [harness.endpoint]).values.allSatisfy { if case .cosigned = $0 { true } else { false } })
        }
        let witnesses = [harness.witness.identity]
        let verifier = LogVerifier(log: log, publicKey: harness.keys.signing.publicKey, sealKey: harness.keys.seal, witnesses: witnesses, quorum: 1)
        let honest = try verifier.verify()
        #expect(honest.isIntact, "\(honest.problems)")

        // The rewrite: entries 1–7 kept, entry 8 dropped, 9–20 appended again (renumbered, re-linked,
        // re-sealed), checkpoints re-signed at 5 and 19 with the log's own key.
        let lines = try log.lines().lines
        let events = try log.events()
        for name in ["access.jsonl", "checkpoints.jsonl", "tree.state"] {
            try? FileManager.default.removeItem(at: log.folder.appendingPathComponent(name))
        }
        try Data(lines.prefix(5).map { $0 + Data([0x0A]) }.joined()).write(to: log.entriesFile)
        try log.checkpoint(keys: harness.keys)
        let handle = try FileHandle(forWritingTo: log.entriesFile)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(lines[5..<7].map { $0 + Data([0x0A]) }.joined()))
        try handle.close()
        try log.append(Array(events[8...]).map {
            AccessEvent(operatorId: $0.operatorId, role: $0.role, organisation: $0.organisation, action: $0.action, purpose: $0.purpose, outcome: $0.outcome)
        }, keys: harness.keys)
        try log.checkpoint(keys: harness.keys)

        // Without witnesses the forgery passes: every seal, link and checkpoint holds.
        let blind = try LogVerifier(log: log, publicKey: harness.keys.signing.publicKey, sealKey: harness.keys.seal).verify()
        #expect(blind.isIntact && blind.entries == 19, "\(blind.problems)")
        // With them it does not: the cosigned head of 20 entries is gone, the one of 12 no longer matches.
        let caught = try verifier.verify()
        let messages = caught.problems.map(\.description)
        #expect(messages.count == 2, "\(messages)")
        #expect(messages.contains { $0.contains("cosigned the log at 20 entries, but it now ends at entry 19") })
        #expect(messages.contains { $0.contains("1 checkpoint(s) that witness dpo.example.org/witness cosigned no longer match the log, the first at 12 entries") })
        // The new head lacks the cosignature, which follows from those two: a note, not a third problem.
        #expect(caught.notes.contains { $0.contains("lacks the 1 witness cosignature(s) the policy requires") })
        // And the witness refuses the forged head.
        let answers = try harness.submitter(log).submit(harness.latest(log), to: [harness.endpoint])
        #expect(answers == [harness.witness.identity.name: .ahead(witnessed: 20)])
        #expect(try verifier.verify(try verifier.snapshot(), answers: answers).problems.contains { $0.description.contains("cosigned 20 entries of this log, but it holds 19") })
    }
}
