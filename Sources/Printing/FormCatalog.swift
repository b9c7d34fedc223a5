import Foundation
import Jurisdictions
import XML

/// The printing forms of a `Forms/` folder: `Forms/<jurisdiction>/<kind>.xsl`.
///
/// A form is chosen from the record's kind (its namespace's schema) and its
/// `jurisdiction` attribute, so a new form or jurisdiction is a new file, not a code
/// change. Compiled forms are cached and shared across threads (see ``XSLTStylesheet``).
/// The jurisdictions' manifests give each form its language, name order, list separator and fonts.
public final class FormCatalog: @unchecked Sendable {
    /// The forms folder.
    public let directory: URL
    /// The jurisdictions the forms print for (`Jurisdictions/<code>/jurisdiction.xml`).
    public let jurisdictions: JurisdictionCatalog
    private let lock = NSLock()
    private var compiled: [String: Result<XSLTStylesheet, StylesheetError>] = [:]

    public init(directory: URL, jurisdictions: JurisdictionCatalog) {
        self.directory = directory.standardizedFileURL
        self.jurisdictions = jurisdictions
    }

    /// Where the form for `jurisdiction` × `kind` lives (whether or not it exists).
    public func location(jurisdiction: String, kind: String) -> URL {
        directory.appendingPathComponent(jurisdiction, isDirectory: true).appendingPathComponent(kind + ".xsl")
    }

    /// The compiled form for a record.
    /// - Throws: ``PrintingError/noForm(file:jurisdiction:kind:expected:)`` when there is none,
    ///   ``PrintingError/form(record:_:)`` when it cannot be compiled.
    public func form(jurisdiction: String, kind: String, record: String) throws(PrintingError) -> XSLTStylesheet {
        // Codes come from the record: keep them to one path segment of plain characters.
        let safe = { (code: String) in !code.isEmpty && code.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } }
        let url = location(jurisdiction: jurisdiction, kind: kind)
        guard safe(jurisdiction), safe(kind), FileManager.default.fileExists(atPath: url.path) else {
            throw .noForm(file: record, jurisdiction: jurisdiction, kind: kind, expected: displayName(of: url))
        }
        return try form(at: url, record: record)
    }

    /// The compiled form at `url` (a `--form` override, or a catalogue entry). Imports may
    /// reach the whole forms folder when the form is inside it, else only the form's own folder.
    /// - Throws: ``PrintingError/form(record:_:)``.
    public func form(at url: URL, record: String) throws(PrintingError) -> XSLTStylesheet {
        let url = url.standardizedFileURL
        lock.lock()
        defer { lock.unlock() }
        let result = compiled[url.path] ?? {
            let inside = url.path.hasPrefix(directory.path + "/")
            let compiled = Result { () throws(StylesheetError) in
                try XSLTStylesheet(contentsOf: url, file: displayName(of: url), allowedDirectory: inside ? directory : url.deletingLastPathComponent())
            }
            self.compiled[url.path] = compiled
            return compiled
        }()
        do { return try result.get() } catch { throw .form(record: record, error) }
    }

    /// `Forms/CN-FJ/placement.xsl` for a form inside the folder, else the path as given.
    func displayName(of url: URL) -> String {
        let path = url.standardizedFileURL.path
        let parent = directory.deletingLastPathComponent().path
        return path.hasPrefix(parent + "/") ? String(path.dropFirst(parent.count + 1)) : path
    }
}
