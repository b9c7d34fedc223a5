import Foundation
import TestSupport
import Testing

/// `inclusio keys init` and `inclusio dossier pack|verify|open`, run as a clerk would.
@Suite struct DossierCommandTests {
    /// A demo PKI and a dossier of two fixture records for school A, in a fresh folder.
    private func packed() throws -> (folder: URL, dossier: String, pki: (String) -> String) {
        let folder = try Run.temporaryFolder()
        let pki = { (name: String) in folder.appendingPathComponent("pki/\(name)").path }
        let keys = try Run.inclusio(["keys", "init", folder.appendingPathComponent("pki").path])
        #expect(keys.status == 0, "\(keys.stderr)")
        let dossier = folder.appendingPathComponent("pupil.asice").path
        let pack = try Run.inclusio(["dossier", "pack", "--sign-cert", pki("office.pem"), "--sign-key", pki("office.key"),
                                     "--recipient", pki("school-a.pem"), "-o", dossier,
                                     "Tests/Fixtures/records/CN-FJ-placement.xml", "Tests/Fixtures/records/CN-FJ-iep.xml"])
        #expect(pack.status == 0, "\(pack.stderr)")
        return (folder, dossier, pki)
    }

    @Test func packVerifyAndOpen() throws {
        let (folder, dossier, pki) = try packed()
        let unkeyed = try Run.inclusio(["dossier", "verify", dossier, "--ca", pki("root.pem")])
        #expect(unkeyed.status == 0, "\(unkeyed.stderr)")
        #expect(unkeyed.stdout.contains("SIGNATURE VERIFIED; CONTENTS NOT CHECKED"))

        let keyed = try Run.inclusio(["dossier", "verify", dossier, "--ca", pki("root.pem"), "--key", pki("school-a.key"), "--json"])
        #expect(keyed.status == 0, "\(keyed.stderr)")
        let json = (try JSONSerialization.jsonObject(with: Data(keyed.stdout.utf8)) as? [String: Any])?["result"] as? [String: Any]
        #expect(json?["verified"] as? Bool == true && json?["contentsChecked"] as? Bool == true)
        #expect((json?["entries"] as? [[String: Any]])?.compactMap { $0["kind"] as? String } == ["placement", "iep"])

        let received = folder.appendingPathComponent("received")
        let open = try Run.inclusio(["dossier", "open", dossier, "--ca", pki("root.pem"), "--key", pki("school-a.key"), "-o", received.path])
        #expect(open.status == 0, "\(open.stderr)")
        #expect(Run.files(in: received) == ["CN-FJ-iep.xml", "CN-FJ-placement.xml"])
    }

    @Test func theWrongSchoolGetsPermissionDeniedAndNothingIsWritten() throws {
        let (folder, dossier, pki) = try packed()
        let received = folder.appendingPathComponent("received")
        let open = try Run.inclusio(["dossier", "open", dossier, "--ca", pki("root.pem"), "--key", pki("school-b.key"), "-o", received.path])
        #expect(open.status == 77)
        #expect(open.stderr.contains("This was not encrypted for the key"))
        #expect(Run.files(in: received).isEmpty)
    }

    @Test func aDamagedDossierIsADataError() throws {
        let (_, dossier, pki) = try packed()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: dossier))
        try bytes.prefix(bytes.count - 100).write(to: URL(fileURLWithPath: dossier))
        let verify = try Run.inclusio(["dossier", "verify", dossier, "--ca", pki("root.pem")])
        #expect(verify.status == 65)
        #expect(verify.stderr.hasPrefix("Error: \(dossier) is not a readable dossier"))
        #expect(!verify.stderr.contains("Fatal") && !verify.stderr.contains("Stack"))
    }

    @Test func usageMistakesAreNamed() throws {
        let typo = try Run.inclusio(["dossier", "pack", "--recipent", "a.pem"])
        #expect(typo.status == 64 && typo.stderr.contains("Did you mean '--recipient'?"))
        let noRoot = try Run.inclusio(["dossier", "verify", "x.asice"])
        #expect(noRoot.status == 64 && noRoot.stderr.contains("--ca ROOT.pem"))
        let group = try Run.inclusio(["dossier", "sign"])
        #expect(group.status == 64 && group.stderr.contains("dossier pack, dossier verify, dossier open"))
        let help = try Run.inclusio(["help", "dossier", "open"])
        #expect(help.status == 0 && help.stdout.contains("USAGE: inclusio dossier open"))
    }

    @Test func keysAreNeverOverwritten() throws {
        let (folder, _, _) = try packed()
        let again = try Run.inclusio(["keys", "init", folder.appendingPathComponent("pki").path])
        #expect(again.status == 73 && again.stderr.contains("already exists"))
    }
}
