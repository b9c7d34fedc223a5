internal import COpenSSL
import Foundation

/// A 256-bit secret key for ``AESGCM``, ``HKDF`` and the like.
///
/// Printing, interpolating or dumping a key shows only `SymmetricKey(256 bits)`, never its bytes,
/// so a key cannot leak into logs or error messages by accident. Equality is checked in
/// constant time.
public struct SymmetricKey: Sendable, Equatable {
    /// The length of every key, in bytes.
    public static let byteCount = 32

    /// The key's 32 bytes. Handle with care: whoever holds them can read what the key seals.
    public let bytes: Data

    /// A key from `bytes`, for example one read back from storage.
    /// - Throws: ``CryptographyError/invalidKeyLength(bytes:)`` unless `bytes` holds exactly 32 bytes.
    public init(bytes: Data) throws(CryptographyError) {
        guard bytes.count == Self.byteCount else { throw .invalidKeyLength(bytes: bytes.count) }
        // A copy indexed from 0, no longer tied to a larger buffer `bytes` may be a slice of.
        self.bytes = bytes.withUnsafeBytes { Data($0) }
    }

    /// A new key from OpenSSL's CSPRNG.
    /// - Throws: ``CryptographyError/library(_:)`` when the random generator fails.
    public static func random() throws(CryptographyError) -> SymmetricKey {
        try SymmetricKey(bytes: SecureRandom.bytes(byteCount))
    }

    /// Whether both keys hold the same bytes, compared in constant time (`CRYPTO_memcmp`).
    public static func == (lhs: SymmetricKey, rhs: SymmetricKey) -> Bool {
        // Both are 32 bytes by construction, so the length reveals nothing.
        lhs.bytes.withUnsafeBytes { left in
            rhs.bytes.withUnsafeBytes { right in
                left.count == right.count && CRYPTO_memcmp(left.baseAddress, right.baseAddress, left.count) == 0
            }
        }
    }
}

extension SymmetricKey: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `SymmetricKey(256 bits)`; never the bytes.
    public var description: String { "SymmetricKey(\(Self.byteCount * 8) bits)" }
    /// `SymmetricKey(256 bits)`; never the bytes.
    public var debugDescription: String { description }
    /// No children, so `dump` and debuggers do not show the bytes either.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
