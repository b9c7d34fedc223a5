import Foundation
import Records
import Support
import Testing
import XML

/// A date written YYYY-MM-DD that the calendar refuses is named as a day that does not exist,
/// not as a wrongly written date; the date itself is never repeated.
struct ImpossibleDayTests {
    private static let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private static let validator = RecordValidator(catalog: try! SchemaCatalog(directory: project.appendingPathComponent("Schemas")))

    @Test(arguments: [
        ("2024-02-29", nil),                                     // a leap year: the day exists
        ("2026-02-29", "that day does not exist"),               // 2026 is not a leap year
        ("1900-02-29", "that day does not exist"),               // a century that is not a leap year
        ("2026-04-31", "that day does not exist"),               // April has 30 days
        ("2026-13-01", "must be a date written YYYY-MM-DD"),     // no month 13: the form is wrong
        ("2026-2-28", "must be a date written YYYY-MM-DD"),
    ] as [(String, String?)])
    func birthDate(day: String, message: String?) throws {
        let fixture = try String(contentsOf: Self.project.appendingPathComponent("Tests/Fixtures/records/IT-MO-iep.xml"), encoding: .utf8)
        let xml = fixture.replacingOccurrences(of: #"<birthDate>[^<]*</birthDate>"#, with: "<birthDate>\(day)</birthDate>", options: .regularExpression)
        do {
            try Self.validator.validate(data: Data(xml.utf8), file: "r.xml")
            #expect(message == nil)
        } catch {
            let problem = try #require(error.problems.first)
            #expect(problem.field == "iep/pupil/birthDate")
            #expect(problem.message.contains(message ?? "(valid)"))
            #expect(!problem.message.contains(day))
        }
    }
}
