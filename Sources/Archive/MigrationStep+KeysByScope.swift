import AuditLog
import Cryptography
import Foundation

extension MigrationStep {
    /// Format 1 → 2: keys by scope. The keys format 1 derived from the archive key (blind index,
    /// policy seal, content tokens, notes, enrolment seal) are kept as they were, now wrapped under
    /// the master key (the old archive key), so tokens and seals stay valid; the log's root is the
    /// old archive key, so the log continues. Each pupil's one key is replaced by one key per key
    /// class of the policy in force, wrapped under the scope keys of the pupil's school, and their
    /// document keys, details and identity are sealed again under them (no blob is re-encrypted);
    /// `pupils.wrapped_key` is dropped.
    static let keysByScope = MigrationStep(name: "keys by scope", from: 1, to: 2) { context throws(ArchiveError) in
        let archive = context.archive, master = context.master
        let database = archive.database
        func run(_ sql: String, _ values: [SQLiteValue] = []) throws(ArchiveError) -> [SQLiteRow] { try ConfidentialArchive.query(database, sql, values) }
        do throws(SQLiteError) { try database.execute(IndexSchema.hierarchy) } catch { throw .database(error) }
        _ = try run("ALTER TABLE pupils ADD COLUMN identity_class TEXT")
        _ = try run("ALTER TABLE documents ADD COLUMN key_class TEXT NOT NULL DEFAULT ''")
        let (derived, pupilKeys) = try ConfidentialArchive.crypto { () throws(CryptographyError) in
            (try SeparateKeys.derived(from: master), try HKDF.deriveKey(from: master, info: "inclusio archive 1: pupil keys"))
        }
        let now = AccessLog.timestamp(Date())
        for (name, wrapped) in try ConfidentialArchive.crypto({ () throws(CryptographyError) in try derived.wrapped(under: master) }) {
            _ = try run("INSERT INTO keys (name, wrapped, created) VALUES (?, ?, ?)", [.text(name), .blob(wrapped), .text(now)])
        }
        let policy = archive.policy
        for kind in try run("SELECT DISTINCT kind FROM documents").compactMap({ $0.text(0) }) {
            _ = try run("UPDATE documents SET key_class = ? WHERE kind = ?", [.text(policy.keyClass(of: kind)), .text(kind)])
        }
        // The log's authority, sealed under the old archive key by the step before (it stays the log's root).
        guard let sealed = try ConfidentialArchive.metadata("log_authority", in: database) else {
            throw .damaged(what: "The archive's index", reason: "it holds no key for its access log")
        }
        let authority = try LogAuthority.open(sealed, under: master, origin: try archive.logOrigin)
        let keyring = ArchiveKeyring(master: master, keys: derived, logAuthority: authority)
        let session = ArchiveSession(archive: archive, operator: context.op, keys: keyring, purpose: "migration")
        let pupils = try run("SELECT pseudonym, wrapped_key, jurisdiction, school_code, school_name, district FROM pupils WHERE wrapped_key IS NOT NULL")
        for row in pupils {
            guard let pupil = row.text(0), let wrapped = row.blob(1) else { continue }
            let placement = PupilPlacement(jurisdiction: row.text(2) ?? "", schoolCode: row.text(3), schoolName: row.text(4), district: row.text(5))
            let old: SymmetricKey
            do { old = try SymmetricKey(bytes: AESGCM.open(wrapped, key: pupilKeys, associatedData: Binding.pupilKey(pupil))) } catch {
                throw .damaged(what: "The key of pupil \(pupil)", reason: "it does not open")
            }
            _ = try run("UPDATE pupils SET identity_class = ? WHERE pseudonym = ?", [.text(policy.restKeyClass), .text(pupil)])
            let classes = Set(try run("SELECT DISTINCT key_class FROM documents WHERE pseudonym = ?", [.text(pupil)]).compactMap { $0.text(0) })
            for keyClass in classes.union([policy.restKeyClass]).sorted() {
                let fresh = try ConfidentialArchive.crypto { () throws(CryptographyError) in try SymmetricKey.random() }
                try session.wrap(fresh, pupil: pupil, keyClass: keyClass, placement: placement)
                _ = try session.reseal(pupil, keyClass: keyClass, from: old, to: fresh)
            }
        }
        _ = try run("ALTER TABLE pupils DROP COLUMN wrapped_key")
    }
}
