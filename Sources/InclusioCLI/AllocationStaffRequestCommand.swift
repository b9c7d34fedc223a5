import Foundation
import Rules
import Support
import XML

/// `inclusio allocation staff-request`: the staff request card of a school, from its pupils' records.
enum AllocationStaffRequestCommand {
    static let school = Option(["--school"], value: "code", help: "The school (its code, or its name when records have no code); default: every school found.")
    static let year = Option(["--year"], value: "yyyy/yyyy", help: "The school year the staff is requested for, shown on the card.")

    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "allocation staff-request",
        abstract: "Gather a school's staff request card (IT Griglia per la richiesta di personale) from its pupils' records.",
        operands: .some("records-or-cases"),
        options: [school, year, HomeOptions.rules, HomeOptions.schemas],
        discussion: """
        Groups the records by pupil and school, keeps each pupil's latest record of every kind the \
        jurisdiction's staff-request check reads (Rules/<jurisdiction>/rules.xml), and shows per pupil what \
        the card needs (IT-MO: class, ICD-10 codes, severe condition, support teachers in the PEI, the \
        assistant hours proposed in the Foglio Informazioni, seed 003 Art.11 B.2, Art.12 C.1) with the \
        school's totals. The hours to request are the school head's decision with the GLH d'istituto.
        """)

    private struct Card: Encodable {
        let school: String
        let name: String
        let jurisdiction: String
        let pupils: Int
        let rules: String
        let findings: [Finding]
    }

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        guard !arguments.operands.isEmpty else { throw arguments.usage("Give the records (or case files, or folders) of the school's pupils.") }
        let catalog = try InclusioHome.schemaCatalog(arguments)
        let books = RuleBooks(try InclusioHome.ruleLibrary(arguments))
        var byJurisdiction: [String: [RuleInputs.CheckedRecord]] = [:]
        for (_, record) in try RuleInputs.records(arguments.operands, command: "allocation staff-request", catalog: catalog) {
            byJurisdiction[record.attributes["jurisdiction"] ?? "", default: []].append(record)
        }
        var cards: [Card] = []
        for (jurisdiction, records) in byJurisdiction.sorted(by: { $0.key < $1.key }) {
            let book: RuleBook
            do { book = try books.book(for: jurisdiction) } catch {
                guard case let .failed(failure) = error, case .noRules? = failure as? RuleError else { throw error }
                continue
            }
            guard let kinds = book.recordKinds(forCheck: "staff-request") else { continue }
            let read = records.filter { kinds.contains($0.kind) }.map(\.node)
            for (code, node) in SchoolPupils.schools(read, year: arguments.value(year)).sorted(by: { $0.key < $1.key }) {
                guard arguments.value(school).map({ $0 == code || $0 == node.attributes["name"] }) ?? true else { continue }
                do {
                    cards.append(Card(school: code, name: node.attributes["name"] ?? "", jurisdiction: jurisdiction, pupils: node.children.count,
                                      rules: book.file, findings: try book.findings(check: "staff-request", on: node)))
                } catch { throw .failed(error) }
            }
        }
        guard !cards.isEmpty else {
            let which = arguments.value(school).map { " of school \($0)" } ?? ""
            throw .failed(RuleError.nothingToCheck(file: arguments.operands.joined(separator: " ") + which, kinds: ["information-sheet", "certificate", "iep"]))
        }
        return CommandResult(["cards": cards]) {
            var lines: [String] = []
            for card in cards {
                lines.append("\(card.school) \(card.name) — \(card.jurisdiction), \(card.pupils) pupil\(card.pupils == 1 ? "" : "s")"
                    + (arguments.value(year).map { ", \($0)" } ?? "") + " (rules \(card.rules))")
                lines += FindingTable.lines(card.findings)
                lines.append("  " + FindingTable.summary(card.findings) + ". Gathered from the records for the school head, who decides the request.")
                lines.append("")
            }
            return lines.dropLast().joined(separator: "\n")
        }
    }
}
