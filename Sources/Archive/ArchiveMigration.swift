import AuditLog
import Cryptography
import Foundation

/// One step of `archive migrate`: moves an archive's index from format `from` to format `to`.
/// Steps run in order, all inside one write transaction of the index, so an interruption leaves
/// the archive as it was; a step that writes files writes them durably before the commit, and
/// only files that the old format does not read. A new step is a new file with a static
/// `MigrationStep` and one line in ``ArchiveMigration/steps``.
struct MigrationStep: Sendable {
    let name: String
    let from: Int
    let to: Int
    let run: @Sendable (MigrationContext) throws(ArchiveError) -> Void
}

/// What a migration step works with.
struct MigrationContext {
    /// The archive, opened at its old format (its connection is inside the migration's transaction).
    let archive: ConfidentialArchive
    /// The master key: the archive key of format 1 (the key every key file holds).
    let master: SymmetricKey
    /// Who migrates (an administrator of a local archive, or the custodians of a served one), for sessions of the steps.
    let op: ArchivePolicy.Operator
}

/// Who opens the archive's key for `archive migrate`.
public enum MigrationKeyHolder {
    /// A local archive: an operator whose role permits `policy`, with their credential.
    case operatorCredential(String, OperatorCredential)
    /// A served archive: the custodians' passphrase.
    case custodians(Data)
}

/// What `archive migrate` did.
public struct MigrationReport: Sendable, Encodable {
    public let fromFormat: Int
    public let toFormat: Int
    /// The steps run, by name (none when the archive was already of the current format).
    public let steps: [String]
}

enum ArchiveMigration {
    /// Every step, oldest format first.
    static let steps: [MigrationStep] = [.keysByScope]
}

extension ConfidentialArchive {
    /// Moves this archive to the current format (``IndexSchema/version``), one step after another in
    /// one transaction, nothing lost: every document, version, token, seal, hold and log entry stays
    /// valid. Logged as `migrate` (the log continues: its keys do not change). An archive already of
    /// the current format is left alone.
    /// - Throws: ``ArchiveError/wrongCredential(operator:)``, ``ArchiveError/wrongCustodianPassphrase``,
    ///   ``ArchiveError/notPermitted(operator:action:target:)``, ``ArchiveError/damaged(what:reason:)``.
    public func migrate(opening holder: MigrationKeyHolder) throws(ArchiveError) -> MigrationReport {
        guard format < IndexSchema.version else { return MigrationReport(fromFormat: format, toFormat: format, steps: []) }
        let (master, op) = try masterKey(holder)
        // The policy in force must carry the seal of the old keys: the key opened is this archive's.
        guard let seal = try Self.metadata("policy_seal", in: database),
              let sealKey = try? HKDF.deriveKey(from: master, info: "inclusio archive 1: policy seal"),
              HMACSHA256.isValid(seal, for: policy.data, key: sealKey.bytes) else {
            throw .damaged(what: "The policy in force", reason: "it does not match its seal under this archive's key")
        }
        // A copy restored without its empty tmp/ gets it back: every durable write goes through it.
        try DurableFile.makeFolder(layout.temporary)
        // First the log gets its own key, sealed under the old archive key (the log's root from format 2 on).
        var done = try migrateLogAuthority(archiveKey: master, actor: op) ? ["log authority"] : []
        let context = MigrationContext(archive: self, master: master, op: op)
        let steps = ArchiveMigration.steps.filter { $0.from >= format }
        do {
            try database.writing { () throws(ArchiveError) in
                for step in steps {
                    try step.run(context)
                    _ = try Self.query(database, "UPDATE archive SET value = ? WHERE key = 'format'", [.blob(Data("\(step.to)".utf8))])
                }
            }
        } catch {
            switch error {
            case let .database(failure): throw .database(failure)
            case let .body(failure): throw failure
            }
        }
        done += steps.map(\.name)
        _ = try? database.rows("PRAGMA wal_checkpoint(TRUNCATE)")
        // The entry is written by the migrated archive's keys, as every later one will be.
        let migrated = try ConfidentialArchive(at: root, schemas: schemas)
        let session = ArchiveSession(archive: migrated, operator: op, keys: try migrated.keyring(master), purpose: "migration")
        try session.record("migrate", recipient: "format \(IndexSchema.version)")
        try session.signCheckpoint()
        return MigrationReport(fromFormat: format, toFormat: IndexSchema.version, steps: done)
    }

    /// The master key `holder` opens, and the operator who acts.
    private func masterKey(_ holder: MigrationKeyHolder) throws(ArchiveError) -> (SymmetricKey, ArchivePolicy.Operator) {
        switch holder {
        case let .custodians(passphrase):
            guard custody == .service else { throw .notServed(path: root.path) }
            let file = FileManager.default.contents(atPath: layout.custodianKey.path) ?? Data()
            guard let master = try Self.crypto({ () throws(CryptographyError) in
                try OperatorKeyFile.open(file, with: .passphrase(passphrase), operator: ArchiveCustody.custodian)
            }) else { throw .wrongCustodianPassphrase }
            let role = ArchivePolicy.Role(id: ArchiveCustody.custodian, name: "Custodians", permits: [])
            return (master, ArchivePolicy.Operator(id: ArchiveCustody.custodian, name: "Custodians", organisation: "", role: role,
                                                   credential: .passphrase, scopes: []))
        case let .operatorCredential(id, credential):
            guard custody == .operators else { throw .servedArchive(path: root.path) }
            guard let op = policy.operators[id] else { throw .unknownOperator(id: id, suggestion: nil) }
            guard policy.permits(op, .policy) else { throw .notPermitted(operator: id, action: .policy, target: "the archive's format") }
            guard let file = FileManager.default.contents(atPath: layout.operatorKey(id, op.credential).path) else { throw .notEnrolled(operator: id) }
            guard let master = try Self.crypto({ () throws(CryptographyError) in try OperatorKeyFile.open(file, with: credential, operator: id) }) else {
                throw .wrongCredential(operator: id)
            }
            return (master, op)
        }
    }

    static func query(_ database: SQLiteDatabase, _ sql: String, _ values: [SQLiteValue] = []) throws(ArchiveError) -> [SQLiteRow] {
        do { return try database.rows(sql, values) } catch { throw .database(error) }
    }
}
