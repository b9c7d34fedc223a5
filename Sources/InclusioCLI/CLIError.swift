import Generation
import Records

/// Everything a command can fail with, mapped to an exit status and a message.
enum CLIError: Error {
    case usage(String, command: CommandSpec?)
    case generation(GenerationError)
    case record(RecordError)
    case invalidRecords(count: Int, problems: [JSONProblem])
    case missingSchemas(searched: [String])

    var exitCode: ExitCode {
        switch self {
        case .usage: .usage
        case let .generation(error):
            switch error {
            case .unreadable, .unsupportedFormat: .noInput
            case .rejected: .dataError
            case .cannotWrite: .cantCreate
            }
        case let .record(error):
            switch error {
            case .unreadable: .noInput
            case .brokenSchema: .config
            default: .dataError
            }
        case .invalidRecords: .dataError
        case .missingSchemas: .config
        }
    }

    /// Every problem the error lists, for `--json` output.
    var problems: [JSONProblem] {
        switch self {
        case let .generation(.rejected(problems)):
            problems.map { JSONProblem(file: $0.location.file, place: $0.location.place, field: $0.location.field, message: $0.message) }
        case let .invalidRecords(_, problems): problems
        default: []
        }
    }

    /// The JSON `kind` of the error.
    var kind: String {
        switch exitCode {
        case .usage: "usage"
        case .noInput: "input"
        case .cantCreate: "output"
        case .config: "configuration"
        default: "data"
        }
    }

    var message: String {
        switch self {
        case let .usage(message, command):
            "Error: \(message)" + (command.map { "\nUsage: \($0.usage)\n  See 'inclusio \($0.path) --help' for more information." } ?? "")
        case let .generation(error): "Error: \(error)"
        case let .record(error): "Error: \(error)"
        case let .invalidRecords(count, _): "Error: \(count) record\(count == 1 ? " is" : "s are") not valid; each problem is listed with its file and line."
        case let .missingSchemas(searched):
            "Error: no Schemas/ folder found (looked in: \(searched.joined(separator: ", "))). Run inclusio from the project folder, set INCLUSIO_HOME, or pass --schemas DIR."
        }
    }
}
