internal import CLibXML2
import Foundation
import Support

/// A parsed XML document that owns its libxml2 `xmlDoc`.
///
/// Every parse is hardened: no network (`XML_PARSE_NONET`), no DTD at all (a
/// `<!DOCTYPE` stops the parser before any entity is declared, so external entities
/// and entity bombs never run), no entity substitution, and the size and depth limits
/// of ``XMLInputLimits``. Not thread-safe; use one tree per task.
public final class XMLTree {
    let doc: xmlDocPtr
    /// The name the tree's messages use for its file.
    public let file: String

    /// Parses `data` as XML.
    /// - Throws: ``XMLError/tooLarge(file:bytes:limit:)``,
    ///   ``XMLError/documentTypeDeclared(file:)``, ``XMLError/malformed(file:problems:)``,
    ///   ``XMLError/tooDeep(file:line:limit:)``.
    public init(data: Data, file: String, limits: XMLInputLimits = .standard) throws(XMLError) {
        guard data.count <= limits.maximumBytes else {
            throw .tooLarge(file: file, bytes: data.count, limit: limits.maximumBytes)
        }
        let doc = try Self.parse(data, file: file)
        if let line = Self.lineBeyondDepth(limits.maximumDepth, from: xmlDocGetRootElement(doc), depth: 1) {
            xmlFreeDoc(doc)
            throw .tooDeep(file: file, line: line, limit: limits.maximumDepth)
        }
        self.file = file
        self.doc = doc
    }

    /// Reads and parses the file at `url`.
    public convenience init(contentsOf url: URL, file: String? = nil, limits: XMLInputLimits = .standard) throws(XMLError) {
        let name = file ?? url.path
        try self.init(data: Self.read(url, file: name, limits: limits), file: name, limits: limits)
    }

    /// The bytes of the XML file at `url` (named `file` in messages), refused when over the size limit.
    /// - Throws: ``XMLError/unreadable(file:)``, ``XMLError/tooLarge(file:bytes:limit:)``.
    public static func read(_ url: URL, file name: String, limits: XMLInputLimits = .standard) throws(XMLError) -> Data {
        // Read at most one byte past the limit: a huge file is refused without being read.
        // (A FileHandle read, not `resourceValues`, which cost 80% of validating a small file.)
        guard let handle = FileHandle(forReadingAtPath: url.path) else { throw .unreadable(file: name) }
        defer { try? handle.close() }
        let read: Data
        do { read = try handle.read(upToCount: limits.maximumBytes + 1) ?? Data() } catch { throw .unreadable(file: name) }
        guard read.count <= limits.maximumBytes else {
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? read.count
            throw .tooLarge(file: name, bytes: size, limit: limits.maximumBytes)
        }
        return read
    }

    deinit { xmlFreeDoc(doc) }

    /// Namespace URI of the root element, or `""` when it has none.
    public var rootNamespace: String {
        guard let root = xmlDocGetRootElement(doc) else { return "" }
        return root.pointee.ns.flatMap { LibXML.string($0.pointee.href) } ?? ""
    }

    /// The root element's attribute `name` (without namespace), without converting the document.
    public func rootAttribute(_ name: String) -> String? {
        guard let root = xmlDocGetRootElement(doc), let value = xmlGetNoNsProp(root, name) else { return nil }
        defer { inclusio_xmlFree(value) }
        return LibXML.string(value)
    }

    /// The whole document as plain Swift values.
    public func rootElement() -> XMLElement {
        Self.element(from: xmlDocGetRootElement(doc)!)
    }

    /// Parses `data` hardened (see the type's summary); the caller owns the returned document.
    /// `dictionary`, when given, becomes the parser's string dictionary (libxslt wants an
    /// imported stylesheet's strings in the importing stylesheet's dictionary).
    static func parse(_ data: Data, file: String, dictionary: xmlDictPtr? = nil) throws(XMLError) -> xmlDocPtr {
        LibXML.ensureInitialized()
        let collector = LibXMLErrorCollector()
        let parsed: xmlDocPtr? = data.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self),
                  let ctxt = xmlCreateMemoryParserCtxt(base, Int32(bytes.count)) else { return nil }
            defer { xmlFreeParserCtxt(ctxt) }
            if let dictionary {
                // As libxslt's own loader does: swap in the shared dictionary before parsing.
                xmlDictFree(ctxt.pointee.dict)
                ctxt.pointee.dict = dictionary
                xmlDictReference(dictionary)
            }
            let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue)
            _ = xmlCtxtUseOptions(ctxt, options)
            ctxt.pointee._private = Unmanaged.passUnretained(collector).toOpaque()
            ctxt.pointee.sax.pointee.serror = { context, error in
                // `context` is the parser context (its default userData).
                guard let ctxt = context?.assumingMemoryBound(to: xmlParserCtxt.self),
                      let owner = ctxt.pointee._private else { return }
                LibXMLErrorCollector.handler(owner, error)
            }
            ctxt.pointee.sax.pointee.internalSubset = { context, _, _, _ in
                guard let ctxt = context?.assumingMemoryBound(to: xmlParserCtxt.self),
                      let owner = ctxt.pointee._private else { return }
                Unmanaged<LibXMLErrorCollector>.fromOpaque(owner).takeUnretainedValue().sawDocumentType = true
                xmlStopParser(ctxt)
            }
            return withExtendedLifetime(collector) {
                _ = xmlParseDocument(ctxt)
                let doc = ctxt.pointee.myDoc
                guard ctxt.pointee.wellFormed != 0, !collector.sawDocumentType else {
                    if let doc { xmlFreeDoc(doc) }
                    return nil
                }
                return doc
            }
        }
        if collector.sawDocumentType { throw .documentTypeDeclared(file: file) }
        guard let parsed, xmlDocGetRootElement(parsed) != nil else {
            if let parsed { xmlFreeDoc(parsed) }
            let problems = collector.problems.isEmpty
                ? [Diagnostic(line: 1, field: "", message: "the file is empty or has no root element")]
                : collector.problems
            throw .malformed(file: file, problems: problems)
        }
        return parsed
    }

    /// The line of the first element deeper than `limit`, if any.
    private static func lineBeyondDepth(_ limit: Int, from node: xmlNodePtr?, depth: Int) -> Int? {
        var child = node
        while let element = child {
            if element.pointee.type == XML_ELEMENT_NODE {
                if depth > limit { return Int(xmlGetLineNo(element)) }
                if let line = lineBeyondDepth(limit, from: element.pointee.children, depth: depth + 1) { return line }
            }
            child = element.pointee.next
        }
        return nil
    }

    private static func element(from node: xmlNodePtr) -> XMLElement {
        var result = XMLElement(
            name: LibXML.string(node.pointee.name) ?? "",
            namespace: node.pointee.ns.flatMap { LibXML.string($0.pointee.href) },
            line: Int(xmlGetLineNo(node)))
        var attribute = node.pointee.properties
        while let attr = attribute {
            let value = xmlNodeListGetString(node.pointee.doc, attr.pointee.children, 1)
            result.attributes.append((LibXML.string(attr.pointee.name) ?? "", LibXML.string(value) ?? ""))
            inclusio_xmlFree(value)
            attribute = attr.pointee.next
        }
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                let childElement = element(from: current)
                result.children.append(childElement)
                result.content.append(.element(childElement))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                let text = LibXML.string(current.pointee.content) ?? ""
                result.text += text
                result.content.append(.text(text))
            default: break
            }
            child = current.pointee.next
        }
        return result
    }
}

@available(*, unavailable)
extension XMLTree: Sendable {}
