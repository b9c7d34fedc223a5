import Archive
import AuditLog
import Cryptography
import Foundation
import Testing
import TestSupport

/// The access log's own key: made at `archive init`, held sealed under what the custodians'
/// secret unlocks, published with every checkpoint; `archive migrate` gives one to an archive made
/// before it. Every entry is sealed, so nothing unsealed can be slipped in.
@Suite struct LogAuthorityTests {
    static let schemas = Run.project.appendingPathComponent("Schemas")
    static let custodian = Data("custodians' passphrase for the log tests".utf8)

    /// The verifier key's public key: the base64 after the second `+`, without its 0x01 type byte.
    private func publicKey(ofVerifierKey text: String) throws -> Ed25519PublicKey {
        let parts = text.split(separator: "+", maxSplits: 2).map(String.init)
        let bytes = try #require(parts.count == 3 ? Data(base64Encoded: parts[2]) : nil)
        #expect(bytes.first == 0x01 && bytes.count == 33)
        return try Ed25519PublicKey(rawRepresentation: bytes.dropFirst())
    }

    /// The stored checkpoint lines, as an outsider reads them.
    private func storedCheckpoints(_ root: URL) throws -> [[String: Any]] {
        let text = try String(contentsOf: root.appendingPathComponent("log/checkpoints.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    /// A local archive with its auditor enrolled, and the auditor's session.
    private func audited() throws -> (TestArchive, ArchiveSession) {
        let test = try TestArchive()
        try test.reopened().login("admin", credential: .passphrase(TestArchive.adminPassphrase), purpose: nil)
            .enrol("auditor", with: .passphrase(ArchiveAuditTrailTests.auditorPassphrase))
        return (test, try test.reopened().login("auditor", credential: .passphrase(ArchiveAuditTrailTests.auditorPassphrase), purpose: "audit"))
    }

    /// The auditor's session on a served archive (enrolled first).
    private func auditor(_ served: ArchiveCustodyTests.Served) throws -> ArchiveSession {
        try served.custody.session(operator: "admin", proof: .passphrase(TestArchive.adminPassphrase), purpose: nil)
            .enrol("auditor", with: .passphrase(ArchiveAuditTrailTests.auditorPassphrase))
        return try served.custody.session(operator: "auditor", proof: .passphrase(ArchiveAuditTrailTests.auditorPassphrase), purpose: "audit")
    }

    @Test func everyCheckpointPublishesTheLogsOwnKey() throws {
        let (test, auditor) = try audited()
        try test.ingest("CN-FJ-iep.xml")
        let exported = try auditor.exportCheckpoint()
        let key = try publicKey(ofVerifierKey: exported.verifierKey)
        #expect(exported.checkpoint.isSigned(by: key))
        #expect(exported.verifierKey.hasPrefix(exported.checkpoint.origin + "+"))
        let stored = try storedCheckpoints(test.root)
        #expect(stored.count >= 2 && stored.allSatisfy { $0["key"] as? String == exported.verifierKey })
        // The PEM copy in log/ is the same key (as openssl reads it).
        let pem = try Run.program("openssl", ["pkey", "-pubin", "-in", test.root.appendingPathComponent("log/checkpoint-key.pem").path, "-outform", "DER"])
        #expect(pem.status == 0)
        // Another archive's log has another key.
        #expect(try audited().1.exportCheckpoint().verifierKey != exported.verifierKey)
    }

    /// An operator of a served archive drops their refused reads from the log, renumbers and
    /// re-links the rest, re-seals and re-signs with everything they hold (every file of the
    /// folder, with write access, and their own credential; a key of their own where they lack
    /// one), and finally puts their key in the index: nothing they make verifies under the
    /// published log key, and the service names the swap.
    @Test func anOperatorsRewriteAndReSignDoesNotVerifyUnderThePublishedKey() throws {
        let served = try ArchiveCustodyTests.Served()
        let office = try served.session("office", "office")
        let filed = try office.ingest(.record(Data(contentsOf: TestArchive.records.appendingPathComponent("IT-MO-certificate.xml"))),
                                      file: "c.xml", title: "c.xml", pupil: nil, dossier: nil)   // school MOIC80000X
        let teacher = try served.session("teacher-mo-2", "school-b")
        for _ in 0..<2 { _ = try? teacher.file(of: filed[0].pupil) }
        let published = try publicKey(ofVerifierKey: auditor(served).exportCheckpoint().verifierKey)
        // The failed reads are there, sealed like every entry.
        let log = served.root.appendingPathComponent("log/access.jsonl")
        let original = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(original.filter { $0.contains(#""operatorId":"teacher-mo-2""#) && $0.contains(#""outcome":"denied""#) }.count >= 2)
        #expect(original.allSatisfy { $0.contains(#","seal":""#) })

        // The rewrite, with the attacker's own keys.
        let seal = try SymmetricKey.random()
        let signing = try Ed25519SigningKey(seed: .random())
        let hasher = MerkleHasher()
        var kept: [Data] = []
        var previous = ""
        for line in original where !(line.contains(#""operatorId":"teacher-mo-2""#) && line.contains(#""outcome":"denied""#)) {
            var json = String(line[..<line.range(of: #","seal":""#)!.lowerBound]) + "}"
            json = json.replacingOccurrences(of: #""previous":"[0-9a-f]*""#, with: "\"previous\":\"\(previous)\"", options: .regularExpression)
            json = json.replacingOccurrences(of: #""sequence":[0-9]+"#, with: "\"sequence\":\(kept.count + 1)", options: .regularExpression)
            let code = HMACSHA256.authenticationCode(for: Data(json.utf8), key: seal.bytes).hexadecimal
            let sealed = Data((String(json.dropLast()) + ",\"seal\":\"\(code)\"}").utf8)
            previous = hasher.leaf(sealed).hexadecimal
            kept.append(sealed)
        }
        #expect(kept.count < original.count)
        let origin = auditorOrigin(served.root)
        let tree = MerkleTree(leaves: kept.map { hasher.leaf($0) })
        let forged = try Checkpoint.signed(origin: origin, size: kept.count, root: tree.root(size: kept.count), time: AccessLog.timestamp(Date()), key: signing)
        try Data(kept.map { $0 + [0x0A] }.joined()).write(to: log)
        let note = try JSONSerialization.data(withJSONObject: ["note": forged.note])
        try (note + [0x0A]).write(to: served.root.appendingPathComponent("log/checkpoints.jsonl"))
        try? FileManager.default.removeItem(at: served.root.appendingPathComponent("log/tree.state"))
        #expect(!forged.isSigned(by: published))

        // The service's own verification names every forged seal and the forged checkpoint.
        let verification = try served.custody.session(operator: "auditor", proof: .passphrase(ArchiveAuditTrailTests.auditorPassphrase), purpose: "audit")
            .verifyLog(exported: [])
        #expect(verification.problems.contains { $0.message.contains("its seal does not match") })
        #expect(verification.problems.contains { $0.message.contains("is not signed by this log's key") })

        // Their key put in the index as the checkpoint key: keyless checks would believe it, the service does not open.
        let swap = "UPDATE archive SET value = X'\(signing.publicKey.rawRepresentation.hexadecimal)' WHERE key = 'checkpoint_key'"
        #expect(try Run.program("sqlite3", [served.root.appendingPathComponent("index.sqlite").path, swap]).status == 0)
        let error = #expect(throws: ArchiveError.self) {
            _ = try ConfidentialArchive(at: served.root, schemas: ArchiveSchemas(directory: Self.schemas)).unlock(custodianPassphrase: ArchiveCustodyTests.custodian)
        }
        guard case .damaged = error else { Issue.record("got \(String(describing: error))"); return }
    }

    private func auditorOrigin(_ root: URL) -> String {
        let text = (try? String(contentsOf: root.appendingPathComponent("log/checkpoints.jsonl"), encoding: .utf8)) ?? ""
        let note = (try? JSONSerialization.jsonObject(with: Data(text.split(separator: "\n").first.map(String.init)?.utf8 ?? "".utf8)) as? [String: Any])?["note"] as? String
        return note?.split(separator: "\n").first.map(String.init) ?? ""
    }

    /// The framing attack: someone with write access to the folder appends a refusal in another
    /// operator's name, numbered and linked as the writer does. Every entry is sealed, so the
    /// unsealed one is named, by `archive check` without keys and by `audit verify`.
    @Test func aRefusalAppendedInAnotherOperatorsNameIsNamed() throws {
        let (test, auditor) = try audited()
        try test.ingest("CN-FJ-iep.xml")
        let log = test.root.appendingPathComponent("log/access.jsonl")
        let lines = try Data(contentsOf: log).split(separator: 0x0A)
        let previous = SHA256.hex(Data([0x00]) + lines.last!)
        let handle = try FileHandle(forWritingTo: log)
        handle.seekToEndOfFile()
        handle.write(Data(#"{"action":"login","operatorId":"office","organisation":"o","outcome":"denied","previous":"\#(previous)","purpose":"","role":"county-bureau","sequence":\#(lines.count + 1),"time":"2026-12-01T08:00:00.000Z"}"#.utf8 + [0x0A]))
        try handle.close()
        let report = try test.reopened().check()
        #expect(report.problems.contains { $0.contains("entry \(lines.count + 1): it carries no seal") }, "\(report.problems)")
        #expect(try auditor.verifyLog(exported: []).problems.contains { $0.entry == lines.count + 1 && $0.message.contains("it carries no seal") })
    }

    /// A served archive's failed logins are written by the service, sealed with the log's key.
    @Test func aServiceSealsTheFailedLoginsItLogs() throws {
        let served = try ArchiveCustodyTests.Served()
        let auditor = try auditor(served)
        #expect(throws: ArchiveError.self) { _ = try served.custody.session(operator: "records", proof: .passphrase(Data("a wrong passphrase here".utf8)), purpose: nil) }
        let text = try String(contentsOf: served.root.appendingPathComponent("log/access.jsonl"), encoding: .utf8)
        let denied = text.split(separator: "\n").filter { $0.contains(#""action":"login""#) && $0.contains(#""outcome":"denied""#) }
        #expect(denied.count == 1 && denied.allSatisfy { $0.contains(#","seal":""#) })
        #expect(try auditor.verifyLog(exported: []).isIntact)
    }

    /// An archive made before the log had its own key (the format-1 fixture): refused until
    /// `archive migrate`, which leaves every earlier entry as it was (still checked with the earlier
    /// key) and publishes a new key that the earlier one does not stand in for.
    @Test func migrateGivesAnEarlierArchiveTheLogsOwnKey() throws {
        let root = try Run.temporaryFolder().appendingPathComponent("archive")
        try FileManager.default.copyItem(at: Run.project.appendingPathComponent("Tests/Fixtures/archive-format-1/archive"), to: root)
        let admin = Data("admin passphrase of the format-1 fixture".utf8)
        let schemas = try ArchiveSchemas(directory: Self.schemas)
        let before = try String(contentsOf: root.appendingPathComponent("log/access.jsonl"), encoding: .utf8)
        let earlierPEM = try Data(contentsOf: root.appendingPathComponent("log/checkpoint-key.pem"))
        let refused = #expect(throws: ArchiveError.self) { _ = try ConfidentialArchive(at: root, schemas: schemas).login("admin", credential: .passphrase(admin), purpose: nil) }
        guard case .earlierFormat = refused else { Issue.record("got \(String(describing: refused))"); return }
        #expect(refused?.category == .configuration && refused?.description.contains("archive migrate") == true)
        // Only an administrator migrates a local archive.
        let clerk = #expect(throws: ArchiveError.self) {
            _ = try ConfidentialArchive(at: root, schemas: schemas).migrate(opening: .operatorCredential("clerk", .passphrase(Data("clerk passphrase of the format-1 fixture".utf8))))
        }
        guard case .notPermitted = clerk else { Issue.record("got \(String(describing: clerk))"); return }

        #expect(try ConfidentialArchive(at: root, schemas: schemas).migrate(opening: .operatorCredential("admin", .passphrase(admin))).steps == ["log authority", "keys by scope"])
        #expect(try ConfidentialArchive(at: root, schemas: schemas).migrate(opening: .operatorCredential("admin", .passphrase(admin))).steps.isEmpty)
        // Nothing earlier was rewritten; the migration is two entries, under the earlier and the new key.
        let after = try String(contentsOf: root.appendingPathComponent("log/access.jsonl"), encoding: .utf8)
        #expect(after.hasPrefix(before))
        #expect(after.dropFirst(before.count).split(separator: "\n").filter { $0.contains(#""action":"migrate""#) }.count == 2)
        #expect(try Data(contentsOf: root.appendingPathComponent("log/checkpoint-key.pem")) != earlierPEM)
        let archive = try ConfidentialArchive(at: root, schemas: schemas)
        #expect(archive.check().isSound, "\(archive.check().problems)")
        let session = try archive.login("admin", credential: .passphrase(admin), purpose: nil)
        let verification = try session.verifyLog(exported: [])
        #expect(verification.isIntact, "\(verification.problems)")
        // The newest checkpoint is signed by the new key alone.
        let exported = try session.exportCheckpoint()
        let earlier = try #require(try storedCheckpoints(root).first?["note"] as? String)
        let earlierCheckpoint = try Checkpoint(note: earlier, file: "first")
        let newKey = try publicKey(ofVerifierKey: exported.verifierKey)
        #expect(exported.checkpoint.isSigned(by: newKey) && !earlierCheckpoint.isSigned(by: newKey))
        // An earlier entry changed after the migration is still named by its earlier seal.
        let log = root.appendingPathComponent("log/access.jsonl")
        try Data(after.replacingOccurrences(of: #""purpose":"litigation""#, with: #""purpose":"Litigation""#).utf8).write(to: log)
        #expect(try ConfidentialArchive(at: root, schemas: schemas).login("admin", credential: .passphrase(admin), purpose: nil)
            .verifyLog(exported: []).problems.contains { $0.message.contains("its seal does not match") })
    }
}
