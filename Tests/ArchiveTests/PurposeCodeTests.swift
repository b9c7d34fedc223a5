import Archive
import Foundation
import Testing
import TestSupport

/// Purposes are codes of the policy, per role, with an optional case reference of the policy's
/// form: free text is refused before anything is opened or logged, so no personal data enters the log.
@Suite struct PurposeCodeTests {
    private func login(_ test: TestArchive, _ op: String, purpose: String) throws -> ArchiveSession {
        let stem = ["office": "office", "head-mo-1": "school-a", "teacher-mo-2": "school-b"][op]!
        return try test.reopened().login(op, credential: .key(TestPKI.key(stem), file: "\(stem).key"), purpose: purpose)
    }

    @Test func freeTextIsRefusedWithTheCodesOfTheRoleAndNotEchoed() throws {
        let test = try TestArchive()
        let before = try test.logEntries().count
        let error = #expect(throws: ArchiveError.self) { _ = try login(test, "teacher-mo-2", purpose: "Rossi Luca, autism review") }
        guard case let .purposeNotCoded(allowed) = error else { Issue.record("got \(String(describing: error))"); return }
        // The support teacher's codes, with their labels; not the ones of other roles.
        #expect(allowed.contains("annual-review (Annual review)") && allowed.contains("guardian-request (Guardian's request)"))
        #expect(!allowed.contains { $0.hasPrefix("audit ") || $0.hasPrefix("filing ") || $0.hasPrefix("retention ") })
        let message = try #require(error).description
        #expect(!message.contains("Rossi") && !message.contains("autism") && message.contains("never free text"))
        #expect(error?.category == .usage)
        #expect(try test.logEntries().count == before)
    }

    @Test func aCodeOfAnotherRoleIsRefused() throws {
        let test = try TestArchive()
        let error = #expect(throws: ArchiveError.self) { _ = try login(test, "teacher-mo-2", purpose: "audit") }
        guard case .purposeNotForRole("audit", "support-teacher", _) = error else { Issue.record("got \(String(describing: error))"); return }
    }

    @Test func aCaseReferenceMustHaveThePolicysFormAndIsLoggedWithTheCode() throws {
        let test = try TestArchive()
        let office = try login(test, "office", purpose: " guardian-request:MO-2026-0042 ")
        _ = try office.pupils()
        #expect(try test.logEntries().last?["purpose"] as? String == "guardian-request:MO-2026-0042")
        for reference in ["MO-2026-0042 Rossi", "Rossi", "", "mo-2026-0042", "MO-2026-0042\nx"] {
            let error = #expect(throws: ArchiveError.self) { _ = try login(test, "office", purpose: "guardian-request:\(reference)") }
            guard case .caseReferenceRefused("guardian-request", _) = error else { Issue.record("\(reference): got \(String(describing: error))"); return }
            #expect(!(error?.description.contains("Rossi") ?? true))
        }
    }

    @Test func aPolicyWithoutPurposesAcceptsNoneAndOneNamingAnUnknownRoleIsInvalid() throws {
        let sample = try String(contentsOf: Run.project.appendingPathComponent("Archive/policy.sample.xml"), encoding: .utf8)
        let start = try #require(sample.range(of: "  <purposes")), end = try #require(sample.range(of: "</purposes>\n"))
        let without = sample.replacingCharacters(in: start.lowerBound..<end.upperBound, with: "")
        let test = try TestArchive(policy: Data(without.utf8))
        let error = #expect(throws: ArchiveError.self) { _ = try login(test, "office", purpose: "annual-review") }
        guard case .purposeNotCoded([]) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(error?.description.contains("policy apply") == true)
        // Commands that need no purpose still run.
        #expect(try test.reopened().login("admin", credential: .passphrase(TestArchive.adminPassphrase), purpose: nil).deepCheck().isSound)

        let schemas = try ArchiveSchemas(directory: TestArchive.schemas)
        let unknownRole = sample.replacingOccurrences(of: #"roles="county-bureau records-officer""#, with: #"roles="county-bureau judge""#)
        let invalid = #expect(throws: ArchiveError.self) { _ = try ConfidentialArchive.administrator(in: Data(unknownRole.utf8), file: "p.xml", schemas: schemas) }
        guard case let .invalidPolicy(_, reason) = invalid else { Issue.record("got \(String(describing: invalid))"); return }
        #expect(reason.contains("legal-hold") && reason.contains("judge"))
        let badPattern = sample.replacingOccurrences(of: #"reference-pattern="[A-Z]{2}-[0-9]{4}-[0-9]{1,6}""#, with: #"reference-pattern="[A-Z"#)
        #expect(throws: ArchiveError.self) { _ = try ConfidentialArchive.administrator(in: Data(badPattern.utf8), file: "p.xml", schemas: schemas) }
        let freeCode = sample.replacingOccurrences(of: #"<purpose code="audit""#, with: #"<purpose code="Audit by Mr Rossi""#)
        #expect(throws: ArchiveError.self) { _ = try ConfidentialArchive.administrator(in: Data(freeCode.utf8), file: "p.xml", schemas: schemas) }
    }

    @Test func theReportNamesAPurposeInTheJurisdictionsLanguage() throws {
        let test = try TestArchive()
        try test.reopened().login("admin", credential: .passphrase(TestArchive.adminPassphrase), purpose: nil)
            .enrol("auditor", with: .passphrase(ArchiveAuditTrailTests.auditorPassphrase))
        _ = try login(test, "office", purpose: "guardian-request:FJ-2026-7").pupils()
        let auditor = try test.reopened().login("auditor", credential: .passphrase(ArchiveAuditTrailTests.auditorPassphrase), purpose: "audit")
        let trail = try auditor.auditTrail().trail
        #expect(trail.purpose("guardian-request:FJ-2026-7", in: "zh-CN") == "监护人申请 (FJ-2026-7)")
        #expect(trail.purpose("annual-review", in: "ja") == "年次見直し")
        #expect(trail.purpose("annual-review", in: "it") == "Verifica annuale")
        // An entry written before purposes were codes is shown as it was logged.
        #expect(trail.purpose("old free text", in: "it") == "old free text")
    }
}
