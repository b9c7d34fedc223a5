import Cryptography
import Dossier
import Foundation
import TestSupport
import Testing

@Suite struct DossierRoundTripTests {
    @Test func openExtractsEveryFileUnderItsTitleByteForByte() throws {
        let dossier = try TestDossier.make()
        let folder = try Run.temporaryFolder().appendingPathComponent("received")
        let opened = try TestDossier.verifier().open(dossier, file: "dossier.asice", key: try TestDossier.schoolA(), into: folder)
        let inputs = try TestDossier.inputs(in: try Run.temporaryFolder())
        #expect(opened.files.map(\.lastPathComponent) == inputs.map(\.url.lastPathComponent))
        #expect(opened.report.contentsChecked)
        for (file, input) in zip(opened.files, inputs) where input.url.pathExtension != "pdf" {   // the scan is random per call
            #expect(try Data(contentsOf: file) == Data(contentsOf: input.url))
        }
        #expect(opened.report.entries.map { $0.described?.kind } == ["placement", "placement", "iep", "attachment", "attachment"])
        #expect(opened.report.entries[0].described?.document == "FJ-2026-0001-PLAC")
        #expect(opened.report.entries[0].described?.jurisdiction == "CN-FJ")
        #expect(Run.files(in: folder).allSatisfy { !$0.hasPrefix(".") }, "no temporaries left")
    }

    @Test func thePassphraseOpensItAsWell() throws {
        let dossier = try TestDossier.make(passphrase: TestDossier.passphrase)
        let report = try TestDossier.verifier().verify(dossier, file: "d", key: .passphrase(TestDossier.passphrase))
        #expect(report.contentsChecked)
    }

    @Test func withoutAKeyTheSignatureIsVerifiedAndTheDigestsAreNotClaimed() throws {
        let report = try TestDossier.verifier().verify(try TestDossier.make(), file: "d", key: nil)
        #expect(report.encrypted)
        #expect(!report.contentsChecked)
        #expect(report.entries.count == 5)
        #expect(report.signer.subject.contains("Demo County Education Office"))
    }

    @Test func anInvalidRecordIsNotPacked() throws {
        let folder = try Run.temporaryFolder()
        let record = folder.appendingPathComponent("broken.xml")
        let fixture = try String(contentsOf: Run.project.appendingPathComponent("Tests/Fixtures/records/CN-FJ-placement.xml"), encoding: .utf8)
        try fixture.replacingOccurrences(of: "version=\"1\"", with: "version=\"first\"").write(to: record, atomically: true, encoding: .utf8)
        let packer = DossierPacker(identity: try TestPKI.identity("office"), recipients: [try TestPKI.certificate("school-a")],
                                   passphrase: nil, validator: try TestDossier.validator())
        let output = folder.appendingPathComponent("out.asice")
        #expect(throws: DossierError.self) { _ = try packer.pack([(record, "broken.xml")], to: output) }
        #expect(Run.files(in: folder) == ["broken.xml"], "nothing written")
    }

    @Test func aDossierForNobodyIsRefused() throws {
        let packer = DossierPacker(identity: try TestPKI.identity("office"), recipients: [], passphrase: nil, validator: try TestDossier.validator())
        let error = #expect(throws: DossierError.self) { _ = try packer.pack([], to: URL(fileURLWithPath: "/tmp/never.asice")) }
        guard case .noRecipient = error else { Issue.record("expected noRecipient, got \(String(describing: error))"); return }
    }
}
