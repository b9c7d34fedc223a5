import Records
import Support
import XML

/// Why a file cannot be taken: it cannot be read, is none of the kinds Inclusio reads, or is
/// not a kind this command takes. Messages name the file and what it is, never its content.
public enum IntakeError: CategorizedError, Sendable {
    /// The file is missing, not a regular file, or cannot be read.
    case unreadable(file: String)
    /// The file is larger than any input may be.
    case tooLarge(file: String, bytes: Int, limit: Int)
    /// XML whose root cannot be read (not well-formed, a DTD, too deep): the reader's problems.
    case malformedXML(RecordError)
    /// The file is not a case file, record, dossier or attachment; `reason` says what was seen.
    case unrecognised(file: String, reason: String)
    /// The file is a kind that `command` does not take.
    case notAccepted(file: String, kind: InputKind, command: String, accepted: [InputCategory])

    /// A file that cannot be read is missing input; one that is too large, malformed, of no
    /// known kind or of a kind the command does not take is wrong data.
    public var category: FailureCategory {
        switch self {
        case .unreadable: .input
        case .tooLarge, .malformedXML, .unrecognised, .notAccepted: .data
        }
    }

    public var diagnostics: [Diagnostic] {
        if case let .malformedXML(error) = self { return error.diagnostics }
        return []
    }

    public var description: String {
        switch self {
        case let .unreadable(file):
            "\(file): cannot be read; check the path and the file's permissions."
        case let .tooLarge(file, bytes, limit):
            "\(file): is \(bytes >> 20) MiB, more than the \(limit >> 20) MiB an input may be."
        case let .malformedXML(error):
            error.description
        case let .unrecognised(file, reason):
            "\(file): is not a case file (JSON, CSV, XML), a record, a dossier or a PDF, PNG, JPEG or TIFF attachment: it is \(reason)."
        case let .notAccepted(file, kind, command, accepted):
            "\(file): is \(kind); \(command) takes \(Self.list(accepted)). " + Self.advice(kind)
        }
    }

    private static func list(_ categories: [InputCategory]) -> String {
        let names = categories.map(\.rawValue)
        return names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names.last!
    }

    /// What to do with a file of `kind` instead.
    private static func advice(_ kind: InputKind) -> String {
        switch kind {
        case .caseFile: "Generate its records first (inclusio generate), then use those."
        case .record: "It is generated already: validate, render, check or ingest it."
        case .dossier: "Open it first (inclusio dossier open), or file it with inclusio archive ingest --ca ROOT."
        case .attachment: "File it in the pupil's file with inclusio archive ingest --pupil ID."
        }
    }
}
