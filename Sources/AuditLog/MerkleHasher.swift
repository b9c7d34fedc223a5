import Cryptography
import Foundation

/// The hashes of RFC 6962 §2.1: a leaf is `SHA-256(0x00 ‖ entry)`, an inner node
/// `SHA-256(0x01 ‖ left ‖ right)`, so no leaf can pass for a node.
///
/// Reuses one OpenSSL context; one hasher per thread.
public final class MerkleHasher {
    private let hasher = SHA256Hasher()

    public init() {}

    /// The leaf hash of one log entry's bytes.
    public func leaf(_ entry: Data) -> Data {
        hash(prefix: 0x00, entry, nil)
    }

    /// The hash of an inner node over its two children.
    public func node(_ left: Data, _ right: Data) -> Data {
        hash(prefix: 0x01, left, right)
    }

    private func hash(prefix: UInt8, _ first: Data, _ second: Data?) -> Data {
        hasher.restart()
        withUnsafeBytes(of: prefix) { hasher.update($0) }
        first.withUnsafeBytes { hasher.update($0) }
        second?.withUnsafeBytes { hasher.update($0) }
        return hasher.finalize()
    }
}

@available(*, unavailable) extension MerkleHasher: Sendable {}
