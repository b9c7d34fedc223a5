internal import CLibXML2
internal import CLibXSLT
internal import CShims
import Foundation
import Support

/// A compiled XSLT 1.0 stylesheet (a printing form) that owns its libxslt `xsltStylesheet`.
///
/// Hardened like ``XMLTree``: the stylesheet and everything it imports are parsed without
/// network, DTD or entities; `xsl:import` and `xsl:include` may only reach files inside
/// `allowedDirectory`; `document()` and every file or network access are refused while
/// transforming (libxslt security preferences, see <https://gnome.pages.gitlab.gnome.org/libxslt/html/libxslt-security.html>).
///
/// Thread-safe once compiled: libxslt keeps per-run state in a transformation context and
/// only reads the compiled stylesheet ("a stylesheet can be shared by multiple threads,
/// each using its own transformation context"), so one instance may transform on many threads.
public final class XSLTStylesheet: @unchecked Sendable {
    let style: xsltStylesheetPtr
    /// The name messages use for the stylesheet.
    public let file: String
    /// The absolute path libxslt knows the stylesheet by (in its messages and imports).
    let path: String
    /// The stylesheet file.
    public var location: URL { URL(fileURLWithPath: path) }

    /// Reads and compiles the stylesheet at `url`.
    /// - Parameters:
    ///   - file: names the stylesheet in messages (default: the path).
    ///   - allowedDirectory: the folder imports and includes must stay in (default: the stylesheet's folder).
    /// - Throws: ``StylesheetError/unreadable(file:reason:)`` for a missing or malformed file,
    ///   ``StylesheetError/broken(file:problems:)`` when libxslt cannot compile it (with lines).
    public init(contentsOf url: URL, file: String? = nil, allowedDirectory: URL? = nil) throws(StylesheetError) {
        Self.ensureInitialized()
        let name = file ?? url.path
        let path = url.standardizedFileURL.path
        let doc: xmlDocPtr
        do { doc = try XMLTree.parse(XMLTree.read(url, file: name), file: name) } catch { throw .unreadable(file: name, reason: error) }
        doc.pointee.URL = UnsafePointer(xmlStrdup(path))
        let root = (allowedDirectory ?? url.deletingLastPathComponent()).standardizedFileURL.path
        let (compiled, problems) = Self.compile(doc, root: root, file: name, path: path)
        guard let compiled else { throw .broken(file: name, problems: problems) }
        self.style = compiled
        self.file = name
        self.path = path
    }

    deinit { xsltFreeStylesheet(style) }

    /// Compiles `doc` (which libxslt then owns, or which is freed on failure) with imports limited to `root`.
    private static func compile(_ doc: xmlDocPtr, root: String, file: String, path: String) -> (xsltStylesheetPtr?, [Diagnostic]) {
        XSLTMessages.collecting { (messages: XSLTMessages) -> (xsltStylesheetPtr?, [Diagnostic]) in
            Thread.current.threadDictionary[XSLTLoadScope.key] = XSLTLoadScope(root: root, messages: messages)
            defer { Thread.current.threadDictionary.removeObject(forKey: XSLTLoadScope.key) }
            guard let style = xsltParseStylesheetDoc(doc) else {
                xmlFreeDoc(doc)  // on failure the document stays the caller's
                return (nil, messages.problems(mainFile: file, mainPath: path))
            }
            if style.pointee.errors == 0 { return (style, []) }
            xsltFreeStylesheet(style)
            return (nil, messages.problems(mainFile: file, mainPath: path))
        }
    }

    /// Transforms `tree` and returns the serialized result (as `xsl:output` asks, UTF-8 by default).
    /// - Parameter parameters: string values of the stylesheet's top-level `xsl:param`s, passed
    ///   literally (libxslt's `xsltQuoteUserParams`: never read as XPath); a name the stylesheet
    ///   does not declare is ignored.
    /// - Throws: ``StylesheetError/failed(file:problems:)`` when the stylesheet stops
    ///   (`xsl:message terminate="yes"`, a runtime error, a refused file access).
    public func transform(_ tree: XMLTree, parameters: [String: String] = [:]) throws(StylesheetError) -> Data {
        let outcome: Result<Data, StylesheetError> = XSLTMessages.collecting { messages in
            guard let context = xsltNewTransformContext(style, tree.doc) else {
                return .failure(.failed(file: file, problems: [Diagnostic(line: 0, field: "", message: "libxslt is out of memory")]))
            }
            defer { xsltFreeTransformContext(context) }
            let security = Self.forbiddingEverything()
            defer { xsltFreeSecurityPrefs(security) }
            _ = xsltSetCtxtSecurityPrefs(security, context)
            inclusio_xslt_route_transform_errors(UnsafeMutableRawPointer(context))
            guard Self.quote(parameters, into: context) else {
                return .failure(.failed(file: file, problems: messages.problems(mainFile: file, mainPath: path)))
            }
            let result = xsltApplyStylesheetUser(style, tree.doc, nil, nil, nil, context)
            defer { if let result { xmlFreeDoc(result) } }
            guard let result, context.pointee.state == XSLT_STATE_OK else {
                let problems = messages.problems(mainFile: file, mainPath: path)
                return .failure(.failed(file: file, problems: problems))
            }
            var buffer: UnsafeMutablePointer<xmlChar>?
            var length: Int32 = 0
            guard xsltSaveResultToString(&buffer, &length, result, style) == 0 else {
                return .failure(.failed(file: file, problems: [Diagnostic(line: 0, field: "", message: "libxslt could not serialize the result")]))
            }
            defer { if let buffer { inclusio_xmlFree(buffer) } }
            return .success(buffer.map { Data(bytes: $0, count: Int(length)) } ?? Data())
        }
        return try outcome.get()
    }

    /// Hands `parameters` to `context` as literal strings, sorted by name; `false` when libxslt refuses one.
    private static func quote(_ parameters: [String: String], into context: xsltTransformContextPtr) -> Bool {
        guard !parameters.isEmpty else { return true }
        // A NULL-terminated array of name, value, name, value…, freed after the call: libxslt copies
        // both (the name into the context's dictionary, the value into an XPath string object).
        let names: [String] = parameters.keys.sorted()
        let strings: [UnsafeMutablePointer<CChar>?] = names.flatMap { [strdup($0), strdup(parameters[$0] ?? "")] }
        defer { strings.forEach { free($0) } }
        var pointers: [UnsafePointer<CChar>?] = strings.map { $0.map { UnsafePointer($0) } } + [nil]
        return pointers.withUnsafeMutableBufferPointer { xsltQuoteUserParams(context, $0.baseAddress) == 0 }
    }

    /// Security preferences refusing every file and network read or write.
    private static func forbiddingEverything() -> xsltSecurityPrefsPtr {
        let prefs = xsltNewSecurityPrefs()!
        for option in [XSLT_SECPREF_READ_FILE, XSLT_SECPREF_WRITE_FILE, XSLT_SECPREF_CREATE_DIRECTORY,
                       XSLT_SECPREF_READ_NETWORK, XSLT_SECPREF_WRITE_NETWORK] {
            _ = xsltSetSecurityPrefs(prefs, option, xsltSecurityForbid)
        }
        return prefs
    }

    /// Process-wide set-up, once: EXSLT functions (`exsl:node-set`) and our import loader.
    private static let initialized: Void = {
        LibXML.ensureInitialized()
        xsltInit()
        exsltRegisterAll()
        xsltSetLoaderFunc(XSLTLoadScope.loader)
    }()

    private static func ensureInitialized() { _ = initialized }
}

@available(*, unavailable)
extension XSLTMessages: Sendable {}
