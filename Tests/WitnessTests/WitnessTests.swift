import AuditLog
import Cryptography
import Foundation
import TestSupport
import Testing
import Witness
import WitnessClient

/// `LogWitness` behind a real HTTPS server on 127.0.0.1, fed by `WitnessSubmitter` and by curl.
@Suite struct WitnessTests {
    @Test func cosignsAGrowingLogOnlyFromTheSizeItHoldsAndKeepsItsStateAcrossARestart() throws {
        let harness = try WitnessHarness()
        defer { harness.stop() }
        let log = try harness.log("log", entries: 5)
        let submitter = try harness.submitter(log)
        #expect(try cosigned(submitter.submit(harness.latest(log), to: [harness.endpoint]), harness).count == 1)
        try harness.grow(log, by: 7)
        let second = try harness.latest(log)
        let outcomes = submitter.submit(second, to: [harness.endpoint])
        let cosignature = try #require(try cosigned(outcomes, harness).first)
        #expect(cosignature.isValid(for: second, by: harness.witness.identity))
        #expect(!cosignature.isValid(for: try #require(log.checkpoints().first), by: harness.witness.identity))
        // The state is on disk: a witness opened again from the folder knows 12 entries.
        let state = try JSONSerialization.jsonObject(with: Data(contentsOf: harness.folder.appendingPathComponent("witness/state.json"))) as? [String: [String: Any]]
        #expect(state?[harness.keys.origin]?["size"] as? Int == 12)
        let again = try LogWitness(folder: WitnessFolder(folder: harness.folder.appendingPathComponent("witness")))
        let body = "old 5\n\n" + second.note
        #expect(again.addCheckpoint(Data(body.utf8)) == .init(status: 409, contentType: "text/x.tlog.size", body: Data("12\n".utf8)))
        // Both cosigned checkpoints are kept beside the log.
        let stored = try CosignatureStore(folder: log.folder).all()
        #expect(stored.map(\.checkpoint.size) == [5, 12])
        #expect(stored.allSatisfy { $0.cosignatures.count == 1 && $0.cosignatures[0].isValid(for: $0.checkpoint, by: harness.witness.identity) })
    }

    @Test func refusesAForkedARewrittenAndACutShortLog() throws {
        let harness = try WitnessHarness()
        defer { harness.stop() }
        let log = try harness.log("log", entries: 10)
        #expect(try cosigned(harness.submitter(log).submit(harness.latest(log), to: [harness.endpoint]), harness).count == 1)
        // A fork: other entries, signed with the log's own key, longer.
        let fork = try harness.log("fork", entries: 15, seed: "b")
        #expect(try harness.submitter(fork).submit(harness.latest(fork), to: [harness.endpoint]) == [harness.witness.identity.name: .inconsistent(witnessed: 10)])
        // Rewritten at the same size.
        let rewritten = try harness.log("rewritten", entries: 10, seed: "c")
        #expect(try harness.submitter(rewritten).submit(harness.latest(rewritten), to: [harness.endpoint]) == [harness.witness.identity.name: .inconsistent(witnessed: 10)])
        // Cut short: the first 6 entries of the log, re-signed.
        let short = AccessLog(folder: harness.folder.appendingPathComponent("short"))
        try FileManager.default.createDirectory(at: short.folder, withIntermediateDirectories: true)
        let lines = try log.lines().lines.prefix(6)
        try Data(lines.map { $0 + Data([0x0A]) }.joined()).write(to: short.entriesFile)
        try short.checkpoint(keys: harness.keys)
        #expect(try harness.submitter(short).submit(harness.latest(short), to: [harness.endpoint]) == [harness.witness.identity.name: .ahead(witnessed: 10)])
        // The honest log still grows, witnessed.
        try harness.grow(log, by: 2)
        #expect(try cosigned(harness.submitter(log).submit(harness.latest(log), to: [harness.endpoint]), harness).count == 1)
    }

    @Test func answersWithTheStatusCodesOfTheSpecification() throws {
        let harness = try WitnessHarness()
        defer { harness.stop() }
        let log = try harness.log("log", entries: 4)
        let checkpoint = try harness.latest(log)
        #expect(try post("old 0\n\n" + checkpoint.note, harness).status == 200)
        // The size it holds, as text/x.tlog.size, when the old size is not it.
        let conflict = try post("old 0\n\n" + checkpoint.note, harness)
        #expect(conflict.status == 409 && conflict.body == "4\n" && conflict.contentType.hasPrefix("text/x.tlog.size"))
        try harness.grow(log, by: 3)
        let newer = try harness.latest(log)
        // A proof that does not verify: 422; no proof at all from 4: 422.
        #expect(try post("old 4\n" + Data(repeating: 7, count: 32).base64EncodedString() + "\n\n" + newer.note, harness).status == 422)
        #expect(try post("old 4\n\n" + newer.note, harness).status == 422)
        let proof = try ConsistencyProof(log: log, origin: newer.origin, from: 4, to: newer.size).hashes
        #expect(try post("old 4\n" + proof.map { $0.base64EncodedString() + "\n" }.joined() + "\n" + newer.note, harness).status == 200)
        // An old size above the checkpoint's: 400; not a request: 400.
        #expect(try post("old 99\n\n" + newer.note, harness).status == 400)
        #expect(try post("old 07\n\n" + newer.note, harness).status == 400)
        // Another key for the same origin: 403; an unknown origin: 404.
        let stranger = try LogKeys(seal: .random(), signing: Ed25519SigningKey(seed: .random()), origin: harness.keys.origin)
        let forged = try Checkpoint.signed(origin: newer.origin, size: newer.size, root: newer.root, time: newer.time, key: stranger.signing)
        #expect(try post("old 7\n\n" + forged.note, harness).status == 403)
        let elsewhere = try Checkpoint.signed(origin: "other.example/log", size: 1, root: newer.root, time: newer.time, key: harness.keys.signing)
        #expect(try post("old 0\n\n" + elsewhere.note, harness).status == 404)
    }

    @Test func aWitnessThatIsDownIsNamedAndCostsOnlyItsTimeout() throws {
        let harness = try WitnessHarness()
        harness.stop()
        let log = try harness.log("log", entries: 3)
        let started = Date()
        let outcome = try harness.submitter(log).submit(harness.latest(log), to: [harness.endpoint])
        guard case .unavailable = outcome[harness.witness.identity.name] else {
            Issue.record("a stopped witness answered \(outcome)")
            return
        }
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(try CosignatureStore(folder: log.folder).all().isEmpty)
    }

    @Test func anOutsiderChecksTheConsistencyProofAndTheCosignatureWithHashlibAndOpenSSL() throws {
        let harness = try WitnessHarness()
        defer { harness.stop() }
        let log = try harness.log("log", entries: 6)
        let old = try harness.latest(log)
        try harness.grow(log, by: 13)
        let newer = try harness.latest(log)
        #expect(try cosigned(harness.submitter(log).submit(newer, to: [harness.endpoint]), harness).count == 1)
        var proof = try ConsistencyProof(log: log, origin: newer.origin, from: old.size, to: newer.size)
        proof.checkpoint = try #require(CosignatureStore(folder: log.folder).all().last).note
        let files = harness.folder
        try harness.keys.signing.publicKey.pemRepresentation().write(to: files.appendingPathComponent("log.pem"), atomically: true, encoding: .utf8)
        let script = Run.project.appendingPathComponent("Benchmarks/verify_witnessed.py").path
        func check(_ proof: ConsistencyProof) throws -> Run {
            try JSONEncoder().encode(proof).write(to: files.appendingPathComponent("proof.json"))
            return try Run.program("python3", [script, files.appendingPathComponent("proof.json").path, files.appendingPathComponent("log.pem").path,
                                               harness.witness.identity.description])
        }
        let good = try check(proof)
        #expect(good.status == 0, "\(good.stdout)\(good.stderr)")
        // One proof hash changed: the outsider refuses it.
        let tampered = try JSONDecoder().decode(ConsistencyProof.self, from: JSONEncoder().encode(proof).replacing(Data(proof.proof[0].prefix(2).utf8),
                                                                                                                     with: Data((proof.proof[0].hasPrefix("00") ? "11" : "00").utf8)))
        #expect(try check(tampered).status == 1)
        // A cosignature made by another key under the witness's name: refused.
        var other = proof
        other.checkpoint = newer.note + (try Cosignature.sign(newer, name: harness.witness.identity.name, key: Ed25519SigningKey(seed: .random()))).line + "\n"
        #expect(try check(other).status == 1)
    }

    private func cosigned(_ outcomes: [String: WitnessOutcome], _ harness: WitnessHarness) throws -> [Cosignature] {
        outcomes.values.compactMap { if case let .cosigned(cosignature) = $0 { cosignature } else { nil } }
    }

    /// curl's POST of `body` to the witness: status, body and content type.
    private func post(_ body: String, _ harness: WitnessHarness) throws -> (status: Int, body: String, contentType: String) {
        let file = harness.folder.appendingPathComponent("request-\(UUID().uuidString)")
        try Data(body.utf8).write(to: file)
        let run = try Run.program("curl", ["-s", "--cacert", TestPKI.file("root.pem").path, "--data-binary", "@\(file.path)",
                                           "-H", "Content-Type: text/plain", "-w", "\n%{http_code} %{content_type}", "\(harness.url)/add-checkpoint"])
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let last = lines.last?.split(separator: " ", maxSplits: 1) ?? []
        return (Int(last.first ?? "") ?? 0, lines.dropLast().joined(separator: "\n"), last.count > 1 ? String(last[1]) : "")
    }
}
