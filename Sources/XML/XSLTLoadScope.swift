internal import CLibXML2
internal import CLibXSLT
import Foundation

/// What libxslt's document loader may load while one stylesheet compiles on this thread.
///
/// libxslt has one process-wide loader (`xsltSetLoaderFunc`); ours reads the compiling
/// thread's scope from its thread dictionary, so compiles on several threads keep their
/// own rules. It loads stylesheets (`xsl:import`, `xsl:include`) inside ``root`` only,
/// parsed as hardened as records, and refuses every `document()` call.
final class XSLTLoadScope: NSObject {
    static let key = "inclusio.xslt.load-scope"
    let root: String
    let messages: XSLTMessages

    init(root: String, messages: XSLTMessages) {
        self.root = root.hasSuffix("/") ? root : root + "/"
        self.messages = messages
    }

    static let loader: xsltDocLoaderFunc = { uri, dictionary, _, _, type in
        guard let uri else { return nil }
        let target = String(cString: uri)
        let scope = Thread.current.threadDictionary[XSLTLoadScope.key] as? XSLTLoadScope
        guard type == XSLT_LOAD_STYLESHEET, let scope else {
            scope?.messages.add("document() is not allowed in forms; a form may only read the record it prints.")
            return nil
        }
        let path = target.hasPrefix("file://") ? String(target.dropFirst("file://".count)) : target
        guard !path.contains(":"), path.hasPrefix("/"),
              URL(fileURLWithPath: path).standardizedFileURL.path.hasPrefix(scope.root) else {
            scope.messages.add("\(target) is outside the forms folder \(scope.root); forms may only import files inside it.")
            return nil
        }
        do throws(XMLError) {
            let doc = try XMLTree.parse(XMLTree.read(URL(fileURLWithPath: path), file: path), file: path, dictionary: dictionary)
            doc.pointee.URL = UnsafePointer(xmlStrdup(path))
            return doc
        } catch {
            scope.messages.add(error.description)
            return nil
        }
    }
}
