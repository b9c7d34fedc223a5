import Foundation
import TestSupport
import Testing

/// `inclusio archive …`, run as a clerk would: exit codes, messages, files written.
@Suite struct ArchiveCommandTests {
    /// An archive in a fresh folder with admin (passphrase), office and teacher-mo-2 enrolled.
    private func archive() throws -> (folder: URL, path: String, office: [String], teacher: [String]) {
        let folder = try Run.temporaryFolder()
        let pki = try TestPKI.folder()
        let pass = folder.appendingPathComponent("admin.pass")
        try Data("correct horse battery staple\n".utf8).write(to: pass)
        let path = folder.appendingPathComponent("archive").path
        let initRun = try Run.inclusio(["archive", "init", "--path", path, "--admin-passphrase-file", pass.path])
        #expect(initRun.status == 0, "\(initRun.stderr)")
        let admin = ["--path", path, "--as", "admin", "--passphrase-file", pass.path]
        for (op, cert) in [("office", "office.pem"), ("teacher-mo-2", "school-b.pem")] {
            let enrol = try Run.inclusio(["archive", "enrol", op, "--cert", pki.appendingPathComponent(cert).path] + admin)
            #expect(enrol.status == 0, "\(enrol.stderr)")
        }
        return (folder, path, ["--path", path, "--as", "office", "--key", pki.appendingPathComponent("office.key").path],
                ["--path", path, "--as", "teacher-mo-2", "--key", pki.appendingPathComponent("school-b.key").path])
    }

    @Test func ingestShowAndGetAsAClerkWould() throws {
        let (folder, path, office, _) = try archive()
        let ingest = try Run.inclusio(["archive", "ingest", "Tests/Fixtures/records", "--purpose", "filing", "--json"] + office)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let filed = (try #require(try JSONSerialization.jsonObject(with: Data(ingest.stdout.utf8)) as? [String: Any])["result"] as? [String: Any])?["filed"] as? [[String: Any]]
        #expect(filed?.count == 20)
        let iep = try #require(filed?.first { ($0["file"] as? String)?.hasSuffix("IT-MO-iep.xml") == true })
        let show = try Run.inclusio(["archive", "show", "--pupil", "RSSLCU20B17X000S", "--purpose", "annual-review"] + office)
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("Rossi Luca") && show.stdout.contains(iep["document"] as! String))
        let copy = folder.appendingPathComponent("copy.xml")
        let get = try Run.inclusio(["archive", "get", iep["document"] as! String, "-o", copy.path, "--purpose", "annual-review"] + office)
        #expect(get.status == 0, "\(get.stderr)")
        #expect(try Data(contentsOf: copy) == Data(contentsOf: Run.project.appendingPathComponent("Tests/Fixtures/records/IT-MO-iep.xml")))
        #expect((try FileManager.default.attributesOfItem(atPath: copy.path)[.posixPermissions] as? Int) == 0o600)
        // An existing file is never replaced.
        let again = try Run.inclusio(["archive", "get", iep["document"] as! String, "-o", copy.path, "--purpose", "annual-review"] + office)
        #expect(again.status == 73)
        // An outsider's search of the raw folder finds no name or national id.
        for secret in ["Rossi", "RSSLCU20B17X000S", "Esposito", "350000202003080022", "小雨", "Lin Xiaoyu"] {
            let grep = try Run.program("grep", ["-r", "-l", "-a", "-F", secret, path])
            #expect(grep.status == 1, "\(secret) found in \(grep.stdout)")
        }
        let check = try Run.inclusio(["archive", "check", "--path", path])
        #expect(check.status == 0 && check.stdout.contains("The archive is sound."), "\(check.stdout)\(check.stderr)")
    }

    @Test func outsideTheScopeIsNotPermittedWithExit77() throws {
        let (_, _, office, teacher) = try archive()
        _ = try Run.inclusio(["archive", "ingest", "Tests/Fixtures/records/IT-MO-iep.xml", "--purpose", "filing"] + office)
        let show = try Run.inclusio(["archive", "show", "--pupil", "RSSLCU20B17X000S", "--purpose", "annual-review"] + teacher)
        #expect(show.status == 77)
        // Asked by national id, the refusal names no pseudonym: that alone would say the pupil has a file.
        #expect(show.stderr.hasPrefix("Error: Not permitted: operator teacher-mo-2 may not read the file of the pupil with that national id"), "\(show.stderr)")
        #expect(!show.stderr.contains("RSSLCU20B17X000S") && !show.stderr.contains("Rossi") && !show.stderr.contains("P-"))
        let wrongKey = try Run.inclusio(["archive", "list", "--purpose", "annual-review", "--path", office[1], "--as", "office",
                                         "--key", try TestPKI.file("school-a.key").path])
        #expect(wrongKey.status == 77)
        #expect(wrongKey.stderr.contains("does not belong to operator office"))
    }

    /// No existence oracle: a pupil or document that is not in the archive gets the same exit
    /// status and words as one outside the scope (the pupil's national id named by neither), and
    /// both are logged as denied. Before, an unknown national id exited 66 and logged nothing.
    @Test func anUnknownPupilOrDocumentIsRefusedLikeOneOutsideTheScope() throws {
        let (folder, path, office, teacher) = try archive()
        let ingest = try Run.inclusio(["archive", "ingest", "Tests/Fixtures/records/IT-MO-iep.xml", "--purpose", "filing", "--json"] + office)
        let filed = (try #require(try JSONSerialization.jsonObject(with: Data(ingest.stdout.utf8)) as? [String: Any])["result"] as? [String: Any])?["filed"] as? [[String: Any]]
        let iep = try #require(filed?.first?["document"] as? String)
        let outside = try Run.inclusio(["archive", "show", "--pupil", "RSSLCU20B17X000S", "--purpose", "annual-review"] + teacher)
        let unknown = try Run.inclusio(["archive", "show", "--pupil", "VRDGPP80A01F257X", "--purpose", "annual-review"] + teacher)
        #expect(outside.status == 77 && unknown.status == 77, "\(outside.stderr)\(unknown.stderr)")
        #expect(outside.stderr == unknown.stderr)
        #expect(outside.stdout.isEmpty && unknown.stdout.isEmpty)
        // --json says the same: kind "permission", the same message.
        let json = try Run.inclusio(["archive", "show", "--pupil", "VRDGPP80A01F257X", "--purpose", "annual-review", "--json"] + teacher)
        let error = (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["error"] as? [String: Any]
        #expect(json.status == 77 && error?["kind"] as? String == "permission")
        #expect((error?["message"] as? String).map { !$0.isEmpty && unknown.stderr.contains($0) } == true, "\(json.stdout)")
        // Documents: get and render of the out-of-scope IEP and of an id that names nothing.
        for command in [["archive", "get"], ["archive", "render"]] {
            let out = folder.appendingPathComponent("out-\(command[1]).pdf").path
            let real = try Run.inclusio(command + [iep, "-o", out, "--purpose", "annual-review"] + teacher)
            let none = try Run.inclusio(command + ["D-0000000000AA", "-o", out, "--purpose", "annual-review"] + teacher)
            #expect(real.status == 77 && none.status == 77, "\(real.stderr)\(none.stderr)")
            #expect(real.stderr.replacingOccurrences(of: iep, with: "D-…") == none.stderr.replacingOccurrences(of: "D-0000000000AA", with: "D-…"))
            #expect(!FileManager.default.fileExists(atPath: out))
        }
        // The office (every school) is refused for the unknown pupil too: nobody learns from the status.
        let office77 = try Run.inclusio(["archive", "show", "--pupil", "VRDGPP80A01F257X", "--purpose", "annual-review"] + office)
        #expect(office77.status == 77, "\(office77.stderr)")
        // The log holds a denied entry for each of them; an outsider reads it with a JSON parser.
        let log = try String(contentsOf: URL(fileURLWithPath: path).appendingPathComponent("log/access.jsonl"), encoding: .utf8)
        let entries = try log.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        let teachers = entries.filter { $0["operatorId"] as? String == "teacher-mo-2" }.map { "\($0["action"]!) \($0["outcome"]!)" }
        #expect(teachers == ["read denied", "read denied", "read denied", "export denied", "export denied", "render denied", "render denied"])
        #expect(entries.contains { $0["operatorId"] as? String == "office" && $0["action"] as? String == "read" && $0["outcome"] as? String == "denied" })
        #expect(!log.contains("VRDGPP80A01F257X") && !log.contains("RSSLCU20B17X000S"))
    }

    @Test func renderPrintsARecordThroughItsFormOnlyForThoseWhoMayAndLogsIt() throws {
        let (folder, path, office, teacher) = try archive()
        let ingest = try Run.inclusio(["archive", "ingest", "Tests/Fixtures/records/IT-MO-iep.xml", "--purpose", "filing", "--json"] + office)
        let filed = (try #require(try JSONSerialization.jsonObject(with: Data(ingest.stdout.utf8)) as? [String: Any])["result"] as? [String: Any])?["filed"] as? [[String: Any]]
        let iep = try #require(filed?.first?["document"] as? String)
        let pdf = folder.appendingPathComponent("iep.pdf")
        let render = try Run.inclusio(["archive", "render", iep, "-o", pdf.path, "--purpose", "annual-review"] + office)
        #expect(render.status == 0, "\(render.stderr)")
        #expect(render.stdout.contains("Printed version 1 (current) of \(iep)"))
        #expect((try FileManager.default.attributesOfItem(atPath: pdf.path)[.posixPermissions] as? Int) == 0o600)
        // An outsider reads the page: the form of the IT-MO IEP, filled with this pupil's record.
        let text = try Run.program("pdftotext", ["-layout", pdf.path, "-"])
        #expect(text.status == 0 && text.stdout.contains("Rossi") && text.stdout.contains("PEI"), "\(text.stdout.prefix(400))")
        let log = try String(contentsOf: URL(fileURLWithPath: path).appendingPathComponent("log/access.jsonl"), encoding: .utf8)
        #expect(log.components(separatedBy: "\"action\":\"render\"").count - 1 == 1)
        // Outside the teacher's scope: refused with 77, logged, and nothing written.
        let refused = folder.appendingPathComponent("refused.pdf")
        let denied = try Run.inclusio(["archive", "render", iep, "-o", refused.path, "--purpose", "annual-review"] + teacher)
        #expect(denied.status == 77 && denied.stderr.contains("may not render document \(iep)"), "\(denied.stderr)")
        #expect(!FileManager.default.fileExists(atPath: refused.path))
        // A stored PDF has no form: 65, pointing to `archive get`.
        let scan = try Run.inclusio(["archive", "ingest", pdf.path, "--pupil", "RSSLCU20B17X000S", "--purpose", "filing", "--json"] + office)
        let stored = try #require(((try JSONSerialization.jsonObject(with: Data(scan.stdout.utf8)) as? [String: Any])?["result"] as? [String: Any])?["filed"] as? [[String: Any]])
        let scanId = try #require(stored.first?["document"] as? String)
        let notRecord = try Run.inclusio(["archive", "render", scanId, "-o", refused.path, "--purpose", "annual-review"] + office)
        #expect(notRecord.status == 65 && notRecord.stderr.contains("archive get"), "\(notRecord.stderr)")
        #expect(!FileManager.default.fileExists(atPath: refused.path))
    }

    @Test func aBadFileInABatchIsReportedAndTheOthersAreFiled() throws {
        let (folder, _, office, _) = try archive()
        let batch = folder.appendingPathComponent("batch")
        try FileManager.default.createDirectory(at: batch, withIntermediateDirectories: true)
        let good = Run.project.appendingPathComponent("Tests/Fixtures/records/CN-FJ-iep.xml")
        try FileManager.default.copyItem(at: good, to: batch.appendingPathComponent("a-good.xml"))
        let text = try String(contentsOf: good, encoding: .utf8).replacingOccurrences(of: "<birthDate>", with: "<birthDate>x")
        try text.write(to: batch.appendingPathComponent("b-broken.xml"), atomically: true, encoding: .utf8)
        let run = try Run.inclusio(["archive", "ingest", batch.path, "--purpose", "filing"] + office)
        #expect(run.status == 65)
        #expect(run.stdout.contains("a-good.xml: filed as D-"))
        #expect(run.stderr.contains("b-broken.xml") && run.stderr.contains("birthDate"))
        #expect(run.stderr.contains("1 of 2 files were not filed"))
    }

    @Test(arguments: [
        (["archive", "list"], 64, "Say who you are with --as OPERATOR."),
        (["archive", "list", "--as", "office"], 64, "Prove who you are"),
        (["archive", "list", "--as", "admin", "--passphrase-file", "/nonexistent/admin.pass"], 66, "/nonexistent/admin.pass cannot be read"),
        (["archive", "list", "--as", "admin", "--passphrase-file", "a", "--key", "b"], 64, "Give either --key or --passphrase-file, not both."),
    ])
    func usageErrorsSayWhatToGive(arguments: [String], status: Int32, message: String) throws {
        let run = try Run.inclusio(arguments)
        #expect(run.status == status)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test func commandsThatTouchAPupilNeedAPurposeAndAnUnknownOperatorGetsASuggestion() throws {
        let (_, path, office, _) = try archive()
        let noPurpose = try Run.inclusio(["archive", "list"] + office)
        #expect(noPurpose.status == 64 && noPurpose.stderr.contains("--purpose"))
        let typo = try Run.inclusio(["archive", "list", "--path", path, "--as", "ofice", "--key", try TestPKI.file("office.key").path, "--purpose", "annual-review"])
        #expect(typo.status == 64 && typo.stderr.contains("did you mean \"office\""), "\(typo.stderr)")
        let twice = try Run.inclusio(["archive", "init", "--path", path, "--admin-passphrase-file", "/etc/hostname"])
        #expect(twice.status == 73 && twice.stderr.contains("already holds an archive"))
    }
}
