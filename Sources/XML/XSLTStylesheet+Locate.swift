internal import CLibXML2
internal import CLibXSLT
import Foundation

extension XSLTStylesheet {
    /// Where the stylesheet (or a file it imports or includes) writes a result element in
    /// namespace `namespace` called `element`, or an attribute called `attribute` (literally
    /// or through `xsl:attribute`); both when both are given.
    ///
    /// Used to turn a problem found in the output (an FO element the renderer refuses, at
    /// some line of the output) back into the line of the form that wrote it.
    /// - Returns: the file (``file`` for the stylesheet itself, else the imported file's path)
    ///   and line of the first match, in the stylesheet first, then its imports.
    public func locate(namespace: String, element: String?, attribute: String?) -> (file: String, line: Int)? {
        for doc in Self.documents(of: style) {
            guard let root = xmlDocGetRootElement(doc),
                  let line = Self.firstMatch(from: root, namespace: namespace, element: element, attribute: attribute) else { continue }
            let url = doc.pointee.URL.map { String(cString: $0) } ?? path
            return (url == path ? file : url, line)
        }
        return nil
    }

    /// The stylesheet's document, its includes', then its imports' (depth first).
    private static func documents(of style: xsltStylesheetPtr) -> [xmlDocPtr] {
        var docs: [xmlDocPtr] = style.pointee.doc.map { [$0] } ?? []
        var include = style.pointee.includes
        while let current = include {
            if let doc = current.pointee.doc { docs.append(doc) }
            include = current.pointee.next
        }
        var imported = style.pointee.imports
        while let current = imported {
            docs += documents(of: current)
            imported = current.pointee.next
        }
        return docs
    }

    private static let xslNamespace = "http://www.w3.org/1999/XSL/Transform"

    private static func firstMatch(from node: xmlNodePtr, namespace: String, element: String?, attribute: String?) -> Int? {
        var current: xmlNodePtr? = node
        while let node = current {
            if node.pointee.type == XML_ELEMENT_NODE {
                if matches(node, namespace: namespace, element: element, attribute: attribute) { return Int(xmlGetLineNo(node)) }
                if let children = node.pointee.children,
                   let line = firstMatch(from: children, namespace: namespace, element: element, attribute: attribute) {
                    return line
                }
            }
            current = node.pointee.next
        }
        return nil
    }

    private static func matches(_ node: xmlNodePtr, namespace: String, element: String?, attribute: String?) -> Bool {
        let href = node.pointee.ns.flatMap { LibXML.string($0.pointee.href) }
        let name = LibXML.string(node.pointee.name) ?? ""
        if let element, href != namespace || name != element { return false }
        if element == nil && href != namespace { return false }
        guard let attribute else { return true }
        if xmlHasProp(node, attribute) != nil { return true }
        // <xsl:attribute name="…"> directly inside the element
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, current.pointee.ns.flatMap({ LibXML.string($0.pointee.href) }) == xslNamespace,
               LibXML.string(current.pointee.name) == "attribute", let value = xmlGetNoNsProp(current, "name") {
                defer { inclusio_xmlFree(value) }
                if LibXML.string(value) == attribute { return true }
            }
            child = current.pointee.next
        }
        return false
    }
}
