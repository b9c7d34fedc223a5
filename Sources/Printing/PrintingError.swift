import Jurisdictions
import Records
import Rendering
import Support
import XML

/// Why a record could not be printed. Messages name the record file, the form and its
/// line, never the record's content.
public enum PrintingError: CategorizedError {
    /// The record cannot be read or breaks its schema (it is validated before printing).
    case record(RecordError)
    /// The record has no `jurisdiction` attribute, so no form can be chosen.
    case noJurisdiction(file: String)
    /// No manifest declares the record's jurisdiction, so its language and fonts are unknown.
    case undeclared(record: String, JurisdictionError)
    /// There is no form for this jurisdiction and kind.
    case noForm(file: String, jurisdiction: String, kind: String, expected: String)
    /// The form cannot be compiled, or stopped while filling in the record.
    case form(record: String, StylesheetError)
    /// The form produced FO the renderer does not support (the error names the form and line).
    case outsideSubset(record: String, RenderingError)
    /// The PDF could not be produced or written.
    case rendering(RenderingError)

    /// A record fails as it fails; forms and what they produce are the installation's
    /// (configuration); a record without a jurisdiction is wrong data; rendering fails as
    /// the renderer says.
    public var category: FailureCategory {
        switch self {
        case let .record(error): error.category
        case .noJurisdiction: .data
        case let .undeclared(_, error): error.category
        case .noForm, .form, .outsideSubset: .configuration
        case let .rendering(error): error.category
        }
    }

    public var diagnostics: [Diagnostic] {
        switch self {
        case let .record(error): error.diagnostics
        case let .form(_, error): error.diagnostics
        case .noJurisdiction, .undeclared, .noForm, .outsideSubset, .rendering: []
        }
    }

    public var description: String {
        switch self {
        case let .record(error): error.description
        case let .noJurisdiction(file):
            "\(file): the record has no jurisdiction attribute, so no form can be chosen; regenerate it or pass --form FILE."
        case let .undeclared(record, error): "\(record): \(error.description)"
        case let .noForm(file, jurisdiction, kind, expected):
            "\(file): there is no form for \(kind) records of \(jurisdiction) (looked for \(expected)); add that form or pass --form FILE."
        case let .form(record, error): "\(record): \(error.description)"
        case let .outsideSubset(record, error): "\(record): \(error.description)"
        case let .rendering(error): error.description
        }
    }
}
