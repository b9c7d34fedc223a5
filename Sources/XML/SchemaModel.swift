/// What the generator and the messages need to know of one kind's schema: the record
/// root, the order and shape of every element, and the documentation of types.
///
/// Read from our own XSD files by ``SchemaModelReader``, which accepts a documented
/// subset of XSD 1.0 (see `Schemas/README.md`); libxml2 remains the validator.
public struct SchemaModel: Sendable {
    /// The schema file, as given to the reader.
    public let file: String
    /// The namespace every record of this kind uses.
    public let targetNamespace: String
    /// The record's root element.
    public let root: ElementDeclaration
    let complexTypes: [String: ComplexTypeDefinition]
    let typeDocumentation: [String: String]

    /// The content of a complex element (children and attributes), if `element` has one.
    public func complexType(of element: ElementDeclaration) -> ComplexTypeDefinition? {
        if case let .complex(key) = element.content { return complexTypes[key] }
        return nil
    }

    /// A short explanation of the expected form of the field at `path`
    /// (`pupil/nationalId/itFiscalCode`, `…/@version`), from the schema's documentation.
    public func hint(at path: String) -> String? {
        var segments = path.split(separator: "/").map { String($0.prefix { $0 != "[" }) }
        guard segments.first == root.name else { return nil }
        segments.removeFirst()
        var element = root
        for (index, segment) in segments.enumerated() {
            guard let type = complexType(of: element) else { return nil }
            if segment.hasPrefix("@"), index == segments.count - 1 {
                let attribute = type.attributes.first { $0.name == segment.dropFirst() }
                return attribute.flatMap { $0.typeName }.flatMap { typeDocumentation[$0] }
            }
            guard let child = type.children.first(where: { $0.name == segment }) else { return nil }
            element = child
        }
        if case let .simple(typeName) = element.content, let typeName { return typeDocumentation[typeName] }
        return nil
    }
}

/// One element as the schema declares it.
public struct ElementDeclaration: Sendable {
    /// Local name.
    public let name: String
    /// Whether the element may appear more than once where it is declared.
    public let repeats: Bool
    /// What the element holds.
    public let content: ElementContent
}

/// What an element holds.
public enum ElementContent: Sendable {
    /// Text, of the named simple type (a key into the model's types; `nil` when inline
    /// without documentation).
    case simple(typeName: String?)
    /// Child elements and attributes (a key into the model's complex types).
    case complex(typeKey: String)
}

/// Children (in schema order, nested sequences and choices flattened) and attributes
/// of a complex type.
public struct ComplexTypeDefinition: Sendable {
    public let children: [ElementDeclaration]
    public let attributes: [AttributeDeclaration]
}

/// One attribute as the schema declares it.
public struct AttributeDeclaration: Sendable {
    public let name: String
    public let required: Bool
    /// Key of its simple type, for documentation look-ups.
    public let typeName: String?
}
