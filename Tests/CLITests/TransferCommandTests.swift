import Cryptography
import Foundation
import TestSupport
import Testing

/// `inclusio transfer prepare|receive|confirm` between two archives, each with its own keys and
/// policy: a county office (office.pem) sending to Demo School A (school-a.pem). Outsiders judge
/// the register and receipts: `openssl cms -verify`, `xmllint --schema`, `pdftotext`.
@Suite struct TransferCommandTests {
    /// Two archives in a fresh folder: the office's (sample policy, every fixture record filed
    /// except `leaving`) and the school's (Samples/policies/receiving-school.xml), each with an auditor.
    struct Setting {
        let folder: URL
        let office: [String]
        let officeAuditor: [String]
        let school: [String]
        let schoolAuditor: [String]
        let officePath: String
        let schoolPath: String
        var sign: [String] { ["--sign-cert", (try? TestPKI.file("office.pem").path) ?? ""] }
        var receive: [String] { ["--sign-cert", (try? TestPKI.file("school-a.pem").path) ?? "", "--ca", (try? TestPKI.file("root.pem").path) ?? ""] }
        func file(_ name: String) -> URL { folder.appendingPathComponent(name) }
    }

    static let rossi = "RSSLCU20B17X000S"
    static let esposito = "SPSSFO13E49X000Q"

    private func setting(leaving: Set<String> = []) throws -> Setting {
        let folder = try Run.temporaryFolder()
        let pki = try TestPKI.folder()
        let pass = folder.appendingPathComponent("admin.pass"), auditorPass = folder.appendingPathComponent("auditor.pass")
        try Data("correct horse battery staple\n".utf8).write(to: pass)
        try Data("an auditor's long passphrase\n".utf8).write(to: auditorPass)
        var paths: [String] = []
        for (name, policy) in [("office", "Archive/policy.sample.xml"), ("school", "Samples/policies/receiving-school.xml")] {
            let path = folder.appendingPathComponent(name).path
            let made = try Run.inclusio(["archive", "init", "--path", path, "--policy", policy, "--admin-passphrase-file", pass.path])
            #expect(made.status == 0, "\(made.stderr)")
            let admin = ["--path", path, "--as", "admin", "--passphrase-file", pass.path]
            let (op, cert) = name == "office" ? ("office", "office.pem") : ("head-a", "school-a.pem")
            #expect(try Run.inclusio(["archive", "enrol", op, "--cert", pki.appendingPathComponent(cert).path] + admin).status == 0)
            #expect(try Run.inclusio(["archive", "enrol", "auditor", "--new-passphrase-file", auditorPass.path] + admin).status == 0)
            paths.append(path)
        }
        let records = folder.appendingPathComponent("records")
        try FileManager.default.createDirectory(at: records, withIntermediateDirectories: true)
        let fixtures = Run.project.appendingPathComponent("Tests/Fixtures/records")
        for name in try FileManager.default.contentsOfDirectory(atPath: fixtures.path) where name.hasPrefix("IT-MO-") && !leaving.contains(name) {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: records.appendingPathComponent(name))
        }
        let office = ["--path", paths[0], "--as", "office", "--key", pki.appendingPathComponent("office.key").path]
        let ingest = try Run.inclusio(["archive", "ingest", records.path, "--purpose", "filing"] + office)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        return Setting(folder: folder, office: office, officeAuditor: ["--path", paths[0], "--as", "auditor", "--passphrase-file", auditorPass.path],
                       school: ["--path", paths[1], "--as", "head-a", "--key", pki.appendingPathComponent("school-a.key").path],
                       schoolAuditor: ["--path", paths[1], "--as", "auditor", "--passphrase-file", auditorPass.path],
                       officePath: paths[0], schoolPath: paths[1])
    }

    private func prepare(_ setting: Setting, _ pupils: [String], into out: String = "out", _ extra: [String] = []) throws -> Run {
        try Run.inclusio(["transfer", "prepare", "--to", try TestPKI.file("school-a.pem").path, "-o", setting.file(out).path,
                          "--purpose", "transfer"] + pupils.flatMap { ["--pupil", $0] } + setting.sign + setting.office + extra)
    }

    private func receive(_ setting: Setting, _ dossiers: [String], _ extra: [String] = []) throws -> Run {
        try Run.inclusio(["transfer", "receive", "-o", setting.file("receipts").path, "--purpose", "transfer"]
                         + dossiers + setting.receive + setting.school + extra)
    }

    private func log(_ path: String) throws -> [[String: Any]] {
        try String(contentsOf: URL(fileURLWithPath: path).appendingPathComponent("log/access.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    private func dossiers(_ folder: URL) -> [String] { Run.files(in: folder).filter { $0.hasSuffix(".asice") } }

    @Test func prepareReceiveConfirmBetweenTwoArchives() throws {
        let setting = try setting()
        let prepared = try prepare(setting, [Self.rossi])
        #expect(prepared.status == 0, "\(prepared.stderr)")
        #expect(prepared.stdout.contains("✓ functional-profile") && prepared.stdout.contains("sent as P-"), "\(prepared.stdout)")
        let out = setting.file("out")
        let sent = try #require(dossiers(out).first)
        // The dossier is named by pseudonym only; no name or national id anywhere in the folder's names.
        #expect(sent.hasPrefix("P-") && !sent.contains("RSS"))
        // The register: valid by its schema, signed (openssl accepts it), printed.
        let register = out.appendingPathComponent("handover-register.xml")
        let lint = try Run.program("xmllint", ["--noout", "--schema", "Schemas/transfer/handover-register.xsd", register.path])
        #expect(lint.status == 0, "\(lint.stderr)")
        let verify = try Run.program("openssl", ["cms", "-verify", "-binary", "-inform", "DER", "-in", register.path + ".p7s", "-content", register.path,
                                                 "-CAfile", try TestPKI.file("root.pem").path, "-purpose", "any", "-out", "/dev/null"])
        #expect(verify.status == 0, "\(verify.stderr)")
        let text = try Run.program("pdftotext", ["-layout", out.appendingPathComponent("handover-register.pdf").path, "-"])
        #expect(text.stdout.contains("Elenco di trasmissione") && text.stdout.contains(String(sent.dropLast(6))) && text.stdout.contains("MO-2026-0001-PEI"))
        #expect(!text.stdout.contains("Rossi"))

        let received = try receive(setting, [out.path])
        #expect(received.status == 0, "\(received.stderr)")
        let receipts = setting.file("receipts")
        let receipt = try #require(Run.files(in: receipts).first { $0.hasSuffix(".xml") })
        let receiptURL = receipts.appendingPathComponent(receipt)
        #expect(try Run.program("xmllint", ["--noout", "--schema", "Schemas/transfer/receipt.xsd", receiptURL.path]).status == 0)
        let receiptSignature = try Run.program("openssl", ["cms", "-verify", "-binary", "-inform", "DER", "-in", receiptURL.path + ".p7s",
                                                           "-content", receiptURL.path, "-CAfile", try TestPKI.file("root.pem").path, "-purpose", "any", "-out", "/dev/null"])
        #expect(receiptSignature.status == 0, "\(receiptSignature.stderr)")
        let confirm = try Run.inclusio(["transfer", "confirm", receiptURL.path, "--register", register.path, "--ca", try TestPKI.file("root.pem").path])
        #expect(confirm.status == 0 && confirm.stdout.contains("1 of 1 dossiers acknowledged"), "\(confirm.stdout)\(confirm.stderr)")

        // The school holds the very bytes the office sent, each document with the sender as provenance.
        for record in ["IT-MO-certificate.xml", "IT-MO-information-sheet.xml", "IT-MO-functional-diagnosis.xml", "IT-MO-functional-profile.xml", "IT-MO-iep.xml"] {
            let id = try #require(try String(contentsOf: setting.file("records/\(record)"), encoding: .utf8)
                .firstMatch(of: /<[a-zA-Z]+ [^>]*\bid="([^"]+)"/)?.1)
            let copy = setting.file("copy-\(record)")
            let get = try Run.inclusio(["archive", "get", String(id), "-o", copy.path, "--purpose", "annual-review"] + setting.school)
            #expect(get.status == 0, "\(get.stderr)")
            #expect(try Data(contentsOf: copy) == Data(contentsOf: setting.file("records/\(record)")))
        }
        let show = try Run.inclusio(["archive", "show", "--pupil", Self.rossi, "--purpose", "annual-review", "--json"] + setting.school)
        #expect(show.stdout.contains("Demo County Education Office"), "\(show.stdout.prefix(300))")
        // One disclosure per pupil on each side: a transfer to the school, an import from the office.
        let transfers = try log(setting.officePath).filter { $0["action"] as? String == "transfer" }
        #expect(transfers.count == 1 && (transfers[0]["recipient"] as? String)?.contains("Demo School A") == true)
        let imports = try log(setting.schoolPath).filter { $0["action"] as? String == "import" }
        #expect(imports.count == 1 && (imports[0]["recipient"] as? String)?.contains("Demo County Education Office") == true)
        // The same dossier again: nothing new is filed or logged.
        let again = try receive(setting, [out.path])
        #expect(again.status == 0 && again.stdout.contains("already received"), "\(again.stdout)\(again.stderr)")
        #expect(try log(setting.schoolPath).filter { $0["action"] as? String == "import" }.count == 1)
        for auditor in [setting.officeAuditor, setting.schoolAuditor] {
            let audit = try Run.inclusio(["audit", "verify", "--purpose", "audit"] + auditor)
            #expect(audit.status == 0, "\(audit.stdout)\(audit.stderr)")
        }
    }

    @Test func aSchoolSendsOnlyThePupilsWhoGraduateThatYear() throws {
        let setting = try setting()
        let early = try prepare(setting, [], into: "2030", ["--school", "MOIC80000X", "--graduating", "2030"])
        #expect(early.status == 0 && early.stdout.contains("Sent 0") && early.stdout.contains("1 of the school's pupils do not graduate in 2030"),
                "\(early.stdout)\(early.stderr)")
        #expect(dossiers(setting.file("2030")).isEmpty)
        #expect(try log(setting.officePath).allSatisfy { $0["action"] as? String != "transfer" })
        let due = try prepare(setting, [], into: "2031", ["--school", "MOIC80000X", "--graduating", "2031"])
        #expect(due.status == 0 && due.stdout.contains("Sent 1"), "\(due.stdout)\(due.stderr)")
        #expect(dossiers(setting.file("2031")).count == 1)
        let usage = try prepare(setting, [Self.rossi], into: "x", ["--school", "MOIC80000X"])
        #expect(usage.status == 64)
    }

    @Test func anIncompleteFileIsHeldBackThenSentWithItsGapDeclared() throws {
        let setting = try setting()
        // Esposito's file lacks the information sheet, functional diagnosis and profile; Rossi's is complete.
        let blocked = try prepare(setting, [Self.rossi, Self.esposito])
        #expect(blocked.status == 65, "\(blocked.stderr)")
        #expect(blocked.stdout.contains("MISSING (required)") && blocked.stdout.contains("held back"))
        #expect(blocked.stderr.contains("lacks required documents (information-sheet, functional-diagnosis, functional-profile)"), "\(blocked.stderr)")
        #expect(!blocked.stderr.contains(Self.esposito) && !blocked.stdout.contains(Self.esposito))
        #expect(dossiers(setting.file("out")).count == 1)
        let sent = try prepare(setting, [Self.rossi, Self.esposito], ["--allow-incomplete"])
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stdout.contains("already sent") && sent.stdout.contains("(gap declared)"))
        #expect(dossiers(setting.file("out")).count == 2)
        let register = try String(contentsOf: setting.file("out/handover-register.xml"), encoding: .utf8)
        #expect(register.contains("<missing kind=\"functional-profile\"/>"))
        // The gap is in the dossier's own index, as standard tools read it: openssl recovers the password, 7z extracts.
        let gapped = try #require(register.firstMatch(of: /<pupil pseudonym="(P-[0-9A-Z]+)"[^>]*>(?:(?!<\/pupil>)[\s\S])*<missing/)?.1)
        let opened = setting.file("opened")
        try FileManager.default.createDirectory(at: opened, withIntermediateDirectories: true)
        let dossier = setting.file("out/\(gapped).asice").path
        #expect(try Run.program("7z", ["x", "-y", "-o" + opened.path, dossier, "META-INF/recipients.p7m"]).status == 0)
        let password = try Run.program("openssl", ["cms", "-decrypt", "-binary", "-inform", "DER", "-in", "META-INF/recipients.p7m",
                                                   "-recip", try TestPKI.file("school-a.pem").path, "-inkey", try TestPKI.file("school-a.key").path],
                                       in: opened)
        #expect(password.status == 0, "\(password.stderr)")
        #expect(try Run.program("7z", ["x", "-y", "-p" + password.stdout, "-o" + opened.path, dossier, "META-INF/index.xml"]).status == 0)
        let index = opened.appendingPathComponent("META-INF/index.xml")
        let lintIndex = try Run.program("xmllint", ["--noout", "--schema", "Schemas/dossier/dossier-index.xsd", index.path])
        #expect(lintIndex.status == 0, "\(lintIndex.stderr)")
        let indexText = try String(contentsOf: index, encoding: .utf8)
        #expect(indexText.contains("<handover register=\"R-") && indexText.contains("pupil=\"\(gapped)\"")
                && indexText.contains("<missing kind=\"information-sheet\"/>"), "\(indexText)")
        let received = try receive(setting, [setting.file("out").path])
        #expect(received.status == 0, "\(received.stderr)")
        #expect(received.stdout.contains("the sender declares missing: information-sheet, functional-diagnosis, functional-profile"), "\(received.stdout)")
        let receipt = try #require(Run.files(in: setting.file("receipts")).first { $0.hasSuffix(".xml") })
        #expect(try String(contentsOf: setting.file("receipts/\(receipt)"), encoding: .utf8).contains("<missing kind=\"functional-diagnosis\"/>"))
    }

    @Test func aDossierForAnotherSchoolCannotBeOpened() throws {
        let setting = try setting()
        #expect(try prepare(setting, [Self.rossi]).status == 0)
        let dossier = setting.file("out").appendingPathComponent(try #require(dossiers(setting.file("out")).first))
        let run = try receive(setting, [dossier.path], ["--dossier-key", try TestPKI.file("school-b.key").path])
        #expect(run.status == 77, "\(run.stderr)")
        let open = try Run.inclusio(["dossier", "open", dossier.path, "--ca", try TestPKI.file("root.pem").path,
                                     "--key", try TestPKI.file("school-b.key").path, "-o", setting.file("opened").path])
        #expect(open.status == 77)
        #expect(try log(setting.schoolPath).allSatisfy { !["import", "ingest"].contains($0["action"] as? String) })
    }

    @Test func aTamperedDossierIsRefusedAndNothingOfItIsFiled() throws {
        let setting = try setting()
        #expect(try prepare(setting, [Self.rossi]).status == 0)
        let dossier = setting.file("out").appendingPathComponent(try #require(dossiers(setting.file("out")).first))
        var bytes = try Data(contentsOf: dossier)
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: dossier)
        let run = try receive(setting, [dossier.path])
        #expect(run.status == 65, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("nothing of them was filed"))
        let list = try Run.inclusio(["archive", "list", "--purpose", "annual-review"] + setting.school)
        #expect(list.status == 0 && !list.stdout.contains("IT-MO"), "\(list.stdout)")
        #expect(try log(setting.schoolPath).allSatisfy { !["import", "ingest"].contains($0["action"] as? String) })
        #expect(Run.files(in: setting.file("receipts")).isEmpty)
    }

    @Test func aReceiptForAnotherRegisterIsRejected() throws {
        let setting = try setting()
        #expect(try prepare(setting, [Self.rossi], into: "first").status == 0)
        #expect(try prepare(setting, [Self.esposito], into: "second", ["--allow-incomplete"]).status == 0)
        #expect(try receive(setting, [setting.file("first").path]).status == 0)
        let receipt = try #require(Run.files(in: setting.file("receipts")).first { $0.hasSuffix(".xml") })
        let confirm = try Run.inclusio(["transfer", "confirm", setting.file("receipts/\(receipt)").path,
                                        "--register", setting.file("second/handover-register.xml").path, "--ca", try TestPKI.file("root.pem").path])
        #expect(confirm.status == 65, "\(confirm.stdout)\(confirm.stderr)")
        #expect(confirm.stderr.contains("is refused: it acknowledges register R-"), "\(confirm.stderr)")
        #expect(confirm.stdout.contains("0 of 1 dossiers acknowledged") && confirm.stdout.contains("unacknowledged"))
        // A receipt whose bytes were changed after signing is refused too.
        let receiptURL = setting.file("receipts/\(receipt)")
        let text = try String(contentsOf: receiptURL, encoding: .utf8).replacingOccurrences(of: "head-a", with: "head-b")
        try text.write(to: receiptURL, atomically: true, encoding: .utf8)
        let forged = try Run.inclusio(["transfer", "confirm", receiptURL.path, "--register", setting.file("first/handover-register.xml").path,
                                       "--ca", try TestPKI.file("root.pem").path])
        #expect(forged.status == 65 && forged.stderr.contains("signature does not verify"), "\(forged.stderr)")
    }

    @Test func aBatchRunAgainAfterAnInterruptionDuplicatesNothing() throws {
        let setting = try setting()
        #expect(try prepare(setting, [Self.rossi, Self.esposito], ["--allow-incomplete"]).status == 0)
        let out = setting.file("out")
        // Interrupted after the journal line and the log entry, before the dossier was moved into place.
        let name = try #require(dossiers(out).first)
        try FileManager.default.moveItem(at: out.appendingPathComponent(name), to: out.appendingPathComponent(".staging/\(name)"))
        let again = try prepare(setting, [Self.rossi, Self.esposito], ["--allow-incomplete"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.components(separatedBy: "already sent as").count - 1 == 2, "\(again.stdout)")
        #expect(dossiers(out).count == 2 && Run.files(in: out.appendingPathComponent(".staging")).isEmpty)
        let transfers = try log(setting.officePath).filter { $0["action"] as? String == "transfer" }
        #expect(transfers.count == 2 && Set(transfers.compactMap { $0["pupil"] as? String }).count == 2)
        let register = try String(contentsOf: out.appendingPathComponent("handover-register.xml"), encoding: .utf8)
        #expect(register.components(separatedBy: "<pupil ").count - 1 == 2)
        // Killed at random points and run again: every pupil ends with one dossier and one log entry.
        for delay in [0.05, 0.15, 0.3] {
            let folder = "killed-\(delay)"
            let process = Process()
            process.executableURL = Run.inclusio
            process.arguments = ["transfer", "prepare", "--to", try TestPKI.file("school-a.pem").path, "-o", setting.file(folder).path, "--purpose", "transfer",
                                 "--pupil", Self.rossi, "--pupil", Self.esposito, "--allow-incomplete"] + setting.sign + setting.office
            process.currentDirectoryURL = Run.project
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let rerun = try prepare(setting, [Self.rossi, Self.esposito], into: folder, ["--allow-incomplete"])
            #expect(rerun.status == 0, "\(rerun.stderr)")
            #expect(dossiers(setting.file(folder)).count == 2)
            let hashes = try log(setting.officePath).filter { $0["action"] as? String == "transfer" }.compactMap { $0["sha256"] as? String }
            #expect(hashes.count == Set(hashes).count, "a dossier was logged twice")
            let placed = try dossiers(setting.file(folder)).map { SHA256.hex(try Data(contentsOf: setting.file("\(folder)/\($0)"))) }
            #expect(placed.allSatisfy(hashes.contains), "a dossier in the folder was never logged")
        }
    }
}
