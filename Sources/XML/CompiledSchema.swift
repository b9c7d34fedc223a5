internal import CLibXML2
import Foundation
import Support

/// A schema compiled by libxml2, shared by every validation of its kind.
///
/// `@unchecked Sendable`: libxml2 documents a compiled `xmlSchema` as read-only once
/// parsed; each validation creates its own `xmlSchemaValidCtxt`, which is not shared.
final class CompiledSchema: @unchecked Sendable {
    private let schema: xmlSchemaPtr
    let model: SchemaModel

    /// Compiles the XSD at `url` (its includes resolved relative to it, no network).
    /// - Throws: ``XMLError/brokenSchema(file:problems:)``.
    init(url: URL, model: SchemaModel) throws(XMLError) {
        LibXML.ensureInitialized()
        let collector = LibXMLErrorCollector()
        let compiled: xmlSchemaPtr? = withExtendedLifetime(collector) {
            guard let parser = xmlSchemaNewParserCtxt(url.path) else { return nil }
            defer { xmlSchemaFreeParserCtxt(parser) }
            xmlSchemaSetParserStructuredErrors(parser, LibXMLErrorCollector.handler,
                                               Unmanaged.passUnretained(collector).toOpaque())
            return xmlSchemaParse(parser)
        }
        guard let compiled else {
            throw .brokenSchema(file: url.lastPathComponent, problems: collector.problems)
        }
        self.schema = compiled
        self.model = model
    }

    deinit { xmlSchemaFree(schema) }

    /// Every way `tree` breaks this schema, in document order; empty when valid.
    func problems(in tree: XMLTree) -> [Diagnostic] {
        let model = self.model
        let collector = LibXMLErrorCollector(wording: ProblemWording { model.hint(at: $0) })
        guard let context = xmlSchemaNewValidCtxt(schema) else {
            return [Diagnostic(line: 0, field: "", message: "out of memory while validating")]
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        let status = withExtendedLifetime(collector) {
            xmlSchemaSetValidStructuredErrors(context, LibXMLErrorCollector.handler,
                                              Unmanaged.passUnretained(collector).toOpaque())
            return xmlSchemaValidateDoc(context, tree.doc)
        }
        if status != 0, collector.problems.isEmpty {
            return [Diagnostic(line: 0, field: "", message: "does not match its schema (libxml2 status \(status))")]
        }
        return collector.problems
    }
}
