import Foundation
import Rules
import Testing
import XML

/// Birth dates that cannot be: each case with its own message, at its boundary. The ages come
/// from a jurisdiction's transfer rules (entry age, years), here CN-FJ's 小学 (6, 6 years).
@Suite struct RecordDatesTests {
    private let dates = RecordDates(today: "2026-12-04", levels: ["小学": .init(entryAge: 6, years: 6), "初中": .init(entryAge: 12, years: 3)],
                                    source: "Rules/CN-FJ/transfer.xml")

    private func record(birth: String, issued: String? = "2026-09-01", level: String? = "小学") -> String {
        """
        <iep jurisdiction="CN-FJ">\(issued.map { "<header><issuedDate>\($0)</issuedDate></header>" } ?? "")\
        <pupil><birthDate>\(birth)</birthDate></pupil>\(level.map { "<school><level>\($0)</level></school>" } ?? "")</iep>
        """
    }

    private func messages(_ xml: String) throws -> [String] {
        let root = try RuleFixtures.node(xml)
        return withExtendedLifetime(root) { dates.problems(in: root).map { "\($0.field): \($0.message)" } }
    }

    @Test(arguments: [
        // today is 2026-12-04: born today is possible (and then implausible for 小学), tomorrow is not.
        ("2026-12-05", nil, "iep/pupil/birthDate: is after today"),
        ("2031-01-01", "2026-09-01", "iep/pupil/birthDate: is after today"),
        // born after the document about the pupil was issued
        ("2026-09-02", "2026-09-01", "iep/pupil/birthDate: is after iep/header/issuedDate"),
        // 小学: entry at 6, 6 years; plausible from 5 to 15 on the issue date
        ("2021-09-01", "2026-09-01", nil),                       // 5 on the day
        ("2021-09-02", "2026-09-01", "iep/pupil/birthDate: makes the pupil younger than 5 or older than 15"),  // 4
        ("2010-09-01", "2026-09-01", "iep/pupil/birthDate: makes the pupil younger than 5 or older than 15"),  // 16
        ("2010-09-02", "2026-09-01", nil),                       // 15
        ("1890-01-01", "2026-09-01", "iep/pupil/birthDate: makes the pupil younger than 5 or older than 15"),
    ] as [(String, String?, String?)])
    func birthDate(birth: String, issued: String?, problem: String?) throws {
        let found = try messages(record(birth: birth, issued: issued))
        if let problem {
            #expect(found.count == 1)
            #expect(found.first?.hasPrefix(problem) == true)
            #expect(found.first?.contains(birth) == false)   // never echo the value
        } else {
            #expect(found.isEmpty)
        }
    }

    @Test func aLevelWithoutAgesBoundsOnlyByTheOldestLevel() throws {
        // 初中 ends at 12 + 3 + 3 = 18, the oldest of the levels known.
        #expect(try messages(record(birth: "2008-01-01", level: "普通高中")).isEmpty)
        #expect(try messages(record(birth: "1990-01-01", level: nil)).first?.contains("older than 18") == true)
    }
}
