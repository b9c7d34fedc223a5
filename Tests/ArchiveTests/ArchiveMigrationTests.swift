@testable import Archive
import Cryptography
import Foundation
import TestSupport
import Testing

/// `archive migrate` of a format-1 archive made by the Inclusio of 0d4fbff
/// (`Tests/Fixtures/archive-format-1/make-fixture.sh`): nothing lost, keys by scope afterwards.
@Suite struct ArchiveMigrationTests {
    static let fixture = Run.project.appendingPathComponent("Tests/Fixtures/archive-format-1")
    static let admin = Data("admin passphrase of the format-1 fixture".utf8)
    static let clerk = Data("clerk passphrase of the format-1 fixture".utf8)
    static let filed = ["IT-MO-certificate.xml", "IT-MO-functional-diagnosis.xml", "IT-MO-iep.xml", "IT-MO-information-sheet.xml",
                        "IT-MO-iep-life-plan.xml", "IT-MO-certificate-rinnovo.xml", "CN-FJ-placement.xml", "JP-11-placement.xml"]

    /// A copy of the fixture archive, as a backup restored into a folder would be.
    static func copy() throws -> URL {
        let root = try Run.temporaryFolder().appendingPathComponent("archive")
        #expect(try Run.program("cp", ["-R", fixture.appendingPathComponent("archive").path, root.path]).status == 0)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("tmp"), withIntermediateDirectories: true)
        return root
    }

    static func open(_ root: URL) throws -> ConfidentialArchive { try ConfidentialArchive(at: root, schemas: ArchiveSchemas(directory: TestArchive.schemas)) }

    @Test func aFormat1ArchiveIsMigratedToKeysByScopeWithNothingLost() throws {
        let root = try Self.copy()
        let old = try Self.open(root)
        #expect(old.check().isSound, "\(old.check().problems)")
        let logBefore = try String(contentsOf: root.appendingPathComponent("log/access.jsonl"), encoding: .utf8)
        // Every use of a key is refused, naming the migration; so are the wrong credential and a non-administrator.
        let refused = #expect(throws: ArchiveError.self) { try old.login("clerk", credential: .passphrase(Self.clerk), purpose: "x") }
        #expect(refused?.description.contains("inclusio archive migrate") == true)
        #expect(throws: ArchiveError.self) { try old.migrate(opening: .operatorCredential("admin", .passphrase(Data("wrong passphrase".utf8)))) }
        #expect(throws: ArchiveError.self) { try old.migrate(opening: .operatorCredential("clerk", .passphrase(Self.clerk))) }
        #expect(try Self.open(root).format == 1)

        let report = try old.migrate(opening: .operatorCredential("admin", .passphrase(Self.admin)))
        #expect(report.fromFormat == 1 && report.toFormat == 2 && report.steps == ["log authority", "keys by scope"])
        // Its log holds free-text purposes; from now on the policy must list coded ones.
        try Self.open(root).login("admin", credential: .passphrase(Self.admin), purpose: nil)
            .applyPolicy(Data(contentsOf: Self.fixture.appendingPathComponent("policy-with-purposes.xml")), file: "policy-with-purposes.xml")
        let migrated = try Self.open(root)
        #expect(migrated.format == 2)
        let checked = migrated.check()
        #expect(checked.isSound && checked.versions == 8 && checked.pupils == 4, "\(checked.problems)")

        // Every document is byte for byte the record it was filed from.
        let clerk = try migrated.login("clerk", credential: .passphrase(Self.clerk), purpose: "annual-review")
        let documents = try ArchiveScopeKeyTests.rows(root, "SELECT id FROM documents").map { $0["id"]! }
        let exported = try Set(documents.map { SHA256.hex(try clerk.export($0).1) })
        let records = try Set(Self.filed.map { SHA256.hex(try Data(contentsOf: TestArchive.records.appendingPathComponent($0))) })
        #expect(documents.count == 8 && exported == records)
        // Names and ids, blind-index tokens, the hold and the content tokens are as they were.
        let found = try clerk.search(nationalId: "RSSLCU20B17X000S")
        #expect(found.count == 1)
        #expect(try clerk.file(of: found[0].pseudonym).identity?.family == "Rossi")
        #expect(try clerk.pupils().filter { $0.status == "on hold" }.count == 1)
        let again = try clerk.ingest(.record(Data(contentsOf: TestArchive.records.appendingPathComponent("IT-MO-iep.xml"))),
                                     file: "IT-MO-iep.xml", title: "IT-MO-iep.xml", pupil: nil, dossier: nil)
        #expect(again.count == 1 && !again[0].isNew)

        // The log continues: the old entries unchanged, a `migrate` entry, every seal and checkpoint verified.
        let logAfter = try String(contentsOf: root.appendingPathComponent("log/access.jsonl"), encoding: .utf8)
        #expect(logAfter.hasPrefix(logBefore) && logAfter.contains("\"action\":\"migrate\""))
        let auditor = try migrated.login("admin", credential: .passphrase(Self.admin), purpose: "audit")
        let verification = try auditor.verifyLog(exported: [])
        #expect(verification.problems.isEmpty, "\(verification.problems)")

        // Keys by scope now: the old pupil-key column is gone, and one school's key opens that school's documents alone.
        #expect(try ArchiveScopeKeyTests.rows(root, "SELECT name FROM pragma_table_info('pupils') WHERE name = 'wrapped_key'").isEmpty)
        let master = try ArchiveScopeKeyTests.master(root, passphrase: Self.admin)
        let school = try ArchiveScopeKeyTests.stored("scope|school:IT-MO/MOIC80100R|all", in: root, master: master)
        let there = Set(try ArchiveScopeKeyTests.rows(root, "SELECT d.id AS id FROM documents d JOIN pupils p ON p.pseudonym = d.pseudonym WHERE p.school_code = 'MOIC80100R'").map { $0["id"]! })
        let opened = try ArchiveScopeKeyTests.documentsOpened(by: school, in: root)
        #expect(there.count == 2 && opened == there)

        // Migrating again does nothing.
        #expect(try Self.open(root).migrate(opening: .operatorCredential("admin", .passphrase(Self.admin))).steps.isEmpty)
    }
}
