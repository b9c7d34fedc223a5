import Deadlines
import Testing

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
