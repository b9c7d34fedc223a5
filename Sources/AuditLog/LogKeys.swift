import Cryptography
import Foundation

/// What an operator who has opened the archive key uses to write the log: the key that seals
/// each entry (HMAC-SHA-256, so an entry changed or forged without it is named at once) and
/// the Ed25519 key that signs checkpoints. Both are derived from the archive key, never stored.
public struct LogKeys: Sendable {
    /// Seals entries.
    public let seal: SymmetricKey
    /// Signs checkpoints.
    public let signing: Ed25519SigningKey
    /// The log's name in its checkpoints, e.g. `inclusio.archive/3f9a…`.
    public let origin: String

    public init(seal: SymmetricKey, signing: Ed25519SigningKey, origin: String) {
        self.seal = seal
        self.signing = signing
        self.origin = origin
    }
}
