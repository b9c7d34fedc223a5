import Foundation
import Rendering
import XML

/// Points a renderer error about the form's output back at the line of the form that wrote it.
///
/// The renderer reports lines of the FO it was given; a clerk or form author needs the
/// line of the stylesheet. The offending FO element (and property) is looked up among the
/// form's literal result elements (``XSLTStylesheet/locate(namespace:element:attribute:)``);
/// when it cannot be found, the error keeps the output's line and says so in its source.
enum FormLines {
    static let foNamespace = "http://www.w3.org/1999/XSL/Format"

    static func relocate(_ error: RenderingError, to form: XSLTStylesheet, naming name: (URL) -> String) -> RenderingError {
        func place(_ element: String?, _ attribute: String?) -> (source: String, line: Int)? {
            let local = element.map { $0.hasPrefix("fo:") ? String($0.dropFirst(3)) : $0 }
            return form.locate(namespace: foNamespace, element: local, attribute: attribute).map {
                ($0.file == form.file ? $0.file : name(URL(fileURLWithPath: $0.file)), $0.line)
            }
        }
        switch error {
        case let .unsupportedElement(_, line, element):
            let at = place(element, nil)
            return .unsupportedElement(source: at?.source ?? output(form), line: at?.line ?? line, element: element)
        case let .misplacedElement(_, line, element, parent):
            let at = place(element, nil)
            return .misplacedElement(source: at?.source ?? output(form), line: at?.line ?? line, element: element, parent: parent)
        case let .unsupportedProperty(_, line, element, property):
            let at = place(element, property)
            return .unsupportedProperty(source: at?.source ?? output(form), line: at?.line ?? line, element: element, property: property)
        case let .badValue(_, line, property, value, expected):
            let at = place(nil, property)
            return .badValue(source: at?.source ?? output(form), line: at?.line ?? line, property: property, value: value, expected: expected)
        case let .missingProperty(_, line, element, property):
            let at = place(element, nil)
            return .missingProperty(source: at?.source ?? output(form), line: at?.line ?? line, element: element, property: property)
        case let .badReference(_, line, property, value, problem):
            let at = place(nil, property)
            return .badReference(source: at?.source ?? output(form), line: at?.line ?? line, property: property, value: value, problem: problem)
        case let .unusableImage(_, line, path, problem):
            let at = place("external-graphic", "src")
            return .unusableImage(source: at?.source ?? output(form), line: at?.line ?? line, path: path, problem: problem)
        case let .malformed(_, line, reason):
            return .malformed(source: output(form), line: line, reason: reason)
        case .nothingToRender, .pdfFailed, .outputNotWritable:
            return error
        }
    }

    /// The source name for a line that could only be found in the output.
    private static func output(_ form: XSLTStylesheet) -> String { "the output of \(form.file), at" }
}
