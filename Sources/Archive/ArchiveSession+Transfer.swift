import AuditLog
import Cryptography
import Dossier
import Foundation

/// One document as a transfer sends it: the newest version, decrypted.
public struct TransferDocument: Sendable {
    /// The archive's document id (`D-…`).
    public let document: String
    public let kind: String
    /// The record's own id (records only).
    public let recordId: String?
    /// The archive's version number of this document.
    public let version: Int
    /// SHA-256 (hex) of `content`.
    public let sha256: String
    /// The file name it was filed under (may hold personal data: it travels encrypted).
    public let title: String
    public let content: Data
}

/// A pupil's file as a transfer takes it: where the pupil is and the documents to send.
public struct TransferFile: Sendable {
    public let pupil: String
    public let placement: PupilPlacement
    public let documents: [TransferDocument]
}

/// One document a received dossier brought, as filed.
public struct ReceivedDocument: Sendable {
    public let filed: IngestedDocument
    /// The record's own id and version (records only).
    public let recordId: String?
    public let recordVersion: String?
    /// SHA-256 (hex) of the document's bytes.
    public let sha256: String
}

/// What `receive` established and filed for one dossier.
public struct ReceivedDossier: Sendable {
    /// The signer, whose signature and chain verified.
    public let sender: String
    /// SHA-256 (hex) of the dossier file.
    public let sha256: String
    /// The register, sender's pseudonym and gaps the dossier declares.
    public let handover: DossierHandover
    public let documents: [ReceivedDocument]
    /// `false` when every document was already filed (a dossier received twice): nothing was logged.
    public var isNew: Bool { documents.contains { $0.filed.isNew } }
}

extension ArchiveSession {
    /// The newest version of every document of `kinds` in the file of the pupil `reference`
    /// names, decrypted, for a transfer. Checked against the `transfer` permission first (a
    /// refusal is logged); the disclosure itself is logged by ``recordTransfer(pupil:recipient:dossierSha256:)``
    /// before the copy leaves.
    /// - Throws: ``ArchiveError/notPermitted(operator:action:target:)``, ``ArchiveError/withheld(operator:action:target:)``,
    ///   ``ArchiveError/shredded(pupil:)``, ``ArchiveError/damaged(what:reason:)``.
    public func transferFile(of reference: String, kinds: Set<String>) throws(ArchiveError) -> TransferFile {
        _ = try requirePurpose()
        let pupil = try reachablePupil(reference, for: .transfer)
        let newest = try query("""
            SELECT \(StoredVersion.columns) FROM versions v JOIN documents d ON d.id = v.document
            WHERE d.pseudonym = ? AND v.version = (SELECT MAX(version) FROM versions WHERE document = v.document)
            ORDER BY d.kind, d.record_id, d.id
            """, [.text(pupil.pseudonym)]).map(StoredVersion.init).filter { kinds.contains($0.kind) }
        for version in newest where !policy.permits(op, .transfer, kind: version.kind) {
            try record(ArchivePolicy.Action.transfer.rawValue, pupil: pupil.pseudonym, document: version.document, outcome: .denied)
            throw .notPermitted(operator: op.id, action: .transfer, target: "\(version.kind) documents of pupil \(pupil.pseudonym)")
        }
        guard pupil.shredded == nil else { throw .shredded(pupil: pupil.pseudonym) }
        let documents = try newest.map { version throws(ArchiveError) in
            let details = try self.details(of: version)
            return TransferDocument(document: version.document, kind: version.kind, recordId: version.recordId, version: version.version,
                                    sha256: details.sha256, title: details.title,
                                    content: try content(of: version))
        }
        return TransferFile(pupil: pupil.pseudonym, placement: pupil.placement, documents: documents)
    }

    /// Logs the disclosure of a pupil's file to `recipient` as one `transfer` entry carrying the
    /// dossier's SHA-256. Call it before the dossier leaves the sender's hands.
    public func recordTransfer(pupil: String, recipient: String, dossierSha256: String) throws(ArchiveError) {
        try record(ArchivePolicy.Action.transfer.rawValue, pupil: pupil, sha256: dossierSha256, recipient: recipient)
    }

    /// Whether the log already holds the `transfer` entry of this dossier (for a batch resumed
    /// after an interruption, so no disclosure is logged twice).
    public func hasRecordedTransfer(pupil: String, recipient: String, dossierSha256: String) throws(ArchiveError) -> Bool {
        let events = try ConfidentialArchive.logging { () throws(AuditLogError) in try archive.log.events() }
        return events.contains {
            $0.action == ArchivePolicy.Action.transfer.rawValue && $0.pupil == pupil && $0.recipient == recipient
                && $0.sha256 == dossierSha256 && $0.outcome == .granted
        }
    }

    /// Verifies and opens the transfer dossier `url` (named `file`) in memory, then files every
    /// document in one transaction with its provenance (sender, dossier SHA-256, signing time),
    /// and logs one `import` entry per pupil whose counterpart (`recipient`) is the sender.
    /// A dossier that does not verify files nothing; one received before logs nothing again.
    /// - Throws: ``ArchiveError/dossier(_:)``, ``ArchiveError/notATransfer(file:)``, and as
    ///   ``ingest(_:file:title:pupil:dossier:)``.
    public func receive(_ url: URL, file: String, dossier: DossierSource) throws(ArchiveError) -> ReceivedDossier {
        _ = try requirePurpose()
        // Read once: the bytes verified are the bytes whose digest is logged and kept as provenance.
        let bytes = try IngestItem.contents(of: url, file: file)
        let (report, items) = try IngestItem.items(ofDossier: bytes, file: file, source: dossier, schemas: archive.schemas.records)
        guard let handover = report.handover else { throw .notATransfer(file: file) }
        let sha256 = SHA256.hex(bytes)
        // In the order `file` takes them (records first), so each filed document meets its item.
        let ordered = items.filter { $0.facts != nil } + items.filter { $0.facts == nil }
        let filed = try self.file(ordered, pupil: nil, file: file) { filed in
            guard filed.contains(where: \.document.isNew) else { return [] }
            let pupils = Set(filed.map(\.document.pupil)).sorted()
            return filed.map(\.event) + pupils.map { event("import", pupil: $0, sha256: sha256, recipient: report.signer.subject) }
        }
        let documents = zip(filed, ordered).map { document, item in
            ReceivedDocument(filed: document, recordId: item.facts?.recordId, recordVersion: item.facts?.recordVersion,
                             sha256: SHA256.hex(item.content))
        }
        return ReceivedDossier(sender: report.signer.subject, sha256: sha256, handover: handover, documents: documents)
    }
}
