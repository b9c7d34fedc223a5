import AuditLog
import Cryptography
import Foundation
import Support

/// An archive folder: the SQLite index, encrypted blobs, operators' key files, the policy
/// and the access log. Opening it reads only the policy; everything confidential needs an
/// operator's credential (``login(_:credential:purpose:)``).
///
/// One instance per thread (it owns a SQLite connection). Several processes may use the
/// same archive at once: writers take turns on SQLite's write lock.
public final class ConfidentialArchive {
    let layout: ArchiveLayout
    let database: SQLiteDatabase
    let schemas: ArchiveSchemas
    let log: AccessLog
    /// The policy as read from `policy.xml` (checked against its seal at login).
    public let policy: ArchivePolicy
    /// Who holds the archive key: its operators (a local archive), or its service alone.
    public let custody: KeyCustody
    /// The index's format: ``IndexSchema/version``, or 1 (opened to be checked and migrated only).
    let format: Int

    /// Who holds an archive's key.
    public enum KeyCustody: String, Sendable {
        /// Each enrolled operator's certificate or passphrase opens the archive key: the embedded
        /// default, for one custodian on one machine (`--path` with the operator's credential).
        case operators
        /// Only the custodians' passphrase opens it, at service start (``unlock(custodianPassphrase:)``);
        /// operators are enrolled by identity and hold nothing that opens a key.
        case service
    }

    /// The archive folder.
    public var root: URL { layout.root }

    /// Opens the archive at `root`.
    /// - Throws: ``ArchiveError/notAnArchive(path:)``, ``ArchiveError/invalidPolicy(file:reason:)``,
    ///   ``ArchiveError/database(_:)``.
    public init(at root: URL, schemas: ArchiveSchemas) throws(ArchiveError) {
        let layout = ArchiveLayout(root: root)
        guard FileManager.default.fileExists(atPath: layout.index.path) else { throw .notAnArchive(path: root.path) }
        self.layout = layout
        self.schemas = schemas
        self.log = AccessLog(folder: layout.log)
        do { database = try SQLiteDatabase(path: layout.index.path, create: false) } catch { throw .database(error) }
        let format = try Self.metadata("format", in: database).flatMap { Int(String(decoding: $0, as: UTF8.self)) }
        guard let format, (1...IndexSchema.version).contains(format) else {
            throw .damaged(what: "The archive's index", reason: "it has no format version this Inclusio knows (it was made by another version)")
        }
        // The policy in force lives in the index (sealed); policy.xml is its readable copy.
        guard let inForce = try Self.metadata("policy", in: database) else { throw .damaged(what: "The archive's index", reason: "it holds no policy") }
        policy = try ArchivePolicy.read(inForce, file: "the policy in force", schemas: schemas.policy)
        self.format = format
        custody = try Self.metadata("custody", in: database).flatMap { KeyCustody(rawValue: String(decoding: $0, as: UTF8.self)) } ?? .operators
    }

    /// Proves `op`'s identity with `credential`, opens the archive key and checks the policy
    /// against its seal. A wrong credential is refused without a log entry (nothing could seal it).
    /// `purpose` must be one of the policy's codes for the operator's role (``ArchivePolicy/checkedPurpose(_:for:)``).
    /// - Throws: ``ArchiveError/unknownOperator(id:suggestion:)``, ``ArchiveError/notEnrolled(operator:)``,
    ///   ``ArchiveError/wrongCredential(operator:)``, ``ArchiveError/policyAltered(path:)``, ``ArchiveError/purposeNotCoded(allowed:)``.
    /// An edit to `policy.xml` must be applied, not silently obeyed or ignored: unless
    /// `acceptingEditedPolicy` (for `policy apply` itself), a copy that differs is refused.
    public func login(_ op: String, credential: OperatorCredential, purpose: String?,
                      acceptingEditedPolicy: Bool = false) throws(ArchiveError) -> ArchiveSession {
        guard acceptingEditedPolicy || FileManager.default.contents(atPath: layout.policy.path) == policy.data else {
            throw .policyAltered(path: layout.policy.path)
        }
        guard custody == .operators else { throw .servedArchive(path: root.path) }
        try checkOpenable()
        guard let found = policy.operators[op] else {
            throw .unknownOperator(id: op, suggestion: EditDistance.nearest(to: op, among: policy.operators.keys.sorted(), limit: 3))
        }
        guard credential.kind == found.credential else { throw .wrongCredentialKind(operator: op, expected: found.credential) }
        // A wrong credential is not logged: no key is open to seal an entry (an unsealed one could be
        // forged by anyone who can write the folder), and the key file can be tried offline anyway.
        guard let master = try openArchiveKey(found, credential: credential) else { throw .wrongCredential(operator: op) }
        let keys = try keyring(master, keyFile: layout.operatorKey(op, found.credential)) { file throws(ArchiveError) in
            try Self.crypto { () throws(CryptographyError) in try OperatorKeyFile.open(file, with: credential, operator: op) }
        }
        return ArchiveSession(archive: self, operator: found, keys: keys, purpose: try policy.checkedPurpose(purpose, for: found))
    }

    /// The master key, opened from operator `op`'s key file with `credential` (`nil` when it does not open it).
    func openArchiveKey(_ op: ArchivePolicy.Operator, credential: OperatorCredential) throws(ArchiveError) -> SymmetricKey? {
        guard let file = FileManager.default.contents(atPath: layout.operatorKey(op.id, op.credential).path) else { throw .notEnrolled(operator: op.id) }
        return try Self.crypto { () throws(CryptographyError) in try OperatorKeyFile.open(file, with: credential, operator: op.id) }
    }

    /// Keys are used only in an archive of the current format that is not a backup copy.
    func checkOpenable() throws(ArchiveError) {
        guard format == IndexSchema.version else { throw .earlierFormat(path: root.path) }
        guard try Self.metadata("backup_period", in: database) == nil else { throw .backupCopy(path: root.path) }
    }

    /// Where `archive rekey --master` writes the new key file before the index commits.
    static func pending(_ keyFile: URL) -> URL { keyFile.appendingPathExtension("next") }

    /// ``keyring(_:)`` of `master`; when it does not open the index's keys because a master rekey
    /// was interrupted after the index committed, the new key file waiting beside `keyFile` is
    /// opened with `opening` (the same credential) and renamed into place.
    func keyring(_ master: SymmetricKey, keyFile: URL, opening: (Data) throws(ArchiveError) -> SymmetricKey?) throws(ArchiveError) -> ArchiveKeyring {
        do { return try keyring(master) } catch {
            let pending = Self.pending(keyFile)
            guard case .damaged = error, let file = FileManager.default.contents(atPath: pending.path),
                  let next = try opening(file), let keys = try? keyring(next) else { throw error }
            if rename(pending.path, keyFile.path) == 0 { DurableFile.syncFolder(keyFile.deletingLastPathComponent()) }
            return keys
        }
    }

    /// The keys `master` unwraps from the index's `keys` table.
    func separateKeys(_ master: SymmetricKey) throws(ArchiveError) -> SeparateKeys {
        let rows: [SQLiteRow]
        do { rows = try database.rows("SELECT name, wrapped FROM keys") } catch { throw .database(error) }
        let stored = Dictionary(rows.compactMap { row in row.text(0).flatMap { name in row.blob(1).map { (name, $0) } } }, uniquingKeysWith: { first, _ in first })
        guard let service = SeparateKeys.unwrap(stored, master: master) else {
            throw .damaged(what: "The archive's keys", reason: "they do not open with its master key (a key file of another archive, or a damaged index)")
        }
        return service
    }

    /// The keys `master` opens and the log's authority sealed under the log's root, once the policy
    /// in force is found sealed by them and the checkpoint key recorded is the authority's.
    func keyring(_ master: SymmetricKey) throws(ArchiveError) -> ArchiveKeyring {
        let service = try separateKeys(master)
        guard let sealed = try Self.metadata("log_authority", in: database) else {
            throw .damaged(what: "The archive's index", reason: "it holds no key for its access log")
        }
        let keys = ArchiveKeyring(master: master, keys: service, logAuthority: try LogAuthority.open(sealed, under: service.logRoot, origin: try logOrigin))
        try checkSeal(keys)
        try checkCheckpointKey(keys)
        return keys
    }

    /// The policy in force must carry the seal of `keys`.
    func checkSeal(_ keys: ArchiveKeyring) throws(ArchiveError) {
        let seal = try Self.metadata("policy_seal", in: database)
        guard let seal, keys.isSealed(policy: policy.data, by: seal) else {
            throw .damaged(what: "The policy in force", reason: "it does not match its seal, so it was changed outside the archive's commands")
        }
    }

    /// The log's name in checkpoints: `inclusio.archive/<the archive's random origin>`.
    var logOrigin: String {
        get throws(ArchiveError) {
            guard let origin = try Self.metadata("origin", in: database) else { throw .damaged(what: "The archive's index", reason: "it holds no origin") }
            return "inclusio.archive/" + String(decoding: origin, as: UTF8.self)
        }
    }

    /// The public key that checks the log's checkpoints, as the index records it.
    public func checkpointKey() throws(ArchiveError) -> Ed25519PublicKey {
        guard let raw = try Self.metadata("checkpoint_key", in: database), let key = try? Ed25519PublicKey(rawRepresentation: raw) else {
            throw .damaged(what: "The archive's index", reason: "it holds no checkpoint key")
        }
        return key
    }

    /// The checkpoint key the index records must be the log authority's. Its PEM copy in `log/` is rewritten if missing.
    private func checkCheckpointKey(_ keys: ArchiveKeyring) throws(ArchiveError) {
        let published = keys.logAuthority.signing.publicKey
        guard try Self.metadata("checkpoint_key", in: database) == published.rawRepresentation else {
            throw .damaged(what: "The archive's checkpoint key", reason: "it is not the public key of the log's own key, so checkpoints could be forged")
        }
        if !FileManager.default.fileExists(atPath: layout.checkpointKey.path) { try writeCheckpointKey(published) }
    }

    /// Writes the PEM copy of the checkpoint key in `log/` for auditors and outside tools.
    func writeCheckpointKey(_ key: Ed25519PublicKey) throws(ArchiveError) {
        let pem = try Self.crypto { () throws(CryptographyError) in try key.pemRepresentation() }
        try DurableFile.write(Data(pem.utf8), to: layout.checkpointKey, temporaryFolder: layout.temporary, mode: 0o644, replacing: true)
    }

    /// Records the log's size and tree head in the index (`log_size`, `log_head`), inside a write transaction.
    func recordLogHead() throws(ArchiveError) {
        let head = try Self.logging { () throws(AuditLogError) in try log.head() }
        do {
            for (key, value) in [("log_size", Data("\(head.size)".utf8)), ("log_head", head.root)] {
                try database.rows("INSERT OR REPLACE INTO archive (key, value) VALUES (?, ?)", [.text(key), .blob(value)])
            }
        } catch {
            throw .database(error)
        }
    }

    /// The log's head the index recorded at its last change (`nil` before the first).
    func recordedLogHead() throws(ArchiveError) -> LogHead? {
        guard let size = try Self.metadata("log_size", in: database).flatMap({ Int(String(decoding: $0, as: UTF8.self)) }),
              let root = try Self.metadata("log_head", in: database) else { return nil }
        return LogHead(size: size, root: root)
    }

    /// Runs a log operation, turning its failure into ``ArchiveError``.
    @discardableResult
    static func logging<T>(_ body: () throws(AuditLogError) -> T) throws(ArchiveError) -> T {
        do { return try body() } catch { throw .accessLog(error) }
    }

    /// A value of the `archive` table.
    static func metadata(_ key: String, in database: SQLiteDatabase) throws(ArchiveError) -> Data? {
        do { return try database.row("SELECT value FROM archive WHERE key = ?", [.text(key)])?.blob(0) } catch { throw .database(error) }
    }
}

@available(*, unavailable) extension ConfidentialArchive: Sendable {}
