import Dossier
import Foundation
import Generation
import Intake
import Records
import XML
import TestSupport
import Testing

/// Each kind is told from its bytes, whatever the file is called; anything else is refused
/// with its name and what was seen, never its content.
@Suite struct InputClassifierTests {
    static let project = Run.project
    let classifier: InputClassifier

    init() throws {
        classifier = InputClassifier(catalog: try SchemaCatalog(directory: Self.project.appendingPathComponent("Schemas")))
    }

    static func bytes(_ path: String) throws -> Data { try Data(contentsOf: project.appendingPathComponent(path)) }

    /// A dossier packed by Inclusio from one record and a scan.
    static func dossier() throws -> Data {
        let folder = try Run.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let packer = DossierPacker(identity: try TestPKI.identity("office"), recipients: [try TestPKI.certificate("school-a")], passphrase: nil,
                                   validator: RecordValidator(catalog: try SchemaCatalog(directory: project.appendingPathComponent("Schemas"))))
        let url = folder.appendingPathComponent("pupil.asice")
        _ = try packer.pack([(project.appendingPathComponent("Tests/Fixtures/records/IT-MO-iep.xml"), "iep.xml")], to: url)
        return try Data(contentsOf: url)
    }

    @Test(arguments: [
        ("Samples/cases/CN-FJ/case-01.json", InputKind.caseFile(.json)),
        ("Samples/cases/JP-11/notices.csv", .caseFile(.csv)),
        ("Samples/cases/IT-MO/case-02.xml", .caseFile(.xml)),
        ("Tests/Fixtures/records/CN-FJ-placement.xml", .record(kind: "placement")),
        ("Tests/Fixtures/records/IT-MO-iep.xml", .record(kind: "iep")),
    ])
    func filesOfTheProjectAreToldByTheirBytes(path: String, kind: InputKind) throws {
        #expect(try classifier.classify(Self.bytes(path), file: "renamed.txt") == kind)
    }

    @Test(arguments: [
        (Data("%PDF-1.7\n%âãÏÓ\n".utf8), "application/pdf"),
        (Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]), "image/png"),
        (Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 16]), "image/jpeg"),
        (Data([0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0]), "image/tiff"),
    ])
    func attachmentsAreToldByTheirSignature(bytes: Data, mediaType: String) throws {
        #expect(try classifier.classify(bytes, file: "scan") == .attachment(mediaType: mediaType))
    }

    @Test func aRecordNamedLikeACaseFileIsStillARecord() throws {
        let folder = try Run.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("case-01.json")
        try Self.bytes("Tests/Fixtures/records/JP-11-placement.xml").write(to: url)
        let intake = Intake(catalog: classifier.catalog, accepting: [.record, .caseFile], command: "render")
        #expect(try intake.read(url, name: "case-01.json").kind == .record(kind: "placement"))
    }

    @Test func aRenamedDossierIsStillADossierAndGenerateRefusesIt() throws {
        let folder = try Run.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("scan.pdf")
        try Self.dossier().write(to: url)
        #expect(try classifier.classify(Data(contentsOf: url), file: "scan.pdf") == .dossier)
        let intake = Intake(catalog: classifier.catalog, accepting: [.caseFile], command: "generate")
        let error = #expect(throws: IntakeError.self) { try intake.read(url, name: "scan.pdf") }
        #expect(error?.description == "scan.pdf: is a dossier; generate takes case files. Open it first (inclusio dossier open), or file it with inclusio archive ingest --ca ROOT.")
    }

    @Test(arguments: [
        (Data("Dear Mrs Rossi, Luca's diagnosis\n".utf8), "text whose first line is not a CSV header with a 'kind' column"),
        (Data("jurisdiction,school.code,school.name\nCN-FJ,1,示例小学\n".utf8), "text whose first line is not a CSV header with a 'kind' column"),
        (Data("<note xmlns=\"urn:example:secret\">Rossi Luca</note>".utf8), "XML in the namespace urn:example:secret"),
        (Data("<note>Rossi Luca</note>".utf8), "XML whose root element has no namespace"),
        (Data([0x50, 0x4B, 0x03, 0x04, 20, 0, 0, 0, 8, 0]) + Data("Rossi Luca".utf8), "a zip file that is not a dossier"),
        (Data([0x00, 0x01, 0x02]) + Data("Rossi Luca".utf8), "neither text nor a PDF, PNG, JPEG, TIFF or dossier"),
        (Data(), "an empty file"),
    ])
    func anythingElseIsRefusedWithItsNameAndWithoutItsContent(bytes: Data, reason: String) throws {
        let error = #expect(throws: IntakeError.self) { try classifier.classify(bytes, file: "notes/letter.bin") }
        let message = error?.description ?? ""
        #expect(message.hasPrefix("notes/letter.bin: is not a case file (JSON, CSV, XML), a record, a dossier or a PDF"), "\(message)")
        #expect(message.contains(reason), "\(message)")
        for secret in ["Rossi", "Luca", "diagnosis", "示例"] { #expect(!message.contains(secret), "\(message)") }
    }

    @Test func malformedXMLGoesToTheReaderTheCommandMeant() throws {
        let folder = try Run.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("broken.xml")
        try Data("<case xmlns=\"urn:inclusio:case:1\"><pupil>".utf8).write(to: url)
        #expect(throws: IntakeError.self) { try classifier.classify(Data(contentsOf: url), file: "broken.xml") }
        let generate = Intake(catalog: classifier.catalog, accepting: [.caseFile], command: "generate")
        #expect(try generate.read(url, name: "broken.xml").kind == .caseFile(.xml))
        let render = Intake(catalog: classifier.catalog, accepting: [.record, .caseFile], command: "render")
        #expect(try render.read(url, name: "broken.xml").kind == .record(kind: nil))
    }
}
