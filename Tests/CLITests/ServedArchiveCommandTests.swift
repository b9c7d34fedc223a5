import Foundation
import TestSupport
import Testing

/// `archive init --custody service`: the archive key stays with the custodians; the offline
/// attack of issue 16 (an operator copies the folder and uses their own key) opens nothing.
@Suite struct ServedArchiveCommandTests {
    /// A served archive with admin (passphrase), office and teacher-mo-2 (certificates) enrolled
    /// and every fixture record filed, all done on the service's machine with the custodians' passphrase.
    private func served() throws -> (folder: URL, path: String, custodian: [String]) {
        let folder = try Run.temporaryFolder()
        let pki = try TestPKI.folder()
        let admin = folder.appendingPathComponent("admin.pass"), custodian = folder.appendingPathComponent("custodian.pass")
        try Data("correct horse battery staple\n".utf8).write(to: admin)
        try Data("the custodians' long passphrase\n".utf8).write(to: custodian)
        let path = folder.appendingPathComponent("archive").path
        let made = try Run.inclusio(["archive", "init", "--path", path, "--custody", "service", "--custodian-passphrase-file", custodian.path,
                                     "--admin-passphrase-file", admin.path, "--json"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("\"custody\" : \"service\""), "\(made.stdout)")
        let unlock = ["--path", path, "--custodian-passphrase-file", custodian.path]
        for (op, cert) in [("office", "office.pem"), ("teacher-mo-2", "school-b.pem")] {
            let enrol = try Run.inclusio(["archive", "enrol", op, "--cert", pki.appendingPathComponent(cert).path, "--as", "admin",
                                          "--passphrase-file", admin.path] + unlock)
            #expect(enrol.status == 0, "\(enrol.stderr)")
        }
        let ingest = try Run.inclusio(["archive", "ingest", "Tests/Fixtures/records", "--purpose", "filing", "--as", "office",
                                       "--key", pki.appendingPathComponent("office.key").path] + unlock)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        return (folder, path, unlock)
    }

    @Test func anOperatorsKeyOpensNothingInACopyOfAServedArchive() throws {
        let (folder, path, custodian) = try served()
        let pki = try TestPKI.folder()
        // The operator's own key, on the command line, without the custodians: refused, 77.
        let teacher = ["--path", path, "--as", "teacher-mo-2", "--key", pki.appendingPathComponent("school-b.key").path]
        let local = try Run.inclusio(["archive", "list", "--purpose", "annual-review"] + teacher)
        #expect(local.status == 77 && local.stderr.contains("keeps its keys with its service"), "\(local.stderr)")
        // With the custodians' passphrase the same operator is still only themselves: their scope.
        let scoped = try Run.inclusio(["archive", "show", "--pupil", "RSSLCU20B17X000S", "--purpose", "annual-review"] + teacher + Array(custodian.dropFirst(2)))
        #expect(scoped.status == 77, "\(scoped.stderr)")
        // The attack: copy the folder, then try the operator's key and certificate on every file in it.
        let copy = folder.appendingPathComponent("copy")
        #expect(try Run.program("cp", ["-a", path, copy.path]).status == 0)
        let files = try Run.program("find", [copy.path, "-type", "f"]).stdout.split(separator: "\n").map(String.init)
        #expect(files.count > 20)
        #expect(!files.contains { $0.hasSuffix(".p7m") || ($0.hasSuffix(".scrypt") && !$0.hasSuffix("/keys/custodian.scrypt")) }, "\(files)")
        for stem in ["school-b", "office"] {
            for file in files {
                let decrypt = try Run.program("openssl", ["cms", "-decrypt", "-inform", "DER", "-in", file, "-inkey", pki.appendingPathComponent("\(stem).key").path,
                                                          "-recip", pki.appendingPathComponent("\(stem).pem").path, "-out", "/dev/null"])
                #expect(decrypt.status != 0, "\(file) opened with \(stem).key")
            }
        }
        // What an outsider's grep finds in the copy: no name, no national id, no sentence of a record.
        for secret in ["Rossi", "RSSLCU20B17X000S", "Esposito", "350000202003080022", "小雨", "Lin Xiaoyu"] {
            let grep = try Run.program("grep", ["-r", "-l", "-a", "-F", secret, copy.path])
            #expect(grep.status == 1, "\(secret) found in \(grep.stdout)")
        }
        // The enrolments are identity only: a certificate, or (for passphrases) a verifier.
        let enrolment = try String(contentsOf: copy.appendingPathComponent("keys/operators/teacher-mo-2.enrolment"), encoding: .utf8)
        #expect(enrolment.contains("BEGIN CERTIFICATE") && !enrolment.contains("PRIVATE"))
        let check = try Run.inclusio(["archive", "check", "--path", path])
        #expect(check.status == 0 && check.stdout.contains("The archive is sound."), "\(check.stdout)\(check.stderr)")
    }

    @Test(arguments: [
        (["--custody", "service"], "give --custodian-passphrase-file FILE"),
        (["--custody", "vault"], "--custody is operators or service, not 'vault'."),
        (["--custodian-passphrase-file", "/etc/hostname"], "--custodian-passphrase-file is for --custody service."),
    ])
    func initSaysWhatAServedArchiveNeeds(extra: [String], message: String) throws {
        let folder = try Run.temporaryFolder()
        let admin = folder.appendingPathComponent("admin.pass")
        try Data("correct horse battery staple\n".utf8).write(to: admin)
        let run = try Run.inclusio(["archive", "init", "--path", folder.appendingPathComponent("a").path, "--admin-passphrase-file", admin.path] + extra)
        #expect(run.status == 64 && run.stderr.contains(message), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("a").path))
    }
}
