import Foundation
import Records
import Support
import XML

/// `inclusio validate`: check records against the schema their namespace names.
enum ValidateCommand {
    static let spec = CommandSpec(
        path: "validate",
        abstract: "Check XML records against their schemas and list every problem with its line.",
        usage: "inclusio validate <record-or-folder>... [--schemas <dir>] [--json]",
        options: [CommandSpec.schemas, CommandSpec.json],
        discussion: "The schema is found from the record's namespace. Exit status 0 only when every record is valid.")

    private struct Outcome: Encodable {
        let file: String
        let kind: String?
        let valid: Bool
        let message: String?
        let problems: [JSONProblem]
    }

    static func run(_ arguments: ParsedArguments, console: Console) throws(CLIError) {
        guard !arguments.operands.isEmpty else { throw .usage("Give at least one record file or folder.", command: spec) }
        let catalog = try InclusioHome.schemaCatalog(arguments)
        let files = InputFiles.expand(arguments.operands, extensions: ["xml"])
        guard !files.isEmpty else { throw .failed(XMLError.unreadable(file: arguments.operands.joined(separator: " "))) }
        let validator = RecordValidator(catalog: catalog)
        let outcomes = ConcurrentSlots<Outcome>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let (url, file) = files[index]
            do throws(RecordError) {
                let kind = try validator.validate(contentsOf: url, file: file)
                outcomes[index] = Outcome(file: file, kind: kind, valid: true, message: nil, problems: [])
            } catch {
                let listed = error.diagnostics.map(JSONProblem.init)
                outcomes[index] = Outcome(file: file, kind: nil, valid: false, message: error.description,
                                          problems: listed.isEmpty ? [JSONProblem(file: file, place: "", field: "", message: error.reason)] : listed)
            }
        }
        let results = outcomes.values
        let invalid = results.filter { !$0.valid }
        if console.json {
            // One JSON document: the listing when all are valid, else the error with every problem.
            if invalid.isEmpty { console.emit(["records": results]) }
        } else {
            // One write for the listing: ten thousand small writes were a visible cost.
            var listing = results.map { ($0.valid ? "valid    " : "INVALID  ") + $0.file + ($0.kind.map { " (\($0))" } ?? "") }
            listing.append("\(results.count - invalid.count) valid, \(invalid.count) invalid.")
            console.out(listing.joined(separator: "\n"))
            let messages = invalid.compactMap(\.message)
            if !messages.isEmpty { console.err(messages.joined(separator: "\n")) }
        }
        if !invalid.isEmpty { throw .invalidRecords(count: invalid.count, problems: invalid.flatMap(\.problems)) }
    }
}
