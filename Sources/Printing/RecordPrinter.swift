import Foundation
import Records
import Rendering
import XML

/// Turns records into checked FO documents: validate, choose the form, transform.
///
/// Safe to use from many threads at once: it shares only the schema and form catalogues
/// (compiled once, read-only afterwards); each call parses its own record.
public struct RecordPrinter: Sendable {
    public let validator: RecordValidator
    public let forms: FormCatalog
    /// A form to use for every record instead of the catalogue's (`--form`).
    public let override: URL?

    public init(validator: RecordValidator, forms: FormCatalog, override: URL? = nil) {
        self.validator = validator
        self.forms = forms
        self.override = override
    }

    /// Reads, validates and fills in the record at `url` (named `file` in messages).
    /// - Throws: ``PrintingError``.
    public func prepare(contentsOf url: URL, file: String) throws(PrintingError) -> PreparedDocument {
        let tree: XMLTree
        do { tree = try XMLTree(contentsOf: url, file: file, limits: validator.limits) } catch { throw .record(.xml(error)) }
        return try prepare(tree)
    }

    /// Validates and fills in a record held in memory (a record just generated from a case).
    public func prepare(data: Data, file: String) throws(PrintingError) -> PreparedDocument {
        let tree: XMLTree
        do { tree = try XMLTree(data: data, file: file, limits: validator.limits) } catch { throw .record(.xml(error)) }
        return try prepare(tree)
    }

    /// Validates `tree` against its schema, transforms it with its form and checks the FO.
    /// - Throws: ``PrintingError/record(_:)``, ``PrintingError/noJurisdiction(file:)``,
    ///   ``PrintingError/noForm(file:jurisdiction:kind:expected:)``, ``PrintingError/form(record:_:)``,
    ///   ``PrintingError/outsideSubset(record:_:)`` (naming the form's line where it can be found).
    public func prepare(_ tree: XMLTree) throws(PrintingError) -> PreparedDocument {
        let kind: String
        do { kind = try validator.validate(tree) } catch { throw .record(error) }
        let stylesheet: XSLTStylesheet
        if let override {
            stylesheet = try forms.form(at: override, record: tree.file)
        } else {
            guard let jurisdiction = tree.rootAttribute("jurisdiction") else { throw .noJurisdiction(file: tree.file) }
            stylesheet = try forms.form(jurisdiction: jurisdiction, kind: kind, record: tree.file)
        }
        return try fill(tree, kind: kind, with: stylesheet)
    }

    /// Fills in an XML document that is not a record, made by Inclusio itself (an access report),
    /// with the form `Forms/<jurisdiction>/<kind>.xsl`. The document is not validated here: its
    /// maker answers for it (and its tests check it against its schema).
    /// - Throws: as ``prepare(_:)``, except for record validation.
    public func prepare(generated data: Data, file: String, jurisdiction: String, kind: String) throws(PrintingError) -> PreparedDocument {
        let tree: XMLTree
        do { tree = try XMLTree(data: data, file: file, limits: validator.limits) } catch { throw .record(.xml(error)) }
        return try fill(tree, kind: kind, with: try forms.form(jurisdiction: jurisdiction, kind: kind, record: file))
    }

    /// ``prepare(generated:file:jurisdiction:kind:)``, rendered: the PDF of a document Inclusio made
    /// (an access report, a handover register, a due-dates page).
    public func pdf(generated data: Data, file: String, jurisdiction: String, kind: String) throws(PrintingError) -> Data {
        let prepared = try prepare(generated: data, file: file, jurisdiction: jurisdiction, kind: kind)
        do { return try PDFRenderer().pdfData([prepared.document]) } catch { throw .rendering(error) }
    }

    /// Transforms `tree` with `stylesheet` and checks that the FO stays in the subset.
    private func fill(_ tree: XMLTree, kind: String, with stylesheet: XSLTStylesheet) throws(PrintingError) -> PreparedDocument {
        let fo: Data
        do { fo = try stylesheet.transform(tree) } catch { throw .form(record: tree.file, error) }
        let document: FODocument
        do {
            document = try FODocument(data: fo, source: "\(stylesheet.file) (output)", resourceDirectory: stylesheet.location.deletingLastPathComponent())
        } catch {
            throw .outsideSubset(record: tree.file, FormLines.relocate(error, to: stylesheet, naming: forms.displayName))
        }
        let id = tree.rootAttribute("id") ?? ""
        let version = tree.rootAttribute("version") ?? "1"
        return PreparedDocument(kind: kind, id: id, version: version, pdfName: RecordFileName(kind: kind, id: id, version: version).pdf, fo: fo, document: document)
    }
}
