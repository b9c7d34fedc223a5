@testable import Archive
import Cryptography
import Foundation
import TestSupport
import Testing

/// `archive rekey`: after a rotation, a copy of the old key opens nothing filed afterwards.
@Suite struct ArchiveRekeyTests {
    typealias Keys = ArchiveScopeKeyTests

    /// Every scope key of the index that `master` opens (a thief's first step with a copied master key).
    static func scopeKeys(openedBy master: SymmetricKey, in root: URL) throws -> [SymmetricKey] {
        try Keys.rows(root, "SELECT name, hex(wrapped) AS w FROM keys WHERE name LIKE 'scope|%'").compactMap { row in
            guard let bytes = try? AESGCM.open(Keys.hex(row["w"]), key: master, associatedData: Data("key|\(row["name"]!)".utf8)) else { return nil }
            return try SymmetricKey(bytes: bytes)
        }
    }

    /// Every document a copy of `master` opens through the scope keys it opens.
    static func documentsOpened(byMaster master: SymmetricKey, in root: URL) throws -> Set<String> {
        try scopeKeys(openedBy: master, in: root).reduce(into: Set<String>()) { $0.formUnion(try Keys.documentsOpened(by: $1, in: root)) }
    }

    @Test func aCopyOfTheOldMasterKeyOpensNothingFiledAfterTheRotation() throws {
        let test = try TestArchive()
        let before = try test.ingest("IT-MO-iep.xml")[0].document
        let oldMaster = try Keys.master(test.root)
        #expect(try Self.documentsOpened(byMaster: oldMaster, in: test.root) == [before])

        let admin = try test.reopened().login("admin", credential: .passphrase(TestArchive.adminPassphrase), purpose: "key-management")
        let report = try admin.rekeyMaster(holder: .operatorCredential(.passphrase(TestArchive.adminPassphrase)))
        #expect(report.rotated == ["master"] && report.rewrapped >= 8)
        // The other operators held the old key in their key files: removed, enrolled again.
        #expect(report.toEnrolAgain == ["head-mo-1", "office", "records", "teacher-mo-2"])
        #expect(throws: ArchiveError.self) { try test.session("office") }
        try admin.enrol("office", with: .certificate(TestPKI.certificate("office")))

        let after = try test.ingest("IT-MO-iep-life-plan.xml")[0].document
        let newMaster = try Keys.master(test.root)
        #expect(newMaster != oldMaster)
        #expect(try Self.scopeKeys(openedBy: oldMaster, in: test.root).isEmpty)
        #expect(try Self.documentsOpened(byMaster: oldMaster, in: test.root).isEmpty)
        #expect(try Self.documentsOpened(byMaster: newMaster, in: test.root) == [before, after])
        // Nothing was re-encrypted, and everything still opens; the log records the rotation and verifies.
        #expect(try test.session("office").export(before).1 == Data(contentsOf: TestArchive.records.appendingPathComponent("IT-MO-iep.xml")))
        #expect(try test.logEntries().contains { $0["action"] as? String == "rekey" && $0["recipient"] as? String == "master" })
        #expect(try test.reopened().check().isSound)
    }

    @Test func aCopyOfAnOldScopeKeyOrPupilKeyOpensNothingFiledAfterTheRotation() throws {
        let test = try TestArchive()
        let iep = try test.ingest("IT-MO-iep.xml")[0]
        let master = try Keys.master(test.root)
        let name = "scope|school:IT-MO/MOIC80000X|educational"
        let oldScope = try Keys.stored(name, in: test.root, master: master)
        #expect(try Keys.documentsOpened(by: oldScope, in: test.root) == [iep.document])
        let blobs = Set(test.blobs())

        let admin = try test.reopened().login("admin", credential: .passphrase(TestArchive.adminPassphrase), purpose: "key-management")
        let report = try admin.rekeyScope("MOIC80000X", keyClass: "educational")
        #expect(report.rotated == ["school:IT-MO/MOIC80000X|educational"] && report.pupils == 1 && report.versions == 1)
        #expect(Set(test.blobs()) == blobs)   // no blob re-encrypted
        #expect(throws: ArchiveError.self) { try admin.rekeyScope("NOSUCHSCHOOL") }

        let profile = try test.ingest("IT-MO-functional-profile.xml")[0]
        #expect(profile.pupil == iep.pupil)
        let newScope = try Keys.stored(name, in: test.root, master: master)
        #expect(try Keys.documentsOpened(by: oldScope, in: test.root).isEmpty)
        #expect(try Keys.documentsOpened(by: newScope, in: test.root) == [iep.document, profile.document])
        // The pupil key an old scope key opened before is replaced too: it opens neither document now.
        let row = try #require(try Keys.rows(test.root, "SELECT hex(wrapped_key) AS w FROM pupil_keys WHERE pseudonym = '\(iep.pupil)' AND key_class = 'educational' AND scope = 'school:IT-MO/MOIC80000X'").first)
        let newPupilKey = try SymmetricKey(bytes: AESGCM.open(Keys.hex(row["w"]), key: newScope,
                                                              associatedData: Data("pupil-key|\(iep.pupil)|educational|school:IT-MO/MOIC80000X".utf8)))
        let versions = try Keys.rows(test.root, "SELECT document AS d, hex(wrapped_key) AS w FROM versions")
        let opened = versions.filter { (try? AESGCM.open(Keys.hex($0["w"]), key: newPupilKey, associatedData: Data("document-key|\(iep.pupil)|\($0["d"]!)|1".utf8))) != nil }
        #expect(Set(opened.map { $0["d"]! }) == [iep.document, profile.document])
        // The archive still opens every version, and the log has the rotation.
        let auditor = try test.reopened().login("admin", credential: .passphrase(TestArchive.adminPassphrase), purpose: "audit")
        let checked = try auditor.deepCheck()
        #expect(checked.isSound && checked.decrypted == checked.versions)
        #expect(try test.logEntries().contains { $0["action"] as? String == "rekey" && $0["recipient"] as? String == "school:IT-MO/MOIC80000X|educational" })
    }
}
