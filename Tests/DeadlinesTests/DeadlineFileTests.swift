import Deadlines
import Foundation
import TestSupport
import Testing
import XML

/// The rule files as data: valid for xmllint, every rule cited, mistakes named with their line.
@Suite struct DeadlineFileTests {
    static let jurisdictions = ["IT-MO", "JP-11", "CN-FJ"]

    @Test(arguments: jurisdictions)
    func xmllintAcceptsTheRuleFile(_ jurisdiction: String) throws {
        let run = try Run.program("xmllint", ["--noout", "--schema", "Schemas/rules/deadlines.xsd", "Rules/\(jurisdiction)/deadlines.xml"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("validates"))
    }

    @Test(arguments: jurisdictions)
    func everyRuleQuotesASeedParagraph(_ jurisdiction: String) throws {
        let book = try #require(try DeadlineFixtures.catalog().books[jurisdiction])
        #expect(!book.rules.isEmpty)
        for rule in book.rules {
            #expect(!rule.citations.isEmpty, "\(rule.id) cites nothing")
            for citation in rule.citations {
                #expect(citation.file.range(of: #"^00[0-4]_[0-9a-f]{16}\.txt$"#, options: .regularExpression) != nil, "\(rule.id): \(citation.file)")
                #expect(citation.file.hasPrefix(citation.source), "\(rule.id) names source \(citation.source) for \(citation.file)")
                #expect(citation.quote.count > 5 && !citation.paragraph.isEmpty, "\(rule.id)")
            }
        }
        for key in ["title", "overdue", "due", "done", "school", "pupil", "rule", "status", "date"] {
            #expect(book.labels[key] != nil, "\(jurisdiction) has no label \(key)")
        }
    }

    /// A copy of the project's rules in a temporary folder, with `edit` applied to one file.
    static func editedRules(_ jurisdiction: String, _ edit: (String) -> String) throws -> URL {
        let folder = try Run.temporaryFolder()
        let copy = folder.appendingPathComponent("Rules")
        try FileManager.default.copyItem(at: DeadlineFixtures.rules, to: copy)
        let file = copy.appendingPathComponent("\(jurisdiction)/deadlines.xml")
        try Data(edit(try String(contentsOf: file, encoding: .utf8)).utf8).write(to: file)
        return copy
    }

    @Test func aWindowAcrossTheSchoolYearsStartIsNamedWithItsLine() throws {
        let rules = try Self.editedRules("IT-MO") { $0.replacingOccurrences(of: #"<window from="03-01" by="04-30"/>"#, with: #"<window from="08-01" by="09-30"/>"#) }
        defer { try? FileManager.default.removeItem(at: rules.deletingLastPathComponent()) }
        let error = #expect(throws: DeadlineError.self) { try DeadlineFixtures.catalog(rules) }
        guard case let .inconsistent(file, line, rule, _) = error else { Issue.record("\(String(describing: error))"); return }
        #expect(file == "Rules/IT-MO/deadlines.xml" && rule == "IT-STAFF-REQUEST" && line > 1)
        #expect(error?.description.contains("runs across the start of the year (09-01)") == true)
    }

    @Test func aRuleBreakingTheSchemaIsRefusedWithItsLine() throws {
        let rules = try Self.editedRules("CN-FJ") { $0.replacingOccurrences(of: #"<interval opensMonths="6"/>"#, with: #"<interval opensMonths="half a year"/>"#) }
        defer { try? FileManager.default.removeItem(at: rules.deletingLastPathComponent()) }
        let error = #expect(throws: DeadlineError.self) { try DeadlineFixtures.catalog(rules) }
        guard case let .record(.invalid(file, problems)) = error else { Issue.record("\(String(describing: error))"); return }
        #expect(file == "Rules/CN-FJ/deadlines.xml")
        #expect(problems.count == 1 && problems[0].line > 1)
    }

    @Test func aChangedDeadlineChangesTheAnswer() throws {
        let pupil = PupilDates(pseudonym: "P-TEST", jurisdiction: "CN-FJ", school: "S1", documents: ["placement": [DeadlineFixtures.day("2026-03-01")]])
        let on = DeadlineFixtures.day("2026-06-15")
        let before = DeadlineEvaluator(catalog: try DeadlineFixtures.catalog(), on: on, within: 30).report(for: [pupil])
        #expect(before.findings.first { $0.rule == "CN-REASSESSMENT-INTERVAL" }?.status == .waiting)
        let rules = try Self.editedRules("CN-FJ") { $0.replacingOccurrences(of: #"opensMonths="6""#, with: #"opensMonths="3""#) }
        defer { try? FileManager.default.removeItem(at: rules.deletingLastPathComponent()) }
        let after = DeadlineEvaluator(catalog: try DeadlineFixtures.catalog(rules), on: on, within: 30).report(for: [pupil])
        #expect(after.findings.first { $0.rule == "CN-REASSESSMENT-INTERVAL" }?.status == .open)
    }

    @Test func anEmptyRulesFolderSaysWhereItLooked() throws {
        let folder = try Run.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = #expect(throws: DeadlineError.self) { try DeadlineFixtures.catalog(folder) }
        #expect(error?.description.contains("holds no deadlines") == true)
    }
}
