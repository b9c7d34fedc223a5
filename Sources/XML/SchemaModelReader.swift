import Foundation
import Support

/// Reads one of our XSD files (and what it includes) into a ``SchemaModel``.
///
/// Accepts the subset of XSD 1.0 our schemas keep to, and names anything else with
/// its line, so a schema edit that the generator could not follow fails loudly.
struct SchemaModelReader {
    private static let xsd = "http://www.w3.org/2001/XMLSchema"
    private var complexTypes: [String: ComplexTypeDefinition] = [:]
    private var namedComplex: [String: XMLElement] = [:]
    private var simpleDocs: [String: String] = [:]
    private var simpleNames: Set<String> = []
    private var problems: [Diagnostic] = []
    private var anonymousCount = 0

    /// Reads the schema at `url`.
    /// - Throws: ``XMLError/brokenSchema(file:problems:)`` naming each unsupported construct.
    static func read(_ url: URL) throws(XMLError) -> SchemaModel {
        var reader = SchemaModelReader()
        let file = url.lastPathComponent
        var schemas: [XMLElement] = []
        var pending = [url], seen: Set<URL> = []
        while let next = pending.popLast() {
            guard seen.insert(next.standardizedFileURL).inserted else { continue }
            let schema = try XMLTree(contentsOf: next, file: next.lastPathComponent).rootElement()
            schemas.append(schema)
            for include in schema.children(named: "include") {
                guard let location = include.attribute("schemaLocation") else { continue }
                pending.append(URL(fileURLWithPath: location, relativeTo: next.deletingLastPathComponent()))
            }
        }
        for schema in schemas { reader.collectNamedTypes(schema) }
        let main = schemas[0]
        let roots = main.children(named: "element")
        guard roots.count == 1, let target = main.attribute("targetNamespace") else {
            throw .brokenSchema(file: file, problems: [Diagnostic(
                line: main.line, field: "", message: "a kind schema needs a targetNamespace and exactly one global xs:element (the record root)")])
        }
        let root = reader.element(roots[0], inRepeat: false)
        guard reader.problems.isEmpty else { throw .brokenSchema(file: file, problems: reader.problems) }
        return SchemaModel(file: file, targetNamespace: target, root: root,
                           complexTypes: reader.complexTypes, typeDocumentation: reader.simpleDocs)
    }

    /// The target namespace of the schema at `url`, or `nil` (a chameleon include).
    static func targetNamespace(of url: URL) throws(XMLError) -> String? {
        try XMLTree(contentsOf: url, file: url.lastPathComponent).rootElement().attribute("targetNamespace")
    }

    private mutating func collectNamedTypes(_ schema: XMLElement) {
        for child in schema.children {
            guard child.namespace == Self.xsd else { continue }
            switch child.name {
            case "complexType":
                if let name = child.attribute("name") { namedComplex[name] = child }
            case "simpleType":
                if let name = child.attribute("name") {
                    simpleNames.insert(name)
                    if let doc = Self.documentation(of: child) { simpleDocs[name] = doc }
                }
            case "include", "annotation", "element", "attribute": break
            default: unsupported(child)
            }
        }
    }

    private mutating func element(_ node: XMLElement, inRepeat: Bool) -> ElementDeclaration {
        let name = node.attribute("name") ?? ""
        if name.isEmpty { problems.append(Diagnostic(line: node.line, field: "", message: "xs:element without a name (ref= is not supported)")) }
        let repeats = inRepeat || Self.repeats(node)
        if let type = node.attribute("type") {
            let local = Self.localName(type)
            if type.hasPrefix("xs:") || simpleNames.contains(local) {
                return ElementDeclaration(name: name, repeats: repeats, content: .simple(typeName: type.hasPrefix("xs:") ? type : local))
            }
            guard let definition = namedComplex[local] else {
                problems.append(Diagnostic(line: node.line, field: "", message: "type \(type) is not defined"))
                return ElementDeclaration(name: name, repeats: repeats, content: .simple(typeName: nil))
            }
            if complexTypes[local] == nil {
                complexTypes[local] = ComplexTypeDefinition(children: [], attributes: [])   // guards recursion
                complexTypes[local] = complexType(definition)
            }
            return ElementDeclaration(name: name, repeats: repeats, content: .complex(typeKey: local))
        }
        for child in node.children where child.namespace == Self.xsd {
            switch child.name {
            case "complexType":
                anonymousCount += 1
                let key = "#\(name)-\(anonymousCount)"
                complexTypes[key] = complexType(child)
                return ElementDeclaration(name: name, repeats: repeats, content: .complex(typeKey: key))
            case "simpleType":
                let key = "#\(name)"
                if let doc = Self.documentation(of: child) ?? Self.documentation(of: node) { simpleDocs[key] = doc }
                return ElementDeclaration(name: name, repeats: repeats, content: .simple(typeName: key))
            case "annotation": continue
            default: unsupported(child)
            }
        }
        return ElementDeclaration(name: name, repeats: repeats, content: .simple(typeName: "xs:string"))
    }

    private mutating func complexType(_ node: XMLElement) -> ComplexTypeDefinition {
        var children: [ElementDeclaration] = []
        var attributes: [AttributeDeclaration] = []
        for child in node.children where child.namespace == Self.xsd {
            switch child.name {
            case "sequence", "choice": children += particles(child, inRepeat: false)
            case "attribute": attributes.append(attribute(child))
            case "annotation": continue
            default: unsupported(child)
            }
        }
        if node.attribute("mixed") == "true" { unsupported(node, what: "mixed content") }
        return ComplexTypeDefinition(children: children, attributes: attributes)
    }

    private mutating func particles(_ group: XMLElement, inRepeat: Bool) -> [ElementDeclaration] {
        let repeating = inRepeat || Self.repeats(group)
        var result: [ElementDeclaration] = []
        for child in group.children where child.namespace == Self.xsd {
            switch child.name {
            case "element": result.append(element(child, inRepeat: repeating))
            case "sequence", "choice": result += particles(child, inRepeat: repeating)
            case "annotation": continue
            default: unsupported(child)
            }
        }
        return result
    }

    private mutating func attribute(_ node: XMLElement) -> AttributeDeclaration {
        let name = node.attribute("name") ?? ""
        var typeName = node.attribute("type").map { $0.hasPrefix("xs:") ? $0 : Self.localName($0) }
        if typeName == nil, let inline = node.children(named: "simpleType").first {
            typeName = "#@\(name)"
            if let doc = Self.documentation(of: inline) ?? Self.documentation(of: node) { simpleDocs["#@\(name)"] = doc }
        }
        return AttributeDeclaration(name: name, required: node.attribute("use") == "required", typeName: typeName)
    }

    private mutating func unsupported(_ node: XMLElement, what: String? = nil) {
        problems.append(Diagnostic(line: node.line, field: "",
            message: "\(what ?? "xs:" + node.name) is outside the XSD subset the generator reads (see Schemas/README.md)"))
    }

    private static func repeats(_ node: XMLElement) -> Bool {
        guard let max = node.attribute("maxOccurs") else { return false }
        return max == "unbounded" || (Int(max) ?? 1) > 1
    }

    private static func localName(_ qualified: String) -> String {
        qualified.split(separator: ":").last.map(String.init) ?? qualified
    }

    /// The first sentence of a node's xs:annotation/xs:documentation, whitespace collapsed.
    private static func documentation(of node: XMLElement) -> String? {
        guard let text = node.children(named: "annotation").first?.children(named: "documentation").first?.text else { return nil }
        let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let sentence = collapsed.firstRange(of: ". ").map { String(collapsed[..<$0.lowerBound]) + "." } ?? collapsed
        return sentence.isEmpty ? nil : sentence
    }
}
