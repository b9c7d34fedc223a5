import Deadlines
import Foundation
import Testing
import TestSupport

/// The report over many pupils: per pupil, per school, office reminders, and what an operator may not see.
@Suite struct DeadlineEvaluatorTests {
    static let pupils = [
        PupilDates(pseudonym: "P-A", jurisdiction: "IT-MO", school: "MOIC801", documents: [
            "functional-diagnosis": [DeadlineFixtures.day("2026-09-15")], "iep": [DeadlineFixtures.day("2026-09-20")]]),
        PupilDates(pseudonym: "P-B", jurisdiction: "IT-MO", school: "MOIC801", documents: [:]),
        PupilDates(pseudonym: "P-C", jurisdiction: "IT-MO", school: "MOIC802", documents: ["functional-diagnosis": [DeadlineFixtures.day("2026-10-02")]]),
        PupilDates(pseudonym: "P-D", jurisdiction: "JP-11", school: "11-001", documents: [:]),
        PupilDates(pseudonym: "P-E", jurisdiction: "XX-00", school: "X", documents: [:]),
    ]

    @Test func findingsPerPupilAndCountsPerSchool() throws {
        let report = DeadlineEvaluator(catalog: try DeadlineFixtures.catalog(), on: DeadlineFixtures.day("2026-10-15"), within: 30).report(for: Self.pupils)
        let status = { (pupil: String, rule: String) in report.findings.first { $0.pupil == pupil && $0.rule == rule }?.status }
        #expect(status("P-A", "IT-DF-SEPTEMBER") == .done)
        #expect(status("P-B", "IT-DF-SEPTEMBER") == .overdue)
        #expect(status("P-C", "IT-DF-SEPTEMBER") == .late)
        #expect(status("P-A", "IT-PEI-REVIEW") == .done)
        #expect(status("P-B", "IT-PEI-REVIEW") == nil)
        #expect(report.findings.first { $0.pupil == nil && $0.rule == "JP-GAKUREIBO" }?.status == .reminder)
        #expect(!report.findings.contains { $0.jurisdiction == "CN-FJ" }, "no CN pupil: no CN office reminders")
        #expect(report.pupilsWithoutRules == 1)
        let school = try #require(report.schools.first { $0.school == "MOIC801" && !$0.office })
        #expect(school.pupils == 2)
        #expect(school.count(.overdue) == report.findings.filter { $0.school == "MOIC801" && $0.status == .overdue }.count)
        #expect(school.count(.overdue) >= 1 && school.count(.done) >= 2)
        #expect(report.schools.last?.office == true && report.schools.last?.jurisdiction == "JP-11")
    }

    @Test func rulesCountingUnreadableKindsAreWithheldNotReportedOverdue() throws {
        let evaluator = DeadlineEvaluator(catalog: try DeadlineFixtures.catalog(), on: DeadlineFixtures.day("2026-10-15"), within: 30,
                                          readableKinds: ["iep", "placement"])
        let report = evaluator.report(for: Self.pupils)
        #expect(!report.findings.contains { $0.rule == "IT-DF-SEPTEMBER" })
        #expect(report.withheldRules.contains("IT-DF-SEPTEMBER") && report.withheldRules.contains("IT-ASL-MEETINGS"))
        #expect(!report.withheldRules.contains("IT-PEI-REVIEW"))
    }
}

/// The XML the one-page PDF form reads, judged by xmllint against its schema.
@Suite struct DueReportXMLTests {
    @Test func xmllintAcceptsTheReportAndItIsCutToFitAPage() throws {
        let catalog = try DeadlineFixtures.catalog()
        let pupils = (0..<40).map { PupilDates(pseudonym: "P-\($0)", jurisdiction: "IT-MO", school: "S\($0 % 15)", documents: [:]) }
        let report = DeadlineEvaluator(catalog: catalog, on: DeadlineFixtures.day("2026-10-15"), within: 30).report(for: pupils)
        let xml = report.xml(book: try #require(catalog.books["IT-MO"]), producedBy: "office <&>", produced: "2026-10-15 09:00 +02:00")
        let folder = try Run.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("due.xml")
        try xml.write(to: file)
        let run = try Run.program("xmllint", ["--noout", "--schema", "Schemas/deadlines/due-report.xsd", file.path])
        #expect(run.status == 0, "\(run.stderr)")
        let text = String(decoding: xml, as: UTF8.self)
        #expect(text.components(separatedBy: "<school ").count - 1 == 10)
        #expect(text.components(separatedBy: "<row ").count - 1 == 18)
        #expect(text.contains(#"<more schools="5" rows="#))
        #expect(text.contains(#"key="overdue" text="scaduto""#))
    }
}
