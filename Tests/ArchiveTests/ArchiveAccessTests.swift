import Archive
import Cryptography
import Foundation
import Testing
import TestSupport

/// Who may open what: credentials, scopes, roles, and the log of every attempt.
@Suite struct ArchiveAccessTests {
    @Test func aWrongCredentialOpensNothingAndWritesNothing() throws {
        let test = try TestArchive()
        let archive = try test.reopened()
        // School B's key does not open the key file of School A's head.
        let error = #expect(throws: ArchiveError.self) {
            try archive.login("head-mo-1", credential: .key(TestPKI.key("school-b"), file: "school-b.key"), purpose: "annual-review")
        }
        guard case .wrongCredential("head-mo-1") = error else { Issue.record("got \(String(describing: error))"); return }
        let passphrase = #expect(throws: ArchiveError.self) {
            try archive.login("admin", credential: .passphrase(Data("not it".utf8)), purpose: "annual-review")
        }
        guard case .wrongCredential("admin") = passphrase else { Issue.record("got \(String(describing: passphrase))"); return }
        let kind = #expect(throws: ArchiveError.self) { try archive.login("admin", credential: .key(TestPKI.key("office"), file: "k"), purpose: "annual-review") }
        guard case .wrongCredentialKind("admin", .passphrase) = kind else { Issue.record("got \(String(describing: kind))"); return }
        // No key was opened to seal an entry, so none is written (a served archive's service logs it, sealed).
        #expect(try test.logEntries().filter { $0["action"] as? String == "login" }.isEmpty)
    }

    @Test func anOperatorOutsideTheirScopeIsNotPermittedAndNothingIsDecrypted() throws {
        let test = try TestArchive()
        let filed = try test.ingest("IT-MO-certificate.xml")   // pupil at school MOIC80000X
        // Damage every blob: if anything were decrypted before the policy check, the error
        // would be "damaged", not "not permitted".
        for blob in test.blobs() {
            var data = try Data(contentsOf: blob)
            data[data.count / 2] ^= 0x01
            try data.write(to: blob)
        }
        let teacher = try test.session("teacher-mo-2")   // scope: school MOIC80100R only
        let error = #expect(throws: ArchiveError.self) { try teacher.export(filed[0].document) }
        guard case .withheld("teacher-mo-2", .export, _) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(error?.description.hasPrefix("Not permitted") == true)
        let show = #expect(throws: ArchiveError.self) { try teacher.file(of: filed[0].pupil) }
        guard case .withheld(_, .read, _) = show else { Issue.record("got \(String(describing: show))"); return }
        #expect(try teacher.pupils().isEmpty)
        #expect(try teacher.search(nationalId: "RSSLCU20B17X000S").isEmpty)
        let entries = try test.logEntries().filter { $0["operatorId"] as? String == "teacher-mo-2" }
        #expect(entries.map { "\($0["action"]!) \($0["outcome"]!)" } == ["export denied", "read denied", "list granted", "search denied"])
        #expect(!entries.contains { $0["sha256"] != nil })
    }

    @Test func aRoleSeesOnlyTheKindsItMayRead() throws {
        let test = try TestArchive()
        try test.ingest("IT-MO-certificate-rinnovo.xml")   // pupil at MOIC80100R
        let iep = try test.ingest("IT-MO-iep-life-plan.xml")
        let teacher = try test.session("teacher-mo-2")
        let file = try teacher.file(of: iep[0].pupil)
        #expect(file.documents.map(\.kind) == ["iep"])
        #expect(file.withheld == 1)
        #expect(try teacher.export(iep[0].document).1 == Data(contentsOf: TestArchive.records.appendingPathComponent("IT-MO-iep-life-plan.xml")))
    }

    @Test func policyChangesAreForAdministratorsAndAnEditedCopyIsRefused() throws {
        let test = try TestArchive()
        let office = try test.session("office")
        let error = #expect(throws: ArchiveError.self) { try office.applyPolicy(test.archive.policy.data, file: "p.xml") }
        guard case .notPermitted("office", .policy, _) = error else { Issue.record("got \(String(describing: error))"); return }
        // Edit the readable copy: every login refuses until an administrator applies it.
        let copy = test.root.appendingPathComponent("policy.xml")
        let edited = try String(contentsOf: copy, encoding: .utf8).replacingOccurrences(of: "<permit actions=\"read render\" kinds=\"iep\"/>", with: "<permit actions=\"read export render\"/>")
        try edited.write(to: copy, atomically: true, encoding: .utf8)
        let refused = #expect(throws: ArchiveError.self) { try test.session("office") }
        guard case .policyAltered = refused else { Issue.record("got \(String(describing: refused))"); return }
        let admin = try test.reopened().login("admin", credential: .passphrase(TestArchive.adminPassphrase), purpose: nil, acceptingEditedPolicy: true)
        try admin.applyPolicy(Data(edited.utf8), file: "policy.xml")
        #expect(try test.reopened().policy.roles["class-teacher"]?.permits.first?.actions.contains(.export) == true)
        _ = try test.session("office")
    }

    @Test func aPolicyThatBreaksItsSchemaIsRefusedWithItsLine() throws {
        let test = try TestArchive()
        let admin = try test.reopened().login("admin", credential: .passphrase(TestArchive.adminPassphrase), purpose: nil)
        let broken = String(decoding: test.archive.policy.data, as: UTF8.self).replacingOccurrences(of: "actions=\"audit\"", with: "actions=\"peek\"")
        let error = #expect(throws: ArchiveError.self) { try admin.applyPolicy(Data(broken.utf8), file: "new-policy.xml") }
        guard case let .invalidPolicy("new-policy.xml", reason) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(reason.contains("line 31 policy/role[8]/permit/@actions"))
    }
}

/// Exact-match search through keyed tokens.
@Suite struct ArchiveSearchTests {
    @Test(arguments: ["Rossi Luca", "luca rossi", "ＲＯＳＳＩ　ＬＵＣＡ", "  Rossi   Luca "])
    func aNameIsFoundInAnyOrderCaseAndWidth(name: String) throws {
        let test = try TestArchive()
        let filed = try test.ingest("IT-MO-certificate.xml")[0]
        try test.ingest("IT-MO-certificate-rinnovo.xml")
        #expect(try test.session("office").search(name: name).map(\.pseudonym) == [filed.pupil])
    }

    @Test func onlyExactMatchesAreFound() throws {
        let test = try TestArchive()
        try test.ingest("IT-MO-certificate.xml")
        let office = try test.session("office")
        #expect(try office.search(name: "Rossi").isEmpty)
        #expect(try office.search(name: "Rossi Lucas").isEmpty)
        #expect(try office.search(nationalId: "RSSLCU20B17X000T").isEmpty)
        #expect(try office.search(nationalId: "rsslcu20b17x000s").count == 1)
    }
}
