import AuditLog
import Cryptography
import Foundation

/// The keys of an archive, held only in memory for one command (or by the service) once the
/// master key is opened by the custodians' passphrase or the operator's credential.
///
/// Format 2: the master key opens (unwraps) separate random keys — blind index, policy seal,
/// content tokens, notes, enrolment seal, and the log's root — and the scope keys
/// (``ArchiveSession/scopeKey(_:keyClass:)``); nothing is derived from the master, so no key
/// below it reaches another. The log's own authority (``LogAuthority``) derives from nothing and
/// is sealed under the log's root. Format 1 derived every key from one archive key by HKDF
/// (``SeparateKeys/derived(from:)``, for `archive migrate`).
struct ArchiveKeyring: Sendable {
    /// Opens every key of the archive (wrapped under it in the index's `keys` table).
    let master: SymmetricKey
    /// Blind-index tokens (names, national ids).
    let blindIndex: BlindIndex
    /// Keyed content digests (the same bytes twice are one version).
    let contentTokens: SymmetricKey
    /// The MAC over the applied policy.
    let policySeal: SymmetricKey
    /// Notes that are not about one pupil's content (legal hold reasons).
    let notes: SymmetricKey
    /// Seals each access-log entry and signs its checkpoints.
    let logAuthority: LogAuthority
    /// The MAC over each operator's enrolment in a served archive (certificate or verifier).
    let enrolmentSeal: SymmetricKey
    /// The key the log's keys derive from: a format-1 archive's archive key (kept by `archive migrate`), or a random one.
    let archiveKey: SymmetricKey

    /// These keys under another master key (after `archive rekey --master`).
    func replacing(master: SymmetricKey) -> ArchiveKeyring {
        ArchiveKeyring(master: master, blindIndex: blindIndex, contentTokens: contentTokens, policySeal: policySeal, notes: notes,
                       logAuthority: logAuthority, enrolmentSeal: enrolmentSeal, archiveKey: archiveKey)
    }

    private init(master: SymmetricKey, blindIndex: BlindIndex, contentTokens: SymmetricKey, policySeal: SymmetricKey, notes: SymmetricKey,
                 logAuthority: LogAuthority, enrolmentSeal: SymmetricKey, archiveKey: SymmetricKey) {
        (self.master, self.blindIndex, self.contentTokens, self.policySeal, self.notes) = (master, blindIndex, contentTokens, policySeal, notes)
        (self.logAuthority, self.enrolmentSeal, self.archiveKey) = (logAuthority, enrolmentSeal, archiveKey)
    }

    init(master: SymmetricKey, keys: SeparateKeys, logAuthority: LogAuthority) {
        self.master = master
        archiveKey = keys.logRoot
        blindIndex = BlindIndex(key: keys.blindIndex)
        contentTokens = keys.contentTokens
        policySeal = keys.policySeal
        notes = keys.notes
        enrolmentSeal = keys.enrolmentSeal
        self.logAuthority = logAuthority
    }

    /// The keys that seal log entries and sign checkpoints of the log named `origin`.
    func log(origin: String) -> LogKeys { logAuthority.keys(origin: origin) }

    /// The MAC binding the applied policy's bytes to this archive.
    func seal(policy: Data) -> Data { HMACSHA256.authenticationCode(for: policy, key: policySeal.bytes) }

    /// Whether `seal` is the MAC of `policy` (compared in constant time).
    func isSealed(policy: Data, by seal: Data) -> Bool { HMACSHA256.isValid(seal, for: policy, key: policySeal.bytes) }

    /// The keyed digest of a document within one pupil's file, from its SHA-256 `digest`.
    func contentToken(digest: Data, pupil: String) -> Data {
        HMACSHA256.authenticationCode(for: Data(pupil.utf8) + [0] + digest, key: contentTokens.bytes)
    }
}

/// Associated data that binds each sealed value to its place, so a value moved to another
/// pupil, document or version no longer opens.
enum Binding {
    static func pupilKey(_ pupil: String) -> Data { Data("pupil-key|\(pupil)".utf8) }
    /// A pupil's key of one class, wrapped under one scope's key of that class (or a backup period's).
    static func pupilKey(_ pupil: String, keyClass: String, scope: String) -> Data { Data("pupil-key|\(pupil)|\(keyClass)|\(scope)".utf8) }
    /// A pupil's backup key of one period, wrapped under that period's key.
    static func backupKey(_ pupil: String, period: String) -> Data { Data("backup-key|\(pupil)|\(period)".utf8) }
    /// A key wrapped under the master key, by its name in the `keys` table.
    static func wrappedKey(_ name: String) -> Data { Data("key|\(name)".utf8) }
    static func identity(_ pupil: String) -> Data { Data("identity|\(pupil)".utf8) }
    static func holdReason(_ pupil: String) -> Data { Data("hold|\(pupil)".utf8) }
    static func documentKey(_ pupil: String, _ document: String, _ version: Int) -> Data { Data("document-key|\(pupil)|\(document)|\(version)".utf8) }
    static func details(_ pupil: String, _ document: String, _ version: Int) -> Data { Data("details|\(pupil)|\(document)|\(version)".utf8) }
    static func content(_ pupil: String, _ document: String, _ version: Int) -> Data { Data("content|\(pupil)|\(document)|\(version)".utf8) }
}
