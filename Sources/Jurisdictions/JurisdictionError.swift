import Records
import XML
import Support

/// Why the jurisdictions could not be read, or a jurisdiction is not declared.
public enum JurisdictionError: CategorizedError, Equatable {
    /// The folder holds no `<code>/jurisdiction.xml` at all.
    case noManifests(folder: String)
    /// A manifest is not well-formed or breaks `Schemas/jurisdictions/jurisdiction.xsd` (every problem with its line).
    case invalid(RecordError)
    /// A manifest is valid XML but says something that cannot hold (a folder of another code, an unknown time zone).
    case inconsistent(file: String, line: Int, reason: String)
    /// No manifest declares `code`.
    case undeclared(code: String, expected: String)

    public var category: FailureCategory { .configuration }

    public var description: String {
        switch self {
        case let .noManifests(folder):
            "\(folder) declares no jurisdiction (no <code>/jurisdiction.xml); see docs/adding-a-jurisdiction.md."
        case let .invalid(error):
            "A jurisdiction manifest cannot be used: \(error)"
        case let .inconsistent(file, line, reason):
            "\(file) line \(line): \(reason); correct the manifest."
        case let .undeclared(code, expected):
            "The jurisdiction \(code) is not declared (looked for \(expected)); add its manifest as docs/adding-a-jurisdiction.md says."
        }
    }
}
