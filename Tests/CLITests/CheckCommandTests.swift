import Foundation
import TestSupport
import Testing

/// `inclusio check …` and `inclusio allocation merger`, run as a clerk would.
@Suite struct CheckCommandTests {
    /// The `--json` document's `result`, with its `error` beside it.
    private func json(_ run: Run) throws -> [String: Any] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        return (document["result"] as? [String: Any] ?? [:]).merging(["error": document["error"] ?? NSNull()]) { $1 }
    }

    /// A copy of the project's Rules/ that a test may edit.
    private func copiedRules() throws -> URL {
        let folder = try Run.temporaryFolder().appendingPathComponent("Rules")
        try FileManager.default.copyItem(at: Run.project.appendingPathComponent("Rules"), to: folder)
        return folder
    }

    private func edit(_ file: URL, _ old: String, _ new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old))
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: file)
    }

    @Test func placementOfAJapaneseCaseListsWhatTheTableAllowsAndWhoDecides() throws {
        let run = try Run.inclusio(["check", "placement", "Samples/cases/JP-11/case-01.json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("ALLOWS") && run.stdout.contains("自閉症・情緒障害特別支援学級") && run.stdout.contains("seed 002 §3"))
        #expect(run.stdout.contains("最終的には市町村教育委員会が決定") && run.stdout.contains("not a decision"))
        #expect(!run.stdout.contains("山田"), "no name of the pupil or guardian")
        let checks = try #require(try json(Run.inclusio(["check", "placement", "Samples/cases/JP-11/notices.csv", "--json"]))["checks"] as? [[String: Any]])
        #expect(checks.count == 6)
        let findings = checks.flatMap { ($0["findings"] as? [[String: Any]]) ?? [] }
        #expect(findings.allSatisfy { ($0["cite"] as? String)?.hasPrefix("seed 002 ") == true && !(($0["advice"] as? String) ?? "").isEmpty })
        #expect(findings.contains { $0["rule"] as? String == "jp-exemption-requested" })
        #expect(findings.contains { $0["rule"] as? String == "jp-multiple-disabilities" })
    }

    @Test func placementReadsGeneratedRecordsAndChineseCases() throws {
        let record = try Run.inclusio(["check", "placement", "Tests/Fixtures/records/JP-11-placement.xml"])
        #expect(record.status == 0, "\(record.stderr)")
        #expect(record.stdout.contains("自閉症・情緒障害特別支援学級"))
        let chinese = try Run.inclusio(["check", "placement", "Samples/cases/CN-FJ"])
        #expect(chinese.status == 0, "\(chinese.stderr)")
        #expect(chinese.stdout.contains("FJ-2026-0002-PLAC") && chinese.stdout.contains("送教上门") && chinese.stdout.contains("seed 000 §4"))
    }

    @Test func aChangedRuleFileChangesTheResultWithoutARebuild() throws {
        let rules = try copiedRules()
        let school = "Samples/schools/CN-FJ/school-02.xml"   // a class of exactly 3 pupils
        let before = try Run.inclusio(["check", "school", school, "--rules", rules.path, "--json"])
        #expect(before.status == 0, "\(before.stderr)")
        let fired = { (run: Run) in try ((self.json(run)["check"] as? [String: Any])?["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String } }
        #expect(try !fired(before).contains("cn-class-cap"))
        try edit(rules.appendingPathComponent("CN-FJ/rules.xml"),
                 "<compare op=\"gt\"><count path=\"pupil\"/><value>3</value></compare>", "<compare op=\"gt\"><count path=\"pupil\"/><value>2</value></compare>")
        let after = try Run.inclusio(["check", "school", school, "--rules", rules.path, "--json"])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(try fired(after).contains("cn-class-cap"))
        // The merger phase-out is data too: three years instead of five.
        try edit(rules.appendingPathComponent("JP-11/rules.xml"), "<phase level=\"primary\" years=\"5\"", "<phase level=\"primary\" years=\"3\"")
        let merger = try Run.inclusio(["allocation", "merger", "--level", "primary", "--before", "12,10", "--after", "19", "--rules", rules.path, "--json"])
        let years = ((try json(merger)["allocation"] as? [String: Any])?["schedule"] as? [String: Any])?["years"] as? [[String: Any]]
        #expect(years?.compactMap { $0["teachers"] as? Int } == [3, 2, 1])
    }

    /// The staff request card (seed 003 Art.11 B.2, Art.12 C.1): the measures of each pupil and the school's totals.
    private func card(_ paths: [String], school: String = "MOIC80000X") throws -> (pupils: [String: [String: String]], totals: [String: String], flags: [String]) {
        let run = try Run.inclusio(["allocation", "staff-request"] + paths + ["--school", school, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let cards = try #require(try json(run)["cards"] as? [[String: Any]])
        #expect(cards.count == 1 && cards[0]["school"] as? String == school)
        let findings = cards[0]["findings"] as? [[String: Any]] ?? []
        let measures = { (finding: [String: Any]) in
            Dictionary(uniqueKeysWithValues: (finding["measures"] as? [[String: Any]] ?? []).map { ($0["label"] as? String ?? "", $0["value"] as? String ?? "") })
        }
        var pupils: [String: [String: String]] = [:]
        for finding in findings where finding["rule"] as? String == "it-card-pupil" { pupils[finding["subject"] as? String ?? ""] = measures(finding) }
        let totals = measures(try #require(findings.first { $0["rule"] as? String == "it-card-school" }))
        let flags = findings.filter { $0["kind"] as? String == "flag" }.map { "\($0["rule"] as? String ?? "") \($0["subject"] as? String ?? "")" }
        return (pupils, totals, flags)
    }

    @Test func theStaffRequestCardGathersEachPupilsLatestRecordsAndTheSchoolsTotals() throws {
        let fixtures = ["IT-MO-certificate.xml", "IT-MO-information-sheet.xml", "IT-MO-iep.xml"].map { "Tests/Fixtures/records/" + $0 }
        let one = try card(fixtures)
        #expect(one.pupils["Rossi Luca"]?["Ore di assistente proposte (Foglio Informazioni)"] == "10")
        #expect(one.pupils["Rossi Luca"]?["Classe"] == "1ª B" && one.pupils["Rossi Luca"]?["Situazione di gravità"] == "false")
        #expect(one.totals["Alunni certificati"] == "1" && one.totals["Ore di assistente proposte, totale"] == "10" && one.flags.isEmpty)

        // A newer information sheet for the same pupil replaces the older one; a second pupil of the
        // school with a severe condition and no information sheet is flagged twice and adds no hours.
        let folder = try Run.temporaryFolder()
        let sheet = try String(contentsOf: Run.project.appendingPathComponent(fixtures[1]), encoding: .utf8)
        try Data(sheet.replacingOccurrences(of: "<proposedAssistantHoursPerWeek>10<", with: "<proposedAssistantHoursPerWeek>14<")
            .replacingOccurrences(of: "<issuedDate>2025-12-15</issuedDate>\n    <issuingAuthority>", with: "<issuedDate>2026-03-02</issuedDate>\n    <issuingAuthority>")
            .utf8).write(to: folder.appendingPathComponent("sheet-v2.xml"))
        let certificate = try String(contentsOf: Run.project.appendingPathComponent(fixtures[0]), encoding: .utf8)
        try Data(certificate.replacingOccurrences(of: "RSSLCU20B17X000S", with: "BNCGLI19A41X000T").replacingOccurrences(of: "<given>Luca</given>", with: "<given>Giulia</given>")
            .replacingOccurrences(of: "<severeCondition>false<", with: "<severeCondition>true<").utf8).write(to: folder.appendingPathComponent("second.xml"))
        let two = try card(fixtures + [folder.path])
        #expect(two.pupils.count == 2)
        #expect(two.pupils["Rossi Luca"]?["Ore di assistente proposte (Foglio Informazioni)"] == "14", "the sheet of 2026-03-02, not of 2025-12-15")
        #expect(two.totals["Alunni certificati"] == "2" && two.totals["In situazione di gravità"] == "1" && two.totals["Ore di assistente proposte, totale"] == "14")
        #expect(Set(two.flags) == ["it-card-no-information-sheet Rossi Giulia", "it-card-severe Rossi Giulia"], "\(two.flags)")

        // Another school's code finds nothing: a data error naming what the check reads.
        let none = try Run.inclusio(["allocation", "staff-request"] + fixtures + ["--school", "MOIC99999Z"])
        #expect(none.status == 65 && none.stderr.contains("information-sheet"), "\(none.stderr)")
    }

    @Test func aBrokenRuleFileStopsWithItsFileAndLine() throws {
        let rules = try copiedRules()
        try edit(rules.appendingPathComponent("CN-FJ/rules.xml"), "<compare op=\"gt\"><count path=\"pupil\"/>", "<compare op=\"more\"><count path=\"pupil\"/>")
        let run = try Run.inclusio(["check", "school", "Samples/schools/CN-FJ/school-01.csv", "--rules", rules.path])
        #expect(run.status == 78)
        #expect(run.stderr.contains("CN-FJ/rules.xml") && run.stderr.contains("line 112") && run.stderr.contains("eq, ne, lt, le, gt, ge"))
        #expect(run.stdout.isEmpty)
        let missing = try Run.inclusio(["check", "placement", "Samples/cases/CN-FJ/case-01.json", "--rules", rules.deletingLastPathComponent().path])
        #expect(missing.status == 78 && missing.stderr.contains("no rules for CN-FJ"))
    }

    @Test func badSchoolDataListsEveryProblemAtItsRowAndColumn() throws {
        let folder = try Run.temporaryFolder()
        let csv = folder.appendingPathComponent("classes.csv")
        try Data("""
        jurisdiction,school.code,school.name,school.resourceRoom,class.id,class.year,pupil.ref,pupil.category
        CN-FJ,1,A,maybe,c1,0,S-1,听力残疾
        CN-FJ,1,A,maybe,c2,1,Wang Fang,智力残疾

        """.utf8).write(to: csv)
        let run = try Run.inclusio(["check", "school", csv.path, "--json"])
        #expect(run.status == 65)
        let problems = try #require((try json(run)["error"] as? [String: Any])?["problems"] as? [[String: Any]])
        let places = problems.compactMap { $0["place"] as? String }
        #expect(places == ["row 2, column D", "row 2, column F", "row 3, column G"], "\(problems)")
        #expect(!run.stdout.contains("Wang Fang"), "a name put in the pupil column is never repeated")
        let text = try Run.inclusio(["check", "school", csv.path])
        #expect(text.status == 65 && text.stderr.contains("row 2, column F: class.year"))
    }

    @Test func aSchoolCSVGivesTheSameFindingsAsTheXMLForm() throws {
        let run = try Run.inclusio(["check", "school", "Samples/schools/CN-FJ/school-01.csv"])
        #expect(run.status == 0, "\(run.stderr)")
        for expected in ["三年级（1）班", "cn-class-cap", "cn-class-mixed", "cn-resource-room", "57000 元/年", "seed 000 §11", "seed 000 §20"] {
            #expect(run.stdout.contains(expected), "\(expected)")
        }
    }

    @Test func badCaseDataIsRefusedWithItsField() throws {
        let folder = try Run.temporaryFolder()
        let file = folder.appendingPathComponent("case.json")
        let text = try String(contentsOf: Run.project.appendingPathComponent("Samples/cases/CN-FJ/case-01.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"applicationDate\": \"2026-04-10\"", with: "\"applicationDate\": \"10/04/2026\"")
        try Data(text.utf8).write(to: file)
        let run = try Run.inclusio(["check", "placement", file.path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("documents[1].cn.applicationDate"), "\(run.stderr)")
    }

    @Test func mergerAllocationPrintsTheYearByYearTable() throws {
        let run = try Run.inclusio(["allocation", "merger", "--level", "junior-high", "--before", "12", "--before", "10", "--after", "19"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("22 − 19 = 3") && run.stdout.contains("seed 004 II.3") && run.stdout.contains("rounded up"))
        #expect(run.stdout.contains("2     1.5    2"))
        let usage = try Run.inclusio(["allocation", "merger", "--level", "primary", "--before", "12", "--after", "19"])
        #expect(usage.status == 64 && usage.stderr.contains("two or more"))
    }
}
