import AuditLog
import Cryptography
import Foundation
import Support

extension ArchiveSession {
    /// Restores the backup in `backup` (written by ``backup(to:period:)`` of this archive) into
    /// `folder` (which must not exist), with this archive's keys: each pupil key of the copy is
    /// opened with the pupil's backup key of the copy's period, as this archive holds it now, and
    /// wrapped under new scope keys. A pupil shredded since the backup has no backup key any
    /// more: their file in the restored copy is shredded too (keys, identity, tokens and blobs
    /// destroyed), and they are named in the report. The key files and the keys below the master
    /// key are this archive's. Administrators; logged as `restore` here and in the restored copy.
    /// - Throws: ``ArchiveError/notABackup(path:)``, ``ArchiveError/alreadyExists(path:)``,
    ///   ``ArchiveError/damaged(what:reason:)`` (a backup of another archive: no key for its period).
    public func restore(_ backup: URL, to folder: URL) throws(ArchiveError) -> RestoreReport {
        try authorize(.policy, placement: nil, pupil: nil, target: "the archive's backups")
        guard !FileManager.default.fileExists(atPath: folder.path) else { throw .alreadyExists(path: folder.path) }
        let index = backup.appendingPathComponent("index.sqlite")
        guard FileManager.default.fileExists(atPath: index.path) else { throw .notABackup(path: backup.path) }
        let staging = folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent)-\(AtomicFiles.token())", isDirectory: true)
        do throws(ArchiveError) {
            try DurableFile.makeFolder(staging.appendingPathComponent("tmp"))
            try ArchiveCopy.tree(backup, to: staging, temporary: staging.appendingPathComponent("tmp"))
            let (period, wraps) = try adopt(staging)
            // The backup keys as this archive holds them now: none for a pupil shredded since.
            guard let periodKey = try backupPeriodKey(period, create: false) else {
                throw .damaged(what: "The backup in \(backup.path)", reason: "this archive holds no key for backups of period \(period) (a backup of another archive?)")
            }
            var backupKeys: [String: SymmetricKey] = [:]
            for pupil in Set(wraps.map(\.pupil)) { backupKeys[pupil] = try storedBackupKey(pupil, period: period, periodKey: periodKey) }
            let shredded = try rewrap(staging, period: period, wraps: wraps, backupKeys: backupKeys)
            try record("restore", recipient: "period \(period)")
            try ArchiveCopy.place(staging, at: folder)
            return RestoreReport(period: period, folder: folder.path, restored: Set(wraps.map(\.pupil)).count - shredded.count, shredded: shredded)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
    }

    /// Wraps the restored pupil keys under scope keys of the copy in `staging` and destroys the
    /// files of the pupils without a backup key; returns those pupils. The copy's session ends
    /// (its checkpoint signed, its index closed) before the folder moves.
    private func rewrap(_ staging: URL, period: String, wraps: [(pupil: String, keyClass: String, wrapped: Data)],
                        backupKeys: [String: SymmetricKey]) throws(ArchiveError) -> [String] {
        let restored = ArchiveSession(archive: try ConfidentialArchive(at: staging, schemas: archive.schemas), operator: op, keys: keys, purpose: purpose)
        let shredded = try restored.writing { () throws(ArchiveError) in
            var shredded: Set<String> = []
            for wrap in wraps {
                guard let backupKey = backupKeys[wrap.pupil] else { shredded.insert(wrap.pupil); continue }
                let pupilKey = try open(wrap.wrapped, under: backupKey, binding: Binding.pupilKey(wrap.pupil, keyClass: wrap.keyClass, scope: "backup:\(period)"),
                                        what: "The key of pupil \(wrap.pupil) in the backup")
                try restored.wrap(pupilKey, pupil: wrap.pupil, keyClass: wrap.keyClass, placement: try restored.pupil(wrap.pupil).placement)
            }
            for pupil in shredded.sorted() { try restored.destroy(pupil) }
            try restored.record("restore", recipient: "period \(period)")
            return shredded.sorted()
        }
        try restored.signCheckpoint()
        _ = try? restored.database.rows("PRAGMA wal_checkpoint(TRUNCATE)")
        return shredded
    }

    /// Makes the copy in `staging` an archive of this one's keys: this archive's keys below the
    /// master key and its key files, the backup's mark removed. Returns the backup's period and
    /// its wrapped pupil keys.
    private func adopt(_ staging: URL) throws(ArchiveError) -> (period: String, wraps: [(pupil: String, keyClass: String, wrapped: Data)]) {
        let copy: SQLiteDatabase
        do { copy = try SQLiteDatabase(path: staging.appendingPathComponent("index.sqlite").path, create: false) } catch { throw .database(error) }
        func run(_ sql: String, _ values: [SQLiteValue] = []) throws(ArchiveError) -> [SQLiteRow] { try ConfidentialArchive.query(copy, sql, values) }
        guard let period = try run("SELECT value FROM archive WHERE key = 'backup_period'").first?.blob(0).map({ String(decoding: $0, as: UTF8.self) }) else {
            throw .notABackup(path: staging.path)
        }
        let wraps = try run("SELECT pseudonym, key_class, wrapped_key FROM pupil_keys WHERE scope = ?", [.text("backup:\(period)")]).compactMap { row in
            row.text(0).flatMap { pupil in row.text(1).flatMap { keyClass in row.blob(2).map { (pupil: pupil, keyClass: keyClass, wrapped: $0) } } }
        }
        _ = try run("DELETE FROM keys")
        for row in try query("SELECT name, wrapped, created FROM keys WHERE name NOT LIKE 'scope|%' AND name NOT LIKE 'backup|%'") {
            _ = try run("INSERT INTO keys (name, wrapped, created) VALUES (?, ?, ?)", [.of(row.text(0)), .blob(row.blob(1) ?? Data()), .of(row.text(2))])
        }
        _ = try run("DELETE FROM archive WHERE key = 'backup_period'")
        let keys = staging.appendingPathComponent("keys")
        try? FileManager.default.removeItem(at: keys)
        try ArchiveCopy.tree(archive.layout.keys, to: keys, temporary: staging.appendingPathComponent("tmp"))
        return (period, wraps)
    }

    /// Destroys a pupil's file in a restored copy, as ``shred(_:today:)`` does, for a pupil shredded since the backup.
    private func destroy(_ pupil: String) throws(ArchiveError) {
        let blobs = try query("SELECT v.blob FROM versions v JOIN documents d ON d.id = v.document WHERE d.pseudonym = ? AND v.blob IS NOT NULL",
                              [.text(pupil)]).compactMap { $0.text(0) }
        try destroyKeys(of: pupil)
        for blob in blobs { unlink(archive.layout.blob(blob).path) }
    }
}
