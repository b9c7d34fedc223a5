import Foundation
import TestSupport
import Testing

@Suite struct GenerateCommandTests {
    @Test func samplesOfAllThreeJurisdictionsGenerateAndValidate() throws {
        let folder = try Run.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let generated = try Run.inclusio(["generate", "Samples/cases", "-o", folder.path])
        #expect(generated.status == 0, "\(generated.stderr)")
        #expect(generated.stdout.hasPrefix("Generated 23 valid records in \(folder.path):"))
        for jurisdiction in ["CN-FJ", "JP-11", "IT-MO"] {
            #expect(generated.stdout.contains("Samples/cases/\(jurisdiction)/"))
        }
        #expect(Run.files(in: folder).count == 23, "no temporary file left")
        let validated = try Run.inclusio(["validate", folder.path])
        #expect(validated.status == 0, "\(validated.stderr)")
        #expect(validated.stdout.hasSuffix("23 valid, 0 invalid.\n"))
    }

    /// A broken copy of a sample: what to change, where the problem must be reported,
    /// what it must say, and the value that must not appear in the message.
    struct Breakage: CustomStringConvertible, Sendable {
        let name: String
        let sample: String
        let find: String
        let replace: String
        let location: String
        let message: String
        let secret: String?
        var description: String { name }
    }

    static let breakages = [
        Breakage(name: "missing required field", sample: "CN-FJ/case-01.json", find: "    \"birthDate\": \"2020-03-08\",\n", replace: "",
                 location: "case-01.json: line 6: pupil.nationalId", message: "expected birthDate here", secret: nil),
        Breakage(name: "bad date", sample: "CN-FJ/case-01.json", find: "\"2020-03-08\"", replace: "\"2020-3-8\"",
                 location: "case-01.json: line 6: pupil.birthDate", message: "must be a date written YYYY-MM-DD", secret: "2020-3-8"),
        Breakage(name: "a day that does not exist", sample: "CN-FJ/case-01.json", find: "\"2020-03-08\"", replace: "\"2026-02-29\"",
                 location: "case-01.json: line 6: pupil.birthDate", message: "is written YYYY-MM-DD, but that day does not exist", secret: "2026-02-29"),
        Breakage(name: "birth in the future", sample: "CN-FJ/case-01.json", find: "\"2020-03-08\"", replace: "\"2099-01-01\"",
                 location: "case-01.json: line 6: pupil.birthDate", message: "is after today: a pupil cannot be born in the future", secret: "2099"),
        Breakage(name: "birth in 1890", sample: "CN-FJ/case-01.json", find: "\"2020-03-08\"", replace: "\"1890-03-08\"",
                 location: "case-01.json: line 6: pupil.birthDate", message: "which does not fit the school level (entry at 6, 6 years: Rules/CN-FJ/transfer.xml)", secret: "1890"),
        Breakage(name: "PEI reviewed every 7 months (seed 003 Art.6 A.2 a)", sample: "IT-MO/case-01.json",
                 find: "\"intervalMonths\": 4,", replace: "\"intervalMonths\": 7,",
                 location: "case-01.json: line 204: documents[", message: "intervalMonths must be 2 or 4 (seed 003 Art.6 A.2 a; rule it-pei-review-interval)", secret: nil),
        Breakage(name: "diagnosi funzionale due 15 December (seed 003 Art.4 A.1)", sample: "IT-MO/case-01.json",
                 find: "\"deadline\": \"2026-09-30\"", replace: "\"deadline\": \"2026-12-15\"",
                 location: "case-01.json: line 103: documents[", message: "rule it-df-by-end-of-september", secret: "2026-12-15"),
        Breakage(name: "unknown category", sample: "CN-FJ/case-01.json", find: "\"听力残疾\"", replace: "\"听力障碍\"",
                 location: "documents[0].cn.disability.category", message: "must be one of: 视力残疾, 听力残疾", secret: "听力障碍"),
        Breakage(name: "wrong ICD-10 code", sample: "IT-MO/case-01.json", find: "\"F80.2\"", replace: "\"F8.02\"",
                 location: "case-01.json: line 57: documents[0].it.icd10Code[1]", message: "is not in the required form", secret: "F8.02"),
        Breakage(name: "malformed JSON", sample: "CN-FJ/case-01.json", find: "\"sex\": \"F\",", replace: "\"sex\": \"F\"",
                 location: "case-01.json: line 6, column 5", message: "malformed JSON: expected ',' or '}' after a field", secret: nil),
        Breakage(name: "CSV with a short row", sample: "JP-11/notices.csv", find: ",認定特別支援学校就学者として県教育委員会へ通知（2025年11月）。", replace: "",
                 location: "notices.csv: row 3", message: "has 60 cells but the header has 61", secret: nil),
    ]

    @Test(arguments: breakages)
    func brokenCaseIsReportedAtItsFieldAndWritesNothing(_ breakage: Breakage) throws {
        let folder = try Run.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try String(contentsOf: Run.project.appendingPathComponent("Samples/cases/" + breakage.sample), encoding: .utf8)
        #expect(original.contains(breakage.find), "the sample changed; update this test")
        let input = folder.appendingPathComponent(URL(fileURLWithPath: breakage.sample).lastPathComponent)
        try original.replacingOccurrences(of: breakage.find, with: breakage.replace).write(to: input, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("records")

        let run = try Run.inclusio(["generate", input.path, "-o", output.path])

        #expect(run.status == 65)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("nothing was written"))
        let line = run.stderr.split(separator: "\n").first { $0.contains(breakage.location) }
        #expect(line?.contains(breakage.message) == true, "\(run.stderr)")
        if let secret = breakage.secret { #expect(!run.stderr.contains(secret), "the message repeats the value") }
        #expect(!run.stderr.contains("Fatal error") && !run.stderr.contains("Stack dump"))
        #expect(!FileManager.default.fileExists(atPath: output.path) || Run.files(in: output).isEmpty)
    }

    // A clerk's spreadsheet saved with semicolons (Italian Excel) or tabs gives the same records as the comma sample.
    @Test(arguments: [";", "\t"])
    func semicolonAndTabSeparatedFilesGenerate(separator: String) throws {
        let folder = try Run.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = try String(contentsOf: Run.project.appendingPathComponent("Samples/cases/JP-11/notices.csv"), encoding: .utf8)
        #expect(!sample.contains(separator) && !sample.contains("\"\""), "the sample changed; update this test")
        // No cell of the sample is quoted around a comma except whole quoted cells, which stay quoted.
        var converted = "", quoted = false
        for character in sample {
            if character == "\"" { quoted.toggle() }
            converted.append(character == "," && !quoted ? Character(separator) : character)
        }
        let input = folder.appendingPathComponent("notices.csv")
        try converted.write(to: input, atomically: true, encoding: .utf8)
        let comma = try Run.inclusio(["generate", "Samples/cases/JP-11/notices.csv", "-o", folder.appendingPathComponent("comma").path])
        let run = try Run.inclusio(["generate", input.path, "-o", folder.appendingPathComponent("other").path])
        #expect(run.status == 0, "\(run.stderr)")
        let names = { (sub: String) in Run.files(in: folder.appendingPathComponent(sub)).map { URL(fileURLWithPath: $0).lastPathComponent }.sorted() }
        #expect(comma.status == 0 && !names("comma").isEmpty)
        #expect(names("other") == names("comma"))
        for name in names("comma") {
            #expect(try Data(contentsOf: folder.appendingPathComponent("other/" + name)) == Data(contentsOf: folder.appendingPathComponent("comma/" + name)))
        }
    }

    @Test func everyProblemIsListedNotOnlyTheFirst() throws {
        let folder = try Run.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try String(contentsOf: Run.project.appendingPathComponent("Samples/cases/CN-FJ/case-01.json"), encoding: .utf8)
        let broken = original.replacingOccurrences(of: "\"2020-03-08\"", with: "\"08/03/2020\"")
            .replacingOccurrences(of: "\"听力残疾\"", with: "\"deaf\"")
            .replacingOccurrences(of: "\"referenceNumber\"", with: "\"referenceNo\"")
        let input = folder.appendingPathComponent("case.json")
        try broken.write(to: input, atomically: true, encoding: .utf8)
        let run = try Run.inclusio(["generate", input.path, "-o", folder.appendingPathComponent("out").path, "--json"])
        #expect(run.status == 65)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let error = try #require(json["error"] as? [String: Any])
        #expect(error["kind"] as? String == "data")
        let fields = (error["problems"] as? [[String: Any]] ?? []).map { $0["field"] as? String ?? "" }
        #expect(fields.contains("pupil.birthDate"))
        #expect(fields.contains("documents[0].cn.disability.category"))
        #expect(fields.contains { $0.hasSuffix(".header.referenceNo") }, "unknown field named: \(fields)")
        #expect(run.stdout.contains("did you mean \\\"referenceNumber\\\"?"))
    }

    /// `--json` gives each problem's place as numbers too: a JSON syntax error its line and
    /// column, a CSV cell its row and column (the letter stays in `place`).
    @Test func jsonProblemsCarryTheirLineRowAndColumn() throws {
        let folder = try Run.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = folder.appendingPathComponent("case.json")
        try Data("{\n  \"documents\": [\n    {\"kind\": \"placement\",}\n  ]\n}\n".utf8).write(to: json)
        let csv = folder.appendingPathComponent("batch.csv")
        try Data("kind,x..y\nplacement,1\n".utf8).write(to: csv)

        let run = try Run.inclusio(["generate", json.path, csv.path, "-o", folder.appendingPathComponent("out").path, "--json"])

        #expect(run.status == 65)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)")
        let problems = try #require((document["error"] as? [String: Any])?["problems"] as? [[String: Any]])
        let syntax = try #require(problems.first { ($0["file"] as? String)?.hasSuffix("case.json") == true })
        #expect(syntax["place"] as? String == "line 3, column 26", "\(syntax)")
        #expect(syntax["line"] as? Int == 3 && syntax["column"] as? Int == 26 && syntax["row"] == nil)
        #expect(syntax["field"] as? String == "" && (syntax["message"] as? String)?.hasPrefix("malformed JSON: ") == true)
        let cell = try #require(problems.first { ($0["file"] as? String)?.hasSuffix("batch.csv") == true })
        #expect(cell["place"] as? String == "row 1, column B", "\(cell)")
        #expect(cell["row"] as? Int == 1 && cell["column"] as? Int == 2 && cell["line"] == nil)
        #expect(cell["field"] as? String == "x..y")
    }

    @Test func hostileXMLCaseFileIsRefusedBeforeAnyEntity() throws {
        let folder = try Run.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Run.inclusio(["generate", "Tests/Fixtures/hostile/xxe.xml", "-o", folder.path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("\n  Tests/Fixtures/hostile/xxe.xml: declares a DTD (<!DOCTYPE …>)"), "\(run.stderr)")
        #expect(!run.stderr.contains("root:x:0"))
        #expect(Run.files(in: folder).isEmpty)
    }

    /// Inputs are told by their bytes in every command: a record named .json is not a case file
    /// for generate, and a PDF is not a record for render; each is named with what it is.
    @Test func aFileOfAnotherKindIsRefusedWithWhatItIs() throws {
        let folder = try Run.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let record = folder.appendingPathComponent("case.json")
        try Data(contentsOf: Run.project.appendingPathComponent("Tests/Fixtures/records/CN-FJ-placement.xml")).write(to: record)
        let generate = try Run.inclusio(["generate", record.path, "-o", folder.appendingPathComponent("out").path])
        #expect(generate.status == 65 && generate.stderr.contains("case.json: is a placement record; generate takes case files."), "\(generate.stderr)")
        let scan = folder.appendingPathComponent("scan.xml")
        try Data("%PDF-1.7\n".utf8).write(to: scan)
        let render = try Run.inclusio(["render", scan.path, "-o", folder.appendingPathComponent("pdf").path])
        #expect(render.status == 65 && render.stderr.contains("scan.xml: is a PDF attachment; render takes records and case files."), "\(render.stderr)")
        #expect(Run.files(in: folder) == ["case.json", "scan.xml"])
    }
}
