import Foundation
import Generation
import Rules
import Support
import XML

/// `inclusio check placement`: apply the placement rules of a record's jurisdiction to a case or record.
enum CheckPlacementCommand {
    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "check placement",
        abstract: "Show what the placement rules of the jurisdiction say about a case: advice for the person who decides.",
        operands: .some("case-or-record"),
        options: [HomeOptions.rules, HomeOptions.schemas],
        discussion: """
        Reads case files (JSON, CSV, XML, as generate does) or generated records, and applies \
        Rules/<jurisdiction>/rules.xml to each placement record: JP the criteria table of seed 002 §3, \
        CN eligibility for 随班就读 and the re-assessment interval (seed 000 §1-4). Every finding cites its \
        source paragraph. Exit status 0 when checked (findings are advice, not errors), 65 for input \
        that is not valid, 78 for a broken rule file.
        """)

    private struct Checked: Encodable {
        let source: String
        let record: String
        let kind: String
        let jurisdiction: String
        let rules: String
        let findings: [Finding]
    }

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        guard !arguments.operands.isEmpty else { throw arguments.usage("Give at least one case file, record or folder.") }
        let catalog = try InclusioHome.schemaCatalog(arguments)
        let books = RuleBooks(try InclusioHome.ruleLibrary(arguments))
        var checked: [Checked] = []
        var withoutRules: [String: CLIError] = [:]
        for (source, root) in try RuleInputs.records(arguments.operands, command: "check placement", catalog: catalog) {
            let jurisdiction = root.attributes["jurisdiction"] ?? ""
            let book: RuleBook
            do { book = try books.book(for: jurisdiction) } catch {
                // A jurisdiction without a rule file has nothing to check; a broken file stops the run.
                guard case let .failed(failure) = error, case .noRules? = failure as? RuleError else { throw error }
                withoutRules[jurisdiction] = error
                continue
            }
            guard book.recordKinds(forCheck: "placement")?.contains(root.kind) == true else { continue }
            do {
                checked.append(Checked(source: source, record: root.node.attributes["id"] ?? "", kind: root.kind,
                                       jurisdiction: jurisdiction, rules: book.file,
                                       findings: try book.findings(check: "placement", on: root.node)))
            } catch { throw .failed(error) }
        }
        guard !checked.isEmpty else {
            if let missing = withoutRules.values.first { throw missing }
            throw .failed(RuleError.nothingToCheck(file: arguments.operands.joined(separator: " "), kinds: ["placement", "certificate"]))
        }
        return CommandResult(["checks": checked]) {
            var lines: [String] = []
            for check in checked {
                lines.append("\(check.record) — \(check.kind), \(check.jurisdiction) (\(check.source); rules \(check.rules))")
                lines += FindingTable.lines(check.findings)
                lines.append("  " + FindingTable.summary(check.findings) + ". Advice for the person who decides, not a decision.")
                lines.append("")
            }
            for jurisdiction in withoutRules.keys.sorted() { lines.append("No rules for \(jurisdiction): its records were not checked.") }
            return (lines.last == "" ? lines.dropLast() : lines[...]).joined(separator: "\n")
        }
    }
}
