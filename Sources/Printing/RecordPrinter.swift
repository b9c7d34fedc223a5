import Foundation
import Jurisdictions
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

    /// Validates and fills in a record held in memory (read from a file, or just generated from a case).
    public func prepare(data: Data, file: String) throws(PrintingError) -> PreparedDocument {
        let tree: XMLTree
        do { tree = try XMLTree(data: data, file: file, limits: validator.limits) } catch { throw .record(.xml(error)) }
        return try prepare(tree)
    }

    /// Validates `tree` against its schema, transforms it with its form and checks the FO.
    /// - Throws: ``PrintingError/record(_:)``, ``PrintingError/noJurisdiction(file:)``,
    ///   ``PrintingError/undeclared(record:_:)``,
    ///   ``PrintingError/noForm(file:jurisdiction:kind:expected:)``, ``PrintingError/form(record:_:)``,
    ///   ``PrintingError/outsideSubset(record:_:)`` (naming the form's line where it can be found).
    public func prepare(_ tree: XMLTree) throws(PrintingError) -> PreparedDocument {
        let kind: String
        do { kind = try validator.validate(tree) } catch { throw .record(error) }
        guard let code = tree.rootAttribute("jurisdiction") else { throw .noJurisdiction(file: tree.file) }
        let jurisdiction = try declared(code, record: tree.file)
        let stylesheet = if let override {
            try forms.form(at: override, record: tree.file)
        } else {
            try forms.form(jurisdiction: code, kind: kind, record: tree.file)
        }
        return try fill(tree, kind: kind, with: stylesheet, for: jurisdiction)
    }

    /// Fills in an XML document that is not a record, made by Inclusio itself (an access report),
    /// with the form `Forms/<jurisdiction>/<kind>.xsl`. The document is not validated here: its
    /// maker answers for it (and its tests check it against its schema).
    /// - Throws: as ``prepare(_:)``, except for record validation.
    public func prepare(generated data: Data, file: String, jurisdiction: String, kind: String) throws(PrintingError) -> PreparedDocument {
        let tree: XMLTree
        do { tree = try XMLTree(data: data, file: file, limits: validator.limits) } catch { throw .record(.xml(error)) }
        let declared = try declared(jurisdiction, record: file)
        return try fill(tree, kind: kind, with: try forms.form(jurisdiction: jurisdiction, kind: kind, record: file), for: declared)
    }

    /// ``prepare(generated:file:jurisdiction:kind:)``, rendered: the PDF of a document Inclusio made
    /// (an access report, a handover register, a due-dates page).
    public func pdf(generated data: Data, file: String, jurisdiction: String, kind: String) throws(PrintingError) -> Data {
        let prepared = try prepare(generated: data, file: file, jurisdiction: jurisdiction, kind: kind)
        do { return try PDFRenderer().pdfData([prepared.document]) } catch { throw .rendering(error) }
    }

    /// The manifest of `code`.
    private func declared(_ code: String, record: String) throws(PrintingError) -> Jurisdiction {
        do { return try forms.jurisdictions.jurisdiction(code) } catch { throw .undeclared(record: record, error) }
    }

    /// Transforms `tree` with `stylesheet`, which gets `jurisdiction`'s `lang` and `name-order` as
    /// parameters, and `utc-offset` (minutes its time zone is ahead of UTC now, for times printed
    /// in local time), and checks that the FO stays in the subset; the FO's generic
    /// font families stand for the jurisdiction's.
    private func fill(_ tree: XMLTree, kind: String, with stylesheet: XSLTStylesheet, for jurisdiction: Jurisdiction) throws(PrintingError) -> PreparedDocument {
        let parameters = ["lang": jurisdiction.language, "name-order": jurisdiction.nameOrder.rawValue,
                          "utc-offset": String(jurisdiction.timeZone.secondsFromGMT() / 60)]
        let fo: Data
        do { fo = try stylesheet.transform(tree, parameters: parameters) } catch { throw .form(record: tree.file, error) }
        let fonts = FontChoice(generic: jurisdiction.fontFamilies, fallback: jurisdiction.fallbackFonts)
        let document: FODocument
        do {
            document = try FODocument(data: fo, source: "\(stylesheet.file) (output)", resourceDirectory: stylesheet.location.deletingLastPathComponent(), fonts: fonts)
        } catch {
            throw .outsideSubset(record: tree.file, FormLines.relocate(error, to: stylesheet, naming: forms.displayName))
        }
        let id = tree.rootAttribute("id") ?? ""
        let version = tree.rootAttribute("version") ?? "1"
        return PreparedDocument(kind: kind, id: id, version: version, pdfName: RecordFileName(kind: kind, id: id, version: version).pdf, fo: fo, document: document)
    }
}
