import Dossier
import Foundation
import Generation
import XML
import Support

/// Tells from a file's bytes, never its name, whether it is a case file, a record, a dossier
/// or an attachment.
///
/// - XML (after an optional byte-order mark and white space, `<`) is parsed with the hardened
///   reader of records (no DTD, no network, size and depth limits) and told by its root's
///   namespace: `urn:inclusio:case:1` is a case file, a namespace of the schema catalogue a record.
/// - JSON (`{`) is a case file; so is UTF-8 text whose first line is a CSV header with a `kind` column.
/// - A zip whose first entry is the stored ASiC-E `mimetype` is a dossier (``DossierPrefix``).
/// - PDF, PNG, JPEG and TIFF, by their signatures, are attachments.
///
/// Anything else is refused with the file's name and what was seen, never its content.
/// Thread-safe: it only reads the compiled catalogue.
public struct InputClassifier: Sendable {
    public let catalog: SchemaCatalog

    public init(catalog: SchemaCatalog) {
        self.catalog = catalog
    }

    /// The attachment formats, by media type, with the name messages give them.
    static let attachmentNames = ["application/pdf": "PDF", "image/png": "PNG", "image/jpeg": "JPEG", "image/tiff": "TIFF"]
    private static let signatures: [(bytes: [UInt8], mediaType: String)] = [
        (Array("%PDF-".utf8), "application/pdf"), ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png"),
        ([0xFF, 0xD8, 0xFF], "image/jpeg"), ([0x49, 0x49, 0x2A, 0x00], "image/tiff"), ([0x4D, 0x4D, 0x00, 0x2A], "image/tiff"),
    ]

    /// What `data` (the file named `file` in messages) is.
    /// - Throws: ``IntakeError/malformedXML(_:)`` for XML whose root cannot be read,
    ///   ``IntakeError/unrecognised(file:reason:)`` for anything else that is none of the kinds.
    public func classify(_ data: Data, file: String) throws(IntakeError) -> InputKind {
        if DossierPrefix.matches(data) { return .dossier }
        if let signature = Self.signatures.first(where: { data.starts(with: $0.bytes) }) { return .attachment(mediaType: signature.mediaType) }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw .unrecognised(file: file, reason: "a zip file that is not a dossier (its first entry is not the ASiC-E 'mimetype')")
        }
        switch Self.firstCharacter(of: data) {
        case UInt8(ascii: "<"): return try xml(data, file: file)
        case UInt8(ascii: "{"): return .caseFile(.json)
        default: break
        }
        return try csv(data, file: file)
    }

    /// A case file or a record, by the root element's namespace.
    private func xml(_ data: Data, file: String) throws(IntakeError) -> InputKind {
        let namespace: String
        do { namespace = try XMLTree(data: data, file: file).rootNamespace } catch { throw .malformedXML(.xml(error)) }
        if namespace == CaseFormat.xmlNamespace { return .caseFile(.xml) }
        if let kind = catalog.kind(forNamespace: namespace) { return .record(kind: kind) }
        throw .unrecognised(file: file, reason: namespace.isEmpty
            ? "XML whose root element has no namespace"
            : "XML in the namespace \(namespace), which is neither a case file's (\(CaseFormat.xmlNamespace)) nor a record kind's of the schemas")
    }

    /// A CSV case file: UTF-8 text whose header row has a `kind` column (cells separated by
    /// commas, semicolons or tabs).
    private func csv(_ data: Data, file: String) throws(IntakeError) -> InputKind {
        let head = data.prefix(64 * 1024)
        let line = head.firstIndex(of: UInt8(ascii: "\n")).map { head[..<$0] } ?? head
        guard !data.isEmpty else { throw .unrecognised(file: file, reason: "an empty file") }
        guard !head.contains(0), let text = String(data: Data(line), encoding: .utf8) else {
            throw .unrecognised(file: file, reason: "neither text nor a PDF, PNG, JPEG, TIFF or dossier")
        }
        let first = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let header = CSVRecords.split(first, separator: CSVRecords.separator(of: first)).records.first?.cells ?? []
        guard header.count > 1, header.contains(where: { $0.trimmingCharacters(in: .whitespaces) == "kind" }) else {
            throw .unrecognised(file: file, reason: "text whose first line is not a CSV header with a 'kind' column")
        }
        return .caseFile(.csv)
    }

    /// The first byte after an optional UTF-8 byte-order mark and white space.
    private static func firstCharacter(of data: Data) -> UInt8? {
        var bytes = data.prefix(4096)[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        return bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
    }
}
