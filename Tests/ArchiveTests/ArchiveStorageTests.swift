import Archive
import Cryptography
import Dossier
import Foundation
import Records
import TestSupport
import Testing
import XML

/// What is stored, and how: encrypted at rest, versions kept, damage found.
@Suite struct ArchiveStorageTests {
    /// Every pupil and guardian name and every national id of the fixture records, read with a
    /// regular expression (not our parser).
    static func personalStrings() throws -> Set<String> {
        var found: Set<String> = []
        let pattern = try NSRegularExpression(pattern: "<(family|given|familyReading|givenReading|romanised|cnResidentId|itCodiceFiscale|jpIndividualNumber)>([^<]+)<")
        for name in try TestArchive.allRecords() {
            let text = try String(contentsOf: TestArchive.records.appendingPathComponent(name), encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                found.insert(String(text[Range(match.range(at: 2), in: text)!]))
            }
        }
        return found
    }

    @Test func aCopyOfTheArchiveRevealsNoNameIdOrContent() throws {
        let test = try TestArchive()
        for name in try TestArchive.allRecords() { try test.ingest(name) }
        let office = try test.session("office")
        #expect(try office.pupils().count >= 8)
        let secrets = try Self.personalStrings()
        #expect(secrets.count > 20)
        #expect(secrets.contains("RSSLCU20B17X000S"))
        // A distinctive phrase of a document body, too.
        let body = "possibilmente un liceo artistico"
        let files = FileManager.default.enumerator(at: test.root, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
        #expect(files.contains { $0.lastPathComponent == "index.sqlite" })
        #expect(files.count > 20)
        // The index is also searched as the sqlite3 tool dumps it: every clear value as text, every sealed one as
        // hexadecimal, which no name or id can look like. That catches the shortest secrets there too.
        let dump = try Run.program("sqlite3", [test.root.appendingPathComponent("index.sqlite").path, ".dump"])
        #expect(dump.status == 0 && dump.stdout.contains("CREATE TABLE pupils"))
        for secret in secrets.union([body]) { #expect(!dump.stdout.contains(secret), "the index holds a name, id or text of a record") }
        for file in files {
            let bytes = try Data(contentsOf: file)
            // Ciphertext is random: a secret of three bytes (one Chinese character) turns up in it by chance about
            // once per 16 MB, so in the raw blobs and index pages only secrets of more than 6 bytes are looked for.
            let holdsCiphertext = file.path.contains("/blobs/") || file.lastPathComponent.hasPrefix("index.sqlite")
            for secret in secrets.union([body]) where !holdsCiphertext || secret.utf8.count > 6 {
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(file.lastPathComponent) holds a name, id or text of a record")
            }
            #expect(!secrets.contains { file.path.contains($0) })
        }
    }

    @Test func theSameBytesTwiceAreOneVersion() throws {
        let test = try TestArchive()
        let first = try test.ingest("CN-FJ-iep.xml")
        let again = try test.ingest("CN-FJ-iep.xml")
        #expect(first[0].isNew && !again[0].isNew)
        #expect(first[0].document == again[0].document && again[0].version == 1)
        #expect(test.blobs().count == 1)
    }

    @Test func aNewVersionSupersedesAndTheOldOneStaysReadable() throws {
        let test = try TestArchive()
        let original = try Data(contentsOf: TestArchive.records.appendingPathComponent("CN-FJ-iep.xml"))
        let v1 = try test.ingest("CN-FJ-iep.xml")[0]
        let changed = Data(String(decoding: original, as: UTF8.self).replacingOccurrences(of: "version=\"1\"", with: "version=\"2\"").utf8)
        let folder = try Run.temporaryFolder()
        try changed.write(to: folder.appendingPathComponent("iep-v2.xml"))
        let office = try test.session("office")
        let v2 = try office.ingest(.record(changed), file: "iep-v2.xml", title: "iep-v2.xml", pupil: nil, dossier: nil)[0]
        #expect(v2.document == v1.document && v2.pupil == v1.pupil && v2.version == 2)
        let file = try office.file(of: v1.pupil)
        let versions = file.documents.first { $0.id == v1.document }!.versions
        #expect(versions.map(\.isCurrent) == [false, true])
        #expect(versions.map(\.recordVersion) == ["1", "2"])
        let first = try office.export(v1.document, version: 1)
        #expect(first.1 == original && !first.0.isCurrent)
        #expect(try office.export(v1.document, version: 2).0.isCurrent)
        #expect(try office.export(v1.document).1 == changed)
        #expect(try office.export("FJ-2026-0001-IEP").0.version == 2)   // by the record's own id
    }

    @Test func aFlippedByteInAnyBlobIsReportedByCheckAndByGet() throws {
        let test = try TestArchive()
        var filed: [IngestedDocument] = []
        for name in ["CN-FJ-certificate.xml", "IT-MO-iep.xml", "JP-11-placement.xml"] { filed += try test.ingest(name) }
        #expect(test.archive.check().isSound)
        let office = try test.session("office")
        for blob in test.blobs() {
            let original = try Data(contentsOf: blob)
            var damaged = original
            damaged[damaged.count - 5] ^= 0x20
            try damaged.write(to: blob)
            let report = try test.reopened().check()
            #expect(report.problems.count == 1)
            #expect(report.problems.first?.contains("was changed or damaged") == true)
            let hit = try filed.filter { document in
                do { _ = try office.export(document.document); return false } catch {
                    guard case ArchiveError.damaged = error else { throw error }
                    return true
                }
            }
            #expect(hit.count == 1)
            try original.write(to: blob)
        }
        #expect(try test.reopened().check().isSound)
    }

    @Test func aBlobMovedToAnotherDocumentDoesNotOpen() throws {
        // Swap which blob two versions point to, with the sqlite3 tool: each file still matches
        // its recorded digest, so the keyless check is satisfied, but each document's key and
        // associated data (pupil, document, version) no longer fit, so decryption fails.
        let test = try TestArchive()
        let a = try test.ingest("CN-FJ-certificate.xml")[0]
        let b = try test.ingest("IT-MO-iep.xml")[0]
        let swap = """
            UPDATE versions SET blob = other.blob, blob_size = other.size
            FROM (SELECT document AS id, blob, blob_size AS size FROM versions) AS other
            WHERE (versions.document = '\(a.document)' AND other.id = '\(b.document)')
               OR (versions.document = '\(b.document)' AND other.id = '\(a.document)');
            """
        let run = try Run.program("sqlite3", [test.root.appendingPathComponent("index.sqlite").path, swap])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try test.reopened().check().isSound)
        let admin = try test.reopened().login("admin", credential: .passphrase(TestArchive.adminPassphrase), purpose: "audit")
        let report = try admin.deepCheck()
        #expect(report.problems.count == 2, "\(report.problems)")
        #expect(report.problems.allSatisfy { $0.contains("does not decrypt") })
        let error = #expect(throws: ArchiveError.self) { try test.session("office").export(a.document) }
        guard case .damaged = error else { Issue.record("got \(String(describing: error))"); return }
    }

    @Test func checkNotesWhatACrashLeavesInTheLogWithoutCallingItDamage() throws {
        let test = try TestArchive()
        try test.ingest("CN-FJ-iep.xml")
        let log = test.root.appendingPathComponent("log/access.jsonl")
        // An ingest logged, then killed before its commit (an entry numbered, linked and sealed as the
        // writer does: a check without keys sees that the seal is there, not whose it is); then a line torn by a crash mid-write.
        let lines = try Data(contentsOf: log).split(separator: 0x0A)
        let previous = SHA256.hex(Data([0x00]) + lines.last!)
        let handle = try FileHandle(forWritingTo: log)
        handle.seekToEndOfFile()
        handle.write(Data(#"{"action":"ingest","document":"D-NEVERFILED00","version":1,"operatorId":"office","role":"county-bureau","organisation":"o","purpose":"p","outcome":"granted","sequence":\#(lines.count + 1),"time":"t","previous":"\#(previous)","seal":"\#(String(repeating: "0", count: 64))"}"#.utf8 + [0x0A]))
        handle.write(Data(#"{"action":"ingest","docu"#.utf8))
        try handle.close()
        let report = try test.reopened().check()
        #expect(report.isSound, "\(report.problems)")
        #expect(report.notes.contains { $0.contains("incomplete") })
        #expect(report.notes.contains { $0.contains("1 ingest(s)") && $0.contains("entries \(lines.count + 1)") })
        // The next entry replaces the torn line, and numbering goes on from the last complete one.
        try test.ingest("CN-FJ-placement.xml")
        #expect(!(try test.reopened().check().notes.contains { $0.contains("incomplete") }))
        #expect(try test.logEntries().last?["sequence"] as? Int == lines.count + 2)
        // A damaged line that is not the last is a problem, named by its entry.
        var bytes = try Data(contentsOf: log)
        bytes[2] = UInt8(ascii: "#")
        try bytes.write(to: log)
        let problems = try test.reopened().check().problems
        #expect(problems.contains { $0.contains("entry 1: it is not a log entry") }, "\(problems)")
    }

    @Test func aFileThatIsNotARecordNeedsAPupilAndIsStoredAsItIs() throws {
        let test = try TestArchive()
        let record = try test.ingest("IT-MO-certificate.xml")[0]
        let folder = try Run.temporaryFolder()
        let scan = folder.appendingPathComponent("Rossi Luca scan.pdf")
        try (Data("%PDF-1.7\n".utf8) + SecureRandom.bytes(5000)).write(to: scan)
        let office = try test.session("office")
        let pdf = IngestInput.attachment(try Data(contentsOf: scan), mediaType: "application/pdf")
        let error = #expect(throws: ArchiveError.self) { try office.ingest(pdf, file: "scan.pdf", title: scan.lastPathComponent, pupil: nil, dossier: nil) }
        guard case .pupilNeeded = error else { Issue.record("got \(String(describing: error))"); return }
        let filed = try office.ingest(pdf, file: "scan.pdf", title: scan.lastPathComponent, pupil: "RSSLCU20B17X000S", dossier: nil)[0]
        #expect(filed.pupil == record.pupil && filed.kind == "attachment")
        let (summary, content) = try office.export(filed.document)
        #expect(content == (try Data(contentsOf: scan)))
        #expect(summary.mediaType == "application/pdf" && summary.title == "Rossi Luca scan.pdf")
        #expect(try !office.ingest(pdf, file: "scan.pdf", title: scan.lastPathComponent, pupil: record.pupil, dossier: nil)[0].isNew)
    }

    @Test func anInvalidRecordIsRefusedWithItsProblemsAndNothingIsFiled() throws {
        let test = try TestArchive()
        let folder = try Run.temporaryFolder()
        let broken = folder.appendingPathComponent("broken.xml")
        let text = try String(contentsOf: TestArchive.records.appendingPathComponent("CN-FJ-iep.xml"), encoding: .utf8)
        try text.replacingOccurrences(of: "<birthDate>", with: "<birthDate>not a date").write(to: broken, atomically: true, encoding: .utf8)
        let error = #expect(throws: ArchiveError.self) { try test.session("office").ingest(.record(try Data(contentsOf: broken)), file: "broken.xml", title: "broken.xml", pupil: nil, dossier: nil) }
        guard case let .record(recordError) = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(recordError.problems.first?.field.contains("birthDate") == true)
        #expect(test.blobs().isEmpty)
        #expect(try test.session("office").pupils().isEmpty)
    }

    @Test func aDossierIsVerifiedOpenedInMemoryAndFiledWithItsProvenance() throws {
        let test = try TestArchive()
        let folder = try Run.temporaryFolder()
        let packer = DossierPacker(identity: try TestPKI.identity("office"), recipients: [try TestPKI.certificate("school-a")], passphrase: nil,
                                   validator: RecordValidator(catalog: try SchemaCatalog(directory: TestArchive.schemas)))
        let records = ["IT-MO-iep.xml", "IT-MO-certificate.xml"].map { (TestArchive.records.appendingPathComponent($0), $0) }
        let scan = folder.appendingPathComponent("scan.pdf")
        try (Data("%PDF-1.7\n".utf8) + SecureRandom.bytes(3000)).write(to: scan)
        let dossier = folder.appendingPathComponent("pupil.asice")
        _ = try packer.pack(records + [(scan, "scan.pdf")], to: dossier)
        let head = try test.session("head-mo-1")
        let source = DossierSource(roots: [try TestPKI.certificate("root")], key: .recipient(try TestPKI.key("school-a"), certificate: nil, file: "school-a.key"))
        let filed = try head.ingest(.dossier(try Data(contentsOf: dossier)), file: "pupil.asice", title: "pupil.asice", pupil: nil, dossier: source)
        #expect(filed.map(\.kind).sorted() == ["attachment", "certificate", "iep"])
        #expect(Set(filed.map(\.pupil)).count == 1)
        let file = try head.file(of: filed[0].pupil)
        #expect(file.documents.flatMap(\.versions).allSatisfy { $0.sender?.contains("CN=") == true })
        #expect(try head.export(filed.first { $0.kind == "iep" }!.document).1 == Data(contentsOf: records[0].0))
        // Tampered: one byte of the zip changed; nothing is filed.
        var bytes = try Data(contentsOf: dossier)
        bytes[bytes.count / 2] ^= 0x01
        let tampered = folder.appendingPathComponent("tampered.asice")
        try bytes.write(to: tampered)
        let other = try TestArchive()
        #expect(throws: ArchiveError.self) { try other.session("head-mo-1").ingest(.dossier(bytes), file: "tampered.asice", title: "tampered.asice", pupil: nil, dossier: source) }
        #expect(other.blobs().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: other.root.appendingPathComponent("tmp").path) || Run.files(in: other.root.appendingPathComponent("tmp")).isEmpty)
    }

    /// The dossier is read once: the digest kept as each document's provenance is of the very
    /// bytes that were verified, and the entries keep the media types of the signed manifest.
    @Test func aDossiersProvenanceIsTheDigestOfTheBytesThatWereVerified() throws {
        let test = try TestArchive()
        let folder = try Run.temporaryFolder()
        let packer = DossierPacker(identity: try TestPKI.identity("office"), recipients: [try TestPKI.certificate("school-a")], passphrase: nil,
                                   validator: RecordValidator(catalog: try SchemaCatalog(directory: TestArchive.schemas)))
        let scan = folder.appendingPathComponent("scan.pdf")
        try (Data("%PDF-1.7\n".utf8) + SecureRandom.bytes(2000)).write(to: scan)
        let url = folder.appendingPathComponent("pupil.asice")
        _ = try packer.pack([(TestArchive.records.appendingPathComponent("IT-MO-iep.xml"), "iep.xml"), (scan, "scan.pdf")], to: url)
        let bytes = try Data(contentsOf: url)
        try FileManager.default.removeItem(at: url)   // nothing is read from the file again
        let head = try test.session("head-mo-1")
        let source = DossierSource(roots: [try TestPKI.certificate("root")], key: .recipient(try TestPKI.key("school-a"), certificate: nil, file: "school-a.key"))
        let filed = try head.ingest(.dossier(bytes), file: "pupil.asice", title: "pupil.asice", pupil: nil, dossier: source)
        let versions = try head.file(of: filed[0].pupil).documents.flatMap(\.versions)
        #expect(versions.count == 2 && versions.allSatisfy { $0.dossierSha256 == SHA256.hex(bytes) }, "\(versions.map(\.dossierSha256))")
        #expect(Set(versions.map(\.mediaType)) == ["application/xml", "application/pdf"])
    }
}
