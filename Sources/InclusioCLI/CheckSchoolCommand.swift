import Foundation
import Rules

/// `inclusio check school`: apply the class and school rules to one school's classes.
enum CheckSchoolCommand {
    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "check school",
        abstract: "Check a school's classes against the class and school rules (class cap, resource room, funds).",
        operands: .one("classes.csv|classes.xml"),
        options: [HomeOptions.rules, HomeOptions.schemas],
        discussion: """
        XML follows Schemas/rules/school-classes.xsd. CSV has one row per pupil with a disability, a class \
        without such pupils as a row with the pupil columns empty, and the columns \
        \(SchoolClasses.columns.joined(separator: ",")) (school columns repeat on every row). Pupils are \
        named by a reference, never by name. Exit status 0 when checked, 65 for data that is not valid \
        (every problem with its line, or row and column), 78 for a broken rule file.
        """)

    private struct Checked: Encodable {
        let file: String
        let school: String
        let jurisdiction: String
        let rules: String
        let findings: [Finding]
    }

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        guard arguments.operands.count == 1, let path = arguments.operands.first else {
            throw arguments.usage("Give one file of a school's classes (.csv or .xml).")
        }
        let library = try InclusioHome.ruleLibrary(arguments)
        let school: FactNode
        do { school = try SchoolClasses.read(URL(fileURLWithPath: path), file: path, schemas: library.schemas) } catch { throw .failed(error) }
        let jurisdiction = school.attributes["jurisdiction"] ?? ""
        let book = try RuleBooks(library).book(for: jurisdiction)
        let findings: [Finding]
        do { findings = try book.findings(check: "school", on: school) } catch { throw .failed(error) }
        let name = [school.attributes["code"], school.attributes["name"]].compactMap { $0 }.joined(separator: " ")
        return CommandResult(["check": Checked(file: path, school: name, jurisdiction: jurisdiction, rules: book.file, findings: findings)]) {
            let classes = school.children.filter { $0.name == "class" }
            let pupils = classes.flatMap { $0.children.filter { $0.name == "pupil" } }
            var lines = ["\(name) — \(jurisdiction), \(classes.count) class\(classes.count == 1 ? "" : "es"), \(pupils.count) pupil\(pupils.count == 1 ? "" : "s") with disabilities (\(path); rules \(book.file))"]
            lines += FindingTable.lines(findings)
            lines.append("  " + FindingTable.summary(findings) + ". Advice for the people who decide, not a decision.")
            return lines.joined(separator: "\n")
        }
    }
}
