internal import COpenSSL
import Foundation

/// SHA-256 through OpenSSL's libcrypto.
public enum SHA256 {
    /// The 32-byte digest of `data`.
    public static func digest(_ data: some DataProtocol) -> Data {
        var output = Data(count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let bytes = Data(data)
        let status = bytes.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { out in
                EVP_Digest(input.baseAddress, input.count, out.baseAddress?.assumingMemoryBound(to: UInt8.self),
                           &length, EVP_sha256(), nil)
            }
        }
        // EVP_Digest fails only when the digest cannot be allocated or fetched: a broken
        // OpenSSL installation, not bad input.
        precondition(status == 1, "OpenSSL could not compute SHA-256; check the libssl installation")
        return output.prefix(Int(length))
    }

    /// The digest of `data` as lowercase hexadecimal.
    public static func hex(_ data: some DataProtocol) -> String { digest(data).hexadecimal }
}

extension Data {
    /// The bytes as lowercase hexadecimal, two digits each.
    public var hexadecimal: String {
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: count * 2) { buffer in
            var index = 0
            for byte in self {
                buffer[index] = digits.utf8Start[Int(byte >> 4)]
                buffer[index + 1] = digits.utf8Start[Int(byte & 0x0F)]
                index += 2
            }
            return index
        }
    }
}

/// Incremental SHA-256, for content read in pieces; owns its `EVP_MD_CTX`.
public final class SHA256Hasher {
    private let context: OpaquePointer

    /// A hasher with nothing fed yet.
    public init() {
        // Allocation or digest fetch fails only in a broken OpenSSL installation.
        guard let context = EVP_MD_CTX_new(), EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
            preconditionFailure("OpenSSL could not start SHA-256; check the libssl installation")
        }
        self.context = context
    }
    deinit { EVP_MD_CTX_free(context) }

    /// Feeds `bytes`.
    public func update(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else { return }
        EVP_DigestUpdate(context, bytes.baseAddress, bytes.count)
    }

    /// Forgets everything fed so far, as if new: cheaper than a new hasher for many small messages.
    public func restart() {
        // Reusing the digest the context already holds cannot fail.
        EVP_DigestInit_ex(context, nil, nil)
    }

    /// The digest of everything fed; ``restart()`` before feeding the next message.
    public func finalize() -> Data {
        var output = Data(count: 32)
        var length: UInt32 = 0
        _ = output.withUnsafeMutableBytes { EVP_DigestFinal_ex(context, $0.baseAddress?.assumingMemoryBound(to: UInt8.self), &length) }
        return output
    }
}

@available(*, unavailable) extension SHA256Hasher: Sendable {}
