import Archive
import AuditLog
import Foundation
import Testing
import TestSupport

/// Every action on the archive writes exactly one log entry per access, by the code path
/// that performs it, with its outcome; refusals included.
@Suite struct ArchiveAuditTrailTests {
    static let auditorPassphrase = Data("auditor passphrase for tests".utf8)

    /// Runs `action` and returns the entries it appended.
    private func entries(_ test: TestArchive, _ action: () throws -> Void) throws -> [[String: Any]] {
        let before = try test.logEntries().count
        try? action()
        return Array(try test.logEntries().dropFirst(before))
    }

    @Test func everyActionIsOneEntryWithItsOutcome() throws {
        let test = try TestArchive()
        let admin = try test.reopened().login("admin", credential: .passphrase(TestArchive.adminPassphrase), purpose: nil)
        try admin.enrol("auditor", with: .passphrase(Self.auditorPassphrase))
        let office = try test.session("office", purpose: "annual-review")
        let teacher = try test.session("teacher-mo-2", purpose: "annual-review")
        let auditor = try test.reopened().login("auditor", credential: .passphrase(Self.auditorPassphrase), purpose: "audit")
        var filed: [IngestedDocument] = []
        let cases: [(String, String, String, () throws -> Void)] = [
            ("ingest", "ingest", "granted", { filed = try office.ingest(.record(try Data(contentsOf: TestArchive.records.appendingPathComponent("IT-MO-iep.xml"))), file: "iep.xml", title: "iep.xml", pupil: nil, dossier: nil) }),
            ("show", "read", "granted", { _ = try office.file(of: filed[0].pupil) }),
            ("get", "export", "granted", { _ = try office.export(filed[0].document) }),
            ("disclose", "export", "granted", { _ = try office.export(filed[0].document, recipient: "MOIC80100R") }),
            ("search with a hit", "search", "granted", { _ = try office.search(nationalId: "RSSLCU20B17X000S") }),
            ("search without one", "search", "granted", { _ = try office.search(nationalId: "XXXXXX00X00X000X") }),
            ("list", "list", "granted", { _ = try office.pupils() }),
            ("hold", "hold", "granted", { try office.hold(filed[0].pupil, reason: "appeal") }),
            ("release", "release", "granted", { try office.release(filed[0].pupil) }),
            ("refused read", "read", "denied", { _ = try teacher.file(of: filed[0].pupil) }),
            ("refused shred", "shred", "denied", { _ = try office.shred(filed[0].pupil) }),
            ("audit verify", "audit", "granted", { _ = try auditor.verifyLog(exported: []) }),
            ("audit report", "audit", "granted", { _ = try auditor.auditTrail(pupil: filed[0].pupil) }),
            ("refused audit", "audit", "denied", { _ = try office.verifyLog(exported: []) }),
            ("enrol", "enrol", "granted", { try admin.enrol("records", with: .passphrase(TestArchive.recordsPassphrase)) }),
        ]
        for (name, action, outcome, run) in cases {
            let written = try entries(test, run)
            #expect(written.count == 1, "\(name) wrote \(written.count) entries")
            #expect(written.first?["action"] as? String == action && written.first?["outcome"] as? String == outcome, "\(name): \(written)")
        }
        // A wrong passphrase opens no key, so nothing could seal an entry: none is written (a served archive's service logs it).
        #expect(try entries(test) { _ = try test.reopened().login("auditor", credential: .passphrase(Data("wrong".utf8)), purpose: nil) }.isEmpty)
        let disclosure = try #require(try test.logEntries().first { $0["recipient"] as? String == "MOIC80100R" })
        #expect(disclosure["purpose"] as? String == "annual-review" && disclosure["pupil"] as? String == filed[0].pupil)
        // Nothing the log holds names the pupil.
        let log = try String(contentsOf: test.root.appendingPathComponent("log/access.jsonl"), encoding: .utf8)
        #expect(!log.contains("RSSLCU20B17X000S") && !log.contains("Rossi"))
        #expect(try auditor.verifyLog(exported: []).isIntact)
    }
}
