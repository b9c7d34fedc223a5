import Foundation
import Rules
import Testing

/// The CN-FJ rules of Rules/CN-FJ/rules.xml at their boundaries, each case citing the paragraph of
/// seed 000 (闽教规〔2023〕4号) it checks.
@Suite struct CNRuleTests {
    @Test(arguments: [
        // seed 000 §4: 原则上每个班安置的残疾儿童少年不超过3人
        (3, false, "seed 000 §4: 3 pupils in a class is within the cap"),
        (4, true, "seed 000 §4: 4 pupils in a class is over the cap"),
        (1, false, "seed 000 §4: 1 pupil"),
    ])
    func classCap(pupils: Int, flagged: Bool, cite: String) throws {
        let xml = RuleFixtures.cnSchool(classes: [Array(repeating: "听力残疾", count: pupils)], resourceRoom: true)
        let fired = try RuleFixtures.fired(RuleFixtures.book("CN-FJ"), "school", xml)
        #expect(fired.contains("cn-class-cap") == flagged, "\(cite)")
    }

    @Test(arguments: [
        // seed 000 §11: 对接收5人以上残疾学生随班就读的学校应建立特殊教育资源中心（教室）
        (4, false, false, "seed 000 §11: 4 pupils, no resource room: not required"),
        (5, false, true, "seed 000 §11: 5 pupils, no resource room: flagged"),
        (5, true, false, "seed 000 §11: 5 pupils with a resource room"),
        (6, false, true, "seed 000 §11: 6 pupils, no resource room"),
    ])
    func resourceRoom(pupils: Int, room: Bool, flagged: Bool, cite: String) throws {
        // Spread over classes of at most 3, so only the school rule is at stake.
        let classes = stride(from: 0, to: pupils, by: 3).map { Array(repeating: "智力残疾", count: min(3, pupils - $0)) }
        let fired = try RuleFixtures.fired(RuleFixtures.book("CN-FJ"), "school", RuleFixtures.cnSchool(classes: classes, resourceRoom: room))
        #expect(fired.contains("cn-resource-room") == flagged, "\(cite)")
        #expect(!fired.contains("cn-class-cap"))
    }

    @Test(arguments: [
        // seed 000 §4: 且残疾类别应尽量相同 — flagged when the year has at least as many classes as categories.
        ([["听力残疾", "智力残疾"], []], true, "seed 000 §4: mixed, a second class of the year was free"),
        ([["听力残疾", "智力残疾"]], false, "seed 000 §4: mixed, but the year has one class"),
        ([["听力残疾", "听力残疾"], []], false, "seed 000 §4: one category"),
    ])
    func mixedCategories(classes: [[String]], flagged: Bool, cite: String) throws {
        let fired = try RuleFixtures.fired(RuleFixtures.book("CN-FJ"), "school", RuleFixtures.cnSchool(classes: classes))
        #expect(fired.contains("cn-class-mixed") == flagged, "\(cite)")
    }

    @Test func fundsAreTenTimesTheOrdinaryStandard() throws {
        // seed 000 §20: 按照普通初中学生生均公用经费10倍标准
        let root = try RuleFixtures.node(RuleFixtures.cnSchool(classes: [["视力残疾", "视力残疾"], ["肢体残疾"]], funds: "950.5"))
        let funds = try #require(try RuleFixtures.book("CN-FJ").findings(check: "school", on: root).first { $0.rule == "cn-funds" })
        #expect(funds.cite == "seed 000 §20" && funds.kind == .figure)
        #expect(funds.measures.map(\.value) == ["950.5", "9505", "3", "28515"])
        let missing = try RuleFixtures.fired(RuleFixtures.book("CN-FJ"), "school", RuleFixtures.cnSchool(classes: [["视力残疾"]], funds: nil))
        #expect(missing.contains("cn-funds-standard-missing") && !missing.contains("cn-funds"))
    }

    @Test(arguments: [
        // seed 000 §2: 申请复测和重新认定时间间隔一般不短于一个学期 (a semester taken as 6 months)
        ("2026-03-01", "2026-09-01", false, "seed 000 §2: exactly one semester after the last assessment"),
        ("2026-03-01", "2026-08-31", true, "seed 000 §2: one day short of a semester"),
        ("2026-03-01", "2026-03-02", true, "seed 000 §2: the day after"),
        ("2025-08-31", "2026-02-28", false, "seed 000 §2: a semester ends on the last day of a shorter month"),
        ("2025-08-31", "2026-02-27", true, "seed 000 §2: one day before that"),
    ])
    func reassessmentInterval(previous: String, application: String, flagged: Bool, cite: String) throws {
        let xml = RuleFixtures.cnPlacement(type: "复测和重新认定", application: application, previous: previous)
        let fired = try RuleFixtures.fired(RuleFixtures.book("CN-FJ"), "placement", xml)
        #expect(fired.contains("cn-reassessment-too-early") == flagged, "\(cite)")
        #expect(!fired.contains("cn-reassessment-interval-unknown"))
    }

    @Test func reassessmentWithoutDatesIsFlaggedAsUnknown() throws {
        // seed 000 §2: the interval cannot be checked without the previous assessment's date.
        let fired = try RuleFixtures.fired(RuleFixtures.book("CN-FJ"), "placement", RuleFixtures.cnPlacement(type: "复测和重新认定", application: "2026-09-01"))
        #expect(fired.contains("cn-reassessment-interval-unknown") && !fired.contains("cn-reassessment-too-early"))
        // A first assessment has no interval to check.
        let first = try RuleFixtures.fired(RuleFixtures.book("CN-FJ"), "placement", RuleFixtures.cnPlacement(application: "2026-09-01", previous: "2026-08-01"))
        #expect(!first.contains("cn-reassessment-too-early"))
    }

    @Test(arguments: [
        // seed 000 §1, §3, §4: eligibility for 随班就读 follows the committee's conclusion.
        ("适宜随班就读", "随班就读（就近入学）", ["随班就读（就近入学）", "随班就读（定点学校）"], false),
        ("不适宜接受普通教育", "送教上门", ["普通学校特教班", "特殊教育学校", "送教上门"], false),
        ("不适宜接受普通教育", "随班就读（就近入学）", ["普通学校特教班", "特殊教育学校", "送教上门"], true),
        ("作为普通学生对待", "随班就读（定点学校）", [], true),
    ])
    func eligibility(conclusion: String, form: String, allowed: [String], conflict: Bool) throws {
        let root = try RuleFixtures.node(RuleFixtures.cnPlacement(conclusion: conclusion, form: form))
        let findings = try RuleFixtures.book("CN-FJ").findings(check: "placement", on: root)
        #expect(findings.filter { $0.kind == .allows }.compactMap(\.placement) == allowed)
        #expect(findings.contains { $0.rule == "cn-placement-against-conclusion" } == conflict)
        #expect(findings.contains { $0.rule == "cn-who-decides" }, "seed 000 §1: the bureau decides; always said")
        #expect(findings.allSatisfy { $0.cite.hasPrefix("seed 000 §") })
    }
}
