@testable import Archive
import Cryptography
import Foundation
import TestSupport
import Testing

/// `archive backup` and `restore`: a shred reaches every backup taken before it.
@Suite struct ArchiveBackupTests {
    typealias Keys = ArchiveScopeKeyTests

    @Test func aBackupTakenBeforeAShredNoLongerOpensForThatPupilWhileOthersRestore() throws {
        // Retention of 0 years, so a pupil may be shredded at once.
        let sample = try String(contentsOf: Run.project.appendingPathComponent("Archive/policy.sample.xml"), encoding: .utf8)
        let policy = sample.replacingOccurrences(of: #"years="10""#, with: #"years="0""#).replacingOccurrences(of: #"years="5""#, with: #"years="0""#)
        let test = try TestArchive(policy: Data(policy.utf8))
        let names = ["IT-MO-iep.xml", "IT-MO-certificate.xml", "IT-MO-iep-life-plan.xml", "CN-FJ-placement.xml"]
        var filed: [String: IngestedDocument] = [:]
        for name in names { filed[name] = try test.ingest(name)[0] }
        let shredded = filed["IT-MO-iep.xml"]!.pupil
        #expect(filed["IT-MO-certificate.xml"]!.pupil == shredded)
        let admin = try test.reopened().login("admin", credential: .passphrase(TestArchive.adminPassphrase), purpose: "key-management")
        let folder = try Run.temporaryFolder()
        let backup = folder.appendingPathComponent("backup-2026-12")
        let made = try admin.backup(to: backup, period: "2026-12")
        #expect(made.pupils == 3 && made.versions == 4)
        #expect(throws: ArchiveError.self) { try admin.backup(to: backup, period: "2026-12") }

        // The copy alone: it names itself a backup, and its master key (from a key file in it) opens no pupil key.
        let copy = try ConfidentialArchive(at: backup, schemas: ArchiveSchemas(directory: TestArchive.schemas))
        let refused = #expect(throws: ArchiveError.self) { try copy.login("admin", credential: .passphrase(TestArchive.adminPassphrase), purpose: "x") }
        #expect(refused?.description.contains("is a backup copy") == true)
        let master = try Keys.master(backup)
        #expect(try Keys.rows(backup, "SELECT name FROM keys WHERE name LIKE 'scope|%' OR name LIKE 'backup|%'").isEmpty)
        #expect(try Keys.rows(backup, "SELECT COUNT(*) AS n FROM backup_keys").first?["n"] == "0")
        #expect(try Keys.documentsOpened(by: master, in: backup).isEmpty)
        #expect(copy.check().isSound)

        // Before the shred, the whole backup restores.
        let before = try admin.restore(backup, to: folder.appendingPathComponent("restored-before"))
        #expect(before.restored == 3 && before.shredded.isEmpty)

        let records = try test.reopened().login("records", credential: .passphrase(TestArchive.recordsPassphrase), purpose: "retention")
        #expect(try records.shred(shredded) == 2)
        #expect(try Keys.rows(test.root, "SELECT COUNT(*) AS n FROM backup_keys WHERE pseudonym = '\(shredded)'").first?["n"] == "0")

        // After it, the same backup restores every other pupil, and that pupil's file stays shredded.
        let after = try admin.restore(backup, to: folder.appendingPathComponent("restored-after"))
        #expect(after.restored == 2 && after.shredded == [shredded])
        let restored = try ConfidentialArchive(at: folder.appendingPathComponent("restored-after"), schemas: ArchiveSchemas(directory: TestArchive.schemas))
        let office = try restored.login("office", credential: .key(TestPKI.key("office"), file: "office.key"), purpose: "annual-review")
        for name in ["IT-MO-iep-life-plan.xml", "CN-FJ-placement.xml"] {
            #expect(try office.export(filed[name]!.document).1 == Data(contentsOf: TestArchive.records.appendingPathComponent(name)))
        }
        #expect(throws: ArchiveError.self) { try office.export(filed["IT-MO-iep.xml"]!.document) }
        #expect(try office.file(of: shredded).summary.status == "shredded")
        #expect(try office.search(nationalId: "RSSLCU20B17X000S").isEmpty)
        #expect(restored.check().isSound, "\(restored.check().problems)")
        // The restore before the shred was a copy in its own right: there the pupil opens (it was taken before).
        let earlier = try ConfidentialArchive(at: folder.appendingPathComponent("restored-before"), schemas: ArchiveSchemas(directory: TestArchive.schemas))
        #expect(try earlier.login("office", credential: .key(TestPKI.key("office"), file: "office.key"), purpose: "annual-review").export(filed["IT-MO-iep.xml"]!.document).0.version == 1)
        // Even the live archive's master key and every backup key it still holds open nothing of that pupil in the backup.
        let live = try Keys.master(test.root)
        let periodKey = try Keys.stored("backup|2026-12", in: test.root, master: live)
        let backupKeys = try Keys.rows(test.root, "SELECT pseudonym, hex(wrapped_key) AS w FROM backup_keys").map { row in
            try SymmetricKey(bytes: AESGCM.open(Keys.hex(row["w"]), key: periodKey, associatedData: Data("backup-key|\(row["pseudonym"]!)|2026-12".utf8)))
        }
        #expect(backupKeys.count == 2)
        let opened = try backupKeys.reduce(into: Set<String>()) { $0.formUnion(try Keys.documentsOpened(by: $1, in: backup)) }
        #expect(opened == [filed["IT-MO-iep-life-plan.xml"]!.document, filed["CN-FJ-placement.xml"]!.document])
    }
}
