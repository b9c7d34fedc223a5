import Cryptography
@testable import Dossier
import Foundation
import Records
import TestSupport
import XML

/// A small dossier packed for school A (and, when asked, a passphrase) from fixture records and files.
enum TestDossier {
    static let project = Run.project
    static let passphrase = Data("open sesame, said the clerk".utf8)
    static let records = ["CN-FJ-placement.xml", "JP-11-placement.xml", "IT-MO-iep.xml"]

    static func validator() throws -> RecordValidator {
        RecordValidator(catalog: try SchemaCatalog(directory: project.appendingPathComponent("Schemas")))
    }

    /// The files packed: three records, a PDF-like scan and a note, with the names messages use.
    static func inputs(in folder: URL) throws -> [(url: URL, name: String)] {
        let scan = folder.appendingPathComponent("Zhang Wei scan.pdf")
        var bytes = Data("%PDF-1.7\n".utf8)
        bytes.append(try SecureRandom.bytes(200_000))
        try bytes.write(to: scan)
        let note = folder.appendingPathComponent("note.txt")
        try Data(String(repeating: "Seen by the resource teacher. ", count: 200).utf8).write(to: note)
        return records.map { (project.appendingPathComponent("Tests/Fixtures/records/" + $0), $0) }
            + [(scan, scan.lastPathComponent), (note, note.lastPathComponent)]
    }

    /// Packs a fresh dossier into a new folder; returns its URL.
    /// A passphrase recipient costs 1,300,000 PBKDF2 rounds (about half a second), so only tests about passphrases ask for one.
    static func make(identity: SigningIdentity? = nil, recipients: [Certificate]? = nil, passphrase: Data? = nil,
                     limits: DossierLimits = .standard) throws -> URL {
        let folder = try Run.temporaryFolder()
        let packer = DossierPacker(identity: try identity ?? TestPKI.identity("office"),
                                   recipients: try recipients ?? [TestPKI.certificate("school-a")],
                                   passphrase: passphrase, validator: try validator(), limits: limits)
        let output = folder.appendingPathComponent("dossier.asice")
        _ = try packer.pack(try inputs(in: folder), to: output)
        return output
    }

    static func verifier(at time: Date? = nil, limits: DossierLimits = .standard) throws -> DossierVerifier {
        DossierVerifier(roots: [try TestPKI.certificate("root")], at: time, limits: limits)
    }

    static func schoolA() throws -> DossierKey {
        .recipient(try TestPKI.key("school-a"), certificate: nil, file: "school-a.key")
    }

    /// The name of `error`'s case (`digestMismatch`), for cases with a payload.
    static func caseName(_ error: some Error) -> String {
        Mirror(reflecting: error).children.first?.label ?? "a case without payload"
    }
}
