import Cryptography
import Foundation
import TestSupport
import Testing

@Suite struct DemoPKITests {
    @Test func opensslAcceptsEveryPartyUnderTheRootForSigning() throws {
        for party in DemoPKI.parties {
            let run = try Run.program("openssl", ["verify", "-purpose", "smimesign", "-CAfile",
                                                  try TestPKI.file("root.pem").path, try TestPKI.file("\(party.stem).pem").path])
            #expect(run.status == 0, "\(party.stem): \(run.stderr)")
        }
    }

    @Test func keysAreReadableOnlyByTheirOwner() throws {
        for party in DemoPKI.parties {
            let attributes = try FileManager.default.attributesOfItem(atPath: try TestPKI.file("\(party.stem).key").path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            #expect(try TestPKI.certificate(party.stem).matches(try TestPKI.key(party.stem)))
        }
    }

    @Test func aDERCertificateLoadsLikeItsPEM() throws {
        let folder = try Run.temporaryFolder()
        let der = folder.appendingPathComponent("school-a.der")
        let converted = try Run.program("openssl", ["x509", "-in", try TestPKI.file("school-a.pem").path, "-outform", "DER", "-out", der.path])
        #expect(converted.status == 0)
        #expect(try Certificate.load(contentsOf: der).map(\.fingerprint) == [try TestPKI.certificate("school-a").fingerprint])
        #expect(throws: CryptographyError.self) { try Certificate.load(contentsOf: try TestPKI.file("school-a.key")) }
    }

    @Test func anExistingFolderIsNeverOverwritten() throws {
        let folder = try TestPKI.folder()
        let before = try Data(contentsOf: folder.appendingPathComponent("office.key"))
        #expect(throws: DemoPKIError.self) { try DemoPKI.create(in: folder) }
        #expect(try Data(contentsOf: folder.appendingPathComponent("office.key")) == before)
    }
}
