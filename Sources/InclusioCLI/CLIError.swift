import Generation
import Records

/// Everything a command can fail with, mapped to an exit status and a message.
enum CLIError: Error {
    case usage(String, command: CommandSpec?)
    case generation(GenerationError)
    case record(RecordError)
    case invalidRecords(count: Int)
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
        case let .invalidRecords(count): "Error: \(count) record\(count == 1 ? " is" : "s are") not valid; see above."
        case let .missingSchemas(searched):
            "Error: no Schemas/ folder found (looked in: \(searched.joined(separator: ", "))). Run inclusio from the project folder, set INCLUSIO_HOME, or pass --schemas DIR."
        }
    }
}
