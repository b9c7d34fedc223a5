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

    /// The documents of `input`: one for a record or attachment, each payload entry for a dossier.
    /// `title` is the input's original file name.
    static func read(_ input: IngestInput, file: String, title: String, dossier: DossierSource?,
                     schemas: SchemaCatalog) throws(ArchiveError) -> [IngestItem] {
        switch input {
        case let .record(content):
            return [try record(content, file: file, title: title, provenance: nil, schemas: schemas)]
        case let .attachment(content, mediaType):
            return [IngestItem(file: file, title: title, content: content, mediaType: mediaType, facts: nil, provenance: nil)]
        case let .dossier(bytes):
            guard let dossier else { throw .dossierNeedsKeys(file: file) }
            return try items(ofDossier: bytes, file: file, source: dossier, schemas: schemas).items
        }
    }

    /// A record, validated, with the facts that say whose it is.
    private static func record(_ content: Data, file: String, title: String, provenance: Provenance?, schemas: SchemaCatalog) throws(ArchiveError) -> IngestItem {
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

    /// The documents of the dossier `bytes`, verified and opened in memory, with what verifying
    /// it established; the provenance digest is of the same bytes that were verified.
    static func items(ofDossier bytes: Data, file: String, source: DossierSource,
                      schemas: SchemaCatalog) throws(ArchiveError) -> (report: DossierReport, items: [IngestItem]) {
        let opened: (report: DossierReport, payload: [Data])
        do { opened = try DossierVerifier(roots: source.roots).read(bytes, file: file, key: source.key) } catch { throw .dossier(error) }
        let provenance = Provenance(dossierSha256: SHA256.hex(bytes), sender: opened.report.signer.subject,
                                    signedAt: opened.report.signer.signingTime.map { AccessLog.timestamp($0) })
        let items = try zip(opened.report.entries, opened.payload).map { entry, content throws(ArchiveError) in
            let title = entry.described?.title ?? entry.name
            // A dossier's entries are typed by its signed manifest: records are XML, the rest attachments.
            return entry.mediaType == "application/xml"
                ? try record(content, file: "\(file) \(entry.name)", title: title, provenance: provenance, schemas: schemas)
                : IngestItem(file: "\(file) \(entry.name)", title: title, content: content, mediaType: entry.mediaType,
                             facts: nil, provenance: provenance)
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
}
