import Jurisdictions
import Records

/// Why rules could not be applied.
public enum RuleError: Error, CustomStringConvertible {
    /// The rules folder has no rule file for the jurisdiction.
    case noRules(jurisdiction: String, file: String)
    /// No manifest declares the jurisdiction whose rules were asked for.
    case undeclared(JurisdictionError)
    /// The rule file breaks the rules schema or the rule language.
    case brokenRules(file: String, problems: [RecordProblem])
    /// The rule file has no rules for this check.
    case noCheck(check: String, jurisdiction: String, file: String)
    /// The input could not be read.
    case unreadable(file: String)
    /// The input is not data the check can read; every problem with its place.
    case invalidData(file: String, problems: [DataProblem])
    /// The input holds no record the check reads.
    case nothingToCheck(file: String, kinds: [String])

    public var description: String {
        switch self {
        case let .noRules(jurisdiction, file):
            "there are no rules for \(jurisdiction) (looked for \(file)); add the file or pass --rules DIR."
        case let .undeclared(error): error.description
        case let .brokenRules(file, problems):
            "\(file): the rule file cannot be used; fix it (nothing was checked):\n"
                + problems.map { "  line \($0.line): \($0.path.isEmpty ? "" : $0.path + ": ")\($0.message)" }.joined(separator: "\n")
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

/// One problem of check input: where (line, or row and column), which field, what is wrong.
public struct DataProblem: Sendable, Equatable, CustomStringConvertible {
    public let place: String
    public let field: String
    public let message: String

    public init(place: String, field: String, message: String) {
        self.place = place
        self.field = field
        self.message = message
    }

    public var description: String {
        [place, field].filter { !$0.isEmpty }.joined(separator: ": ") + (place.isEmpty && field.isEmpty ? "" : ": ") + message
    }
}
