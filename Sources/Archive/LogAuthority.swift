import AuditLog
import Cryptography
import Foundation

/// The access log's own keys: a random secret made at `archive init` (or by `archive migrate`),
/// from which the entry seal key and the Ed25519 checkpoint key derive. Nothing else derives from
/// it and it derives from nothing: the index keeps it sealed (AES-GCM) under what the custodians'
/// secret unlocks (a served archive's `keys/custodian.scrypt`; a local archive's operator key
/// files, whose holders are its one custodian), and its public key is published with every checkpoint.
struct LogAuthority: Sendable {
    /// Seals each entry.
    let seal: SymmetricKey
    /// Signs the checkpoints.
    let signing: Ed25519SigningKey
    /// The secret both derive from, kept only to seal it again.
    private let secret: SymmetricKey

    init(secret: SymmetricKey) throws(CryptographyError) {
        self.secret = secret
        seal = try HKDF.deriveKey(from: secret, info: "inclusio log authority 1: entry seal")
        signing = try Ed25519SigningKey(seed: HKDF.deriveKey(from: secret, info: "inclusio log authority 1: checkpoint signing"))
    }

    /// A new authority with a random secret.
    static func generate() throws(CryptographyError) -> LogAuthority { try LogAuthority(secret: .random()) }

    /// The keys that seal entries and sign checkpoints of the log named `origin`.
    func keys(origin: String) -> LogKeys { LogKeys(seal: seal, signing: signing, origin: origin) }

    /// The secret sealed under `key` for the log named `origin` (the index's `log_authority`).
    func sealed(under key: SymmetricKey, origin: String) throws(CryptographyError) -> Data {
        try AESGCM.seal(secret.bytes, key: key, associatedData: Self.binding(origin))
    }

    /// The authority sealed in `sealed` under `key` for the log `origin`.
    /// - Throws: ``ArchiveError/damaged(what:reason:)`` when it does not open (changed, or another archive's).
    static func open(_ sealed: Data, under key: SymmetricKey, origin: String) throws(ArchiveError) -> LogAuthority {
        do {
            return try LogAuthority(secret: SymmetricKey(bytes: AESGCM.open(sealed, key: key, associatedData: binding(origin))))
        } catch {
            throw .damaged(what: "The access log's key", reason: "it does not open with this archive's key, so it was changed or belongs to another archive")
        }
    }

    private static func binding(_ origin: String) -> Data { Data("log-authority|\(origin)".utf8) }
}
