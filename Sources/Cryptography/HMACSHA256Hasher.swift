internal import COpenSSL
import Foundation

/// Incremental HMAC-SHA-256 under one key, for many short messages: the key's padded blocks are
/// hashed once, and each message starts from them (`EVP_MAC_init` with no key "just reinitialises
/// the HMAC context", OpenSSL 3 `providers/implementations/macs/hmac_prov.c`). Owns its `EVP_MAC_CTX`.
public final class HMACSHA256Hasher {
    private let context: OpaquePointer

    /// A hasher keyed with `key`.
    public init(key: SymmetricKey) {
        // Fetching HMAC, allocating or keying fails only in a broken OpenSSL installation.
        guard let mac = EVP_MAC_fetch(nil, "HMAC", nil) else { preconditionFailure("OpenSSL has no HMAC; check the libssl installation") }
        defer { EVP_MAC_free(mac) }
        guard let context = EVP_MAC_CTX_new(mac) else { preconditionFailure("OpenSSL could not start HMAC; check the libssl installation") }
        // OSSL_MAC_PARAM_DIGEST is the C macro for "digest".
        let keyed = "digest".withCString { name in
            "SHA256".withCString { digest in
                var parameters = [OSSL_PARAM_construct_utf8_string(name, UnsafeMutablePointer(mutating: digest), 0), OSSL_PARAM_construct_end()]
                return key.bytes.withUnsafeBytes {
                    EVP_MAC_init(context, $0.baseAddress?.assumingMemoryBound(to: UInt8.self), $0.count, &parameters)
                }
            }
        }
        precondition(keyed == 1, "OpenSSL could not key HMAC-SHA-256; check the libssl installation")
        self.context = context
    }

    deinit { EVP_MAC_CTX_free(context) }

    /// Starts a new message under the same key.
    public func restart() {
        _ = EVP_MAC_init(context, nil, 0, nil)
    }

    /// Feeds `bytes`.
    public func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        _ = EVP_MAC_update(context, base.assumingMemoryBound(to: UInt8.self), bytes.count)
    }

    /// Whether the code of everything fed since ``restart()`` is the 32 bytes at `code`,
    /// compared in constant time.
    public func matches(_ code: UnsafeRawPointer) -> Bool {
        var output = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        var length = 0
        return withUnsafeMutableBytes(of: &output) { out in
            guard EVP_MAC_final(context, out.baseAddress?.assumingMemoryBound(to: UInt8.self), &length, 32) == 1, length == 32 else { return false }
            return CRYPTO_memcmp(out.baseAddress, code, 32) == 0
        }
    }
}

@available(*, unavailable) extension HMACSHA256Hasher: Sendable {}
