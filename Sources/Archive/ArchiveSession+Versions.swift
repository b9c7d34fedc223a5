import AuditLog
import Cryptography
import Foundation

/// What is sealed beside each version: nothing of it is in clear in the index.
struct VersionDetails: Codable, Sendable {
    let title: String
    let recordVersion: String?
    /// SHA-256 (hex) of the plaintext.
    let sha256: String
    let provenance: IngestItem.Provenance?
}

extension ArchiveSession {
    /// Encrypts `item` under a fresh document key and files it as the next version of
    /// `documentId` (a new document when `nil`), unless these bytes are already filed there.
    /// Blobs written are added to `written` so a failed transaction can remove them.
    /// The document's key is sealed under the pupil's key of the document's class (a new key of
    /// that class, wrapped under the scopes of `placement`, when the pupil has none yet).
    func store(_ item: IngestItem, pupil: String, placement: PupilPlacement, documentId: String?,
               written: inout [URL]) throws(ArchiveError) -> (IngestedDocument, AccessEvent) {
        let digest = SHA256.digest(item.content)
        let token = keys.contentToken(digest: digest, pupil: pupil)
        let kind = item.facts?.kind ?? "attachment"
        let sha256 = digest.hexadecimal
        let sameBytes = documentId.map { ("v.document = ?", [SQLiteValue.text($0)]) } ?? ("d.pseudonym = ? AND d.kind = 'attachment'", [.text(pupil)])
        if let row = try query("SELECT v.document, v.version FROM versions v JOIN documents d ON d.id = v.document WHERE \(sameBytes.0) AND v.content_token = ?",
                               sameBytes.1 + [.blob(token)]).first, let document = row.text(0), let version = row.integer(1) {
            // The same bytes again: their facts are recorded if an earlier Inclusio filed them without.
            if let facts = item.facts {
                _ = try query("UPDATE versions SET facts = ? WHERE document = ? AND version = ? AND facts IS NULL",
                              [.text(facts.due.column), .text(document), .of(version)])
            }
            return (IngestedDocument(file: item.file, pupil: pupil, document: document, version: version, kind: kind, isNew: false),
                    event("ingest", pupil: pupil, document: document, version: version, sha256: sha256))
        }
        let document: String
        let version: Int
        var keyClass = policy.keyClass(of: kind)
        if let documentId {
            document = documentId
            version = (try query("SELECT MAX(version) FROM versions WHERE document = ?", [.text(documentId)]).first?.integer(0) ?? 0) + 1
            keyClass = try query("SELECT key_class FROM documents WHERE id = ?", [.text(documentId)]).first?.text(0) ?? keyClass
        } else {
            document = try crypto { () throws(CryptographyError) in try PupilRecord.newDocumentId() }
            version = 1
            _ = try query("INSERT INTO documents (id, pseudonym, kind, record_id, key_class) VALUES (?, ?, ?, ?, ?)",
                          [.text(document), .text(pupil), .text(kind), .of(item.facts?.recordId), .text(keyClass)])
        }
        let pupilKey = try filingKey(pupil, keyClass: keyClass, placement: placement)
        // A fresh key per version: it is sealed under the pupil key, and never stored otherwise.
        let (ciphertext, wrapped) = try crypto { () throws(CryptographyError) in
            let documentKey = try SymmetricKey.random()
            return (try AESGCM.seal(item.content, key: documentKey, associatedData: Binding.content(pupil, document, version)),
                    try AESGCM.seal(documentKey.bytes, key: pupilKey, associatedData: Binding.documentKey(pupil, document, version)))
        }
        let blob = SHA256.hex(ciphertext)
        let url = archive.layout.blob(blob)
        try DurableFile.makeFolder(url.deletingLastPathComponent())
        try DurableFile.write(ciphertext, to: url, temporaryFolder: archive.layout.temporary)
        written.append(url)
        let details = VersionDetails(title: item.title, recordVersion: item.facts?.recordVersion, sha256: sha256, provenance: item.provenance)
        let sealedDetails = try seal(details, key: pupilKey, binding: Binding.details(pupil, document, version))
        _ = try query("""
            INSERT INTO versions (document, version, content_token, media_type, size, issued, ingested, ingested_by,
                                  wrapped_key, sealed_details, blob, blob_size, facts)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(document), .of(version), .blob(token), .text(item.mediaType), .of(item.content.count), .of(item.facts?.issued),
                  .text(AccessLog.timestamp(Date())), .text(op.id), .blob(wrapped), .blob(sealedDetails), .text(blob), .of(ciphertext.count),
                  .text(item.facts?.due.column ?? "")])
        return (IngestedDocument(file: item.file, pupil: pupil, document: document, version: version, kind: kind, isNew: true),
                event("ingest", pupil: pupil, document: document, version: version, sha256: sha256))
    }

    /// The plaintext of a stored version, after checking its blob against the recorded digest
    /// and opening it (any changed byte fails the seal).
    /// - Throws: ``ArchiveError/damaged(what:reason:)``, ``ArchiveError/shredded(pupil:)``.
    func content(of version: StoredVersion) throws(ArchiveError) -> Data {
        let what = "Version \(version.version) of document \(version.document)"
        let pupil = version.pupil
        guard let blob = version.blob, let wrapped = version.wrappedKey else { throw .shredded(pupil: pupil) }
        guard let ciphertext = FileManager.default.contents(atPath: archive.layout.blob(blob).path) else {
            throw .damaged(what: what, reason: "its encrypted file is missing")
        }
        guard SHA256.hex(ciphertext) == blob else { throw .damaged(what: what, reason: "its encrypted file does not match its recorded digest") }
        let pupilKey = try self.pupilKey(pupil, keyClass: version.keyClass)
        do {
            let documentKey = try SymmetricKey(bytes: AESGCM.open(wrapped, key: pupilKey, associatedData: Binding.documentKey(pupil, version.document, version.version)))
            return try AESGCM.open(ciphertext, key: documentKey, associatedData: Binding.content(pupil, version.document, version.version))
        } catch {
            throw .damaged(what: what, reason: "it does not decrypt")
        }
    }

    /// The sealed details of a version.
    func details(of version: StoredVersion) throws(ArchiveError) -> VersionDetails {
        let pupil = version.pupil
        guard let sealed = version.sealedDetails else { throw .shredded(pupil: pupil) }
        let pupilKey = try self.pupilKey(pupil, keyClass: version.keyClass)
        do {
            let data = try AESGCM.open(sealed, key: pupilKey, associatedData: Binding.details(pupil, version.document, version.version))
            return try JSONDecoder().decode(VersionDetails.self, from: data)
        } catch {
            throw .damaged(what: "The details of version \(version.version) of document \(version.document)", reason: "they do not decrypt")
        }
    }
}

/// A version's row in the index.
struct StoredVersion: Sendable {
    static let columns = "v.document, v.version, v.media_type, v.size, v.issued, v.ingested, v.ingested_by, v.wrapped_key, v.sealed_details, v.blob, v.blob_size, d.kind, d.record_id, d.pseudonym, d.key_class"

    let document: String
    let version: Int
    let mediaType: String
    let size: Int
    let issued: String?
    let ingested: String
    let ingestedBy: String
    let wrappedKey: Data?
    let sealedDetails: Data?
    let blob: String?
    let blobSize: Int?
    let kind: String
    let recordId: String?
    let pupil: String
    /// The class of the pupil key that seals the version's key.
    let keyClass: String

    init(_ row: SQLiteRow) {
        document = row.text(0) ?? ""
        version = row.integer(1) ?? 0
        mediaType = row.text(2) ?? ""
        size = row.integer(3) ?? 0
        issued = row.text(4)
        ingested = row.text(5) ?? ""
        ingestedBy = row.text(6) ?? ""
        wrappedKey = row.blob(7)
        sealedDetails = row.blob(8)
        blob = row.text(9)
        blobSize = row.integer(10)
        kind = row.text(11) ?? ""
        recordId = row.text(12)
        pupil = row.text(13) ?? ""
        keyClass = row.text(14) ?? ""
    }
}
