internal import COpenSSL
import Foundation

/// HMAC-SHA-256 under one key, for checking many short messages: the key's padded blocks are
/// hashed once, and each message starts from those states (RFC 2104). A value: share it freely
/// between threads.
public struct HMACSHA256Verifier: @unchecked Sendable {
    // Immutable after init; each check copies the states it starts from.
    private let key: inclusio_hmac_sha256_key

    /// The verifier of codes under `key`.
    public init(key: SymmetricKey) {
        var prepared = inclusio_hmac_sha256_key()
        key.bytes.withUnsafeBytes { inclusio_hmac_sha256_prepare(&prepared, $0.baseAddress?.assumingMemoryBound(to: UInt8.self), $0.count) }
        self.key = prepared
    }

    /// Whether the 32 bytes at `code` are the code of `first` followed by `second`, compared in constant time.
    public func isValid(_ code: UnsafeRawPointer, for first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer) -> Bool {
        withUnsafePointer(to: key) {
            inclusio_hmac_sha256_verify($0, first.baseAddress, first.count, second.baseAddress, second.count, code.assumingMemoryBound(to: UInt8.self)) == 1
        }
    }
}

extension SHA256 {
    /// Writes SHA-256(`prefix` ‖ `first` ‖ `second`) to the 32 bytes at `output`, without allocating:
    /// an RFC 6962 leaf (prefix 0) or inner node (prefix 1).
    public static func digest(prefix: UInt8, _ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer? = nil, into output: UnsafeMutableRawPointer) {
        inclusio_sha256_prefixed(prefix, first.baseAddress, first.count, second?.baseAddress, second?.count ?? 0, output.assumingMemoryBound(to: UInt8.self))
    }
}
