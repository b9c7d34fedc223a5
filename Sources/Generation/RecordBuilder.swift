import Foundation
import Support
import XML

/// Writes one document's case fields as an XML record, in the order and shape its
/// schema declares, remembering which case field produced each element and attribute.
///
/// It checks only what it must to place values (unknown fields, a list where one value
/// goes, fields where text goes); everything else is left to schema validation, whose
/// messages the ``sources`` map traces back to case fields.
struct RecordBuilder {
    /// Field names the generator itself reads; never written into a record.
    static let generatorKeys: Set<String> = ["kind"]

    let model: SchemaModel
    private(set) var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    /// ``ElementPath`` of every element and attribute written → where its value came from.
    private(set) var sources: [String: SourceLocation] = [:]
    private(set) var problems: [Diagnostic] = []

    init(model: SchemaModel) {
        self.model = model
    }

    /// Builds the record of `document`.
    mutating func build(_ document: CaseDocument) {
        let root = model.root
        guard let type = model.complexType(of: root) else { return }
        sources[root.name] = document.location
        // Shared case fields a kind does not use belong to other documents of the case.
        let inherited = Set(document.fields.entries.map(\.key)).subtracting(document.ownKeys)
        write(element: root, type: type, fields: document.fields, path: root.name, depth: 0,
              namespace: model.targetNamespace, unchecked: inherited.union(Self.generatorKeys))
        xml += "\n"
    }

    private mutating func write(element: ElementDeclaration, type: ComplexTypeDefinition, fields: CaseFields,
                                path: String, depth: Int, namespace: String? = nil, unchecked: Set<String> = []) {
        let indent = String(repeating: "  ", count: depth)
        xml += indent + "<" + element.name
        if let namespace { xml += " xmlns=\"\(XMLText.escaped(namespace, attribute: true))\"" }
        for attribute in type.attributes {
            guard let value = fields[attribute.name] else { continue }
            guard case let .text(text, location) = value else {
                problems.append(Diagnostic(value.location, "must be a single value"))
                continue
            }
            sources[ElementPath.attribute(attribute.name, of: path)] = location
            xml += " \(attribute.name)=\"\(escape(text, at: location, attribute: true))\""
        }
        let known = Set(type.attributes.map(\.name) + type.children.map(\.name))
        for (key, value) in fields.entries where !known.contains(key) && !unchecked.contains(key) {
            problems.append(unknownField(key, at: value.location, known: known))
        }
        let present = type.children.filter { fields[$0.name] != nil }
        guard !present.isEmpty else { xml += "/>"; return }
        xml += ">"
        for child in present {
            let value = fields[child.name]!
            var items = [value]
            if case let .list(values, location) = value {
                guard child.repeats || values.count <= 1 else {
                    problems.append(Diagnostic(location, "only one value is allowed here, not a list"))
                    continue
                }
                items = values
            }
            for (index, item) in items.enumerated() {
                let childPath = ElementPath.join(path, ElementPath.segment(child.name, index: index + 1, of: items.count))
                sources[childPath] = item.location
                xml += "\n"
                write(child: child, value: item, path: childPath, depth: depth + 1)
            }
        }
        xml += "\n" + indent + "</" + element.name + ">"
    }

    private mutating func write(child: ElementDeclaration, value: CaseValue, path: String, depth: Int) {
        let indent = String(repeating: "  ", count: depth)
        switch (model.complexType(of: child), value) {
        case let (type?, .fields(fields)):
            write(element: child, type: type, fields: fields, path: path, depth: depth)
        case let (type?, _):
            let names = type.children.map(\.name).prefix(6).joined(separator: ", ")
            problems.append(Diagnostic(value.location, "must be a group of fields (\(names)…), not a single value"))
        case let (nil, .text(text, location)):
            xml += indent + "<\(child.name)>\(escape(text, at: location, attribute: false))</\(child.name)>"
        case (nil, _):
            problems.append(Diagnostic(value.location, "must be a single value, not a group of fields or a list"))
        }
    }

    /// Escapes text for XML, reporting characters XML 1.0 cannot hold.
    private mutating func escape(_ text: String, at location: SourceLocation, attribute: Bool) -> String {
        let trimmed = text.trimmed
        // Most values need nothing: one pass over the bytes decides.
        guard trimmed.utf8.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0xEF }) else {
            return trimmed
        }
        if trimmed.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" || $0.value == 0xFFFE || $0.value == 0xFFFF }) {
            problems.append(Diagnostic(location, "contains a control character that records cannot hold; remove it"))
        }
        return XMLText.escaped(trimmed, attribute: attribute)
    }

    private func unknownField(_ key: String, at location: SourceLocation, known: Set<String>) -> Diagnostic {
        // "referenceNo" for "referenceNumber": most of the key starts the field's name.
        let abbreviated = known.sorted().first { name in
            let shared = zip(key.lowercased(), name.lowercased()).prefix { $0 == $1 }.count
            return shared >= 4 && shared >= key.count - 2
        }
        let suggestion = abbreviated ?? EditDistance.nearest(to: key, among: known, limit: max(2, key.count / 4))
        let hint = suggestion.map { "did you mean \"\($0)\"?" }
            ?? "fields here: " + known.sorted().joined(separator: ", ")
        return Diagnostic(location, "is not a field of this \(model.root.name) record; \(hint)")
    }
}
