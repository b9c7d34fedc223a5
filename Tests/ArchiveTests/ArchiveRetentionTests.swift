import Archive
import Foundation
import Testing
import TestSupport

/// Retention, legal holds and crypto-shredding.
@Suite struct ArchiveRetentionTests {
    static func recordsOfficer(_ test: TestArchive) throws -> ArchiveSession {
        try test.reopened().login("records", credential: .passphrase(TestArchive.recordsPassphrase), purpose: "retention")
    }

    /// The sample policy with every retention period set to `years`.
    static func policy(years: Int) throws -> Data {
        let sample = try String(contentsOf: Run.project.appendingPathComponent("Archive/policy.sample.xml"), encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: "years=\"[0-9]+\"")
        return Data(pattern.stringByReplacingMatches(in: sample, range: NSRange(sample.startIndex..., in: sample), withTemplate: "years=\"\(years)\"").utf8)
    }

    @Test func shreddingIsRefusedWhileRetentionRuns() throws {
        let test = try TestArchive()   // sample policy: certificates 10 years, others 5
        let filed = try test.ingest("IT-MO-certificate.xml")[0]   // issued 2025-12-15
        try test.ingest("IT-MO-iep.xml")
        let error = #expect(throws: ArchiveError.self) { try Self.recordsOfficer(test).shred(filed.pupil) }
        guard case let .retained(pupil, until, kinds) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(pupil == filed.pupil && until == "2035-12-15" && kinds == ["certificate", "iep"])
        // The day after the last period ends, it would be allowed (until the hold below).
        let later = ISO8601DateFormatter().date(from: "2035-12-16T00:00:00Z")!
        #expect(try Self.recordsOfficer(test).shred(filed.pupil, today: later) == 2)
        #expect(try test.logEntries().filter { $0["action"] as? String == "shred" }.map { $0["outcome"] as? String } == ["denied", "granted"])
    }

    @Test func aLegalHoldStopsShreddingUntilReleased() throws {
        let test = try TestArchive(policy: Self.policy(years: 0))
        let filed = try test.ingest("CN-FJ-placement.xml")[0]
        let officer = try Self.recordsOfficer(test)
        try officer.hold(filed.pupil, reason: "complaint under review")
        let error = #expect(throws: ArchiveError.self) { try officer.shred(filed.pupil) }
        guard case .onHold = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(try officer.file(of: filed.pupil).summary.status == "on hold")
        try officer.release(filed.pupil)
        #expect(try officer.shred(filed.pupil) == 1)
    }

    @Test func aShreddedFileCannotBeRecoveredButItsExistenceIsKept() throws {
        let test = try TestArchive(policy: Self.policy(years: 0))
        let filed = try test.ingest("CN-FJ-placement.xml")[0]
        try test.ingest("CN-FJ-iep.xml")
        let other = try test.ingest("IT-MO-iep.xml")[0]
        #expect(test.blobs().count == 3)
        #expect(try test.session("office").search(name: "林小雨").map(\.pseudonym) == [filed.pupil])
        #expect(try Self.recordsOfficer(test).shred("350000202003080022") == 2)   // by national id

        #expect(test.blobs().count == 1)   // only the other pupil's document is left
        let office = try test.session("office")
        let export = #expect(throws: ArchiveError.self) { try office.export(filed.document) }
        guard case .shredded = export else { Issue.record("got \(String(describing: export))"); return }
        #expect(try office.search(nationalId: "350000202003080022").isEmpty)
        #expect(try office.search(name: "林小雨").isEmpty && office.search(name: "林 小雨").isEmpty)
        let file = try office.file(of: filed.pupil)
        #expect(file.summary.status == "shredded" && file.identity == nil)
        #expect(file.documents.map(\.kind).sorted() == ["iep", "placement"])
        #expect(file.documents.flatMap(\.versions).allSatisfy { $0.title == nil && $0.sha256 == nil })
        #expect(try office.export(other.document).1.count > 0)
        #expect(try test.reopened().check().isSound)
        let again = #expect(throws: ArchiveError.self) { try Self.recordsOfficer(test).shred(filed.pupil) }
        guard case .shredded = again else { Issue.record("got \(String(describing: again))"); return }
    }
}
