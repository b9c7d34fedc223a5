import Jurisdictions
import Records

/// Why the deadlines could not be read.
public enum DeadlineError: Error, CustomStringConvertible {
    /// The rules folder (`Rules/`) holds no `<jurisdiction>/deadlines.xml`.
    case noRules(folder: String)
    /// A rules folder holds deadlines of a jurisdiction that no manifest declares.
    case undeclared(JurisdictionError)
    /// A rule file is not well-formed or breaks `Schemas/rules/deadlines.xsd`.
    case record(RecordError)
    /// A rule file is valid against its schema but says something the evaluator cannot apply.
    case inconsistent(file: String, line: Int, rule: String, reason: String)

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
