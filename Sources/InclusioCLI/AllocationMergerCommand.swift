import Foundation
import Rules

/// `inclusio allocation merger`: the JP extra teachers after a school merger, year by year.
enum AllocationMergerCommand {
    static let before = Option(["--before"], value: "n[,n…]", repeatable: true, help: "Teachers (教頭及び教諭等) computed for each school before the merger; repeat or separate with commas.")
    static let after = Option(["--after"], value: "n", type: .integer(0...Int.max), help: "Teachers computed for the merged school.")
    static let level = Option(["--level"], value: "level", help: "primary (小学校) or junior-high (中学校).")
    static let jurisdiction = Option(["--jurisdiction"], value: "code", help: "Whose rules to apply (default: the one jurisdiction whose rules have a merger allocation).")

    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "allocation merger",
        abstract: "Compute the extra teachers after schools merge (JP 市町村合併加配, seed 004 II.3), year by year.",
        options: [level, before, after, jurisdiction, HomeOptions.rules, HomeOptions.schemas],
        required: [.option(level), .option(before), .option(after)],
        discussion: """
        First year = the teachers computed for the schools before the merger − those computed for the merged \
        school; then reduced each year by 1/5 over 5 years (primary) or 1/2 over 2 years (junior high). The \
        periods and the rounding of fractions are in Rules/<jurisdiction>/rules.xml (mergerAllocation).
        """)

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        guard arguments.operands.isEmpty else { throw arguments.usage("allocation merger takes options only.") }
        guard let levelName = arguments.value(level) else { throw arguments.usage("Give --level primary or --level junior-high.") }
        let counts = arguments.all(before).flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        let schools = counts.compactMap { Int($0) }.filter { $0 >= 0 }
        guard schools.count == counts.count, schools.count >= 2 else {
            throw arguments.usage("Give --before with the teachers of each school before the merger (two or more whole numbers, e.g. --before 12,10).")
        }
        guard let merged = arguments.integer(after) else {
            throw arguments.usage("Give --after with the teachers computed for the merged school (a whole number).")
        }
        let library = try InclusioHome.ruleLibrary(arguments)
        let books = RuleBooks(library)
        let code = if let given = arguments.value(jurisdiction) { given } else { try mergerJurisdiction(library, books) }
        let book = try books.book(for: code)
        guard let rule = book.mergerAllocation else { throw .failed(RuleError.noCheck(check: "mergerAllocation", jurisdiction: code, file: book.file)) }
        guard let phase = rule.phases.first(where: { $0.level == levelName }),
              let schedule = rule.schedule(before: schools, after: merged, level: levelName) else {
            throw arguments.usage("\(book.file) has no merger allocation for level '\(levelName)' (it has: \(rule.phases.map(\.level).joined(separator: ", "))).")
        }
        let output = Output(schedule: schedule, cite: rule.cite, criterion: rule.criterion, phase: phase.text,
                            roundingCite: rule.roundingCite, rounding: rule.roundingText, advice: rule.advice, rules: book.file)
        return CommandResult(["allocation": output]) {
            var lines = ["Merger allocation (\(levelName), \(phase.years) year\(phase.years == 1 ? "" : "s")) — \(rule.cite); rules \(book.file)",
                         "  before the merger: \(schools.map(String.init).joined(separator: " + ")) = \(schedule.beforeTotal); merged school: \(merged)"]
            if schedule.years.isEmpty {
                lines.append("  first year: \(schedule.beforeTotal) − \(merged) = \(schedule.firstYear): the criterion gives no extra teachers.")
            } else {
                lines.append("  first year: \(schedule.beforeTotal) − \(merged) = \(schedule.firstYear); then \(schedule.reductionPerYear) fewer each year; fractions rounded \(rule.rounding.rawValue) (\(rule.roundingCite))")
                lines.append("  YEAR  EXACT  TEACHERS")
                for year in schedule.years {
                    lines.append("  " + FindingTable.pad(String(year.year), 4) + "  " + FindingTable.pad(year.exact, 5) + "  " + String(year.teachers))
                }
            }
            lines += ["  criterion: \(rule.criterion)", "             \(phase.text) (\(phase.cite))", "  rounding:  \(rule.roundingText)", "  advice:    \(rule.advice)"]
            return lines.joined(separator: "\n")
        }
    }

    private struct Output: Encodable {
        let schedule: MergerSchedule
        let cite: String
        let criterion: String
        let phase: String
        let roundingCite: String
        let rounding: String
        let advice: String
        let rules: String
    }

    /// The one declared jurisdiction whose rule file has a merger allocation: the default of `--jurisdiction`.
    private static func mergerJurisdiction(_ library: RuleLibrary, _ books: RuleBooks) throws(CLIError) -> String {
        var found: [String] = []
        for code in library.jurisdictions.codes {
            guard let file = library.file(for: code), FileManager.default.fileExists(atPath: file.path) else { continue }
            if try books.book(for: code).mergerAllocation != nil { found.append(code) }
        }
        guard found.count == 1 else {
            throw .usage("Give --jurisdiction: \(found.isEmpty ? "no jurisdiction's rules have" : found.joined(separator: ", ") + " have") a merger allocation.", command: spec)
        }
        return found[0]
    }
}
