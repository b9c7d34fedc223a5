import Foundation
import Support
import XML

/// Reads an XML case file: the JSON case format written as elements.
///
/// `<case xmlns="urn:inclusio:case:1" jurisdiction="IT-MO">` holds the shared fields
/// as child elements and one `<document kind="…" id="…" version="…">` per document.
/// Element and attribute names are the field names; a repeated element is a list.
/// Parsed with the same hardening as records (no DTD, no network, size and depth limits).
enum XMLCaseReader {
    static let namespace = CaseFormat.xmlNamespace

    static func read(_ data: Data, file: String) throws(GenerationError) -> CaseValue {
        let root: XMLElement
        do {
            root = try XMLTree(data: data, file: file).rootElement()
        } catch {
            throw .rejected(problems: problems(from: error, file: file))
        }
        guard root.name == "case", root.namespace == namespace else {
            throw .rejected(problems: [Diagnostic(file: file, line: root.line, field: root.name,
                message: "an XML case file starts with <case xmlns=\"\(namespace)\">")])
        }
        var problems: [Diagnostic] = []
        let value = convert(root, path: "", file: file, problems: &problems)
        guard problems.isEmpty, case var .fields(fields) = value else { throw .rejected(problems: problems) }
        // `<document>` elements are the case's documents, as the JSON key `documents`.
        if let at = fields.entries.firstIndex(where: { $0.key == "document" }) {
            let documents = fields.entries.remove(at: at).value
            let items: [CaseValue] = if case let .list(items, _) = documents { items } else { [documents] }
            fields.entries.append(("documents", .list(items, documents.location)))
        }
        return .fields(fields)
    }

    /// Problems of an XML file that could not be parsed, one per line named.
    static func problems(from error: XMLError, file: String) -> [Diagnostic] {
        let listed = error.problems.map { Diagnostic(file: file, line: $0.line, field: $0.field, message: $0.message) }
        return listed.isEmpty ? [Diagnostic(file: file, message: error.reason)] : listed
    }

    private static func convert(_ element: XMLElement, path: String, file: String, problems: inout [Diagnostic]) -> CaseValue {
        let location = SourceLocation(file: file, line: element.line, field: path)
        if element.children.isEmpty && element.attributes.isEmpty { return .text(element.text, location) }
        if !element.children.isEmpty, !element.text.allSatisfy(\.isWhitespace) {
            problems.append(Diagnostic(location, "has text beside its fields; put the text in a field of its own"))
        }
        var fields = CaseFields(entries: element.attributes.map { attribute in
            (attribute.name, CaseValue.text(attribute.value, location.with(field: ElementPath.attribute(attribute.name, of: path))))
        }, location: location)
        var names: [String] = []
        for child in element.children where !names.contains(child.name) { names.append(child.name) }
        for name in names {
            let group = element.children(named: name)
            let values = group.enumerated().map { index, child in
                convert(child, path: ElementPath.join(path, ElementPath.segment(name, index: index + 1, of: group.count)), file: file, problems: &problems)
            }
            if fields[name] != nil {
                problems.append(Diagnostic(location, "\(name) is given both as an attribute and as an element; keep one"))
            }
            fields.entries.append((name, values.count == 1 ? values[0] : .list(values, values[0].location)))
        }
        return .fields(fields)
    }
}
