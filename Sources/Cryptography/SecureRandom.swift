internal import COpenSSL
import Foundation

/// Random bytes from OpenSSL's CSPRNG (`RAND_bytes`).
public enum SecureRandom {
    /// `count` random bytes.
    public static func bytes(_ count: Int) throws(CryptographyError) -> Data {
        var data = Data(count: count)
        let status = data.withUnsafeMutableBytes { RAND_bytes($0.baseAddress?.assumingMemoryBound(to: UInt8.self), Int32(count)) }
        guard status == 1 else { throw .library(.drain("RAND_bytes")) }
        return data
    }
}
