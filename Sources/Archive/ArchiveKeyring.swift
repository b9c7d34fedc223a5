import AuditLog
import Cryptography
import Foundation

/// The archive key and the keys derived from it (HKDF-SHA-256, one label per use), held only
/// in memory for one command by an operator whose credential opened it, and the log's own
/// authority (``LogAuthority``), which derives from nothing and is sealed under the archive key.
struct ArchiveKeyring: Sendable {
    /// Seals every pupil key.
    let pupilKeys: SymmetricKey
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
    /// The archive key itself, to enrol operators.
    let archiveKey: SymmetricKey

    init(archiveKey: SymmetricKey, logAuthority: LogAuthority) throws(CryptographyError) {
        self.archiveKey = archiveKey
        self.logAuthority = logAuthority
        pupilKeys = try HKDF.deriveKey(from: archiveKey, info: "inclusio archive 1: pupil keys")
        blindIndex = BlindIndex(key: try HKDF.deriveKey(from: archiveKey, info: "inclusio archive 1: blind index"))
        contentTokens = try HKDF.deriveKey(from: archiveKey, info: "inclusio archive 1: content tokens")
        policySeal = try HKDF.deriveKey(from: archiveKey, info: "inclusio archive 1: policy seal")
        notes = try HKDF.deriveKey(from: archiveKey, info: "inclusio archive 1: notes")
        enrolmentSeal = try HKDF.deriveKey(from: archiveKey, info: "inclusio archive 1: enrolment seal")
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
    static func identity(_ pupil: String) -> Data { Data("identity|\(pupil)".utf8) }
    static func holdReason(_ pupil: String) -> Data { Data("hold|\(pupil)".utf8) }
    static func documentKey(_ pupil: String, _ document: String, _ version: Int) -> Data { Data("document-key|\(pupil)|\(document)|\(version)".utf8) }
    static func details(_ pupil: String, _ document: String, _ version: Int) -> Data { Data("details|\(pupil)|\(document)|\(version)".utf8) }
    static func content(_ pupil: String, _ document: String, _ version: Int) -> Data { Data("content|\(pupil)|\(document)|\(version)".utf8) }
}
