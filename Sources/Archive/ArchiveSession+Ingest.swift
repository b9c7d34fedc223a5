import AuditLog
import Cryptography
import Dossier
import Foundation
import XML

/// One document version that an ingest filed (or found already filed).
public struct IngestedDocument: Sendable, Equatable, Encodable {
    /// The input, as named on the command line (a dossier's entries: dossier and entry name).
    public let file: String
    public let pupil: String
    public let document: String
    public let version: Int
    public let kind: String
    /// `false` when these exact bytes were already filed: nothing new was written.
    public let isNew: Bool
}

/// How to open dossiers given to ingest: the trusted roots and the receiving key.
public struct DossierSource {
    public let roots: [Certificate]
    public let key: DossierKey

    public init(roots: [Certificate], key: DossierKey) {
        self.roots = roots
        self.key = key
    }
}

extension ArchiveSession {
    /// Files `input` (named `file` in messages; `title`, its original file name, is kept sealed):
    /// a record (validated first), a dossier (verified and opened in memory
    /// with `dossier`), or an attachment (PDF, image) for the pupil `pupil` names. One transaction
    /// per input: all of it is filed, or nothing. The same bytes twice are one version.
    /// - Throws: ``ArchiveError``; nothing is filed then.
    public func ingest(_ input: IngestInput, file: String, title: String, pupil reference: String?,
                       dossier: DossierSource?) throws(ArchiveError) -> [IngestedDocument] {
        _ = try requirePurpose()
        let items = try IngestItem.read(input, file: file, title: title, dossier: dossier, schemas: archive.schemas.records)
        return try self.file(items, pupil: reference, file: file) { $0.map(\.event) }
    }

    /// Files `items` in one transaction (records first, then attachments for `reference` or the
    /// records' one pupil) and appends the log entries `entries` makes of what was filed,
    /// before the transaction commits. Blobs of a failed transaction are removed.
    func file(_ items: [IngestItem], pupil reference: String?, file: String,
              entries: ([(document: IngestedDocument, event: AccessEvent)]) -> [AccessEvent]) throws(ArchiveError) -> [IngestedDocument] {
        var written: [URL] = []
        // An index made before versions kept their due facts gets the column before anything is filed.
        try addFactsColumn()
        do {
            return try writing { () throws(ArchiveError) in
                var filed: [(document: IngestedDocument, event: AccessEvent)] = []
                // Records first: they say whose file a dossier's attachments belong to.
                for item in items where item.facts != nil {
                    filed.append(try fileRecord(item, written: &written))
                }
                let attachments = items.filter { $0.facts == nil }
                if !attachments.isEmpty {
                    let owner = try attachmentOwner(reference, filed: filed.map(\.document), file: file)
                    guard owner.shredded == nil else { throw .shredded(pupil: owner.pseudonym) }
                    for item in attachments {
                        try authorize(.ingest, kind: "attachment", placement: owner.placement, pupil: owner.pseudonym,
                                      target: "attachments for pupil \(owner.pseudonym)")
                        filed.append(try store(item, pupil: owner.pseudonym, placement: owner.placement, documentId: nil, written: &written))
                    }
                }
                // The log entries are durable before the transaction commits.
                let events = entries(filed)
                if !events.isEmpty { try append(events) }
                return filed.map(\.document)
            }
        } catch {
            for blob in written { unlink(blob.path) }
            throw error
        }
    }

    /// The pupil an attachment belongs to: `--pupil`, or the one pupil of the records filed with it.
    private func attachmentOwner(_ reference: String?, filed: [IngestedDocument], file: String) throws(ArchiveError) -> PupilRecord {
        if let reference {
            return try reachablePupil(reference, for: .ingest, kind: "attachment", target: { "attachments for \($0)" })
        }
        let pupils = Set(filed.map(\.pupil))
        guard pupils.count == 1, let only = pupils.first else { throw .pupilNeeded(file: file) }
        return try pupil(only)
    }

    /// Files one record under its pupil (created on first sight), as a new version of its
    /// document when the record id is known.
    private func fileRecord(_ item: IngestItem, written: inout [URL]) throws(ArchiveError) -> (IngestedDocument, AccessEvent) {
        let facts = item.facts!
        let existing = try findPupil(facts.identity)
        let school = facts.placement.schoolCode ?? facts.placement.schoolName ?? facts.placement.jurisdiction
        try authorize(.ingest, kind: facts.kind, placement: facts.placement, pupil: nil,
                      target: "\(facts.kind) records of \(school)")
        // A record naming a pupil filed outside the operator's scope would move that pupil into it
        // (the newest record sets the school) and open their whole file: refused, naming no pupil.
        if let existing, !policy.reaches(op, existing.placement) {
            try record(ArchivePolicy.Action.ingest.rawValue, outcome: .denied)
            throw .withheld(operator: op.id, action: .ingest, target: "the file of the pupil this record names")
        }
        let pseudonym: String, placement: PupilPlacement
        if let existing {
            guard existing.shredded == nil else { throw .shredded(pupil: existing.pseudonym) }
            (pseudonym, placement) = (existing.pseudonym, try update(existing, with: facts))
        } else {
            (pseudonym, placement) = (try createPupil(facts), facts.placement)
        }
        for (field, token) in keys.blindIndex.tokens(for: facts.identity) {
            _ = try query("INSERT OR IGNORE INTO tokens (token, field, pseudonym) VALUES (?, ?, ?)", [.blob(token), .text(field.rawValue), .text(pseudonym)])
        }
        let documentId = try query("SELECT id FROM documents WHERE pseudonym = ? AND kind = ? AND record_id = ?",
                                   [.text(pseudonym), .text(facts.kind), .text(facts.recordId)]).first?.text(0)
        return try store(item, pupil: pseudonym, placement: placement, documentId: documentId, written: &written)
    }

    /// The pupil a record's identity belongs to: by national id when it has one, otherwise by
    /// name and birth date.
    private func findPupil(_ identity: PupilIdentity) throws(ArchiveError) -> PupilRecord? {
        let tokens = keys.blindIndex.tokens(for: identity)
        let field: BlindIndex.Field = identity.nationalId?.isEmpty == false ? .nationalId : .nameAndBirth
        guard let token = tokens.first(where: { $0.field == field })?.token else { return nil }
        return try query("SELECT \(PupilRecord.columns("p")) FROM pupils p JOIN tokens t ON t.pseudonym = p.pseudonym WHERE t.token = ? AND t.field = ?",
                         [.blob(token), .text(field.rawValue)]).first.map(PupilRecord.init)
    }

    /// A new pupil, their identity sealed under a new pupil key of the identity class.
    private func createPupil(_ facts: RecordFacts) throws(ArchiveError) -> String {
        let (pseudonym, key) = try crypto { () throws(CryptographyError) in (try PupilRecord.newPseudonym(), try SymmetricKey.random()) }
        let identity = try seal(facts.identity, key: key, binding: Binding.identity(pseudonym))
        let now = AccessLog.timestamp(Date())
        _ = try query("""
            INSERT INTO pupils (pseudonym, identity_class, sealed_identity, jurisdiction, school_code, school_name, district, created, updated)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(pseudonym), .text(policy.restKeyClass), .blob(identity), .text(facts.placement.jurisdiction), .of(facts.placement.schoolCode),
                  .of(facts.placement.schoolName), .of(facts.placement.district), .text(now), .text(now)])
        try wrap(key, pupil: pseudonym, keyClass: policy.restKeyClass, placement: facts.placement)
        openedKeys["pupil|\(pseudonym)|\(policy.restKeyClass)"] = key
        return pseudonym
    }

    /// Moves the pupil to the record's school when the record is the newest (their keys re-wrapped
    /// under the new school's scope keys), and adds a national id the pupil's identity lacked.
    /// - Returns: where the pupil is placed now.
    private func update(_ pupil: PupilRecord, with facts: RecordFacts) throws(ArchiveError) -> PupilPlacement {
        let newest = try query("SELECT MAX(v.issued) FROM versions v JOIN documents d ON d.id = v.document WHERE d.pseudonym = ?",
                               [.text(pupil.pseudonym)]).first?.text(0)
        var placement = pupil.placement
        if let issued = facts.issued, issued >= (newest ?? ""), facts.placement != pupil.placement {
            _ = try query("UPDATE pupils SET jurisdiction = ?, school_code = ?, school_name = ?, district = ?, updated = ? WHERE pseudonym = ?",
                          [.text(facts.placement.jurisdiction), .of(facts.placement.schoolCode), .of(facts.placement.schoolName),
                           .of(facts.placement.district), .text(AccessLog.timestamp(Date())), .text(pupil.pseudonym)])
            try moveKeys(of: pupil.pseudonym, to: facts.placement)
            placement = facts.placement
        }
        let key = try identityKey(pupil)
        let known = try identity(pupil, key: key)
        if known.nationalId == nil, facts.identity.nationalId != nil {
            let sealed = try seal(facts.identity, key: key, binding: Binding.identity(pupil.pseudonym))
            _ = try query("UPDATE pupils SET sealed_identity = ? WHERE pseudonym = ?", [.blob(sealed), .text(pupil.pseudonym)])
        }
        return placement
    }
}
