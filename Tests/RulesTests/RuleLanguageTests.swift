import Foundation
import Rules
import TestSupport
import Testing
import XML

/// The rule language itself: what a rule file may say, and what is refused with its line.
@Suite struct RuleLanguageTests {
    private func file(_ body: String, defines: String = "") -> String {
        """
        <rules xmlns="urn:inclusio:rules:1" jurisdiction="CN-FJ" source="test">
        \(defines)
        <check name="school">
        \(body)
        </check>
        </rules>
        """
    }

    private func rule(_ when: String, kind: String = "flag", extra: String = "") -> String {
        "<rule id=\"r\" kind=\"\(kind)\" cite=\"seed 000 §4\" \(extra)><when>\(when)</when><criterion>c</criterion><advice>a</advice></rule>"
    }

    @Test func recordCheckTakesOnlyFlagsAndNamesTheField() throws {
        let note = file(rule("<present path=\"cn\"/>", kind: "note")).replacingOccurrences(of: "\"school\"", with: "\"record\"")
        let error = #expect(throws: RuleError.self) { try RuleFixtures.book(text: note) }
        #expect(error?.diagnostics.first?.message.contains("must be kind=\"flag\"") == true)

        let flag = file(rule("<compare op=\"gt\"><field path=\"d\"/><concat><yearOf><field path=\"y\"/></yearOf><value>-09-30</value></concat></compare>",
                             extra: "root=\"r\" field=\"d\"")).replacingOccurrences(of: "\"school\"", with: "\"record\"")
        let book = try RuleFixtures.book(text: flag)
        let late = try RuleFixtures.node("<r><y>2026/2027</y><d>2026-10-01</d></r>")
        let onTime = try RuleFixtures.node("<r><y>2026/2027</y><d>2026-09-30</d></r>")
        let other = try RuleFixtures.node("<s><y>2026/2027</y><d>2026-10-01</d></s>")
        #expect(book.violations(of: late).map(\.field) == ["r/d"])
        #expect(book.violations(of: late).first?.message == "a (seed 000 §4; rule r)")
        #expect(book.violations(of: onTime).isEmpty)
        #expect(book.violations(of: other).isEmpty)   // root="r" only
    }

    @Test func everyProjectRuleFileValidatesWithXmllint() throws {
        // An outsider's judgement: xmllint --schema accepts each Rules/<jurisdiction>/rules.xml.
        let folder = Run.project.appendingPathComponent("Rules")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .map { folder.appendingPathComponent($0).appendingPathComponent("rules.xml").path }
            .filter { FileManager.default.fileExists(atPath: $0) }
        #expect(files.count >= 2)
        for path in files {
            let run = try Run.program("xmllint", ["--noout", "--schema", "Schemas/rules/rules.xsd", path])
            #expect(run.status == 0, "\(path): \(run.stderr)")
        }
        let schools = try Run.program("xmllint", ["--noout", "--schema", "Schemas/rules/school-classes.xsd", "Samples/schools/CN-FJ/school-02.xml"])
        #expect(schools.status == 0, "\(schools.stderr)")
    }

    @Test func xmllintRefusesWhatOurReaderRefuses() throws {
        // A rule without a citation breaks the schema for both.
        let broken = file("<rule id=\"r\" kind=\"flag\"><criterion>c</criterion><advice>a</advice></rule>")
        let folder = try Run.temporaryFolder()
        let url = folder.appendingPathComponent("rules.xml")
        try Data(broken.utf8).write(to: url)
        let run = try Run.program("xmllint", ["--noout", "--schema", "Schemas/rules/rules.xsd", url.path])
        #expect(run.status != 0)
        let error = #expect(throws: RuleError.self) { try RuleFixtures.book(text: broken) }
        guard case let .brokenRules(_, problems)? = error else { Issue.record("not brokenRules"); return }
        #expect(problems.contains { $0.line == 4 && $0.message.contains("cite") })
    }

    @Test(arguments: [
        ("<ref name=\"a\"/>", "<define name=\"a\"><not><ref name=\"a\"/></not></define>", "refers to itself"),
        ("<ref name=\"b\"/>", "<define name=\"a\"><ref name=\"b\"/></define><define name=\"b\"><compare op=\"gt\"><count path=\"class\"><ref name=\"a\"/></count><value>1</value></compare></define>", "refers to itself"),
        ("<ref name=\"missing\"/>", "", "names no define"),
        ("<present path=\"class//pupil\"/>", "", "path"),
    ])
    func brokenFilesAreRefusedWithTheirLine(when: String, defines: String, message: String) throws {
        let error = #expect(throws: RuleError.self) { try RuleFixtures.book(text: file(rule(when), defines: defines)) }
        guard case let .brokenRules(file, problems)? = error else { Issue.record("not brokenRules"); return }
        #expect(file == "test-rules.xml")
        #expect(problems.contains { $0.line > 0 && ($0.message + $0.field).contains(message) }, "\(problems)")
    }

    @Test func allowsNeedsAPlacement() throws {
        let error = #expect(throws: RuleError.self) { try RuleFixtures.book(text: file(rule("<present path=\"class\"/>", kind: "allows"))) }
        guard case let .brokenRules(_, problems)? = error else { Issue.record("not brokenRules"); return }
        #expect(problems.first?.message.contains("placement") == true && problems.first?.line == 4)
    }

    @Test(arguments: [
        // Comparisons are numeric for numbers, textual otherwise, and hold for any pair of values.
        ("<compare op=\"gt\"><value>10</value><value>9</value></compare>", true),
        ("<compare op=\"lt\"><value>2026-02-28</value><value>2026-03-01</value></compare>", true),
        ("<compare op=\"eq\"><sum path=\"class\" of=\"@year\"/><value>3</value></compare>", true),
        ("<compare op=\"eq\"><divide><value>1</value><value>0</value></divide><value>0</value></compare>", false),
        ("<compare op=\"eq\"><field path=\"class/pupil/@category\"/><value>听力残疾</value></compare>", true),
        ("<compare op=\"ne\"><field path=\"missing\"/><value>x</value></compare>", false),
        ("<in><field path=\"class/@id\"/><value>x</value><value>1-2</value></in>", true),
        ("<compare op=\"eq\"><addMonths months=\"-1\"><value>2024-03-31</value></addMonths><value>2024-02-29</value></compare>", true),
        ("<compare op=\"eq\"><subtract><count path=\"class/pupil\"/><value>0.5</value></subtract><value>2.5</value></compare>", true),
    ])
    func expressions(when: String, holds: Bool) throws {
        let book = try RuleFixtures.book(text: file(rule(when)))
        let school = RuleFixtures.cnSchool(classes: [["听力残疾"], ["视力残疾", "视力残疾"]]).replacingOccurrences(of: "year=\"1\">", with: "year=\"1\">")
        let xml = school.replacingOccurrences(of: "id=\"1-2\" year=\"1\"", with: "id=\"1-2\" year=\"2\"")
        #expect(try RuleFixtures.fired(book, "school", xml) == (holds ? ["r"] : []))
    }

    @Test func aCheckTheFileDoesNotHaveIsAConfigurationError() throws {
        let book = try RuleFixtures.book("JP-11")
        #expect(throws: RuleError.self) { try book.findings(check: "school", on: RuleFixtures.node("<school/>")) }
        #expect(book.recordKinds(forCheck: "placement") == ["placement"])
    }
}
