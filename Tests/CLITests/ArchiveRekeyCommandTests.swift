import Foundation
import TestSupport
import Testing

/// `archive rekey` on a served archive, on the service's machine with the custodians' passphrase.
@Suite struct ArchiveRekeyCommandTests {
    @Test func aServedArchivesMasterAndScopeKeysAreReplacedByAnAdministratorWithTheCustodians() throws {
        let folder = try Run.temporaryFolder()
        let pki = try TestPKI.folder()
        let admin = folder.appendingPathComponent("admin.pass"), custodian = folder.appendingPathComponent("custodian.pass")
        let wrong = folder.appendingPathComponent("wrong.pass")
        try Data("correct horse battery staple\n".utf8).write(to: admin)
        try Data("the custodians' long passphrase\n".utf8).write(to: custodian)
        try Data("not the custodians' passphrase\n".utf8).write(to: wrong)
        let path = folder.appendingPathComponent("archive").path
        let unlock = ["--path", path, "--custodian-passphrase-file", custodian.path]
        let asAdmin = ["--as", "admin", "--passphrase-file", admin.path]
        let office = ["--as", "office", "--key", pki.appendingPathComponent("office.key").path] + unlock
        #expect(try Run.inclusio(["archive", "init", "--path", path, "--custody", "service", "--custodian-passphrase-file", custodian.path,
                                  "--admin-passphrase-file", admin.path]).status == 0)
        #expect(try Run.inclusio(["archive", "enrol", "office", "--cert", pki.appendingPathComponent("office.pem").path] + asAdmin + unlock).status == 0)
        let filed = try Run.inclusio(["archive", "ingest", "Tests/Fixtures/records/IT-MO-iep.xml", "Tests/Fixtures/records/IT-MO-certificate.xml",
                                      "--purpose", "filing"] + office)
        #expect(filed.status == 0, "\(filed.stderr)")
        let keyFile = URL(fileURLWithPath: path).appendingPathComponent("keys/custodian.scrypt")
        let before = try Data(contentsOf: keyFile)

        // A wrong custodians' passphrase changes nothing.
        let refused = try Run.inclusio(["archive", "rekey", "--master", "--purpose", "key-management", "--path", path,
                                        "--custodian-passphrase-file", wrong.path] + asAdmin)
        #expect(refused.status == 77 && refused.stderr.contains("custodians' passphrase does not open"), "\(refused.stderr)")
        #expect(try Data(contentsOf: keyFile) == before)

        let rotated = try Run.inclusio(["archive", "rekey", "--master", "--purpose", "key-management", "--json"] + asAdmin + unlock)
        #expect(rotated.status == 0, "\(rotated.stderr)")
        #expect(rotated.stdout.contains("\"rotated\" : [\n      \"master\""), "\(rotated.stdout)")
        #expect(try Data(contentsOf: keyFile) != before)
        // Only an administrator replaces keys.
        let notAdmin = try Run.inclusio(["archive", "rekey", "--scope", "MOIC80000X", "--purpose", "filing"] + office)
        #expect(notAdmin.status == 77 && notAdmin.stderr.contains("may not policy the archive's keys"), "\(notAdmin.stderr)")
        let scope = try Run.inclusio(["archive", "rekey", "--scope", "MOIC80000X", "--class", "clinical", "--purpose", "key-management"] + asAdmin + unlock)
        #expect(scope.status == 0 && scope.stdout.contains("school:IT-MO/MOIC80000X|clinical"), "\(scope.stdout)\(scope.stderr)")
        let unknown = try Run.inclusio(["archive", "rekey", "--scope", "NOSUCHSCHOOL", "--purpose", "key-management"] + asAdmin + unlock)
        #expect(unknown.status == 66 && unknown.stderr.contains("No school, district or jurisdiction \"NOSUCHSCHOOL\""), "\(unknown.stderr)")

        // Everything still opens with the custodians' passphrase, and the log verifies with both rotations in it.
        let shown = try Run.inclusio(["archive", "show", "--pupil", "RSSLCU20B17X000S", "--purpose", "annual-review", "--json"] + office)
        #expect(shown.status == 0 && shown.stdout.contains("\"family\" : \"Rossi\""), "\(shown.stderr)")
        let check = try Run.inclusio(["archive", "check", "--path", path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let log = try String(contentsOf: URL(fileURLWithPath: path).appendingPathComponent("log/access.jsonl"), encoding: .utf8)
        #expect(log.components(separatedBy: "\"action\":\"rekey\"").count - 1 == 2, "\(log)")
    }
}
