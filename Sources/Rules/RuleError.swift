import Jurisdictions
import Support
import XML

/// Why rules could not be applied.
public enum RuleError: CategorizedError {
    /// The rules folder has no rule file for the jurisdiction.
    case noRules(jurisdiction: String, file: String)
    /// No manifest declares the jurisdiction whose rules were asked for.
    case undeclared(JurisdictionError)
    /// The rule file breaks the rules schema or the rule language.
    case brokenRules(file: String, problems: [Diagnostic])
    /// The rule file has no rules for this check.
    case noCheck(check: String, jurisdiction: String, file: String)
    /// The input could not be read.
    case unreadable(file: String)
    /// The input is not data the check can read; every problem with its place (line, or
    /// CSV row and column), its `file` left empty.
    case invalidData(file: String, problems: [Diagnostic])
    /// The input holds no record the check reads.
    case nothingToCheck(file: String, kinds: [String])

    /// Rule files are part of the installation (configuration); the input checked is read
    /// (input) and judged (data).
    public var category: FailureCategory {
        switch self {
        case .noRules, .brokenRules, .noCheck: .configuration
        case let .undeclared(error): error.category
        case .unreadable: .input
        case .invalidData, .nothingToCheck: .data
        }
    }

    public var diagnostics: [Diagnostic] {
        switch self {
        case let .brokenRules(file, problems), let .invalidData(file, problems): problems.map { $0.inFile(file) }
        case .noRules, .undeclared, .noCheck, .unreadable, .nothingToCheck: []
        }
    }

    public var description: String {
        switch self {
        case let .noRules(jurisdiction, file):
            "there are no rules for \(jurisdiction) (looked for \(file)); add the file or pass --rules DIR."
        case let .undeclared(error): error.description
        case let .brokenRules(file, problems):
            "\(file): the rule file cannot be used; fix it (nothing was checked):\n"
                + problems.map { "  line \($0.line): \($0.field.isEmpty ? "" : $0.field + ": ")\($0.message)" }.joined(separator: "\n")
        case let .noCheck(check, jurisdiction, file):
            "\(file) has no \(check) rules for \(jurisdiction); add a <check name=\"\(check)\"> to it."
        case let .unreadable(file):
            "\(file): cannot be read; check the path and the file's permissions."
        case let .invalidData(file, problems):
            "\(file): \(problems.count) problem\(problems.count == 1 ? "" : "s"); correct them and check again (nothing was checked):\n"
                + problems.map { "  \($0)" }.joined(separator: "\n")
        case let .nothingToCheck(file, kinds):
            "\(file): holds no \(kinds.joined(separator: " or ")) record, which is what this check reads."
        }
    }
}
