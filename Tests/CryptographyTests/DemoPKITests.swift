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

    @Test func anExistingFolderIsNeverOverwritten() throws {
        let folder = try TestPKI.folder()
        let before = try Data(contentsOf: folder.appendingPathComponent("office.key"))
        #expect(throws: DemoPKIError.self) { try DemoPKI.create(in: folder) }
        #expect(try Data(contentsOf: folder.appendingPathComponent("office.key")) == before)
    }
}
