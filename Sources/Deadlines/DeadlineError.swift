import Jurisdictions
import Records
import Support
import XML

/// Why the deadlines could not be read.
public enum DeadlineError: CategorizedError {
    /// The rules folder (`Rules/`) holds no `<jurisdiction>/deadlines.xml`.
    case noRules(folder: String)
    /// A rules folder holds deadlines of a jurisdiction that no manifest declares.
    case undeclared(JurisdictionError)
    /// A rule file is not well-formed or breaks `Schemas/rules/deadlines.xsd`.
    case record(RecordError)
    /// A rule file is valid against its schema but says something the evaluator cannot apply.
    case inconsistent(file: String, line: Int, rule: String, reason: String)

    /// Deadline files are part of the installation: a missing, unreadable, invalid or
    /// inconsistent one is a configuration failure, whatever the record layer says.
    public var category: FailureCategory { .configuration }

    public var diagnostics: [Diagnostic] {
        switch self {
        case .noRules, .undeclared: []
        case let .record(error): error.diagnostics
        case let .inconsistent(file, line, rule, reason): [Diagnostic(file: file, line: line, field: "rule \(rule)", message: reason)]
        }
    }

    public var description: String {
        switch self {
        case let .noRules(folder):
            "\(folder) holds no deadlines (looked for <jurisdiction>/deadlines.xml); give the rules folder with --rules DIR."
        case let .record(error):
            error.description
        case let .undeclared(error):
            error.description
        case let .inconsistent(file, line, rule, reason):
            "\(file) line \(line), rule \(rule): \(reason); correct the rule file."
        }
    }
}
