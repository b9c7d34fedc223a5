import Archive
import Cryptography
import Foundation
import TestSupport

/// A fresh archive with the sample policy: `admin` (passphrase), `office` (everything),
/// `head-mo-1` (school MOIC80000X), `teacher-mo-2` (support teacher, school MOIC80100R) and
/// `records` (records officer, passphrase) enrolled.
struct TestArchive {
    static let adminPassphrase = Data("admin passphrase for tests".utf8)
    static let recordsPassphrase = Data("records passphrase for tests".utf8)
    static let schemas = Run.project.appendingPathComponent("Schemas")
    static let records = Run.project.appendingPathComponent("Tests/Fixtures/records")

    let root: URL
    let archive: ConfidentialArchive

    /// Creates the archive, with `policy` (the sample policy when `nil`).
    init(policy: Data? = nil) throws {
        root = try Run.temporaryFolder().appendingPathComponent("archive")
        let schemas = try ArchiveSchemas(directory: Self.schemas)
        let policy = try policy ?? Data(contentsOf: Run.project.appendingPathComponent("Archive/policy.sample.xml"))
        try ConfidentialArchive.create(at: root, policy: policy, policyFile: "policy.xml", schemas: schemas,
                                       administrator: "admin", enrolment: .passphrase(Self.adminPassphrase))
        archive = try ConfidentialArchive(at: root, schemas: schemas)
        let admin = try archive.login("admin", credential: .passphrase(Self.adminPassphrase), purpose: nil)
        try admin.enrol("office", with: .certificate(TestPKI.certificate("office")))
        try admin.enrol("head-mo-1", with: .certificate(TestPKI.certificate("school-a")))
        try admin.enrol("teacher-mo-2", with: .certificate(TestPKI.certificate("school-b")))
        if archive.policy.operators["records"] != nil { try admin.enrol("records", with: .passphrase(Self.recordsPassphrase)) }
    }

    /// The archive opened again (as another command would).
    func reopened() throws -> ConfidentialArchive { try ConfidentialArchive(at: root, schemas: ArchiveSchemas(directory: Self.schemas)) }

    /// A session of `op` (a certificate operator, by the demo PKI key of its organisation).
    func session(_ op: String, purpose: String = "annual-review") throws -> ArchiveSession {
        let stem = ["office": "office", "head-mo-1": "school-a", "teacher-mo-2": "school-b"][op]!
        return try reopened().login(op, credential: .key(TestPKI.key(stem), file: "\(stem).key"), purpose: purpose)
    }

    /// Files the fixture record `name` as `op`.
    @discardableResult
    func ingest(_ name: String, as op: String = "office") throws -> [IngestedDocument] {
        try session(op).ingest(.record(try Data(contentsOf: Self.records.appendingPathComponent(name))), file: name, title: name, pupil: nil, dossier: nil)
    }

    /// Every fixture record file.
    static func allRecords() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: records.path).filter { $0.hasSuffix(".xml") }.sorted()
    }

    /// Every access-log entry, parsed as JSON objects (as an outsider would read them).
    func logEntries() throws -> [[String: Any]] {
        let text = try String(contentsOf: root.appendingPathComponent("log/access.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    /// The paths of every stored encrypted blob.
    func blobs() -> [URL] {
        let folder = root.appendingPathComponent("blobs")
        return (FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])?.compactMap { $0 as? URL } ?? [])
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .sorted { $0.path < $1.path }
    }
}
