import Archive
import Foundation
import Testing
import TestSupport

/// No existence oracle (issue 16, point 4): a pupil or document that is not in the archive and
/// one outside the operator's scope are refused with the same error, and both are logged.
@Suite struct ArchiveExistenceTests {
    static let knownId = "RSSLCU20B17X000S"    // IT-MO-certificate.xml: school MOIC80000X
    static let unknownId = "VRDGPP80A01F257X"  // nobody in the fixtures

    /// `teacher-mo-2` (school MOIC80100R) asking for a pupil of MOIC80000X and for nobody.
    @Test func anUnknownPupilAndOneOutsideTheScopeAreRefusedAlikeAndLogged() throws {
        let test = try TestArchive()
        let filed = try test.ingest("IT-MO-certificate.xml")
        let teacher = try test.session("teacher-mo-2")
        var messages: [String] = []
        for reference in [Self.knownId, Self.unknownId] {
            let error = #expect(throws: ArchiveError.self) { try teacher.file(of: reference) }
            guard case .withheld("teacher-mo-2", .read, _) = error else { Issue.record("got \(String(describing: error))"); return }
            #expect(error?.category == .permission)
            messages.append(error?.description ?? "")
        }
        #expect(messages[0] == messages[1])
        #expect(!messages[0].contains(Self.knownId) && !messages[0].contains(filed[0].pupil), "\(messages[0])")
        // A pseudonym as typed is named back, the same way whether it exists or not.
        let real = #expect(throws: ArchiveError.self) { try teacher.file(of: filed[0].pupil) }
        let made = #expect(throws: ArchiveError.self) { try teacher.file(of: "P-0000000000AA") }
        #expect(real?.description.replacingOccurrences(of: filed[0].pupil, with: "P-…") == made?.description.replacingOccurrences(of: "P-0000000000AA", with: "P-…"))
        let entries = try test.logEntries().filter { $0["operatorId"] as? String == "teacher-mo-2" }
        #expect(entries.map { "\($0["action"]!) \($0["outcome"]!)" } == Array(repeating: "read denied", count: 4))
        #expect(entries.map { $0["pupil"] as? String } == [filed[0].pupil, nil, filed[0].pupil, nil])
    }

    @Test func anUnknownDocumentAndOneOutsideTheScopeAreRefusedAlikeAndLogged() throws {
        let test = try TestArchive()
        let filed = try test.ingest("IT-MO-iep.xml")   // school MOIC80000X
        let teacher = try test.session("teacher-mo-2")
        for (action, call) in [(ArchivePolicy.Action.export, { (id: String) in _ = try teacher.export(id) }),
                               (.render, { (id: String) in _ = try teacher.printable(id) })] {
            var messages: [String] = []
            for (document, typed) in [(filed[0].document, "D-…"), ("D-0000000000AA", "D-…")] {
                let error = #expect(throws: ArchiveError.self) { try call(document) }
                guard case .withheld("teacher-mo-2", action, _) = error else { Issue.record("got \(String(describing: error))"); return }
                messages.append(error!.description.replacingOccurrences(of: document, with: typed))
            }
            #expect(messages[0] == messages[1])
            // A version that does not exist is no way round it.
            let version = #expect(throws: ArchiveError.self) { _ = try teacher.export(filed[0].document, version: 9) }
            guard case .withheld = version else { Issue.record("got \(String(describing: version))"); return }
        }
        let entries = try test.logEntries().filter { $0["operatorId"] as? String == "teacher-mo-2" }
        #expect(entries.map { "\($0["action"]!) \($0["outcome"]!)" } == ["export denied", "export denied", "export denied",
                                                                          "render denied", "render denied", "export denied"])
        #expect(!entries.contains { $0["document"] != nil || $0["sha256"] != nil })
    }

    /// A role that may not read at all is refused before any look-up: the same words for a pupil
    /// who exists and for one who does not.
    @Test func aRoleThatMayNotReadIsRefusedBeforeTheLookUp() throws {
        let test = try TestArchive()
        try test.ingest("IT-MO-certificate.xml")
        let admin = try test.reopened().login("admin", credential: .passphrase(TestArchive.adminPassphrase), purpose: "annual-review")
        let known = #expect(throws: ArchiveError.self) { try admin.file(of: Self.knownId) }
        let unknown = #expect(throws: ArchiveError.self) { try admin.file(of: Self.unknownId) }
        guard case .notPermitted("admin", .read, _) = known else { Issue.record("got \(String(describing: known))"); return }
        #expect(known?.description == unknown?.description)
    }

    /// Within the scope, a pupil who is there is found and one who is not is still refused (77),
    /// so that an operator of every school learns nothing either; the in-scope version error stays.
    @Test func inScopeFindsAndAnUnknownVersionOfAReachableDocumentIsNamed() throws {
        let test = try TestArchive()
        let filed = try test.ingest("IT-MO-iep.xml")
        let office = try test.session("office")
        #expect(try office.file(of: Self.knownId).summary.pseudonym == filed[0].pupil)
        let unknown = #expect(throws: ArchiveError.self) { try office.file(of: Self.unknownId) }
        guard case .withheld("office", .read, "the file of the pupil with that national id") = unknown else {
            Issue.record("got \(String(describing: unknown))"); return
        }
        let version = #expect(throws: ArchiveError.self) { _ = try office.export(filed[0].document, version: 9) }
        guard case .unknownVersion(filed[0].document, 9) = version else { Issue.record("got \(String(describing: version))"); return }
    }
}

/// A national id typed where a document reference goes is not named back in the refusal.
@Suite struct ArchiveDocumentReferenceTests {
    @Test func aNationalIdTypedAsADocumentIsNotEchoed() throws {
        let test = try TestArchive()
        try test.ingest("IT-MO-iep.xml")
        let error = #expect(throws: ArchiveError.self) { _ = try test.session("teacher-mo-2").export(ArchiveExistenceTests.knownId) }
        guard case .withheld = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(!(error?.description.contains(ArchiveExistenceTests.knownId) ?? true), "\(String(describing: error))")
    }
}
