import AuditLog
import Cryptography
import Foundation

extension ArchiveSession {
    /// The pupils in this operator's scope, optionally only those at `school` (code or name)
    /// or with a document of `kind`.
    /// - Throws: ``ArchiveError/notPermitted(operator:action:target:)`` when the operator may
    ///   not read, or `school` lies outside every scope.
    public func pupils(school: String? = nil, kind: String? = nil) throws(ArchiveError) -> [PupilSummary] {
        _ = try requirePurpose()
        try authorize(.read, kind: kind, placement: nil, pupil: nil, target: "the archive's list of pupils")
        try checkInScope(school: school)
        var sql = "SELECT \(PupilRecord.columns("p")) FROM pupils p"
        var values: [SQLiteValue] = []
        var conditions: [String] = []
        if let school {
            conditions.append("(p.school_code = ? OR p.school_name = ?)")
            values += [.text(school), .text(school)]
        }
        if let kind {
            conditions.append("EXISTS (SELECT 1 FROM documents d WHERE d.pseudonym = p.pseudonym AND d.kind = ?)")
            values.append(.text(kind))
        }
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        let pupils = try query(sql + " ORDER BY p.pseudonym", values).map(PupilRecord.init).filter { policy.reaches(op, $0.placement) }
        try record("list")
        return try pupils.map(summary)
    }

    /// The pupils whose exact name (in any order, or romanised) or national id is `text`,
    /// among those in scope. Each hit is logged; hits outside the scope are logged as denied
    /// and not returned.
    public func search(name: String? = nil, nationalId: String? = nil) throws(ArchiveError) -> [PupilSummary] {
        _ = try requirePurpose()
        try authorize(.read, placement: nil, pupil: nil, target: "the archive's search")
        let (field, text): (BlindIndex.Field, String) = nationalId.map { (.nationalId, $0) } ?? (.name, name ?? "")
        let hits = try query("SELECT DISTINCT \(PupilRecord.columns("p")) FROM pupils p JOIN tokens t ON t.pseudonym = p.pseudonym WHERE t.token = ? AND t.field = ? ORDER BY p.pseudonym",
                             [.blob(keys.blindIndex.token(field, text)), .text(field.rawValue)]).map(PupilRecord.init)
        var events: [AccessEvent] = []
        var found: [PupilRecord] = []
        for hit in hits {
            let allowed = policy.reaches(op, hit.placement)
            events.append(event("search", pupil: hit.pseudonym, outcome: allowed ? .granted : .denied))
            if allowed { found.append(hit) }
        }
        try append(events.isEmpty ? [event("search")] : events)
        return try found.map(summary)
    }

    /// The file of the pupil `reference` names: identity and every document of a kind the
    /// operator may read, each with all its versions.
    /// - Throws: ``ArchiveError/notPermitted(operator:action:target:)``, ``ArchiveError/withheld(operator:action:target:)``
    ///   (an unknown pupil and one outside the scope alike).
    public func file(of reference: String) throws(ArchiveError) -> PupilFile {
        _ = try requirePurpose()
        let pupil = try reachablePupil(reference, for: .read)
        let readable = policy.kinds(op, .read)
        let versions = try query("SELECT \(StoredVersion.columns) FROM versions v JOIN documents d ON d.id = v.document WHERE d.pseudonym = ? ORDER BY d.kind, d.id, v.version",
                                 [.text(pupil.pseudonym)]).map(StoredVersion.init)
        let shown = versions.filter { readable == nil || readable!.contains($0.kind) }
        let isOpen = pupil.shredded == nil
        let identity = isOpen ? try self.identity(pupil, key: try identityKey(pupil)) : nil
        var documents: [DocumentSummary] = []
        for group in Dictionary(grouping: shown, by: \.document).values.sorted(by: { ($0[0].kind, $0[0].document) < ($1[0].kind, $1[0].document) }) {
            let newest = group.map(\.version).max()
            let summaries = try group.sorted { $0.version < $1.version }.map { version throws(ArchiveError) in
                let details = isOpen ? try self.details(of: version) : nil
                return VersionSummary(version: version.version, isCurrent: version.version == newest, mediaType: version.mediaType,
                                      size: version.size, issued: version.issued, ingested: version.ingested, ingestedBy: version.ingestedBy,
                                      title: details?.title, recordVersion: details?.recordVersion, sha256: details?.sha256,
                                      sender: details?.provenance?.sender, dossierSha256: details?.provenance?.dossierSha256)
            }
            documents.append(DocumentSummary(id: group[0].document, kind: group[0].kind, recordId: group[0].recordId, versions: summaries))
        }
        try record("read", pupil: pupil.pseudonym)
        return PupilFile(summary: try summary(pupil),
                         identity: identity.map { PupilIdentityView(family: $0.family, given: $0.given, nationalId: $0.nationalId, birthDate: $0.birthDate) },
                         documents: documents, withheld: Set(versions.map(\.document)).count - Set(shown.map(\.document)).count)
    }

    /// A decrypted copy of `document` (an archive id `D-…`, or a record's own id) at `version`
    /// (the current one when `nil`), logged as an export before it is returned.
    /// - Throws: ``ArchiveError/notPermitted(operator:action:target:)``, ``ArchiveError/withheld(operator:action:target:)``
    ///   (an unknown document and one of a pupil outside the scope alike), ``ArchiveError/damaged(what:reason:)``.
    public func export(_ document: String, version: Int? = nil, recipient: String? = nil) throws(ArchiveError) -> (VersionSummary, Data) {
        try release(document, version: version, as: .export, recipient: recipient)
    }

    /// A record (XML) from the archive, to be printed: like ``export(_:version:recipient:)``
    /// but under the policy's `render` permission and logged as a render.
    /// - Throws: as ``export(_:version:recipient:)``, and ``ArchiveError/notARecord(document:mediaType:)``
    ///   for a stored PDF or other file (checked after the scope, before anything is decrypted or logged).
    public func printable(_ document: String, version: Int? = nil) throws(ArchiveError) -> (VersionSummary, Data) {
        try release(document, version: version, as: .render, recipient: nil)
    }

    /// Decrypts a document version for `action` (export or render), checked and logged.
    private func release(_ document: String, version: Int?, as action: ArchivePolicy.Action, recipient: String?) throws(ArchiveError) -> (VersionSummary, Data) {
        _ = try requirePurpose()
        let (id, pupil) = try reachableDocument(document, for: action)
        let stored = try self.version(id, version)
        if action == .render, stored.mediaType != "application/xml" {
            throw .notARecord(document: stored.document, mediaType: stored.mediaType)
        }
        try authorize(action, kind: stored.kind, placement: pupil.placement, pupil: pupil.pseudonym, document: stored.document,
                      target: "document \(stored.document)")
        guard pupil.shredded == nil else { throw .shredded(pupil: pupil.pseudonym) }
        let content: Data
        do { content = try self.content(of: stored) } catch {
            try record(action.rawValue, pupil: pupil.pseudonym, document: stored.document, version: stored.version, outcome: .failed)
            throw error
        }
        let details = try self.details(of: stored)
        // Without a version number the current one was fetched; with one, ask whether it is the newest.
        var isCurrent = true
        if version != nil {
            isCurrent = try query("SELECT MAX(version) FROM versions WHERE document = ?", [.text(stored.document)]).first?.integer(0) == stored.version
        }
        try record(action.rawValue, pupil: pupil.pseudonym, document: stored.document, version: stored.version, sha256: details.sha256, recipient: recipient)
        return (VersionSummary(version: stored.version, isCurrent: isCurrent, mediaType: stored.mediaType, size: stored.size,
                               issued: stored.issued, ingested: stored.ingested, ingestedBy: stored.ingestedBy, title: details.title,
                               recordVersion: details.recordVersion, sha256: details.sha256, sender: details.provenance?.sender,
                               dossierSha256: details.provenance?.dossierSha256), content)
    }

    /// The stored version `version` (the current one when `nil`) of the document `id`.
    private func version(_ id: String, _ version: Int?) throws(ArchiveError) -> StoredVersion {
        let condition = version == nil ? "v.version = (SELECT MAX(version) FROM versions WHERE document = ?)" : "v.version = ?"
        let rows = try query("SELECT \(StoredVersion.columns) FROM versions v JOIN documents d ON d.id = v.document WHERE v.document = ? AND \(condition)",
                             [.text(id), version.map { .of($0) } ?? .text(id)])
        guard let row = rows.first else { throw .unknownVersion(document: id, version: version ?? 0) }
        return StoredVersion(row)
    }

    func summary(_ pupil: PupilRecord) throws(ArchiveError) -> PupilSummary {
        let count = try query("SELECT COUNT(*) FROM documents WHERE pseudonym = ?", [.text(pupil.pseudonym)]).first?.integer(0) ?? 0
        let status = pupil.shredded != nil ? "shredded" : pupil.holdSince != nil ? "on hold" : "active"
        return PupilSummary(pseudonym: pupil.pseudonym, placement: pupil.placement, documents: count, updated: pupil.updated, status: status)
    }
}
