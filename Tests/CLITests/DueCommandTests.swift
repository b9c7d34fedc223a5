import Foundation
import TestSupport
import Testing

/// `inclusio due` over an archive holding the fixture records, run as a clerk would.
@Suite struct DueCommandTests {
    /// A new archive with the fixture records filed by the office; the office's and teacher-mo-2's options.
    func archive() throws -> (folder: URL, office: [String], teacher: [String]) {
        let folder = try Run.temporaryFolder()
        let pki = try TestPKI.folder()
        let pass = folder.appendingPathComponent("admin.pass")
        try Data("correct horse battery staple\n".utf8).write(to: pass)
        let path = folder.appendingPathComponent("archive").path
        #expect(try Run.inclusio(["archive", "init", "--path", path, "--admin-passphrase-file", pass.path]).status == 0)
        let admin = ["--path", path, "--as", "admin", "--passphrase-file", pass.path]
        for (op, cert) in [("office", "office.pem"), ("teacher-mo-2", "school-b.pem")] {
            #expect(try Run.inclusio(["archive", "enrol", op, "--cert", pki.appendingPathComponent(cert).path] + admin).status == 0)
        }
        let office = ["--path", path, "--as", "office", "--key", pki.appendingPathComponent("office.key").path]
        let ingest = try Run.inclusio(["archive", "ingest", "Tests/Fixtures/records", "--purpose", "filing"] + office)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        return (folder, office, ["--path", path, "--as", "teacher-mo-2", "--key", pki.appendingPathComponent("school-b.key").path])
    }

    private func findings(_ json: String) throws -> [[String: Any]] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let report = try #require(document["result"] as? [String: Any])
        return try #require(report["findings"] as? [[String: Any]])
    }

    private func status(_ findings: [[String: Any]], school: String, rule: String) -> String? {
        findings.first { $0["school"] as? String == school && $0["rule"] as? String == rule }?["status"] as? String
    }

    @Test func dueJudgesEveryPupilFromTheArchiveAndLogsOneAccessWithoutNames() throws {
        let (folder, office, _) = try archive()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Run.inclusio(["due", "--on", "2027-01-10", "--json", "--purpose", "deadlines"] + office)
        #expect(run.status == 0, "\(run.stderr)")
        let found = try findings(run.stdout)
        // 003 Art.3 A.1 e: MOIC80100R's one pupil had their certificate revoked from 2026-08-31: nothing is due for them.
        #expect(!found.contains { $0["school"] as? String == "MOIC80100R" })
        // 003 Art.4 A.1 and Art.5 A.2: the diagnosis of 2026-06-20 and the profile of 2026-12-18 are in time.
        #expect(status(found, school: "MOIC80000X", rule: "IT-DF-SEPTEMBER") == "done")
        #expect(status(found, school: "MOIC80000X", rule: "IT-PDF-DECEMBER") == "done")
        #expect(found.contains { $0["rule"] as? String == "CN-LEDGER" && $0["status"] as? String == "reminder" })
        // 003 Art.6 A.2 a: before the revocation, the life-plan PEI of 2025-11-14 was due for review by 2026-03-14.
        let table = try Run.inclusio(["due", "--on", "2026-05-01", "--school", "MOIC80100R", "--purpose", "deadlines"] + office)
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("IT-PEI-REVIEW") && table.stdout.contains("overdue") && !table.stdout.contains("MOIC80000X"))
        let log = try String(contentsOf: folder.appendingPathComponent("archive/log/access.jsonl"), encoding: .utf8)
        let dueLines = log.split(separator: "\n").filter { $0.contains(#""action":"due""#) }
        #expect(dueLines.count == 2)
        #expect(dueLines.allSatisfy { !$0.contains("pupil") && !$0.contains("Rossi") && !$0.contains("RSSLCU20B17X000S") })
    }

    @Test func csvReadsBackInPythonWithOneRowPerFinding() throws {
        let (folder, office, _) = try archive()
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = try Run.inclusio(["due", "--on", "2027-05-01", "--within", "10", "--json", "--purpose", "deadlines"] + office)
        let csv = folder.appendingPathComponent("due.csv")
        let run = try Run.inclusio(["due", "--on", "2027-05-01", "--within", "10", "-o", csv.path, "--purpose", "deadlines"] + office)
        #expect(run.status == 0, "\(run.stderr)")
        let script = """
        import csv, sys
        rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8-sig', newline='')))
        print(len(rows))
        print(next(r['status'] for r in rows if r['school'] == 'MOIC80000X' and r['rule'] == 'IT-STAFF-REQUEST'))
        print(next(r['source'] for r in rows if r['rule'] == 'IT-STAFF-REQUEST'))
        """
        let read = try Run.program("python3", ["-c", script, csv.path])
        #expect(read.status == 0, "\(read.stderr)")
        let lines = read.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "\(try findings(json.stdout).count)")
        // 003 Art.11 B.1: the staff request of 2027-03-25 falls in March–April.
        #expect(lines.dropFirst().first == "done")
        #expect(lines.last == "003 Art.11 B.1; 003 Art.12 C.1")
    }

    @Test func aChangedDeadlineFileChangesTheAnswerWithoutRebuilding() throws {
        let (folder, office, _) = try archive()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rules = folder.appendingPathComponent("Rules")
        try FileManager.default.copyItem(at: Run.project.appendingPathComponent("Rules"), to: rules)
        let arguments = ["due", "--on", "2026-05-01", "--school", "MOIC80100R", "--json", "--rules", rules.path, "--purpose", "deadlines"] + office
        #expect(status(try findings(try Run.inclusio(arguments).stdout), school: "MOIC80100R", rule: "IT-PEI-REVIEW") == "overdue")
        let file = rules.appendingPathComponent("IT-MO/deadlines.xml")
        let edited = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: #"dueMonths="4""#, with: #"dueMonths="16""#)
        try Data(edited.utf8).write(to: file)
        let after = try Run.inclusio(arguments)
        #expect(after.status == 0, "\(after.stderr)")
        #expect(status(try findings(after.stdout), school: "MOIC80100R", rule: "IT-PEI-REVIEW") == "open")
        // A rule file that breaks its schema stops the run before the archive is touched, naming file and line.
        let broken = edited.replacingOccurrences(of: #"opensMonths="2""#, with: #"opensMonths="two""#)
        try Data(broken.utf8).write(to: file)
        let line = try #require(broken.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(#"opensMonths="two""#) }) + 1
        let refused = try Run.inclusio(arguments)
        #expect(refused.status == 78)
        let error = try #require(try JSONSerialization.jsonObject(with: Data(refused.stdout.utf8)) as? [String: Any])["error"] as? [String: Any]
        #expect(error?["kind"] as? String == "configuration")
        let message = error?["message"] as? String ?? ""
        #expect(message.contains("IT-MO/deadlines.xml") && message.contains("line \(line) "), "\(message)")
    }

    @Test func thePDFIsOnePageInTheJurisdictionsWords() throws {
        let (folder, office, _) = try archive()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("due.pdf")
        let run = try Run.inclusio(["due", "--on", "2026-05-01", "--school", "MOIC80100R", "-o", pdf.path, "--purpose", "deadlines"] + office)
        #expect(run.status == 0, "\(run.stderr)")
        let info = try Run.program("pdfinfo", [pdf.path])
        #expect(info.status == 0 && info.stdout.contains("Pages:           1"), "\(info.stdout)")
        let text = try Run.program("pdftotext", ["-layout", pdf.path, "-"]).stdout
        for expected in ["Scadenze del percorso di integrazione", "MOIC80100R", "scaduto", "003 Art.6 A.2 a"] {
            #expect(text.contains(expected), "\(expected) not in the PDF")
        }
        #expect(!text.contains("Rossi"))
    }

    @Test func anotherSchoolIsRefusedAndBadOptionsAreUsageErrors() throws {
        let (folder, office, teacher) = try archive()
        defer { try? FileManager.default.removeItem(at: folder) }
        let refused = try Run.inclusio(["due", "--school", "MOIC80000X", "--purpose", "annual-review"] + teacher)
        #expect(refused.status == 77)
        let own = try Run.inclusio(["due", "--on", "2027-01-10", "--json", "--purpose", "annual-review"] + teacher)
        #expect(own.status == 0)
        let seen = try findings(own.stdout)
        #expect(!seen.isEmpty && seen.allSatisfy { $0["school"] as? String == "MOIC80100R" || $0["pupil"] == nil })
        for (arguments, message) in [(["--on", "30/09/2026"], "--on takes a day"), (["--within", "-3"], "--within takes"),
                                     (["-o", folder.appendingPathComponent("due.txt").path], "-o writes a .csv, .json or .pdf")] {
            let run = try Run.inclusio(["due", "--purpose", "annual-review"] + arguments + office)
            #expect(run.status == 64 && run.stderr.contains(message), "\(run.stderr)")
        }
    }
}
