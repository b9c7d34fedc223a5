import Foundation
import Generation
import Rules
import Transfer
import XML

extension InclusioHome {
    /// What `generate` and `validate` require beyond the schema: each declared jurisdiction's
    /// `record` rules (`--rules`, or the home's `Rules/`) and its birth-date bounds (the entry
    /// ages and years of its `transfer.xml`), judged on today in the jurisdiction's time zone.
    static func recordRules(_ arguments: ParsedArguments) throws(CLIError) -> RecordRules {
        let library = try ruleLibrary(arguments)
        let transferSchemas = try schemaCatalog("transfer", arguments)
        var books: [String: RuleBook] = [:]
        var dates: [String: RecordDates] = [:]
        for code in library.jurisdictions.codes {
            do { books[code] = try library.book(for: code) } catch { throw .failed(error) }
            // A jurisdiction without transfer rules has no age bounds; a broken file stops the run.
            let levels: TransferRules?
            do { levels = try TransferRules.load(jurisdiction: code, folder: library.directory, schemas: transferSchemas) } catch {
                guard case .noRules = error else { throw .failed(error) }
                levels = nil
            }
            dates[code] = RecordDates(
                today: today(in: library.jurisdictions.jurisdictions[code]?.timeZone ?? .current),
                levels: (levels?.levels ?? [:]).mapValues { RecordDates.LevelAge(entryAge: $0.entryAge, years: $0.years) },
                source: levels?.file ?? "Rules/\(code)/transfer.xml")
        }
        return RecordRules(books: books, dates: dates)
    }

    /// The generator's record check, from ``recordRules(_:)``.
    static func recordCheck(_ arguments: ParsedArguments) throws(CLIError) -> RecordGenerator.RecordCheck {
        let rules = try recordRules(arguments)
        return { tree in rules.problems(in: tree) }
    }

    /// `YYYY-MM-DD` of now in `zone`.
    private static func today(in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let now = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", now.year ?? 1970, now.month ?? 1, now.day ?? 1)
    }
}
