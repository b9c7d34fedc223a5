import Foundation
import Rules
import Testing

/// The JP-11 rules of Rules/JP-11/rules.xml: the criteria table of seed 002 §3, the board's
/// decision (002 I), and the merger allocation of seed 004 II.3.
@Suite struct JPRuleTests {
    @Test(arguments: [
        // seed 002 §3, one row of each kind per type: the degree in the table's words gives the row's placement.
        ("視覚障害者", "拡大鏡等の使用によっても通常の文字、図形等の視覚による認識が困難な程度のもの", "弱視特別支援学級"),
        ("視覚障害者", "拡大鏡等の使用によっても通常の文字、図形等の視覚による認識が困難な程度の者で、通常の学級での学習におおむね参加でき、一部特別な指導を必要とする程度のもの", "通級による指導"),
        ("聴覚障害者", "両耳の聴力レベルがおおむね60デシベル以上のもので、補聴器等の使用によっても通常の話し声を解することが不可能又は著しく困難な程度のもの", "聴覚障害の特別支援学校"),
        ("知的障害者", "知的発達の遅滞の程度が前号に掲げる程度に達しないもののうち、社会生活への適応が著しく困難なもの", "知的障害の特別支援学校"),
        ("肢体不自由者", "肢体不自由の状態が補装具の使用によっても歩行、筆記等日常生活における基本的な動作が不可能又は困難な程度のもの（医療的ケアあり）", "肢体不自由の特別支援学校"),
        ("病弱者", "身体虚弱の状態が持続的に生活の管理を必要とする程度のもの", "病弱・身体虚弱特別支援学級"),
        ("言語障害者", "口蓋裂、構音器官のまひ等器質的又は機能的な構音障害のある者、吃音等話し言葉におけるリズムの障害のある者、話す、聞く等言語機能の基礎的事項に発達の遅れがある者、その他これに準ずる者（これらの障害が主として他の障害に起因するものではない者に限る。）で、その程度が著しいもの", "言語障害特別支援学級"),
        ("自閉症者", "自閉症又はそれに類するもので、他人との意思疎通及び対人関係の形成が困難である程度のもの", "自閉症・情緒障害特別支援学級"),
        ("情緒障害者", "主として心理的な要因による選択性かん黙等があるもので、通常の学級での学習におおむね参加でき、一部特別な指導を必要とする程度のもの", "通級による指導"),
        ("学習障害者", "全般的な知的発達に遅れはないが、聞く、話す、読む、書く、計算する又は推論する能力の特定のものの習得と使用に著しい困難を示すもので、一部特別な指導を必要とする程度のもの", "通級による指導"),
    ])
    func criteriaTableRow(type: String, degree: String, placement: String) throws {
        let root = try RuleFixtures.node(RuleFixtures.jpPlacement(types: [type], degrees: [degree]))
        let findings = try RuleFixtures.book("JP-11").findings(check: "placement", on: root)
        #expect(findings.filter { $0.kind == .allows }.compactMap(\.placement) == [placement])
        #expect(findings.first { $0.kind == .allows }?.cite == "seed 002 §3")
        #expect(findings.last?.rule == "jp-board-decides" && findings.last?.cite == "seed 002 I", "002 I: the board decides, always said")
        #expect(!findings.contains { $0.kind == .flag })
    }

    @Test func aDegreeOfAnotherTypeAllowsNothing() throws {
        // seed 002 §3: rows apply to their own type only; a 視覚 degree recorded for a 聴覚 pupil lists every 聴覚 row.
        let root = try RuleFixtures.node(RuleFixtures.jpPlacement(types: ["聴覚障害者"], degrees: ["拡大鏡等の使用によっても通常の文字、図形等の視覚による認識が困難な程度のもの"]))
        let findings = try RuleFixtures.book("JP-11").findings(check: "placement", on: root)
        #expect(!findings.contains { $0.kind == .allows })
        let unmatched = try #require(findings.first { $0.rule == "jp-hearing-degree-unmatched" })
        #expect(unmatched.advice.contains("聴覚障害の特別支援学校、難聴特別支援学級、通級による指導"))
    }

    @Test func multipleDisabilitiesListEachTypesPlacementAndSayWhoWeighsThem() throws {
        // seed 002 §3 《重複障害のある児童生徒等について》
        let xml = RuleFixtures.jpPlacement(
            types: ["肢体不自由者", "知的障害者"],
            degrees: ["肢体不自由の状態が補装具の使用によっても歩行、筆記等日常生活における基本的な動作が不可能又は困難な程度のもの",
                      "知的発達の遅滞があり、他人との意思疎通に軽度の困難があり日常生活を営むのに一部援助が必要で、社会生活への適応が困難である程度のもの"])
        let findings = try RuleFixtures.book("JP-11").findings(check: "placement", on: RuleFixtures.node(xml))
        #expect(findings.filter { $0.kind == .allows }.compactMap(\.placement) == ["知的障害特別支援学級", "肢体不自由の特別支援学校"])
        let multiple = try #require(findings.first { $0.rule == "jp-multiple-disabilities" })
        #expect(multiple.cite == "seed 002 §3" && multiple.measures.first?.value == "2")
    }

    @Test func exemptionRequestIsNotedWithoutADegree() throws {
        // seed 002 §3 《就学義務の猶予又は免除について》: on the guardian's request, decided cautiously by the board.
        let findings = try RuleFixtures.book("JP-11").findings(
            check: "placement", on: RuleFixtures.node(RuleFixtures.jpPlacement(types: ["病弱者"], degrees: [], exemption: true)))
        let exemption = try #require(findings.first { $0.rule == "jp-exemption-requested" })
        #expect(exemption.measures.map(\.value) == ["就学義務の猶予", "2025-12-01"])
        #expect(findings.contains { $0.rule == "jp-health-degree-unmatched" })
    }

    // seed 002 I: 本人・保護者の意見を最大限尊重 — a placement against the recorded wish is flagged, with both places.
    @Test(arguments: [
        ("自閉症・情緒障害特別支援学級", "true", []),
        ("通常の学級", "true", ["jp-wished-placement-differs"]),
        ("自閉症・情緒障害特別支援学級", "false", ["jp-wishes-not-respected"]),
    ] as [(String, String, [String])])
    func guardiansWishNotFollowedIsFlagged(wished: String, respected: String, flags: [String]) throws {
        let xml = RuleFixtures.jpPlacement(types: ["自閉症者"], degrees: [])
            .replacingOccurrences(of: "</disabilityType>", with: "</disabilityType><placementKind>自閉症・情緒障害特別支援学級</placementKind>")
            .replacingOccurrences(of: "<wishesRespected>true</wishesRespected>",
                                  with: "<wishedPlacement>\(wished)</wishedPlacement><wishesRespected>\(respected)</wishesRespected>")
        let findings = try RuleFixtures.book("JP-11").findings(check: "placement", on: RuleFixtures.node(xml))
        let wishFlags = findings.filter { $0.rule.hasPrefix("jp-wish") }
        #expect(wishFlags.map(\.rule) == flags)
        #expect(wishFlags.allSatisfy { $0.cite == "seed 002 I" && $0.kind == .flag })
        if let flag = wishFlags.first { #expect(flag.measures.map(\.value) == [wished, "自閉症・情緒障害特別支援学級"]) }
    }

    @Test func guardianNotHeardIsFlagged() throws {
        // seed 002 I (施行令改正 4): the board hears the guardians before deciding.
        let fired = try RuleFixtures.fired(RuleFixtures.book("JP-11"), "placement",
                                           RuleFixtures.jpPlacement(types: ["自閉症者"], degrees: [], guardianHeard: false))
        #expect(fired.contains("jp-guardian-not-heard"))
    }

    @Test(arguments: [
        // seed 004 II.3: first year = before − after; −1/5 a year over 5 years (primary), −1/2 over 2 (junior high).
        ("primary", [12, 10], 19, [3, 3, 2, 2, 1], "seed 004 II.3: 3 teachers, fifths 2.4, 1.8, 1.2, 0.6 rounded up"),
        ("junior-high", [12, 10], 19, [3, 2], "seed 004 II.3: 3 teachers, half 1.5 rounded up"),
        ("primary", [8, 7], 10, [5, 4, 3, 2, 1], "seed 004 II.3: 5 teachers fall by exactly 1 a year"),
        ("junior-high", [6, 6], 10, [2, 1], "seed 004 II.3: 2 teachers, half is exactly 1"),
        ("primary", [1, 1], 1, [1, 1, 1, 1, 1], "seed 004 II.3: 1 teacher, fifths rounded up stay 1"),
        ("junior-high", [10, 9], 19, [], "seed 004 II.3: no difference, no allocation"),
    ])
    func mergerAllocation(level: String, before: [Int], after: Int, teachers: [Int], cite: String) throws {
        let rule = try #require(try RuleFixtures.book("JP-11").mergerAllocation)
        let schedule = try #require(rule.schedule(before: before, after: after, level: level))
        #expect(schedule.years.map(\.teachers) == teachers, "\(cite)")
        #expect(schedule.firstYear == before.reduce(0, +) - after)
        #expect(rule.cite == "seed 004 II.3" && rule.rounding == .up)
    }

    @Test func roundingIsData() throws {
        // The notice gives no rounding; the file chooses it, and a file that rounds down gives fewer teachers.
        let text = try String(contentsOf: RuleFixtures.library.file(for: "JP-11")!, encoding: .utf8)
            .replacingOccurrences(of: "<rounding mode=\"up\"", with: "<rounding mode=\"down\"")
        let rule = try #require(try RuleFixtures.book(text: text).mergerAllocation)
        #expect(rule.schedule(before: [12, 10], after: 19, level: "primary")?.years.map(\.teachers) == [3, 2, 1, 1, 0])
        #expect(rule.schedule(before: [12, 10], after: 19, level: "junior-high")?.years.map(\.teachers) == [3, 1])
        #expect(rule.schedule(before: [12, 10], after: 19, level: "senior-high") == nil)
    }
}
