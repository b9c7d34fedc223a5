internal import COpenSSL
import Foundation

/// HMAC-SHA-256 (RFC 2104, FIPS 198-1) through OpenSSL's libcrypto.
public enum HMACSHA256 {
    /// The 32-byte authentication code of `data` under `key`.
    ///
    /// Any key length works; keys longer than 64 bytes are hashed first, as RFC 2104 says.
    /// Compare codes with ``isValid(_:for:key:)``, not `==`, so the comparison takes constant time.
    public static func authenticationCode(for data: some DataProtocol, key: Data) -> Data {
        let message = Data(data)
        var output = Data(count: Int(EVP_MAX_MD_SIZE))
        var length = 0
        let result = key.withUnsafeBytes { keyBytes in
            message.withUnsafeBytes { input in
                output.withUnsafeMutableBytes { out in
                    // An empty key arrives as a nil pointer, which OpenSSL would take as "no key set";
                    // a zero-length read of any valid address means the same empty key.
                    withUnsafeBytes(of: 0 as UInt8) { empty in
                        EVP_Q_mac(nil, "HMAC", nil, "SHA256", nil, keyBytes.baseAddress ?? empty.baseAddress, keyBytes.count,
                                  input.baseAddress?.assumingMemoryBound(to: UInt8.self), input.count,
                                  out.baseAddress?.assumingMemoryBound(to: UInt8.self), out.count, &length)
                    }
                }
            }
        }
        // EVP_Q_mac fails only when HMAC or SHA-256 cannot be fetched or allocated: a broken
        // OpenSSL installation, not bad input (every key and message length is valid).
        precondition(result != nil && length == 32, "OpenSSL could not compute HMAC-SHA-256; check the libssl installation")
        return output.prefix(length)
    }

    /// Whether `code` is the authentication code of `data` under `key`, compared in constant time.
    public static func isValid(_ code: some DataProtocol, for data: some DataProtocol, key: Data) -> Bool {
        let expected = authenticationCode(for: data, key: key)
        let given = Data(code)
        guard given.count == expected.count else { return false }
        return expected.withUnsafeBytes { left in given.withUnsafeBytes { CRYPTO_memcmp(left.baseAddress, $0.baseAddress, left.count) == 0 } }
    }
}
