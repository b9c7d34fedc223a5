/// A parsed XML element as plain Swift values, detached from libxml2.
///
/// Used where a caller walks a document (case files, our own schemas); records that
/// are only validated stay inside libxml2.
public struct XMLElement: Sendable {
    /// Local name, without prefix.
    public var name: String
    /// Namespace URI, or `nil` when the element has none.
    public var namespace: String?
    /// Attributes in document order, by local name.
    public var attributes: [(name: String, value: String)]
    /// Child elements in document order.
    public var children: [XMLElement]
    /// The element's own text (text and CDATA children joined), untrimmed.
    public var text: String
    /// Line of the start tag in its file (1-based).
    public var line: Int
    /// Text and child elements interleaved in document order, for mixed content
    /// (`<p>a <b>b</b> c</p>`); `text` and `children` are its two halves.
    public var content: [XMLContent] = []

    public init(name: String, namespace: String? = nil, attributes: [(name: String, value: String)] = [],
                children: [XMLElement] = [], text: String = "", line: Int = 0) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.text = text
        self.line = line
    }

    /// The value of the attribute `name`, if present.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// Child elements called `name`.
    public func children(named name: String) -> [XMLElement] {
        children.filter { $0.name == name }
    }
}

/// One piece of an element's mixed content, in document order.
public enum XMLContent: Sendable {
    /// A run of text (a text or CDATA node).
    case text(String)
    /// A child element.
    case element(XMLElement)
}
