import Foundation
import Rules
import Support
import Testing
import TestSupport
import XML

/// The binding `record` check of each jurisdiction (what generate and validate refuse), each
/// rule at its boundary: the project's fixture record passes, the one-field change fails.
@Suite struct RecordRuleTests {
    private static func fixture(_ name: String) throws -> String {
        try String(contentsOf: Run.project.appendingPathComponent("Tests/Fixtures/records/\(name).xml"), encoding: .utf8)
    }

    /// The ids and fields of the record rules `xml` breaks.
    private static func broken(_ jurisdiction: String, _ xml: String) throws -> [(rule: String, field: String)] {
        let root = try RuleFixtures.node(xml)
        return try withExtendedLifetime(root) {
            try RuleFixtures.book(jurisdiction).violations(of: root).map { problem in
                (String(problem.message.split(separator: "rule ").last?.dropLast() ?? ""), problem.field)
            }
        }
    }

    private static func replacing(_ text: String, _ pattern: String, _ replacement: String) -> String {
        text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
    }

    @Test(arguments: [
        ("IT-MO", "IT-MO-iep"), ("IT-MO", "IT-MO-iep-life-plan"), ("IT-MO", "IT-MO-certificate"), ("IT-MO", "IT-MO-certificate-revoca"),
        ("IT-MO", "IT-MO-certificate-rinnovo"), ("IT-MO", "IT-MO-functional-diagnosis"), ("IT-MO", "IT-MO-functional-profile"),
        ("CN-FJ", "CN-FJ-iep"), ("CN-FJ", "CN-FJ-iep-home-teaching"), ("CN-FJ", "CN-FJ-certificate"), ("CN-FJ", "CN-FJ-placement"),
        ("JP-11", "JP-11-placement"), ("JP-11", "JP-11-placement-exemption"), ("JP-11", "JP-11-placement-multiple"),
        ("JP-11", "JP-11-placement-transfer"), ("JP-11", "JP-11-iep-support"), ("JP-11", "JP-11-iep-instruction"),
    ])
    func everyFixtureKeepsTheRules(jurisdiction: String, name: String) throws {
        #expect(try Self.broken(jurisdiction, Self.fixture(name)).isEmpty)
    }

    // seed 003 Art.6 A.2 a: 規定の期間で(4ヶ月又は2ヶ月ごと) — 2 and 4 pass, 1, 3, 5 and 7 do not.
    @Test(arguments: [(2, true), (4, true), (1, false), (3, false), (5, false), (7, false)])
    func peiIsVerifiedEveryTwoOrFourMonths(months: Int, passes: Bool) throws {
        let xml = Self.replacing(try Self.fixture("IT-MO-iep"), "<intervalMonths>[0-9]+</intervalMonths>", "<intervalMonths>\(months)</intervalMonths>")
        let found = try Self.broken("IT-MO", xml)
        #expect(found.isEmpty == passes)
        if !passes { #expect(found.map(\.field) == ["iep/reviewSchedule/intervalMonths"]) }
    }

    // seed 003 Art.4 A.1: 学年度の開始前あるいは 9 月末までに — 30 September passes, 1 October and 15 December do not;
    // an update during the year (Art.4 A.3: いかなる時点においても) has no such date.
    @Test(arguments: [
        ("2026-09-30", "prima redazione", true), ("2026-10-01", "prima redazione", false),
        ("2026-12-15", "aggiornamento al passaggio di grado", false), ("2026-12-15", "aggiornamento in corso di frequenza", true),
    ])
    func functionalDiagnosisIsDueByTheEndOfSeptember(deadline: String, occasion: String, passes: Bool) throws {
        var xml = Self.replacing(try Self.fixture("IT-MO-functional-diagnosis"), "<deadline>[^<]*</deadline>", "<deadline>\(deadline)</deadline>")
        xml = Self.replacing(xml, "<occasion>[^<]*</occasion>", "<occasion>\(occasion)</occasion>")
        let found = try Self.broken("IT-MO", xml)
        #expect(found.map(\.rule) == (passes ? [] : ["it-df-by-end-of-september"]))
    }

    // seed 003 Art.3 A.1 e: a revoca is a letter describing the recovery; without it, refused; with it, on a
    // certificate that is not a revoca, refused too.
    @Test func revocaNeedsItsLetterAndOnlyARevocaHasOne() throws {
        let revoca = try Self.fixture("IT-MO-certificate-revoca")
        let withoutLetter = Self.replacing(revoca, "(?s)<revocation>.*</revocation>", "")
        #expect(try Self.broken("IT-MO", withoutLetter).map(\.rule) == ["it-revoca-needs-letter"])
        #expect(try Self.broken("IT-MO", withoutLetter).map(\.field) == ["certificate/it/revocation"])
        let rinnovoWithLetter = Self.replacing(revoca, "<certificationType>revoca</certificationType>", "<certificationType>prima certificazione</certificationType>")
        #expect(try Self.broken("IT-MO", rinnovoWithLetter).map(\.rule) == ["it-revocation-only-for-revoca"])
    }

    // seed 003 Art.3 A.1 c: a rinnovo is made at the change of school level; it names the level left and the
    // certificate renewed.
    @Test func rinnovoNamesThePreviousLevelAndCertificate() throws {
        let xml = Self.replacing(try Self.fixture("IT-MO-certificate-rinnovo"), "<previousSchoolLevel>[^<]*</previousSchoolLevel>", "")
        #expect(try Self.broken("IT-MO", xml).map(\.rule) == ["it-rinnovo-previous-level"])
    }

    // seed 000 §17: 将思想道德、学业水平、身心健康、艺术素养和劳动技能作为基本评价内容 — each of the five missing is refused.
    @Test(arguments: Array(["思想道德", "学业水平", "身心健康", "艺术素养", "劳动技能"].enumerated()))
    func cnPlanEvaluatesTheFiveBasicAreas(index: Int, area: String) throws {
        let xml = Self.replacing(try Self.fixture("CN-FJ-iep"), "(?s)<areaEvaluation>\\s*<area>\(area)</area>.*?</areaEvaluation>", "")
        #expect(!xml.contains("<area>\(area)</area>\n      <focus>"))
        #expect(try Self.broken("CN-FJ", xml).map(\.rule) == ["cn-iep-basic-area-\(index + 1)"])
    }

    // seed 000 §4 (送教上门): homeTeaching goes with the placement form 送教上门, both ways.
    @Test func homeTeachingGoesWithTheHomePlacementForm() throws {
        let home = try Self.fixture("CN-FJ-iep-home-teaching")
        let notHome = Self.replacing(home, "<placementForm>送教上门</placementForm>", "<placementForm>特殊教育学校</placementForm>")
        #expect(try Self.broken("CN-FJ", notHome).map(\.rule) == ["cn-iep-home-teaching-without-form"])
        let noArrangement = Self.replacing(home, "(?s)<homeTeaching>.*</homeTeaching>", "")
        #expect(try Self.broken("CN-FJ", noArrangement).map(\.rule) == ["cn-iep-home-teaching-missing"])
    }

    // seed 001 第二步: the 随班就读证明 follows the expert committee's assessment; the card number starts
    // with the holder's resident ID (Schemas/README.md rule 3).
    @Test func cnCertificateHasItsAssessmentAndTheCardOfItsPupil() throws {
        let certificate = try Self.fixture("CN-FJ-certificate")
        let noAssessment = Self.replacing(certificate, "(?s)<expertAssessment>.*</expertAssessment>", "")
        #expect(try Self.broken("CN-FJ", noAssessment).map(\.rule) == ["cn-certificate-assessment"])
        let otherCard = Self.replacing(certificate, "<cardNumber>350000", "<cardNumber>350001")
        #expect(try Self.broken("CN-FJ", otherCard).map(\.rule) == ["cn-card-number-resident-id"])
    }

    // seed 002 §3: a special school or class that names a disability is for a pupil with that disability.
    @Test(arguments: [
        ("自閉症・情緒障害特別支援学級", nil), ("弱視特別支援学級", "jp-placement-type-visual-class"),
        ("難聴特別支援学級", "jp-placement-type-hearing-class"), ("知的障害の特別支援学校", "jp-placement-type-intellectual-school"),
        ("通級による指導", nil), ("通常の学級", nil),
    ])
    func namedPlacementGoesWithItsDisability(placement: String, rule: String?) throws {
        // The fixture's pupil is recorded as 自閉症者.
        let xml = Self.replacing(try Self.fixture("JP-11-placement"), "<placementKind>[^<]*</placementKind>", "<placementKind>\(placement)</placementKind>")
        let found = try Self.broken("JP-11", xml)
        #expect(found.map(\.rule) == (rule.map { [$0] } ?? []))
        if rule != nil { #expect(found.map(\.field) == ["placement/jp/placementKind"]) }
    }

    // seed 002 §3: 通級による指導 is not in the 知的障害者 row; 学習障害者 and ADHD rows give only 通級.
    @Test(arguments: [
        (["知的障害者"], "通級による指導", "jp-resource-not-intellectual-alone"),
        (["知的障害者", "言語障害者"], "通級による指導", nil),
        (["学習障害者"], "自閉症・情緒障害特別支援学級", "jp-learning-adhd-resource-or-regular"),
        (["学習障害者", "注意欠陥多動性障害者"], "通常の学級", nil),
        (["学習障害者", "自閉症者"], "自閉症・情緒障害特別支援学級", nil),
    ] as [([String], String, String?)])
    func resourceRoomAndLearningDisabilities(types: [String], placement: String, rule: String?) throws {
        var xml = Self.replacing(try Self.fixture("JP-11-placement"), "<placementKind>[^<]*</placementKind>", "<placementKind>\(placement)</placementKind>")
        xml = Self.replacing(xml, "<disabilityType>[^<]*</disabilityType>", types.map { "<disabilityType>\($0)</disabilityType>" }.joined())
        let found = try Self.broken("JP-11", xml).map(\.rule)
        if let rule { #expect(found.contains(rule)) } else { #expect(!found.contains("jp-resource-not-intellectual-alone") && !found.contains("jp-learning-adhd-resource-or-regular")) }
    }

    // seed 002 §3 (就学義務の猶予又は免除): a designated school unless exempted; never both.
    @Test func schoolIfAndOnlyIfNoExemption() throws {
        let exempt = try Self.fixture("JP-11-placement-exemption")
        let withSchool = exempt.replacingOccurrences(of: "  <jp>", with: "  <school><name>学校</name><level>小学校</level></school>\n  <jp>")
        #expect(try Self.broken("JP-11", withSchool).map(\.rule) == ["jp-school-without-exemption"])
        let placed = try Self.fixture("JP-11-placement")
        let noSchool = Self.replacing(placed, "(?s)\n  <school>.*?</school>", "")
        #expect(try Self.broken("JP-11", noSchool).map(\.rule) == ["jp-school-without-exemption"])
    }

    // seed 002 §2 (12月上旬): the report to the prefecture goes with the 就学・転学相談票, and reports a child who attends.
    @Test func reportToThePrefectureHasItsConsultationSheet() throws {
        let report = try Self.fixture("JP-11-placement").replacingOccurrences(of: "<documentType>入学期日及び学校指定通知</documentType>",
                                                                              with: "<documentType>特別支援学校等への就学の通知</documentType>")
        #expect(try Self.broken("JP-11", report).map(\.rule) == ["jp-report-with-consultation-sheet"])
        let withSheet = report.replacingOccurrences(of: "</consultation>", with: "</consultation><consultationSheet><preparedDate>2026-11-27</preparedDate></consultationSheet>")
        #expect(try Self.broken("JP-11", withSheet).isEmpty)
        let exempted = try Self.fixture("JP-11-placement-exemption")
            .replacingOccurrences(of: "<documentType>就学先決定の通知</documentType>", with: "<documentType>特別支援学校等への就学の通知</documentType>")
            .replacingOccurrences(of: "</consultation>", with: "</consultation><consultationSheet><preparedDate>2026-11-27</preparedDate></consultationSheet>")
        #expect(try Self.broken("JP-11", exempted).map(\.rule) == ["jp-report-not-an-exemption"])
    }

    // seed 003 I 参考 5): a 個別の教育支援計画 takes the long view with outside agencies.
    @Test func supportPlanHasItsVisionAndAgencies() throws {
        let plan = try Self.fixture("JP-11-iep-support")
        #expect(try Self.broken("JP-11", Self.replacing(plan, "(?s)<relatedAgency>.*</relatedAgency>", "")).map(\.rule) == ["jp-support-plan-agency"])
        #expect(try Self.broken("JP-11", Self.replacing(plan, "<longTermVision>[^<]*</longTermVision>", "")).map(\.rule) == ["jp-support-plan-vision"])
    }

    // Schemas/README.md rule 1: a record carries its own jurisdiction's variant.
    @Test func anotherJurisdictionsVariantIsRefused() throws {
        let xml = try Self.fixture("CN-FJ-placement").replacingOccurrences(of: "jurisdiction=\"CN-FJ\"", with: "jurisdiction=\"IT-MO\"")
        #expect(try Self.broken("IT-MO", xml).map(\.rule) == ["it-variant"])
    }
}
