import AuditLog
import Cryptography
import Dossier
import Foundation
import Records
import XML

/// One document about to be filed: its bytes, what it is, and where it came from.
struct IngestItem {
    /// The input as messages name it.
    let file: String
    /// The original file name (may hold personal data: it is stored sealed).
    let title: String
    let content: Data
    let mediaType: String
    /// For records: whose, where, which; `nil` for attachments.
    let facts: RecordFacts?
    let provenance: Provenance?

    /// Where a document arrived from, when it came in a dossier.
    struct Provenance: Codable, Sendable {
        let dossierSha256: String
        let sender: String
        let signedAt: String?
    }

    /// The largest single file ingest reads into memory.
    static let maximumSize = 1 << 30

    /// The documents in `url`: one for a record or other file, each payload entry for a dossier.
    static func read(_ url: URL, file: String, dossier: DossierSource?, schemas: SchemaCatalog) throws(ArchiveError) -> [IngestItem] {
        let content = try contents(of: url, file: file)
        if content.starts(with: Data("PK\u{03}\u{04}".utf8)) {
            guard let dossier else { throw .dossierNeedsKeys(file: file) }
            return try items(ofDossier: url, file: file, bytes: content, source: dossier, schemas: schemas).items
        }
        return [try item(content, file: file, title: url.lastPathComponent, provenance: nil, schemas: schemas)]
    }

    private static func item(_ content: Data, file: String, title: String, provenance: Provenance?, schemas: SchemaCatalog) throws(ArchiveError) -> IngestItem {
        guard looksLikeXML(content) else {
            return IngestItem(file: file, title: title, content: content, mediaType: mediaType(of: title),
                              facts: nil, provenance: provenance)
        }
        let tree: XMLTree
        let kind: String
        do {
            tree = try RecordError.parsing { () throws(XMLError) in try XMLTree(data: content, file: file) }
            kind = try RecordValidator(catalog: schemas).validate(tree)
        } catch {
            throw .record(error)
        }
        guard let facts = RecordFacts(tree: tree, kind: kind) else { throw .noPupil(file: file) }
        return IngestItem(file: file, title: title, content: content, mediaType: "application/xml", facts: facts, provenance: provenance)
    }

    /// The documents of a dossier, verified and opened in memory, with what verifying it established.
    static func items(ofDossier url: URL, file: String, bytes: Data, source: DossierSource,
                      schemas: SchemaCatalog) throws(ArchiveError) -> (report: DossierReport, items: [IngestItem]) {
        let opened: (report: DossierReport, payload: [Data])
        do { opened = try DossierVerifier(roots: source.roots).read(url, file: file, key: source.key) } catch { throw .dossier(error) }
        let provenance = Provenance(dossierSha256: SHA256.hex(bytes), sender: opened.report.signer.subject,
                                    signedAt: opened.report.signer.signingTime.map { AccessLog.timestamp($0) })
        let items = try zip(opened.report.entries, opened.payload).map { entry, content throws(ArchiveError) in
            try item(content, file: "\(file) \(entry.name)", title: entry.described?.title ?? entry.name, provenance: provenance, schemas: schemas)
        }
        return (opened.report, items)
    }

    static func contents(of url: URL, file: String) throws(ArchiveError) -> Data {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
              attributes[.type] as? FileAttributeType == .typeRegular else { throw .cannotRead(file: file) }
        guard (attributes[.size] as? Int ?? 0) <= maximumSize else {
            throw .record(.xml(.tooLarge(file: file, bytes: attributes[.size] as? Int ?? 0, limit: maximumSize)))
        }
        guard let data = FileManager.default.contents(atPath: url.path) else { throw .cannotRead(file: file) }
        return data
    }

    /// XML starts with `<` after an optional byte-order mark and white space.
    private static func looksLikeXML(_ data: Data) -> Bool {
        var bytes = data.prefix(64)[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        return bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == UInt8(ascii: "<")
    }

    private static func mediaType(of name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "pdf": "application/pdf"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "txt": "text/plain"
        default: "application/octet-stream"
        }
    }
}
