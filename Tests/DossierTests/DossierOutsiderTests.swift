import Cryptography
import Dossier
import Foundation
import TestSupport
import Testing

/// Our dossiers judged by standard tools: openssl checks the signature and opens the
/// envelope, 7-Zip extracts the entries, xmllint checks manifest and index.
@Suite struct DossierOutsiderTests {
    /// Extracts `names` from `dossier` into `folder` with 7-Zip and `password`.
    private func sevenZip(_ dossier: URL, _ names: [String], password: String, into folder: URL) throws {
        let run = try Run.program("7z", ["x", "-y", "-p" + password, "-o" + folder.path, dossier.path] + names)
        #expect(run.status == 0, "7z: \(run.stdout) \(run.stderr)")
    }

    /// The (URI, base64 digest) pairs of a manifest, read with a regular expression, not our parser.
    private func digests(in manifest: String) throws -> [(String, String)] {
        let pattern = try NSRegularExpression(pattern: #"URI="([^"]+)"[^>]*>\s*<ds:DigestMethod[^>]*/>\s*<ds:DigestValue>([^<]+)<"#)
        return pattern.matches(in: manifest, range: NSRange(manifest.startIndex..., in: manifest)).map {
            (String(manifest[Range($0.range(at: 1), in: manifest)!]), String(manifest[Range($0.range(at: 2), in: manifest)!]))
        }
    }

    @Test func opensslVerifiesAndDecryptsAndSevenZipExtractsEntriesMatchingTheManifest() throws {
        let dossier = try TestDossier.make()
        let folder = try Run.temporaryFolder()
        try sevenZip(dossier, ["mimetype", "META-INF/ASiCManifest.xml", "META-INF/signature.p7s", "META-INF/recipients.p7m"],
                     password: "unused", into: folder)
        #expect(try String(contentsOf: folder.appendingPathComponent("mimetype"), encoding: .utf8) == "application/vnd.etsi.asic-e+zip")

        let verify = try Run.program("openssl", ["cms", "-verify", "-binary", "-cades", "-inform", "DER", "-in", "META-INF/signature.p7s",
                                                 "-content", "META-INF/ASiCManifest.xml", "-CAfile", try TestPKI.file("root.pem").path,
                                                 "-out", "/dev/null"], in: folder)
        #expect(verify.status == 0 && verify.stderr.contains("Verification successful"), "\(verify.stderr)")

        let decrypt = try Run.program("openssl", ["cms", "-decrypt", "-binary", "-inform", "DER", "-in", "META-INF/recipients.p7m",
                                                  "-recip", try TestPKI.file("school-a.pem").path, "-inkey", try TestPKI.file("school-a.key").path],
                                      in: folder)
        #expect(decrypt.status == 0, "\(decrypt.stderr)")
        let password = decrypt.stdout
        #expect(password.count == 64)

        let manifest = try String(contentsOf: folder.appendingPathComponent("META-INF/ASiCManifest.xml"), encoding: .utf8)
        let listed = try digests(in: manifest)
        #expect(listed.count == TestDossier.records.count + 3, "index, three records, a scan and a note")
        try sevenZip(dossier, listed.map(\.0), password: password, into: folder)
        for (name, digest) in listed {
            let sum = try Run.program("openssl", ["dgst", "-sha256", "-binary", "-out", "digest", name], in: folder)
            #expect(sum.status == 0)
            #expect(try Data(contentsOf: folder.appendingPathComponent("digest")).base64EncodedString() == digest, "\(name)")
        }

        let schemas = Run.project.appendingPathComponent("Schemas/dossier")
        for (schema, file) in [("asic-manifest.xsd", "META-INF/ASiCManifest.xml"), ("dossier-index.xsd", "META-INF/index.xml")] {
            let lint = try Run.program("xmllint", ["--noout", "--nonet", "--schema", schemas.appendingPathComponent(schema).path, file], in: folder)
            #expect(lint.status == 0, "\(file): \(lint.stderr)")
        }
    }

    @Test func thePassphraseOpensTheEnvelopeWithOpenSSLToo() throws {
        let dossier = try TestDossier.make(passphrase: TestDossier.passphrase)
        let folder = try Run.temporaryFolder()
        try sevenZip(dossier, ["META-INF/recipients.p7m"], password: "unused", into: folder)
        let decrypt = try Run.program("openssl", ["cms", "-decrypt", "-binary", "-inform", "DER", "-in", "META-INF/recipients.p7m",
                                                  "-pwri_password", String(decoding: TestDossier.passphrase, as: UTF8.self)], in: folder)
        #expect(decrypt.status == 0, "\(decrypt.stderr)")
        try sevenZip(dossier, ["data/0001.xml"], password: decrypt.stdout, into: folder)
        #expect(try Data(contentsOf: folder.appendingPathComponent("data/0001.xml"))
                == Data(contentsOf: Run.project.appendingPathComponent("Tests/Fixtures/records/" + TestDossier.records[0])))
    }

    @Test func namesInTheZipCarryNoPersonalDataAndMimetypeComesFirstStoredWithoutExtraField() throws {
        let dossier = try TestDossier.make()
        let bytes = try Data(contentsOf: dossier)
        #expect(bytes.range(of: Data("Zhang Wei".utf8)) == nil, "the scan's title travels only in the encrypted index")
        #expect(bytes.range(of: Data("Seen by the resource teacher".utf8)) == nil, "entries are encrypted")
        // Local header of entry 1 at offset 0: method 0 (stored), extra length 0, name "mimetype".
        #expect(bytes.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]))
        #expect(bytes[8] == 0 && bytes[9] == 0)
        #expect(bytes[28] == 0 && bytes[29] == 0)
        #expect(bytes[30..<38] == Data("mimetype".utf8))
        let listing = try Run.program("7z", ["l", "-slt", dossier.path])
        let names = listing.stdout.split(separator: "\n").filter { $0.hasPrefix("Path = ") }.map { $0.dropFirst(7) }.dropFirst()
        #expect(names.count == 10)
        #expect(names.allSatisfy { $0 == "mimetype" || $0.hasPrefix("META-INF/") || $0.wholeMatch(of: /data\/\d{4}\.[a-z]+/) != nil })
    }
}
