import Cryptography
@testable import Dossier
import Foundation
import TestSupport
import Testing

/// Damaged and hostile dossiers: each is refused with its own error, and `open` writes nothing.
@Suite struct DossierHostileTests {
    /// Opens `dossier` with school A's key into a fresh folder; returns the error's case name
    /// and checks that the folder stayed empty.
    private func refusal(_ dossier: URL, verifier: DossierVerifier? = nil, key: DossierKey? = nil) throws -> (name: String, message: String) {
        let folder = try Run.temporaryFolder().appendingPathComponent("out")
        let error = #expect(throws: DossierError.self) {
            _ = try (verifier ?? TestDossier.verifier()).open(dossier, file: "dossier.asice", key: try key ?? TestDossier.schoolA(), into: folder)
        }
        #expect(Run.files(in: folder).isEmpty, "nothing extracted: \(Run.files(in: folder))")
        return (error.map(TestDossier.caseName) ?? "none", error?.description ?? "")
    }

    /// A fresh dossier altered by `surgery`.
    private func tampered(_ surgery: (ZipSurgery) throws -> Void) throws -> URL {
        let dossier = try TestDossier.make()
        let zip = try ZipSurgery(dossier)
        try surgery(zip)
        try zip.close()
        return dossier
    }

    @Test func aFlippedByteInAnyEntryIsFound() throws {
        let dossier = try TestDossier.make()
        let original = try Data(contentsOf: dossier)
        let entries = LocalEntries.parse(original)
        #expect(entries.count == 10)
        for entry in entries {
            var bytes = original
            bytes[entry.data.lowerBound + entry.data.count / 2] ^= 0x20
            try bytes.write(to: dossier)
            let refused = try refusal(dossier)
            #expect(refused.name == "damagedEntry", "\(entry.name): \(refused.message)")
            #expect(refused.message.hasPrefix(entry.name), "\(entry.name): \(refused.message)")
        }
    }

    @Test func aRemovedEntryIsMissing() throws {
        let refused = try refusal(try tampered { try $0.remove("data/0002.xml") })
        #expect(refused.name == "missingEntry" && refused.message.hasPrefix("data/0002.xml is listed"))
    }

    @Test func aRenamedEntryIsMissing() throws {
        let refused = try refusal(try tampered { try $0.rename("data/0002.xml", to: "data/0009.xml") })
        #expect(refused.name == "missingEntry" && refused.message.hasPrefix("data/0002.xml"))
    }

    @Test(arguments: ["data/0099.txt", "META-INF/extra.xml", "notes.txt"])
    func anAddedEntryIsNotInTheManifest(name: String) throws {
        let refused = try refusal(try tampered { try $0.add(name, Data("added later".utf8)) })
        #expect(refused.name == "notInManifest", "\(refused.message)")
    }

    @Test(arguments: ["../escape.txt", "/etc/escape.txt", "data/../../escape.txt", "data\\..\\escape.txt"])
    func aPathLeavingTheDossierIsRefused(name: String) throws {
        let refused = try refusal(try tampered { try $0.add(name, Data("x".utf8)) })
        #expect(refused.name == "unsafeEntryName", "\(refused.message)")
        #expect(!refused.message.contains("escape"), "hostile names are not echoed")
    }

    @Test func aDuplicatedNameIsRefused() throws {
        let dossier = try TestDossier.make()
        var bytes = try Data(contentsOf: dossier)
        // Every occurrence (local and central header) of one name becomes another's.
        while let range = bytes.range(of: Data("data/0002.xml".utf8)) { bytes.replaceSubrange(range, with: Data("data/0001.xml".utf8)) }
        try bytes.write(to: dossier)
        let refused = try refusal(dossier)
        #expect(refused.name == "duplicateEntry", "\(refused.message)")
    }

    @Test func aZipBombIsRefusedBeforeItIsUnpacked() throws {
        let refused = try refusal(try tampered { try $0.add("data/0098.bin", Data(count: 30 << 20), deflate: true) })
        #expect(refused.name == "bomb" && refused.message.contains("expands more than 200 times"), "\(refused.message)")
    }

    @Test func anEntryOverTheSizeLimitIsRefused() throws {
        var limits = DossierLimits.standard
        limits.entrySize = 100_000
        let refused = try refusal(try TestDossier.make(), verifier: try TestDossier.verifier(limits: limits))
        #expect(refused.name == "bomb" && refused.message.contains("larger than"), "\(refused.message)")
    }

    @Test(arguments: [0.5, 0.98, 0.0])
    func aTruncatedFileIsDamaged(kept: Double) throws {
        let dossier = try TestDossier.make()
        let bytes = try Data(contentsOf: dossier)
        try bytes.prefix(Int(Double(bytes.count) * kept)).write(to: dossier)
        #expect(try refusal(dossier).name == "damaged")
    }

    @Test func aSignatureFromAnotherDossierDoesNotMatch() throws {
        let other = try TestDossier.make()
        let folder = try Run.temporaryFolder()
        let extract = try Run.program("7z", ["x", "-y", "-o" + folder.path, other.path, "META-INF/signature.p7s"])
        #expect(extract.status == 0)
        let signature = try Data(contentsOf: folder.appendingPathComponent("META-INF/signature.p7s"))
        let refused = try refusal(try tampered { try $0.remove("META-INF/signature.p7s"); try $0.add("META-INF/signature.p7s", signature) })
        #expect(refused.message == CryptographyError.signatureMismatch.description, "\(refused.message)")
    }

    @Test func anotherSchoolsKeyOrAWrongPassphraseOpensNothing() throws {
        let dossier = try TestDossier.make(passphrase: TestDossier.passphrase)
        let schoolB = try refusal(dossier, key: .recipient(try TestPKI.key("school-b"), certificate: nil, file: "school-b.key"))
        #expect(schoolB.message == CryptographyError.notAddressedToKey(file: "school-b.key").description)
        let wrong = try refusal(dossier, key: .passphrase(Data("open sesam".utf8)))
        #expect(wrong.message == CryptographyError.wrongEnvelopePassphrase.description)
    }

    @Test func anExpiredSignerIsRefused() throws {
        let pki = try Run.temporaryFolder()
        let past = DateInterval(start: Date().addingTimeInterval(-3 * 365 * 86_400), end: Date().addingTimeInterval(-86_400))
        _ = try DemoPKI.create(in: pki, validity: past)
        let identity = try SigningIdentity.load(certificate: pki.appendingPathComponent("office.pem"),
                                                key: pki.appendingPathComponent("office.key"), passphrase: nil)
        let dossier = try TestDossier.make(identity: identity)
        let verifier = DossierVerifier(roots: try Certificate.load(contentsOf: pki.appendingPathComponent("root.pem")))
        let refused = try refusal(dossier, verifier: verifier)
        #expect(refused.name == "cryptography" && refused.message.contains("expired on"), "\(refused.message)")
    }

    @Test func aSignerFromAnotherRootIsRefused() throws {
        let pki = try Run.temporaryFolder()
        _ = try DemoPKI.create(in: pki)
        let verifier = DossierVerifier(roots: try Certificate.load(contentsOf: pki.appendingPathComponent("root.pem")))
        let refused = try refusal(try TestDossier.make(), verifier: verifier)
        #expect(refused.message.contains("not issued under the trusted root"), "\(refused.message)")
    }

    @Test func anExistingFileIsNeverReplacedAndNothingElseIsWritten() throws {
        let dossier = try TestDossier.make()
        let folder = try Run.temporaryFolder()
        try Data("mine".utf8).write(to: folder.appendingPathComponent("note.txt"))
        let error = #expect(throws: DossierError.self) {
            _ = try TestDossier.verifier().open(dossier, file: "d", key: try TestDossier.schoolA(), into: folder)
        }
        #expect(error.map(TestDossier.caseName) == "cannotWrite")
        #expect(Run.files(in: folder) == ["note.txt"])
        #expect(try Data(contentsOf: folder.appendingPathComponent("note.txt")) == Data("mine".utf8))
    }
}
