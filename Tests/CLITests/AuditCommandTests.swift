import Cryptography
import Foundation
import TestSupport
import Testing

/// `inclusio audit verify|checkpoint|prove` on a real archive, and the log tampered with on
/// disk as an intruder would: each change is found and the entry named. The checkpoint's
/// signature is checked with `openssl`, the inclusion proof with the Python script.
@Suite struct AuditCommandTests {
    struct Archive {
        let folder: URL
        let path: String
        let office: [String]
        let auditor: [String]
        var log: URL { URL(fileURLWithPath: path).appendingPathComponent("log/access.jsonl") }
    }

    /// An archive with records filed, read, exported, searched and one access refused.
    private func archive() throws -> Archive {
        let folder = try Run.temporaryFolder()
        let pki = try TestPKI.folder()
        let pass = folder.appendingPathComponent("admin.pass"), auditorPass = folder.appendingPathComponent("auditor.pass")
        try Data("correct horse battery staple\n".utf8).write(to: pass)
        try Data("an auditor's long passphrase\n".utf8).write(to: auditorPass)
        let path = folder.appendingPathComponent("archive").path
        #expect(try Run.inclusio(["archive", "init", "--path", path, "--admin-passphrase-file", pass.path]).status == 0)
        let admin = ["--path", path, "--as", "admin", "--passphrase-file", pass.path]
        #expect(try Run.inclusio(["archive", "enrol", "office", "--cert", pki.appendingPathComponent("office.pem").path] + admin).status == 0)
        #expect(try Run.inclusio(["archive", "enrol", "auditor", "--new-passphrase-file", auditorPass.path] + admin).status == 0)
        let office = ["--path", path, "--as", "office", "--key", pki.appendingPathComponent("office.key").path]
        #expect(try Run.inclusio(["archive", "ingest", "Tests/Fixtures/records", "--purpose", "filing"] + office).status == 0)
        #expect(try Run.inclusio(["archive", "show", "--pupil", "RSSLCU20B17X000S", "--purpose", "annual-review"] + office).status == 0)
        #expect(try Run.inclusio(["archive", "list", "--path", path, "--as", "auditor", "--passphrase-file", auditorPass.path,
                                  "--purpose", "annual-review"]).status == 77)
        return Archive(folder: folder, path: path, office: office, auditor: ["--path", path, "--as", "auditor", "--passphrase-file", auditorPass.path])
    }

    private func verify(_ archive: Archive, _ extra: [String] = []) throws -> Run {
        try Run.inclusio(["audit", "verify"] + extra + archive.auditor)
    }

    /// A copy of the archive with its log's lines changed by `tamper`.
    private func tampered(_ archive: Archive, _ tamper: (inout [Data]) -> Void) throws -> Archive {
        let copy = archive.folder.appendingPathComponent("copy-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: archive.path), to: copy)
        let moved = Archive(folder: archive.folder, path: copy.path, office: archive.office, auditor: archive.auditor)
        var lines = try Data(contentsOf: moved.log).split(separator: 0x0A).map { Data($0) }
        tamper(&lines)
        try Data(lines.map { $0 + [0x0A] }.joined()).write(to: moved.log)
        return Archive(folder: moved.folder, path: moved.path, office: moved.office.map { $0 == archive.path ? moved.path : $0 },
                       auditor: moved.auditor.map { $0 == archive.path ? moved.path : $0 })
    }

    private func replacing(_ line: Data, _ old: String, _ new: String) -> Data {
        Data(String(decoding: line, as: UTF8.self).replacingOccurrences(of: old, with: new).utf8)
    }

    @Test func anIntactLogVerifiesAndEveryTamperingIsNamed() throws {
        let archive = try archive()
        let intact = try verify(archive)
        #expect(intact.status == 0 && intact.stdout.contains("The access log is intact."), "\(intact.stdout)\(intact.stderr)")
        let count = try Data(contentsOf: archive.log).split(separator: 0x0A).count

        // A changed purpose (still valid JSON): the seal of that entry and the next one's link fail.
        let edited = try verify(try tampered(archive) { $0[4] = replacing($0[4], "filing", "Filing") })
        #expect(edited.status == 65 && edited.stderr.contains("entry 5: its seal does not match"), "\(edited.stderr)")
        #expect(edited.stdout.contains("1 problem(s) found"), "the next entry's broken link is the same cause: \(edited.stdout)")
        // A flipped byte that breaks the JSON.
        let flipped = try verify(try tampered(archive) { $0[2][0] = UInt8(ascii: "[") })
        #expect(flipped.status == 65 && flipped.stderr.contains("entry 3: it is not a log entry"), "\(flipped.stderr)")
        // A deleted entry.
        // A deleted entry: one problem, however many entries and checkpoints follow it.
        let deleted = try verify(try tampered(archive) { $0.remove(at: 6) })
        #expect(deleted.status == 65 && deleted.stderr.contains("Problem: entry 7 is missing (deleted)"), "\(deleted.stderr)")
        #expect(deleted.stdout.contains("1 problem(s) found"), "\(deleted.stdout)\(deleted.stderr)")
        // Two entries swapped: named as a pair, once.
        let swapped = try verify(try tampered(archive) { $0.swapAt(5, 6) })
        #expect(swapped.status == 65 && swapped.stderr.contains("Problem: entries 6 and 7 are swapped"), "\(swapped.stderr)")
        #expect(swapped.stdout.contains("1 problem(s) found"), "\(swapped.stdout)\(swapped.stderr)")
        // Cut short: the stored checkpoints cover more.
        let truncated = try verify(try tampered(archive) { $0.removeLast(3) })
        #expect(truncated.status == 65 && truncated.stderr.contains("entry \(count - 2): checkpoint"), "\(truncated.stderr)")
        #expect(truncated.stderr.contains("but the log ends at entry \(count - 3)"))
        // A forged entry at the end, numbered and linked correctly, but without the archive key.
        let forged = try verify(try tampered(archive) { lines in
            let previous = lines.last.map { Self.leafHash($0) } ?? ""
            lines.append(Data(#"{"action":"read","operatorId":"auditor","organisation":"x","outcome":"granted","previous":"\#(previous)","purpose":"p","role":"auditor","sequence":\#(lines.count + 1),"time":"t"}"#.utf8))
        })
        #expect(forged.status == 65 && forged.stderr.contains("entry \(count + 1): it carries no seal"), "\(forged.stderr)")
    }

    @Test func aRolledBackOrRewrittenLogFailsAgainstAnExportedCheckpoint() throws {
        let archive = try archive()
        let logFolder = URL(fileURLWithPath: archive.path).appendingPathComponent("log")
        let old = archive.folder.appendingPathComponent("old-log")
        try FileManager.default.copyItem(at: logFolder, to: old)
        #expect(try Run.inclusio(["archive", "list", "--purpose", "annual-review"] + archive.office).status == 0)
        let exported = archive.folder.appendingPathComponent("kept.checkpoint")
        let export = try Run.inclusio(["audit", "checkpoint", "-o", exported.path] + archive.auditor)
        #expect(export.status == 0, "\(export.stderr)")
        // The whole log folder (log and checkpoints) put back as it was: only the exported checkpoint knows.
        try FileManager.default.removeItem(at: logFolder)
        try FileManager.default.copyItem(at: old, to: logFolder)
        let rolledBack = try verify(archive, ["--checkpoint", exported.path])
        #expect(rolledBack.status == 65 && rolledBack.stderr.contains("the log was rolled back or cut short"), "\(rolledBack.stderr)")
        // More work on the rolled-back log: the same sizes now hold other entries (a fork).
        for _ in 0..<4 { _ = try Run.inclusio(["archive", "list", "--purpose", "annual-review"] + archive.office) }
        let forked = try verify(archive, ["--checkpoint", exported.path])
        #expect(forked.status == 65 && forked.stderr.contains("was rewritten since (a fork)"), "\(forked.stderr)")
        #expect(try verify(archive).status == 0, "without the exported checkpoint the fork is invisible: that is why it is exported")
    }

    @Test func theCheckpointAndTheProofAreCheckedByOutsideTools() throws {
        let archive = try archive()
        let folder = archive.folder
        let export = try Run.inclusio(["audit", "checkpoint", "-o", "cp", "--public-key", "key.pem"].map { $0 == "cp" || $0 == "key.pem" ? folder.appendingPathComponent($0).path : $0 } + archive.auditor)
        #expect(export.status == 0, "\(export.stderr)")
        // The note's text and its Ed25519 signature, checked by openssl.
        let note = try String(contentsOf: folder.appendingPathComponent("cp"), encoding: .utf8)
        let parts = note.components(separatedBy: "\n\n")
        try Data(parts[0].appending("\n").utf8).write(to: folder.appendingPathComponent("body"))
        let signed = try #require(Data(base64Encoded: String(parts[1].split(separator: " ").last!.dropLast(parts[1].hasSuffix("\n") ? 1 : 0))))
        try signed.dropFirst(4).write(to: folder.appendingPathComponent("sig"))
        let openssl = try Run.program("openssl", ["pkeyutl", "-verify", "-pubin", "-inkey", "key.pem", "-rawin", "-in", "body", "-sigfile", "sig"], in: folder)
        #expect(openssl.status == 0 && openssl.stdout.contains("Signature Verified Successfully"), "\(openssl.stdout)\(openssl.stderr)")

        let proof = folder.appendingPathComponent("proof.json")
        let prove = try Run.inclusio(["audit", "prove", "--entry", "5", "--checkpoint", folder.appendingPathComponent("cp").path, "-o", proof.path] + archive.auditor)
        #expect(prove.status == 0, "\(prove.stderr)")
        let script = Run.project.appendingPathComponent("Benchmarks/verify_inclusion.py").path
        let python = try Run.program("python3", [script, proof.path, folder.appendingPathComponent("cp").path])
        #expect(python.status == 0 && python.stdout.hasPrefix("OK: entry 5 is in the first"), "\(python.stdout)\(python.stderr)")
        // The same proof with the entry's text changed no longer proves anything.
        let text = try String(contentsOf: proof, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "filing", with: "nothing").utf8).write(to: proof)
        #expect(try Run.program("python3", [script, proof.path, folder.appendingPathComponent("cp").path]).status == 1)
        // An entry beyond the checkpoint has no proof under it.
        let beyond = try Run.inclusio(["audit", "prove", "--entry", "9999", "--checkpoint", folder.appendingPathComponent("cp").path] + archive.auditor)
        #expect(beyond.status == 65 && beyond.stderr.contains("not entry 9999"), "\(beyond.stderr)")
    }

    @Test func onlyAnAuditorMayAuditAndTheRefusalIsLogged() throws {
        let archive = try archive()
        let refused = try Run.inclusio(["audit", "verify"] + archive.office)
        #expect(refused.status == 77, "\(refused.stderr)")
        let last = try #require(try Data(contentsOf: archive.log).split(separator: 0x0A).last)
        let entry = try #require(try JSONSerialization.jsonObject(with: Data(last)) as? [String: Any])
        #expect(entry["action"] as? String == "audit" && entry["outcome"] as? String == "denied" && entry["operatorId"] as? String == "office")
    }

    @Test func thePupilReportNamesWhoSawTheFileWhenAndWhyInTheJurisdictionsLanguage() throws {
        let archive = try archive()
        let csv = archive.folder.appendingPathComponent("pupil.csv")
        let report = try Run.inclusio(["audit", "report", "--pupil", "RSSLCU20B17X000S", "--purpose", "guardian-request", "-o", csv.path] + archive.auditor)
        #expect(report.status == 0, "\(report.stderr)")
        // Read as a spreadsheet would: Python's csv module, BOM-aware.
        let rows = try Run.program("python3", ["-c", "import csv,sys,json; print(json.dumps(list(csv.reader(open(sys.argv[1], encoding='utf-8-sig')))))", csv.path])
        let table = try #require(try JSONSerialization.jsonObject(with: Data(rows.stdout.utf8)) as? [[String]])
        #expect(table.first?.contains("Finalità") == true && table.first?.contains("Destinatario") == true, "\(table.first ?? [])")
        let actions = table.dropFirst().map { $0[5] }
        #expect(actions.contains("archiviazione") && actions.contains("consultazione") && actions.contains("verifica"), "\(actions)")
        #expect(table.dropFirst().contains { $0[10] == "Verifica annuale" && $0[2] == "office" })
        #expect(!String(decoding: try Data(contentsOf: csv), as: UTF8.self).contains("Rossi"))
        // The report itself was logged as an access to that pupil, with its purpose.
        let last = try #require(try Data(contentsOf: archive.log).split(separator: 0x0A).last)
        let entry = try #require(try JSONSerialization.jsonObject(with: Data(last)) as? [String: Any])
        #expect(entry["action"] as? String == "audit" && entry["purpose"] as? String == "guardian-request" && (entry["pupil"] as? String)?.hasPrefix("P-") == true)

        // The operator's activity as JSON, and nothing before a day in the future.
        let json = try Run.inclusio(["audit", "report", "--operator", "office", "--purpose", "audit", "--json"] + archive.auditor)
        let object = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["result"] as? [String: Any])
        #expect((object["rows"] as? [Any])?.count ?? 0 > 20, "\(json.stdout.prefix(300))")
        let future = try Run.inclusio(["audit", "report", "--operator", "office", "--since", "2999-01-01", "--purpose", "audit", "--json"] + archive.auditor)
        let futureReport = (try JSONSerialization.jsonObject(with: Data(future.stdout.utf8)) as? [String: Any])?["result"] as? [String: Any]
        #expect((futureReport?["rows"] as? [Any])?.isEmpty == true)
        let badDate = try Run.inclusio(["audit", "report", "--operator", "office", "--since", "2026-02-30", "--purpose", "audit"] + archive.auditor)
        #expect(badDate.status == 64 && badDate.stderr.contains("--since takes a day written YYYY-MM-DD"), "\(badDate.stderr)")

        // Anomalies: with office hours of one minute every access is outside them; the refused list counts as a denial.
        let anomalies = try Run.inclusio(["audit", "report", "--anomalies", "--office-hours", "0-1", "--denials", "1", "--purpose", "audit", "--json"] + archive.auditor)
        let found = try #require((try JSONSerialization.jsonObject(with: Data(anomalies.stdout.utf8)) as? [String: Any])?["result"] as? [[String: Any]])
        #expect(found.contains { $0["kind"] as? String == "repeated-denials" })
        let now = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Europe/Rome")!, from: Date())
        #expect(found.contains { $0["kind"] as? String == "outside-office-hours" } == (now.hour! >= 1 || [1, 7].contains(now.weekday!)))
    }

    @Test func thePupilReportPrintsThroughTheJurisdictionsFormAndItsXMLKeepsToItsSchema() throws {
        let archive = try archive()
        let pdf = archive.folder.appendingPathComponent("pupil.pdf")
        let report = try Run.inclusio(["audit", "report", "--pupil", "RSSLCU20B17X000S", "--purpose", "guardian-request", "-o", pdf.path] + archive.auditor)
        #expect(report.status == 0, "\(report.stderr)")
        #expect((try FileManager.default.attributesOfItem(atPath: pdf.path)[.posixPermissions] as? Int) == 0o600)
        // As an outsider reads it: landscape A4, Italian headings and actions, fonts embedded, no name.
        let info = try Run.program("pdfinfo", [pdf.path])
        #expect(info.stdout.contains("841.89 x 595.276 pts (A4)"), "\(info.stdout)")
        let text = try Run.program("pdftotext", ["-layout", pdf.path, "-"])
        #expect(text.stdout.contains("Registro degli accessi e delle comunicazioni del fascicolo") && text.stdout.contains("Pagina 1 di"))
        #expect(text.stdout.contains("Finalità") && text.stdout.contains("archiviazione") && text.stdout.contains("Verifica annuale"), "\(text.stdout.prefix(600))")
        #expect(!text.stdout.contains("Rossi") && !text.stdout.contains("RSSLCU20B17X000S"))
        let fonts = try Run.program("pdffonts", [pdf.path])
        #expect(fonts.status == 0 && !fonts.stdout.split(separator: "\n").dropFirst(2).contains { $0.split(separator: " ").reversed()[4] != "yes" }, "\(fonts.stdout)")
        // The XML the form reads validates against its schema (xmllint), one row per entry of the CSV.
        let xml = archive.folder.appendingPathComponent("pupil.xml")
        _ = try Run.inclusio(["audit", "report", "--pupil", "RSSLCU20B17X000S", "--purpose", "guardian-request", "-o", xml.path] + archive.auditor)
        let lint = try Run.program("xmllint", ["--noout", "--schema", Run.project.appendingPathComponent("Schemas/audit/access-report.xsd").path, xml.path])
        #expect(lint.status == 0, "\(lint.stderr)")
        let rows = try String(contentsOf: xml, encoding: .utf8).components(separatedBy: "<row>").count - 1
        #expect(rows > 5 && text.stdout.contains("P-"))
        // Anomalies have no form: a usage error before anything is read.
        let anomalies = try Run.inclusio(["audit", "report", "--anomalies", "--purpose", "audit", "-o", archive.folder.appendingPathComponent("a.pdf").path] + archive.auditor)
        #expect(anomalies.status == 64 && anomalies.stderr.contains("CSV or JSON"), "\(anomalies.stderr)")
    }

    /// The RFC 6962 leaf hash of a log line, as the writer records it in the next entry.
    static func leafHash(_ line: Data) -> String { SHA256.hex(Data([0x00]) + line) }
}
