import Support
import XML

/// Why a record could not be used: it cannot be read as XML, it is of no kind we know, or
/// it breaks its kind's schema.
public enum RecordError: CategorizedError, Equatable {
    /// The file cannot be read or parsed (missing, too large, a DTD, not well-formed, too
    /// deep), or the schema it needs cannot be compiled.
    case xml(XMLError)
    /// No schema in the catalog declares the record's namespace.
    case unknownKind(file: String, namespace: String)
    /// The record breaks its schema.
    case invalid(file: String, problems: [Diagnostic])
    /// The record fits its schema but breaks rules the schema cannot say: fields that must go
    /// together (`Rules/<jurisdiction>/rules.xml`, check `record`), dates that cannot be.
    case breaksRules(file: String, problems: [Diagnostic])

    /// The problems listed by this error (empty for errors about the whole file); their
    /// `file` is empty, as the error names it (see ``diagnostics``).
    public var problems: [Diagnostic] {
        switch self {
        case let .xml(error): error.problems
        case let .invalid(_, problems), let .breaksRules(_, problems): problems
        case .unknownKind: []
        }
    }

    /// The file the error is about.
    public var file: String {
        switch self {
        case let .xml(error): error.file
        case let .unknownKind(file, _), let .invalid(file, _), let .breaksRules(file, _): file
        }
    }

    /// A record of an unknown kind or breaking its schema is wrong data; reading it
    /// fails as the XML layer says.
    public var category: FailureCategory {
        switch self {
        case let .xml(error): error.category
        case .unknownKind, .invalid, .breaksRules: .data
        }
    }

    public var diagnostics: [Diagnostic] {
        switch self {
        case let .xml(error): error.diagnostics
        case let .invalid(file, problems), let .breaksRules(file, problems): problems.map { $0.inFile(file) }
        case .unknownKind: []
        }
    }

    /// What is wrong and what to do, without the file's name.
    public var reason: String {
        switch self {
        case let .xml(error):
            error.reason
        case let .unknownKind(_, namespace):
            "has namespace \(namespace.isEmpty ? "(none)" : namespace), which no schema in Schemas/ declares; is it an Inclusio record?"
        case let .invalid(_, problems):
            "breaks its schema in \(problems.count) place\(problems.count == 1 ? "" : "s"); correct them and validate again:\n"
                + XMLError.list(problems)
        case let .breaksRules(_, problems):
            "fits its schema, but \(problems.count) field\(problems.count == 1 ? " breaks a rule" : "s break rules") the schema cannot express; correct \(problems.count == 1 ? "it" : "them") and validate again:\n"
                + XMLError.list(problems)
        }
    }

    public var description: String { "\(file): \(reason)" }
}

extension RecordError {
    /// Runs `body`, a step of the XML layer (reading or parsing a record), its failure
    /// becoming ``xml(_:)``; lets parsing and validating share one `do` block.
    public static func parsing<T>(_ body: () throws(XMLError) -> T) throws(RecordError) -> T {
        do { return try body() } catch { throw .xml(error) }
    }
}
