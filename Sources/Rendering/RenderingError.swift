import Support

/// Why an XSL-FO document could not be read or rendered to PDF.
///
/// Messages name the document (its `source`, usually the form's path), the line and the
/// element or property, and say what to do; they never quote document text, which may be
/// personal data. Property values are styling and are quoted.
public enum RenderingError: CategorizedError, Equatable {
    /// The document is not well-formed XML, too large, too deep or declares a DTD.
    case malformed(source: String, line: Int, reason: String)
    /// An element outside the subset of `Forms/FO-SUBSET.md`.
    case unsupportedElement(source: String, line: Int, element: String)
    /// A supported element in a place the subset does not allow.
    case misplacedElement(source: String, line: Int, element: String, parent: String)
    /// A property (attribute) the subset does not allow on this element.
    case unsupportedProperty(source: String, line: Int, element: String, property: String)
    /// A property whose value cannot be used; `expected` says what is accepted.
    case badValue(source: String, line: Int, property: String, value: String, expected: String)
    /// A required property is absent.
    case missingProperty(source: String, line: Int, element: String, property: String)
    /// `master-reference`, `ref-id` or `id` that names nothing, or an `id` used twice.
    case badReference(source: String, line: Int, property: String, value: String, problem: String)
    /// An `fo:external-graphic` whose file is missing or not a PNG image.
    case unusableImage(source: String, line: Int, path: String, problem: String)
    /// `render` was given no documents.
    case nothingToRender
    /// Cairo could not produce the PDF (its status text).
    case pdfFailed(reason: String)
    /// The PDF could not be written to `path`.
    case outputNotWritable(path: String, reason: String)

    /// A PDF that cannot be written is an output failure; anything else is the renderer's
    /// own. (FO outside the subset comes from a form: the printing stage wraps it as
    /// `PrintingError.outsideSubset`, a configuration failure.)
    public var category: FailureCategory {
        switch self {
        case .outputNotWritable: .output
        case .malformed, .unsupportedElement, .misplacedElement, .unsupportedProperty, .badValue, .missingProperty,
             .badReference, .unusableImage, .nothingToRender, .pdfFailed: .internal
        }
    }

    public var description: String {
        switch self {
        case let .malformed(source, line, reason):
            "\(source) line \(line): the form's output is not usable XML (\(reason)); correct the form."
        case let .unsupportedElement(source, line, element):
            "\(source) line \(line): \(element) is not supported by the renderer (see Forms/FO-SUBSET.md); rewrite the form without it."
        case let .misplacedElement(source, line, element, parent):
            "\(source) line \(line): \(element) cannot stand inside \(parent) (see Forms/FO-SUBSET.md); move it."
        case let .unsupportedProperty(source, line, element, property):
            "\(source) line \(line): property \(property) on \(element) is not supported by the renderer (see Forms/FO-SUBSET.md); remove it."
        case let .badValue(source, line, property, value, expected):
            "\(source) line \(line): \(property)=\"\(value)\" cannot be used; expected \(expected)."
        case let .missingProperty(source, line, element, property):
            "\(source) line \(line): \(element) needs the property \(property); add it."
        case let .badReference(source, line, property, value, problem):
            "\(source) line \(line): \(property)=\"\(value)\" \(problem)."
        case let .unusableImage(source, line, path, problem):
            "\(source) line \(line): the image \(path) \(problem); put a PNG file there or correct src."
        case .nothingToRender:
            "there is no document to render; give at least one."
        case let .pdfFailed(reason):
            "the PDF could not be produced (\(reason)); try again, and report it if it persists."
        case let .outputNotWritable(path, reason):
            "\(path) cannot be written (\(reason)); check the folder, its permissions and free space."
        }
    }
}
