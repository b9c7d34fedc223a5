import AuditLog
import Cryptography
import Foundation

extension ArchiveSession {
    /// Places a legal hold on a pupil's file: nothing of it can be shredded until released.
    /// The reason is kept sealed.
    public func hold(_ reference: String, reason: String) throws(ArchiveError) {
        _ = try requirePurpose()
        let pupil = try reachablePupil(reference, for: .hold)
        let sealed = try crypto { () throws(CryptographyError) in
            try AESGCM.seal(Data(reason.utf8), key: keys.notes, associatedData: Binding.holdReason(pupil.pseudonym))
        }
        try writing { () throws(ArchiveError) in
            _ = try query("UPDATE pupils SET hold_since = ?, sealed_hold_reason = ? WHERE pseudonym = ?",
                          [.text(AccessLog.timestamp(Date())), .blob(sealed), .text(pupil.pseudonym)])
            try record("hold", pupil: pupil.pseudonym)
        }
    }

    /// Releases a legal hold.
    public func release(_ reference: String) throws(ArchiveError) {
        _ = try requirePurpose()
        let pupil = try reachablePupil(reference, for: .hold)
        try writing { () throws(ArchiveError) in
            _ = try query("UPDATE pupils SET hold_since = NULL, sealed_hold_reason = NULL WHERE pseudonym = ?", [.text(pupil.pseudonym)])
            try record("release", pupil: pupil.pseudonym)
        }
    }

    /// Crypto-shreds a pupil's file: their key, identity, search tokens, document keys and
    /// encrypted files are destroyed, so nothing of it can be recovered, while the index
    /// keeps that the file existed, its documents' kinds and dates, and who shredded it when.
    /// Refused while a legal hold or a retention period (counted from each document's date,
    /// or its ingest when it has none) is in force.
    /// - Returns: the number of document versions destroyed.
    /// - Throws: ``ArchiveError/onHold(pupil:)``, ``ArchiveError/retained(pupil:until:kinds:)``,
    ///   ``ArchiveError/shredded(pupil:)``, ``ArchiveError/notPermitted(operator:action:target:)``.
    public func shred(_ reference: String, today: Date = Date()) throws(ArchiveError) -> Int {
        _ = try requirePurpose()
        let pupil = try reachablePupil(reference, for: .shred)
        guard pupil.shredded == nil else { throw .shredded(pupil: pupil.pseudonym) }
        guard pupil.holdSince == nil else {
            try record("shred", pupil: pupil.pseudonym, outcome: .denied)
            throw .onHold(pupil: pupil.pseudonym)
        }
        let versions = try query("SELECT \(StoredVersion.columns) FROM versions v JOIN documents d ON d.id = v.document WHERE d.pseudonym = ?",
                                 [.text(pupil.pseudonym)]).map(StoredVersion.init)
        let running = versions.compactMap { version -> (kind: String, until: String)? in
            let until = Self.addingYears(policy.retention(of: version.kind), to: String((version.issued ?? version.ingested).prefix(10)))
            return until > Self.day(today) ? (version.kind, until) : nil
        }
        if let latest = running.map(\.until).max() {
            try record("shred", pupil: pupil.pseudonym, outcome: .denied)
            throw .retained(pupil: pupil.pseudonym, until: latest, kinds: Set(running.map(\.kind)).sorted())
        }
        try writing { () throws(ArchiveError) in
            try destroyKeys(of: pupil.pseudonym)
            try record("shred", pupil: pupil.pseudonym)
        }
        for blob in versions.compactMap(\.blob) { unlink(archive.layout.blob(blob).path) }
        // Old page images stay in the WAL until it is checkpointed and truncated.
        _ = try? database.rows("PRAGMA wal_checkpoint(TRUNCATE)")
        return versions.count
    }

    /// Destroys, inside a write transaction, everything that opens a pupil's file: their search tokens,
    /// every wrap of every key of theirs (under every scope), their backup key of every period (so no
    /// backup taken before opens for them any more), their identity, hold reason, document keys and
    /// details; the blobs' names are cleared (the caller unlinks the files). The rows that say the file
    /// existed stay.
    func destroyKeys(of pupil: String) throws(ArchiveError) {
        _ = try query("DELETE FROM tokens WHERE pseudonym = ?", [.text(pupil)])
        _ = try query("DELETE FROM pupil_keys WHERE pseudonym = ?", [.text(pupil)])
        _ = try query("DELETE FROM backup_keys WHERE pseudonym = ?", [.text(pupil)])
        _ = try query("UPDATE pupils SET sealed_identity = NULL, sealed_hold_reason = NULL, shredded = ?, shredded_by = ? WHERE pseudonym = ?",
                      [.text(AccessLog.timestamp(Date())), .text(op.id), .text(pupil)])
        // Content tokens are keyed digests of the plaintext: replaced by random bytes so no
        // one holding the archive's keys can confirm a guessed document afterwards.
        _ = try query("UPDATE versions SET wrapped_key = NULL, sealed_details = NULL, blob = NULL, content_token = randomblob(32) WHERE document IN (SELECT id FROM documents WHERE pseudonym = ?)",
                      [.text(pupil)])
    }

    /// `day` (YYYY-MM-DD) plus `years`, as YYYY-MM-DD (29 February becomes 28 February).
    static func addingYears(_ years: Int, to day: String) -> String {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return day }
        let year = parts[0] + years
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let date = parts[1] == 2 && parts[2] == 29 && !leap ? 28 : parts[2]
        return String(format: "%04d-%02d-%02d", year, parts[1], date)
    }

    static func day(_ date: Date) -> String { String(AccessLog.timestamp(date).prefix(10)) }
}
