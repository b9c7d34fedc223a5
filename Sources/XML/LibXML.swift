internal import CLibXML2
import Support

/// Process-wide libxml2 set-up, done once before any parse.
enum LibXML {
    /// `xmlInitParser` must run once before threads use the library
    /// ("call it once before processing in case of use in multithreaded programs").
    private static let initialized: Void = { xmlInitParser() }()

    static func ensureInitialized() { _ = initialized }

    /// Reads a libxml2 string, `nil` staying `nil`.
    static func string(_ chars: UnsafePointer<xmlChar>?) -> String? {
        chars.map { String(cString: $0) }
    }

    /// The ``ElementPath`` of a node inside a live document (element or attribute).
    static func path(of node: xmlNodePtr?) -> String {
        guard let node else { return "" }
        if node.pointee.type == XML_ATTRIBUTE_NODE {
            let name = string(node.pointee.name) ?? ""
            return ElementPath.attribute(name, of: path(of: node.pointee.parent))
        }
        var segments: [String] = []
        var current: xmlNodePtr? = node
        while let element = current, element.pointee.type == XML_ELEMENT_NODE {
            let name = string(element.pointee.name) ?? ""
            var index = 1, count = 0
            var sibling = element.pointee.parent?.pointee.children
            while let other = sibling {
                if other.pointee.type == XML_ELEMENT_NODE, string(other.pointee.name) == name {
                    count += 1
                    if other == element { index = count }
                }
                sibling = other.pointee.next
            }
            segments.append(ElementPath.segment(name, index: index, of: count))
            current = element.pointee.parent
        }
        return segments.reversed().joined(separator: "/")
    }
}

/// Collects libxml2's structured errors as ``Diagnostic``s.
///
/// Handed to libxml2 as a `void *` through `Unmanaged`; the C handlers below capture
/// nothing. Used by one parse or validation at a time, on one thread.
final class LibXMLErrorCollector {
    private(set) var problems: [Diagnostic] = []
    /// Set when the parser met a `<!DOCTYPE`; the parse is stopped at that point.
    var sawDocumentType = false
    /// Rewrites libxml2's wording for clerks (schema-aware for validation).
    let wording: ProblemWording

    init(wording: ProblemWording = ProblemWording()) {
        self.wording = wording
    }

    func add(_ error: UnsafePointer<xmlError>) {
        let raw = error.pointee
        guard raw.level != XML_ERR_WARNING else { return }
        let message = LibXML.string(UnsafeRawPointer(raw.message)?.assumingMemoryBound(to: xmlChar.self)) ?? "unknown error"
        let node = raw.node?.assumingMemoryBound(to: xmlNode.self)
        let path = raw.domain == Int32(XML_FROM_SCHEMASV.rawValue) ? LibXML.path(of: node) : ""
        let line = node.map { Int(xmlGetLineNo($0)) } ?? Int(raw.line)
        if let problem = wording.problem(message: message, line: line, path: path, after: problems.last),
           problem != problems.last {
            problems.append(problem)
        }
    }

    /// The structured-error handler: `context` is an unretained collector.
    static let handler: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        Unmanaged<LibXMLErrorCollector>.fromOpaque(context).takeUnretainedValue().add(error)
    }
}
