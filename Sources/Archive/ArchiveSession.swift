import AuditLog
import Cryptography
import Foundation

/// One operator's authenticated use of the archive for one command: every look-up and
/// change goes through here, checked against the policy and written to the access log
/// before any data is released.
public final class ArchiveSession {
    let archive: ConfidentialArchive
    /// Its keys (a new master key after ``rekeyMaster(holder:)``).
    private(set) var keys: ArchiveKeyring
    /// The operator, as the policy describes them.
    public let op: ArchivePolicy.Operator
    /// Why: a purpose code of the policy, with a case reference or not (written into every log entry).
    public let purpose: String?
    /// The custody that opened this session, in a service: its log writer appends for concurrent
    /// requests and signs the checkpoints, and the opened archive goes back to it at the end.
    let custody: ArchiveCustody?
    /// Scope and pupil keys opened during this session, by name (emptied when a write transaction
    /// fails, since it may have made some that were rolled back).
    var openedKeys: [String: SymmetricKey] = [:]

    init(archive: ConfidentialArchive, operator op: ArchivePolicy.Operator, keys: ArchiveKeyring, purpose: String?,
         custody: ArchiveCustody? = nil) {
        self.archive = archive
        self.op = op
        self.keys = keys
        self.purpose = purpose
        self.custody = custody
    }

    /// Continues with `master` once a rekey committed it.
    func replaceMaster(_ master: SymmetricKey) { keys = keys.replacing(master: master) }

    var database: SQLiteDatabase { archive.database }
    var policy: ArchivePolicy { archive.policy }

    /// The purpose, required for everything that touches a pupil.
    func requirePurpose() throws(ArchiveError) -> String {
        guard let purpose, !purpose.trimmingCharacters(in: .whitespaces).isEmpty else { throw .purposeMissing }
        return purpose
    }

    /// Checks that the policy lets this operator take `action` on `kind` for a pupil placed
    /// at `placement` (no pupil: archive-wide); a refusal is logged, then thrown.
    func authorize(_ action: ArchivePolicy.Action, kind: String? = nil, placement: PupilPlacement?, pupil: String?,
                   document: String? = nil, target: String) throws(ArchiveError) {
        let allowed = policy.permits(op, action, kind: kind) && (placement.map { policy.reaches(op, $0) } ?? true)
        guard allowed else {
            try record(action.rawValue, pupil: pupil, document: document, outcome: .denied)
            throw .notPermitted(operator: op.id, action: action, target: target)
        }
    }

    /// Appends one log entry for this operator.
    func record(_ action: String, pupil: String? = nil, document: String? = nil, version: Int? = nil, sha256: String? = nil,
                recipient: String? = nil, outcome: AccessEvent.Outcome = .granted) throws(ArchiveError) {
        try append([event(action, pupil: pupil, document: document, version: version, sha256: sha256,
                          recipient: recipient, outcome: outcome)])
    }

    /// Appends `events`, sealed with this session's keys (a checkpoint is signed every so many entries).
    func append(_ events: [AccessEvent]) throws(ArchiveError) {
        let keys = try logKeys()
        try ConfidentialArchive.logging { () throws(AuditLogError) in
            if let custody {
                try custody.commits.append(events, keys: keys, witnesses: archive.policy.witnesses)
            } else {
                try archive.log.append(events, keys: keys)
            }
        }
    }

    func logKeys() throws(ArchiveError) -> LogKeys { keys.log(origin: try archive.logOrigin) }

    /// Signs a checkpoint of the log as it stands (done when the session ends, so every command
    /// leaves one). A failure here loses nothing: the entries are written, and the next command signs.
    public func signCheckpoint() throws(ArchiveError) {
        let keys = try logKeys()
        try ConfidentialArchive.logging { () throws(AuditLogError) in try archive.log.checkpoint(keys: keys) }
    }

    deinit {
        if let custody { custody.recycle(archive) } else { try? signCheckpoint() }
    }

    func event(_ action: String, pupil: String? = nil, document: String? = nil, version: Int? = nil, sha256: String? = nil,
               recipient: String? = nil, outcome: AccessEvent.Outcome = .granted) -> AccessEvent {
        AccessEvent(operatorId: op.id, role: op.role.id, organisation: op.organisation, action: action, pupil: pupil,
                    document: document, version: version, sha256: sha256, purpose: purpose ?? "", recipient: recipient, outcome: outcome)
    }

    /// Runs `body` in a write transaction, turning SQLite failures into ``ArchiveError``. The
    /// commit records the log's head (its entries for this change are written by then), so that
    /// `archive check` finds a log folder rolled back behind the index.
    func writing<T>(_ body: () throws(ArchiveError) -> T) throws(ArchiveError) -> T {
        let archive = archive
        do {
            return try database.writing { () throws(ArchiveError) -> T in
                let result = try body()
                try archive.recordLogHead()
                return result
            }
        } catch {
            openedKeys = [:]
            switch error {
            case let .database(failure): throw .database(failure)
            case let .body(failure): throw failure
            }
        }
    }

    /// Runs `body`, turning a cryptography failure into ``ArchiveError``.
    func crypto<T>(_ body: () throws(CryptographyError) -> T) throws(ArchiveError) -> T {
        do { return try body() } catch { throw .cryptography(error) }
    }

    /// `value` as JSON, sealed under `key` with `binding` as associated data.
    func seal(_ value: some Encodable, key: SymmetricKey, binding: Data) throws(ArchiveError) -> Data {
        let json: Data
        // Encoding these plain structs of strings and integers cannot fail; say so if it ever does.
        do { json = try JSONEncoder().encode(value) } catch { throw .damaged(what: "A value to seal", reason: "it cannot be encoded as JSON") }
        return try crypto { () throws(CryptographyError) in try AESGCM.seal(json, key: key, associatedData: binding) }
    }

    /// Runs one read, turning SQLite failures into ``ArchiveError``.
    func query(_ sql: String, _ values: [SQLiteValue] = []) throws(ArchiveError) -> [SQLiteRow] {
        do { return try database.rows(sql, values) } catch { throw .database(error) }
    }
}

@available(*, unavailable) extension ArchiveSession: Sendable {}
