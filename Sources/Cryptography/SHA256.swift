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
    public static func hex(_ data: some DataProtocol) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: digest(data).flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] }, as: UTF8.self)
    }
}
