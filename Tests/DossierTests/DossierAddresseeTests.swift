import Cryptography
@testable import Dossier
import Foundation
import TestSupport
import Testing

/// A dossier opens only for the addressees its sender signed: the key envelope is bound to the
/// signed manifest by its digest, and a key the manifest does not list is refused.
@Suite struct DossierAddresseeTests {
    /// `entry` of the zip `dossier`, read as an outsider would (7-Zip).
    private func extract(_ entry: String, from dossier: URL) throws -> Data {
        let folder = try Run.temporaryFolder()
        let run = try Run.program("7z", ["x", "-y", "-o" + folder.path, dossier.path, entry])
        #expect(run.status == 0, "\(run.stderr)")
        return try Data(contentsOf: folder.appendingPathComponent(entry))
    }

    /// Replaces `name` in `dossier` with `data`, every other entry copied as it is.
    private func replace(_ name: String, in dossier: URL, with data: Data) throws {
        let zip = try ZipSurgery(dossier)
        try zip.remove(name)
        try zip.add(name, data)
        try zip.close()
    }

    @Test func aRecipientWhoReWrapsThePasswordForAnotherSchoolForwardsNothingThatOpens() throws {
        let dossier = try TestDossier.make()
        // School A, an addressee, recovers the password and seals it for school B under the sender's signature.
        let envelope = try extract(DossierLayout.recipients, from: dossier)
        let password = try CMSEnvelope.open(envelope, key: try TestPKI.key("school-a"), certificate: nil, keyFile: "school-a.key")
        try replace(DossierLayout.recipients, in: dossier, with: try CMSEnvelope.seal(password, for: [try TestPKI.certificate("school-b")], passphrase: nil))

        let schoolB = DossierKey.recipient(try TestPKI.key("school-b"), certificate: try TestPKI.certificate("school-b"), file: "school-b.key")
        let folder = try Run.temporaryFolder().appendingPathComponent("out")
        let refused = #expect(throws: DossierError.self) {
            _ = try TestDossier.verifier().open(dossier, file: "dossier.asice", key: schoolB, into: folder)
        }
        guard case .envelopeReplaced? = refused else { Issue.record("\(String(describing: refused))"); return }
        #expect(Run.files(in: folder).isEmpty)
        // Nor from memory, as `transfer receive` files a dossier.
        let read = #expect(throws: DossierError.self) {
            _ = try TestDossier.verifier().read(try Data(contentsOf: dossier), file: "dossier.asice", key: schoolB)
        }
        guard case .envelopeReplaced? = read else { Issue.record("\(String(describing: read))"); return }
        // Without a key too: the signature no longer covers the envelope.
        #expect(throws: DossierError.self) { _ = try TestDossier.verifier().verify(dossier, file: "dossier.asice", key: nil) }
    }

    @Test func theSignedManifestNamesTheAddresseesAndTheEnvelope() throws {
        let dossier = try TestDossier.make(recipients: [try TestPKI.certificate("school-a"), try TestPKI.certificate("school-b")])
        let manifest = String(decoding: try extract(DossierLayout.manifest, from: dossier), as: UTF8.self)
        let envelope = try extract(DossierLayout.recipients, from: dossier)
        for school in ["school-a", "school-b"] {
            let certificate = try TestPKI.certificate(school)
            #expect(manifest.contains("<certificate sha256=\"\(certificate.fingerprint)\" public-key-sha256=\"\(certificate.publicKeyFingerprint)\"/>"))
        }
        #expect(manifest.contains("envelope-sha256=\"\(SHA256.digest(envelope).base64EncodedString())\""))
        #expect(manifest.contains("<asic:Extension Critical=\"true\">") && !manifest.contains("<passphrase/>"))
    }

    @Test func aKeyOrPassphraseTheManifestDoesNotNameIsRefusedBeforeTheEnvelopeIsTried() throws {
        let schoolA = try TestPKI.certificate("school-a")
        let addressees = DossierAddressees(recipients: [.init(certificate: schoolA.fingerprint, publicKey: schoolA.publicKeyFingerprint)],
                                           passphrase: false, envelope: Data(count: 32))
        try DossierKey.recipient(try TestPKI.key("school-a"), certificate: nil, file: "a.key").check(addressedBy: addressees)
        try DossierKey.recipient(try TestPKI.key("school-a"), certificate: schoolA, file: "a.key").check(addressedBy: addressees)
        let refusals: [DossierKey] = [.recipient(try TestPKI.key("school-b"), certificate: nil, file: "b.key"),
                                      .recipient(try TestPKI.key("school-a"), certificate: try TestPKI.certificate("school-b"), file: "a.key"),
                                      .passphrase(TestDossier.passphrase)]
        for key in refusals {
            let error = #expect(throws: DossierError.self) { try key.check(addressedBy: addressees) }
            guard case let .cryptography(reason)? = error else { Issue.record("\(String(describing: error))"); continue }
            #expect(reason.category == .permission, "refused as the envelope refuses a stranger: \(reason)")
        }
    }

    @Test func aDossierWhoseSignedManifestNamesNoAddresseesIsRefused() throws {
        let dossier = try TestDossier.make()
        // As an earlier Inclusio wrote it: the same manifest without the extension, signed by the sender.
        let manifest = String(decoding: try extract(DossierLayout.manifest, from: dossier), as: UTF8.self)
        let start = try #require(manifest.range(of: "  <asic:ASiCManifestExtensions>")), end = try #require(manifest.range(of: "</asic:ASiCManifestExtensions>\n"))
        let earlier = Data((manifest[..<start.lowerBound] + manifest[end.upperBound...]).utf8)
        try replace(DossierLayout.manifest, in: dossier, with: earlier)
        try replace(DossierLayout.signature, in: dossier, with: try CMSSignature.sign(earlier, by: try TestPKI.identity("office")))
        let error = #expect(throws: DossierError.self) { _ = try TestDossier.verifier().verify(dossier, file: "d", key: try TestDossier.schoolA()) }
        guard case .addresseesNotSigned? = error else { Issue.record("\(String(describing: error))"); return }
    }

    @Test func aPassphraseShorterThanTheMinimumIsRefusedAndNothingIsWritten() throws {
        let folder = try Run.temporaryFolder()
        let error = #expect(throws: DossierError.self) {
            _ = try DossierPacker(identity: try TestPKI.identity("office"), recipients: [], passphrase: Data("open sesame".utf8),
                                  validator: try TestDossier.validator())
                .pack(try TestDossier.inputs(in: folder), to: folder.appendingPathComponent("d.asice"))
        }
        #expect(error.map(TestDossier.caseName) == "weakPassphrase")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("d.asice").path))
    }

    @Test func thePassphraseRecipientUsesTheStrongestPBKDF2OpenSSLWrites() throws {
        let envelope = try CMSEnvelope.seal(Data("secret".utf8), for: [], passphrase: TestDossier.passphrase)
        let folder = try Run.temporaryFolder()
        try envelope.write(to: folder.appendingPathComponent("e.p7m"))
        let printed = try Run.program("openssl", ["cms", "-cmsout", "-print", "-inform", "DER", "-in", "e.p7m"], in: folder)
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(printed.stdout.contains("id-alg-PWRI-KEK") && printed.stdout.contains("PBKDF2"), "\(printed.stdout)")
        // PBKDF2-params: the salt, then the iteration count, which OpenSSL prints in hex (1,300,000 = 0x13D620).
        #expect(printed.stdout.range(of: #"INTEGER\s+:13D620\n"#, options: .regularExpression) != nil, "\(printed.stdout)")
    }

    /// (name, method, CRC-32, size, packed size) of every entry, as Python's zipfile reads the central directory.
    private func centralDirectory(of dossier: URL) throws -> [(name: String, method: Int, crc: Int, size: Int, packed: Int)] {
        let script = "import sys, zipfile\nfor i in zipfile.ZipFile(sys.argv[1]).infolist(): print(i.filename, i.compress_type, i.CRC, i.file_size, i.compress_size)"
        let run = try Run.program("python3", ["-c", script, dossier.path])
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout.split(separator: "\n").map { line in
            let fields = line.split(separator: " ")
            return (String(fields[0]), Int(fields[1])!, Int(fields[2])!, Int(fields[3])!, Int(fields[4])!)
        }
    }

    @Test func encryptedEntriesAreAE2WithCRCZeroAndOnlyTheUnencryptedOnesCarryACRC() throws {
        let dossier = try TestDossier.make()
        let entries = try centralDirectory(of: dossier)
        let encrypted = entries.filter { $0.method == 99 }
        #expect(encrypted.map(\.name) == [DossierLayout.index] + (1...5).map { DossierLayout.payloadName($0, ext: ["xml", "xml", "xml", "pdf", "txt"][$0 - 1]) })
        #expect(encrypted.allSatisfy { $0.crc == 0 }, "\(encrypted)")
        #expect(entries.filter { $0.method != 99 }.allSatisfy { $0.crc != 0 }, "mimetype, manifest, signature, envelope keep theirs")
        // 7-Zip reads the AES extra field as AE-2 and extracts without a CRC to check.
        let listing = try Run.program("7z", ["l", "-slt", dossier.path])
        #expect(listing.stdout.components(separatedBy: "Characteristics = WzAES : Encrypt").count - 1 == encrypted.count, "\(listing.stdout)")
    }

    @Test func anEntryThatWouldDeflatePastTheRatioLimitIsKeptAsItIsAndTheDossierOpens() throws {
        let folder = try Run.temporaryFolder()
        let blank = folder.appendingPathComponent("blank scan.tif")
        try Data(count: 3 << 20).write(to: blank)
        let dossier = folder.appendingPathComponent("d.asice")
        _ = try DossierPacker(identity: try TestPKI.identity("office"), recipients: [try TestPKI.certificate("school-a")], passphrase: nil,
                              validator: try TestDossier.validator()).pack([(blank, blank.lastPathComponent)], to: dossier)
        let report = try TestDossier.verifier().verify(dossier, file: "d", key: try TestDossier.schoolA())
        #expect(report.contentsChecked)
        // Judged from the central directory: it takes as much room as it holds (deflate's stored blocks), within any ratio limit.
        let scan = try #require(try centralDirectory(of: dossier).first { $0.name == "data/0001.tif" })
        #expect(scan.size == 3 << 20 && scan.packed > scan.size, "\(scan)")
    }
}
