import AuditLog
import Archive
import Audit
import Cryptography
import Deadlines
import Dossier
import Generation
import Intake
import Jurisdictions
import Printing
import Records
import Rendering
import Rules
import Transfer

/// Everything a command can fail with, mapped to an exit status and a message.
enum CLIError: Error {
    case usage(String, command: CommandSpec?)
    case generation(GenerationError)
    case intake(IntakeError)
    case record(RecordError)
    case invalidRecords(count: Int, problems: [JSONProblem])
    case missingSchemas(searched: [String])
    case missingForms(searched: [String])
    case printing(PrintingError)
    case cryptography(CryptographyError)
    case dossier(DossierError)
    case keys(DemoPKIError)
    case archive(ArchiveError)
    case audit(AuditReportError)
    case rendering(RenderingError)
    case rules(RuleError)
    case missingRules(searched: [String])
    case transfer(TransferError)
    case deadlines(DeadlineError)
    case jurisdictions(JurisdictionError)
    /// Some of several inputs (or checks) failed; each failure was already reported on its own.
    case someFailed(String, code: ExitCode)

    var exitCode: ExitCode {
        switch self {
        case .usage: .usage
        case let .generation(error):
            switch error {
            case .rejected: .dataError
            case .cannotWrite: .cantCreate
            }
        case let .intake(error):
            switch error {
            case .unreadable: .noInput
            case .tooLarge, .malformedXML, .unrecognised, .notAccepted: .dataError
            }
        case let .record(error):
            switch error {
            case .unreadable: .noInput
            case .brokenSchema: .config
            default: .dataError
            }
        case .invalidRecords: .dataError
        case .missingSchemas, .missingForms, .missingRules: .config
        case let .rules(error):
            switch error {
            case .noRules, .brokenRules, .noCheck, .undeclared: .config
            case .unreadable: .noInput
            case .invalidData, .nothingToCheck: .dataError
            }
        case let .printing(error):
            switch error {
            case let .record(error): CLIError.record(error).exitCode
            case .noJurisdiction: .dataError
            case .noForm, .undeclared, .form, .outsideSubset: .config
            case .rendering(.outputNotWritable): .cantCreate
            case .rendering: .software
            }
        case let .cryptography(error): Self.exitCode(error)
        case let .dossier(error):
            switch error {
            case .unreadableInput, .unreadable: .noInput
            case .cannotWrite: .cantCreate
            case .noRecipient: .usage
            case let .cryptography(error): Self.exitCode(error)
            default: .dataError
            }
        case let .keys(error):
            switch error {
            case .exists, .cannotWrite: .cantCreate
            case let .cryptography(error): Self.exitCode(error)
            }
        case let .archive(error): Self.exitCode(error)
        case .rendering: .software
        case .deadlines, .jurisdictions: .config
        case let .audit(error):
            switch error {
            case .noLabels, .badLabels: .config
            case .badDate: .usage
            }
        case let .transfer(error): Self.exitCode(error)
        case let .someFailed(_, code): code
        }
    }

    static func exitCode(_ error: TransferError) -> ExitCode {
        switch error {
        case .noRules, .invalidRules: .config
        case .otherBatch: .usage
        case .unknownLevel, .incomplete, .nothingToSend, .otherJurisdiction, .badJournal, .unsigned, .invalidDocument,
             .unknownRegister, .wrongReceiver: .dataError
        case let .archive(error): exitCode(error)
        case let .dossier(error): CLIError.dossier(error).exitCode
        case let .cryptography(error): exitCode(error)
        case let .printing(error): CLIError.printing(error).exitCode
        case .cannotWrite: .cantCreate
        }
    }

    private static func exitCode(_ error: ArchiveError) -> ExitCode {
        switch error {
        case .notAnArchive, .unknownPupil, .unknownDocument, .unknownVersion, .cannotRead: .noInput
        case .alreadyExists, .incomplete, .cannotWrite: .cantCreate
        case .invalidPolicy, .policyAltered: .config
        case .unknownOperator, .purposeMissing, .wrongCredentialKind, .pupilNeeded, .dossierNeedsKeys, .ambiguousDocument: .usage
        case .notEnrolled, .wrongCredential, .notPermitted: .noPermission
        case let .record(error): CLIError.record(error).exitCode
        case let .dossier(error): CLIError.dossier(error).exitCode
        case let .cryptography(error): exitCode(error)
        case let .database(error): error.isCorruption ? .dataError : .software
        case .damaged, .onHold, .retained, .shredded, .noPupil, .notARecord, .notATransfer: .dataError
        case let .accessLog(error): exitCode(error)
        }
    }

    static func exitCode(_ error: AuditLogError) -> ExitCode {
        switch error {
        case .cannotWrite: .cantCreate
        case .unreadable: .noInput
        case .notACheckpoint: .dataError
        case .signing: .software
        }
    }

    private static func exitCode(_ error: CryptographyError) -> ExitCode {
        switch error {
        case .unreadable: .noInput
        case .notAddressedToKey, .wrongEnvelopePassphrase, .noPassphraseRecipient, .wrongPassphrase, .passphraseNeeded: .noPermission
        case .library: .software
        default: .dataError
        }
    }

    /// Every problem the error lists, for `--json` output.
    var problems: [JSONProblem] {
        switch self {
        case let .generation(.rejected(problems)):
            problems.map { JSONProblem(file: $0.location.file, place: $0.location.place, field: $0.location.field, message: $0.message) }
        case let .invalidRecords(_, problems): problems
        case let .rules(.invalidData(file, problems)):
            problems.map { JSONProblem(file: file, place: $0.place, field: $0.field, message: $0.message) }
        case let .rules(.brokenRules(file, problems)):
            problems.map { JSONProblem(file: file, place: $0.line > 0 ? "line \($0.line)" : "", field: $0.path, message: $0.message) }
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
        case .noPermission: "permission"
        case .software: "internal"
        default: "data"
        }
    }

    var message: String {
        switch self {
        case let .usage(message, command):
            "Error: \(message)" + (command.map { "\nUsage: \($0.usage)\n  See 'inclusio \($0.path) --help' for more information." } ?? "")
        case let .generation(error): "Error: \(error)"
        case let .intake(error): "Error: \(error)"
        case let .record(error): "Error: \(error)"
        case let .invalidRecords(count, _): "Error: \(count) record\(count == 1 ? " is" : "s are") not valid; each problem is listed with its file and line."
        case let .cryptography(error): "Error: \(error)"
        case let .dossier(error): "Error: \(error)"
        case let .keys(error): "Error: \(error)"
        case let .archive(error): "Error: \(error)"
        case let .audit(error): "Error: \(error)"
        case let .rendering(error): "Error: \(error)"
        case let .rules(error): "Error: \(error)"
        case let .missingRules(searched):
            "Error: no Rules/ folder found (looked in: \(searched.joined(separator: ", "))). Run inclusio from the project folder, set INCLUSIO_HOME, or pass --rules DIR."
        case let .transfer(error): "Error: \(error)"
        case let .deadlines(error): "Error: \(error)"
        case let .jurisdictions(error): "Error: \(error)"
        case let .someFailed(message, _): "Error: \(message)"
        case let .printing(error): "Error: \(error)"
        case let .missingForms(searched):
            "Error: no Forms/ folder found (looked in: \(searched.joined(separator: ", "))). Run inclusio from the project folder, set INCLUSIO_HOME, or pass --forms DIR."
        case let .missingSchemas(searched):
            "Error: no Schemas/ folder found (looked in: \(searched.joined(separator: ", "))). Run inclusio from the project folder, set INCLUSIO_HOME, or pass --schemas DIR."
        }
    }
}
