import Archive
import Audit
import AuditLog
import Cryptography
import Deadlines
import Dossier
import Generation
import Intake
import Jurisdictions
import Printing
import Rendering
import Rules
import Support
import Transfer

/// Everything a command can fail with, mapped to an exit status and a message.
///
/// A module's error says its own ``FailureCategory`` and the places it concerns
/// (``CategorizedError``); the exit status, the JSON `kind` and the JSON problems follow
/// from them alone, so a new error case in a module needs no change here.
enum CLIError: Error {
    case usage(String, command: CommandSpec?)
    /// A module's error, reported in its own words.
    case failed(any CategorizedError)
    case invalidRecords(count: Int, problems: [Diagnostic])
    case missingSchemas(searched: [String])
    case missingForms(searched: [String])
    case missingRules(searched: [String])
    /// Some of several inputs (or checks) failed; each failure was already reported on its own.
    case someFailed(String, code: ExitCode)
    /// The failure the archive service answered for a command run with `--server`, as it said it.
    case remote(JSONError, code: ExitCode)

    var exitCode: ExitCode {
        switch self {
        case .usage: .usage
        case let .failed(error): Self.exitCode(error.category)
        case .invalidRecords: .dataError
        case .missingSchemas, .missingForms, .missingRules: .config
        case let .someFailed(_, code), let .remote(_, code): code
        }
    }

    /// The sysexits status of a category.
    static func exitCode(_ category: FailureCategory) -> ExitCode {
        switch category {
        case .usage: .usage
        case .input: .noInput
        case .data: .dataError
        case .configuration: .config
        case .permission: .noPermission
        case .output: .cantCreate
        case .internal: .software
        }
    }

    /// Every problem the error lists, for `--json` output.
    var problems: [Diagnostic] {
        switch self {
        case let .failed(error): error.diagnostics
        case let .invalidRecords(_, problems): problems
        case let .remote(error, _): error.problems
        default: []
        }
    }

    /// The JSON `kind` of the error.
    var kind: String {
        switch self {
        case .usage: FailureCategory.usage.rawValue
        case let .failed(error): error.category.rawValue
        case .invalidRecords: FailureCategory.data.rawValue
        case .missingSchemas, .missingForms, .missingRules: FailureCategory.configuration.rawValue
        case let .remote(error, _): error.kind
        case let .someFailed(_, code):
            switch code {
            case .usage: "usage"
            case .noInput: "input"
            case .cantCreate: "output"
            case .config: "configuration"
            case .noPermission: "permission"
            case .software: "internal"
            default: "data"
            }
        }
    }

    var message: String {
        switch self {
        case let .usage(message, command):
            "Error: \(message)" + (command.map { "\nUsage: \($0.usage)\n  See 'inclusio \($0.path) --help' for more information." } ?? "")
        case let .failed(error): "Error: \(error)"
        case let .invalidRecords(count, _): "Error: \(count) record\(count == 1 ? " is" : "s are") not valid; each problem is listed with its file and line."
        case let .missingRules(searched):
            "Error: no Rules/ folder found (looked in: \(searched.joined(separator: ", "))). Run inclusio from the project folder, set INCLUSIO_HOME, or pass --rules DIR."
        case let .someFailed(message, _): "Error: \(message)"
        case let .remote(error, _): error.message
        case let .missingForms(searched):
            "Error: no Forms/ folder found (looked in: \(searched.joined(separator: ", "))). Run inclusio from the project folder, set INCLUSIO_HOME, or pass --forms DIR."
        case let .missingSchemas(searched):
            "Error: no Schemas/ folder found (looked in: \(searched.joined(separator: ", "))). Run inclusio from the project folder, set INCLUSIO_HOME, or pass --schemas DIR."
        }
    }
}
