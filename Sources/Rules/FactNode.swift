import Foundation
import XML

/// One element of the data rules look at (a record, a school's classes), with its parent.
///
/// Built once from an ``XMLElement`` or from rows of a table, then only read. Children are
/// held strongly and the parent weakly, so keep the root alive while evaluating.
public final class FactNode {
    /// Local name of the element.
    public let name: String
    /// Attributes by local name.
    public let attributes: [String: String]
    /// The element's own text, trimmed.
    public let text: String
    /// Line in the input the node came from (0 when it came from a table).
    public let line: Int
    /// Child elements in order.
    public let children: [FactNode]
    /// The enclosing element; `nil` for the root.
    public private(set) weak var parent: FactNode?

    public init(name: String, attributes: [String: String] = [:], text: String = "", line: Int = 0, children: [FactNode] = []) {
        self.name = name
        self.attributes = attributes
        self.text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        self.line = line
        self.children = children
        for child in children { child.parent = self }
    }

    /// The node tree of a parsed XML element (namespaces dropped: rules name elements by local name).
    public convenience init(_ element: XMLElement) {
        var attributes: [String: String] = [:]
        for (name, value) in element.attributes { attributes[name] = value }
        self.init(name: element.name, attributes: attributes, text: element.text, line: element.line,
                  children: element.children.map(FactNode.init))
    }

    /// The outermost node above this one (itself for the root).
    var root: FactNode { parent?.root ?? self }
}

@available(*, unavailable)
extension FactNode: Sendable {}
