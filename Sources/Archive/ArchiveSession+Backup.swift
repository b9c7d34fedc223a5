import AuditLog
import Cryptography
import Foundation
import Support

/// What `archive backup` wrote.
public struct BackupReport: Sendable, Encodable {
    /// The backup period whose keys wrap the copy's pupil keys (`YYYY-MM`).
    public let period: String
    public let folder: String
    public let pupils: Int
    public let versions: Int
}

/// What `archive restore` made of a backup.
public struct RestoreReport: Sendable, Encodable {
    public let period: String
    public let folder: String
    /// Pupils whose keys were restored.
    public let restored: Int
    /// Pupils shredded since the backup (their backup keys are destroyed): their files stay shredded.
    public let shredded: [String]
}

/// Backups whose pupil keys are wrapped under per-period backup keys that only the live archive
/// holds: a pupil's backup key of every period is destroyed when the pupil is shredded, so a
/// backup taken before the shred can no longer be opened for them, while the others restore.
///
/// The live index keeps, per period, a key wrapped under the master key (`keys`, `backup|<period>`)
/// and, per pupil, a backup key wrapped under it (`backup_keys`). A copy keeps each pupil key
/// wrapped under that pupil's backup key of the copy's period only (`pupil_keys`, scope
/// `backup:<period>`); it holds no scope key, no period key and no backup key.
extension ArchiveSession {
    /// Writes a copy of the archive to `folder` (which must not exist): index, blobs, policy, key
    /// files and log, with every pupil key wrapped under the pupil's backup key of `period` (made
    /// when missing) instead of the scope keys. Administrators; logged as `backup`.
    /// - Throws: ``ArchiveError/alreadyExists(path:)``, ``ArchiveError/notPermitted(operator:action:target:)``.
    public func backup(to folder: URL, period: String) throws(ArchiveError) -> BackupReport {
        try authorize(.policy, placement: nil, pupil: nil, target: "the archive's backups")
        guard !FileManager.default.fileExists(atPath: folder.path) else { throw .alreadyExists(path: folder.path) }
        let staging = folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent)-\(AtomicFiles.token())", isDirectory: true)
        do throws(ArchiveError) {
            try DurableFile.makeFolder(staging)
            // A consistent snapshot of the index (a read transaction), then made a backup in place.
            _ = try query("VACUUM INTO ?", [.text(staging.appendingPathComponent("index.sqlite").path)])
            let (pupils, versions) = try writing { () throws(ArchiveError) in try seal(staging.appendingPathComponent("index.sqlite"), period: period) }
            for name in ["blobs", "keys", "log", "policy.xml"] {
                try ArchiveCopy.tree(archive.root.appendingPathComponent(name), to: staging.appendingPathComponent(name), temporary: staging)
            }
            try DurableFile.makeFolder(staging.appendingPathComponent("tmp"))
            try record("backup", recipient: "period \(period)")
            try ArchiveCopy.place(staging, at: folder)
            return BackupReport(period: period, folder: folder.path, pupils: pupils, versions: versions)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
    }

    /// Turns the snapshot `copy` into a backup of `period`: its pupil keys re-wrapped under their
    /// backup keys (made in the live index when missing), its scope keys and backup keys removed.
    private func seal(_ index: URL, period: String) throws(ArchiveError) -> (pupils: Int, versions: Int) {
        // Closed when this returns, before the folder moves.
        let copy: SQLiteDatabase
        do { copy = try SQLiteDatabase(path: index.path, create: false) } catch { throw .database(error) }
        func run(_ sql: String, _ values: [SQLiteValue] = []) throws(ArchiveError) -> [SQLiteRow] { try ConfidentialArchive.query(copy, sql, values) }
        let scope = "backup:\(period)"
        // The pupil keys as the snapshot holds them, opened through its own scope keys (wrapped under the same master key).
        var scopeKeys: [String: SymmetricKey] = [:]
        for row in try run("SELECT name, wrapped FROM keys WHERE name LIKE 'scope|%'") {
            guard let name = row.text(0), let wrapped = row.blob(1) else { continue }
            scopeKeys[name] = try open(wrapped, under: keys.master, binding: Binding.wrappedKey(name), what: "A scope key of the archive")
        }
        let periodKey = try backupPeriodKey(period)
        var pupils: Set<String> = []
        for row in try run("SELECT pseudonym, key_class, scope, wrapped_key FROM pupil_keys") {
            guard let pupil = row.text(0), let keyClass = row.text(1), let from = row.text(2), let wrapped = row.blob(3), !pupils.contains(pupil + "|" + keyClass) else { continue }
            guard let scopeKey = scopeKeys[KeyScope.keyName(from, keyClass: keyClass)] else { throw .damaged(what: "A scope key of the archive", reason: "it is missing") }
            let pupilKey = try open(wrapped, under: scopeKey, binding: Binding.pupilKey(pupil, keyClass: keyClass, scope: from), what: "The key of pupil \(pupil)")
            let backupKey = try self.backupKey(pupil, period: period, periodKey: periodKey)
            let sealed = try crypto { () throws(CryptographyError) in
                try AESGCM.seal(pupilKey.bytes, key: backupKey, associatedData: Binding.pupilKey(pupil, keyClass: keyClass, scope: scope))
            }
            _ = try run("DELETE FROM pupil_keys WHERE pseudonym = ? AND key_class = ?", [.text(pupil), .text(keyClass)])
            _ = try run("INSERT INTO pupil_keys (pseudonym, key_class, scope, wrapped_key) VALUES (?, ?, ?, ?)",
                        [.text(pupil), .text(keyClass), .text(scope), .blob(sealed)])
            pupils.insert(pupil + "|" + keyClass)
        }
        _ = try run("DELETE FROM keys WHERE name LIKE 'scope|%' OR name LIKE 'backup|%'")
        _ = try run("DELETE FROM backup_keys")
        _ = try run("INSERT INTO archive (key, value) VALUES ('backup_period', ?)", [.blob(Data(period.utf8))])
        // Nothing deleted may stay in free pages of the copy.
        do { try copy.execute("VACUUM") } catch { throw .database(error) }
        let versions = try run("SELECT COUNT(*) FROM versions WHERE wrapped_key IS NOT NULL").first?.integer(0) ?? 0
        return (Set(pupils.map { $0.split(separator: "|")[0] }).count, versions)
    }

    /// The key of backup period `period`, opened with the master key; made when `create` and missing.
    func backupPeriodKey(_ period: String, create: Bool = true) throws(ArchiveError) -> SymmetricKey? {
        let name = "backup|\(period)"
        if let wrapped = try query("SELECT wrapped FROM keys WHERE name = ?", [.text(name)]).first?.blob(0) {
            return try open(wrapped, under: keys.master, binding: Binding.wrappedKey(name), what: "The key of backup period \(period)")
        }
        guard create else { return nil }
        let key = try crypto { () throws(CryptographyError) in try SymmetricKey.random() }
        let wrapped = try crypto { () throws(CryptographyError) in try AESGCM.seal(key.bytes, key: keys.master, associatedData: Binding.wrappedKey(name)) }
        _ = try query("INSERT INTO keys (name, wrapped, created) VALUES (?, ?, ?)", [.text(name), .blob(wrapped), .text(AccessLog.timestamp(Date()))])
        return key
    }

    /// The pupil's backup key of `period`, made when missing.
    private func backupKey(_ pupil: String, period: String, periodKey: SymmetricKey?) throws(ArchiveError) -> SymmetricKey {
        guard let periodKey else { throw .damaged(what: "The key of backup period \(period)", reason: "it is missing") }
        if let key = try storedBackupKey(pupil, period: period, periodKey: periodKey) { return key }
        let key = try crypto { () throws(CryptographyError) in try SymmetricKey.random() }
        let wrapped = try crypto { () throws(CryptographyError) in try AESGCM.seal(key.bytes, key: periodKey, associatedData: Binding.backupKey(pupil, period: period)) }
        _ = try query("INSERT INTO backup_keys (period, pseudonym, wrapped_key) VALUES (?, ?, ?)", [.text(period), .text(pupil), .blob(wrapped)])
        return key
    }

    /// The pupil's backup key of `period` as the live index holds it (`nil` once the pupil is shredded).
    func storedBackupKey(_ pupil: String, period: String, periodKey: SymmetricKey) throws(ArchiveError) -> SymmetricKey? {
        guard let wrapped = try query("SELECT wrapped_key FROM backup_keys WHERE period = ? AND pseudonym = ?", [.text(period), .text(pupil)]).first?.blob(0) else { return nil }
        return try open(wrapped, under: periodKey, binding: Binding.backupKey(pupil, period: period), what: "The backup key of pupil \(pupil)")
    }

    func open(_ wrapped: Data, under key: SymmetricKey, binding: Data, what: String) throws(ArchiveError) -> SymmetricKey {
        do { return try SymmetricKey(bytes: AESGCM.open(wrapped, key: key, associatedData: binding)) } catch {
            throw .damaged(what: what, reason: "it does not open")
        }
    }
}

/// Copies of an archive's folders, each file written durably.
enum ArchiveCopy {
    /// Copies `source` (a file or a folder, recursively) to `target`, skipping `serve.lock` and `tmp/`.
    static func tree(_ source: URL, to target: URL, temporary: URL) throws(ArchiveError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else {
            guard let data = FileManager.default.contents(atPath: source.path) else { throw .cannotRead(file: source.path) }
            let mode = (try? FileManager.default.attributesOfItem(atPath: source.path)[.posixPermissions] as? Int).map { mode_t($0) } ?? 0o600
            try DurableFile.write(data, to: target, temporaryFolder: temporary, mode: mode, replacing: true)
            return
        }
        try DurableFile.makeFolder(target)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: source.path)) ?? [] where name != "serve.lock" {
            try tree(source.appendingPathComponent(name), to: target.appendingPathComponent(name), temporary: temporary)
        }
        DurableFile.syncFolder(target)
    }

    /// Moves the finished copy in `staging` to `folder`, durably.
    static func place(_ staging: URL, at folder: URL) throws(ArchiveError) {
        guard rename(staging.path, folder.path) == 0 else {
            throw .cannotWrite(FileWriteError(path: folder.path, reason: String(cString: strerror(errno))))
        }
        DurableFile.syncFolder(folder.deletingLastPathComponent())
    }
}
