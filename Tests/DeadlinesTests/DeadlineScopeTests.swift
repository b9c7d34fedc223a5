import Deadlines
import Foundation
import Testing
import TestSupport

/// Who a deadline applies to (`<scope>` in the deadlines files), each at its boundary and citing
/// its paragraph, through the evaluator as `inclusio due` runs it.
@Suite struct DeadlineScopeTests {
    static let catalog = Result { try DeadlineFixtures.catalog() }

    private func status(_ rule: String, jurisdiction: String, on: String, documents: [String: [String]] = [:],
                        facts: PupilFacts) throws -> (status: DueStatus?, unjudged: Int) {
        let pupil = PupilDates(pseudonym: "P-1", jurisdiction: jurisdiction, school: "S", documents: documents.mapValues { $0.map(DeadlineFixtures.day) },
                               facts: facts)
        let report = DeadlineEvaluator(catalog: try Self.catalog.get(), on: DeadlineFixtures.day(on), within: 30).report(for: [pupil])
        return (report.findings.first { $0.pupil == "P-1" && $0.rule == rule }?.status,
                report.unjudged.first { $0.rule == rule }?.pupils ?? 0)
    }

    // 002 II 2 年間計画 1月 下旬 (入学期日及び学校指定通知): only children who start school next April, 6 by 1 April.
    @Test(arguments: [
        ("2021-04-01", DueStatus?.some(.overdue)),   // the youngest of the cohort entering April 2027 (6 by 1 April)
        ("2021-04-02", nil),                         // a day younger: enters April 2028
        ("2020-04-02", .overdue),                    // the oldest of the cohort
        ("2020-04-01", nil),                         // entered April 2026: a pupil who entered before gets no notice
        ("2014-05-10", nil),                         // entered years ago
    ] as [(String, DueStatus?)])
    func entryNoticeOnlyForTheComingYearsEntrants(birth: String, expected: DueStatus?) throws {
        let found = try status("JP-ENTRY-NOTICE", jurisdiction: "JP-11", on: "2027-02-01",
                               facts: PupilFacts(birthDate: DeadlineFixtures.day(birth)))
        #expect(found.status == expected)
    }

    // 002 §2 and §3: a transfer (転学) has its own date; a deferral or exemption (猶予・免除) gets no entry notice.
    @Test(arguments: [("就学", false, DueStatus?.some(.overdue)), ("転学", false, nil), ("就学", true, nil)] as [(String, Bool, DueStatus?)])
    func entryNoticeNotForTransfersOrDeferrals(admission: String, exempted: Bool, expected: DueStatus?) throws {
        let found = try status("JP-ENTRY-NOTICE", jurisdiction: "JP-11", on: "2027-02-01",
                               facts: PupilFacts(birthDate: DeadlineFixtures.day("2020-06-01"), admission: admission, exempted: exempted))
        #expect(found.status == expected)
    }

    // 002 §2 (入学期日及び学校指定通知): the entry date of the latest placement says the year of entry, as the
    // archive's index keeps it; the Japanese school year starts 1 April, so 31 March is the year before.
    @Test(arguments: [
        ("2027-04-01", DueStatus?.some(.overdue)),   // enters on the first day of the coming school year
        ("2027-04-08", .overdue),                    // the usual entry day
        ("2027-03-31", nil),                         // the last day of this school year: not next April's entrant
        ("2028-04-07", nil),                         // enters a year later: notified next January
        ("2021-04-08", nil),                         // entered years ago
    ] as [(String, DueStatus?)])
    func entryNoticeByTheEntryDateOfTheLatestPlacement(entry: String, expected: DueStatus?) throws {
        // A birth date that would say otherwise is not asked for when the entry date is known.
        let found = try status("JP-ENTRY-NOTICE", jurisdiction: "JP-11", on: "2027-02-01",
                               facts: PupilFacts(birthDate: DeadlineFixtures.day("2014-05-10"), entryDate: DeadlineFixtures.day(entry), admission: "就学",
                                                 exempted: false))
        #expect(found.status == expected)
        #expect(found.unjudged == 0)
    }

    // 002 §2: a transfer (転学) is settled by its admission type, without a year of entry or a birth date.
    @Test func aTransferIsNotJudgedUnknownButNotDue() throws {
        let found = try status("JP-ENTRY-NOTICE", jurisdiction: "JP-11", on: "2027-02-01", facts: PupilFacts(admission: "転学", exempted: false))
        #expect(found.status == nil)
        #expect(found.unjudged == 0)
    }

    @Test func entryNoticeWithoutABirthDateIsCountedNotGuessed() throws {
        let found = try status("JP-ENTRY-NOTICE", jurisdiction: "JP-11", on: "2027-02-01", facts: .unknown)
        #expect(found.status == nil)
        #expect(found.unjudged == 1)
    }

    // 003 Art.5 A.2: the profile "in December" is the first drafting after school starts; Art.5 A.3: then verified each year end.
    @Test(arguments: [
        ([String](), "IT-PDF-DECEMBER", DueStatus?.some(.overdue)),     // no profile yet: the first drafting is overdue
        (["2025-12-10"], "IT-PDF-DECEMBER", nil),                        // drafted last school year: not asked again
        (["2026-12-10"], "IT-PDF-DECEMBER", .done),                      // drafted this December
        ([String](), "IT-PDF-YEAR-END", nil),                            // nothing to verify (on 2027-07-01)
        (["2026-12-10"], "IT-PDF-YEAR-END", .overdue),                   // a profile to verify, not verified in June
        (["2027-06-01"], "IT-PDF-YEAR-END", nil),                        // dated in the window, not before it: that is a first drafting
    ] as [([String], String, DueStatus?)])
    func profileFirstDraftingThenYearlyVerification(profiles: [String], rule: String, expected: DueStatus?) throws {
        let on = rule == "IT-PDF-DECEMBER" ? "2027-01-10" : "2027-07-01"
        let found = try status(rule, jurisdiction: "IT-MO", on: on, documents: ["functional-profile": profiles], facts: .unknown)
        #expect(found.status == expected)
    }

    // 003 Art.3 A.1 e: a revoked certificate ends the procedures from its effective date; the day before, they still run.
    @Test(arguments: [("2026-10-14", false), ("2026-10-15", false), ("2026-10-16", true)])
    func nothingIsDueAfterARevocationTakesEffect(revokedOn: String, stillDue: Bool) throws {
        let pupil = PupilDates(pseudonym: "P-1", jurisdiction: "IT-MO", school: "S", documents: [:],
                               facts: PupilFacts(revokedOn: DeadlineFixtures.day(revokedOn)))
        let report = DeadlineEvaluator(catalog: try Self.catalog.get(), on: DeadlineFixtures.day("2026-10-15"), within: 30).report(for: [pupil])
        #expect(report.findings.contains { $0.pupil == "P-1" } == stillDue)
        if stillDue { #expect(report.findings.contains { $0.pupil == "P-1" && $0.rule == "IT-DF-SEPTEMBER" && $0.status == .overdue }) }
    }
}
