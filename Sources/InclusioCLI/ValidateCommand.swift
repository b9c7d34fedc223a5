import Foundation
import Records
import Rules
import Support
import XML

/// `inclusio validate`: check records against the schema their namespace names.
enum ValidateCommand {
    static let command = Command(spec: spec, run: run)

    static let spec = CommandSpec(
        path: "validate",
        abstract: "Check XML records against their schemas and list every problem with its line.",
        operands: .some("record-or-folder"),
        options: [HomeOptions.schemas, HomeOptions.rules],
        discussion: """
        The schema is found from the record's namespace. A record that fits its schema is then held to the binding rules \
        of Rules/<jurisdiction>/rules.xml (<check name="record">: fields that go together, as the source texts require) \
        and to dates that can be (no birth in the future or after the document, an age that fits the school level). \
        Exit status 0 only when every record is valid.
        """)

    private struct Outcome: Encodable {
        let file: String
        let kind: String?
        let valid: Bool
        let message: String?
        let problems: [Diagnostic]
    }

    static func run(_ arguments: ParsedArguments) throws(CLIError) -> CommandResult {
        guard !arguments.operands.isEmpty else { throw arguments.usage("Give at least one record file or folder.") }
        let catalog = try InclusioHome.schemaCatalog(arguments)
        let files = InputFiles.expand(arguments.operands, extensions: ["xml"])
        guard !files.isEmpty else { throw .failed(XMLError.unreadable(file: arguments.operands.joined(separator: " "))) }
        let validator = RecordValidator(catalog: catalog)
        let rules = try InclusioHome.recordRules(arguments)
        let outcomes = ConcurrentSlots<Outcome>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let (url, file) = files[index]
            do throws(RecordError) {
                let tree = try RecordError.parsing { () throws(XMLError) in try XMLTree(contentsOf: url, file: file, limits: validator.limits) }
                let kind = try validator.validate(tree)
                let broken = rules.problems(in: tree)
                guard broken.isEmpty else { throw RecordError.breaksRules(file: file, problems: broken) }
                outcomes[index] = Outcome(file: file, kind: kind, valid: true, message: nil, problems: [])
            } catch {
                let listed = error.diagnostics
                outcomes[index] = Outcome(file: file, kind: nil, valid: false, message: error.description,
                                          problems: listed.isEmpty ? [Diagnostic(file: file, message: error.reason)] : listed)
            }
        }
        let results = outcomes.values
        let invalid = results.filter { !$0.valid }
        var result = CommandResult(["records": results]) {
            (results.map { ($0.valid ? "valid    " : "INVALID  ") + $0.file + ($0.kind.map { " (\($0))" } ?? "") }
                + ["\(results.count - invalid.count) valid, \(invalid.count) invalid."]).joined(separator: "\n")
        }
        result.failures = invalid.map { InputFailure(input: $0.file, message: $0.message ?? "", problems: $0.problems) }
        if !invalid.isEmpty { result.error = .invalidRecords(count: invalid.count, problems: invalid.flatMap(\.problems)) }
        return result
    }
}
