internal import COpenSSL
import Foundation

/// The cost of an scrypt derivation (RFC 7914): `n` (CPU and memory), `r` (block size) and
/// `p` (parallelism). Memory used is about `128 × r × (n + p)` bytes; time grows with `n × r × p`.
public struct ScryptParameters: Sendable, Equatable {
    /// CPU/memory cost: a power of two, at least 2.
    public let n: Int
    /// Block size, at least 1.
    public let r: Int
    /// Parallelism, at least 1.
    public let p: Int

    /// Parameters as given; ``Scrypt/deriveKey(passphrase:salt:parameters:length:)`` checks them.
    public init(n: Int, r: Int, p: Int) {
        self.n = n
        self.r = r
        self.p = p
    }

    /// N = 2¹⁵, r = 8, p = 1: about 32 MiB and a fraction of a second, for a passphrase typed in.
    public static let interactive = ScryptParameters(n: 1 << 15, r: 8, p: 1)

    /// Bytes of memory scrypt needs, as OpenSSL counts them (`128 × r × p` for B, `128 × r × (n + 2)`
    /// for V, X and T), or nil when that overflows `Int`.
    var memoryNeeded: Int? {
        let (blockBytes, o1) = 128.multipliedReportingOverflow(by: r)
        let (bBytes, o2) = blockBytes.multipliedReportingOverflow(by: p)
        let (vBlocks, o3) = n.addingReportingOverflow(2)
        let (vBytes, o4) = blockBytes.multipliedReportingOverflow(by: vBlocks)
        let (total, o5) = bBytes.addingReportingOverflow(vBytes)
        return o1 || o2 || o3 || o4 || o5 ? nil : total
    }
}

/// The scrypt passphrase-based key derivation (RFC 7914) through OpenSSL's `EVP_PBE_scrypt`.
public enum Scrypt {
    /// The most memory one derivation may use: 256 MiB.
    public static let memoryLimit = 256 << 20

    /// `length` bytes derived from `passphrase` and `salt` at the cost `parameters`.
    ///
    /// Store the salt (16 random bytes or more) and the parameters beside what the key protects;
    /// never the passphrase or the key.
    /// - Parameters:
    ///   - length: output bytes, at least 1.
    /// - Throws: ``CryptographyError/invalidKeyDerivationParameters(reason:)`` when `parameters` are
    ///   not valid scrypt parameters or need more than ``memoryLimit``, or `length` is below 1;
    ///   ``CryptographyError/library(_:)`` when OpenSSL fails.
    public static func deriveKey(passphrase: Data, salt: Data, parameters: ScryptParameters, length: Int = 32) throws(CryptographyError) -> Data {
        try check(parameters)
        guard length >= 1 else { throw .invalidKeyDerivationParameters(reason: "scrypt must give at least 1 byte, not \(length)") }
        var output = Data(count: length)
        let status = passphrase.withUnsafeBytes { pass in
            salt.withUnsafeBytes { saltBytes in
                output.withUnsafeMutableBytes { out in
                    // Nil pointers for an empty passphrase or salt are fine: OpenSSL reads them as empty.
                    EVP_PBE_scrypt(pass.baseAddress?.assumingMemoryBound(to: CChar.self), pass.count,
                                   saltBytes.baseAddress?.assumingMemoryBound(to: UInt8.self), saltBytes.count,
                                   UInt64(parameters.n), UInt64(parameters.r), UInt64(parameters.p), UInt64(memoryLimit),
                                   out.baseAddress?.assumingMemoryBound(to: UInt8.self), out.count)
                }
            }
        }
        guard status == 1 else { throw .library(.drain("EVP_PBE_scrypt")) }
        return output
    }

    /// Rejects what OpenSSL would reject, and anything needing more than ``memoryLimit``, with words
    /// instead of a bare failure.
    private static func check(_ parameters: ScryptParameters) throws(CryptographyError) {
        let (n, r, p) = (parameters.n, parameters.r, parameters.p)
        let named = "N=\(n), r=\(r), p=\(p)"
        guard n >= 2, n & (n - 1) == 0 else {
            throw .invalidKeyDerivationParameters(reason: "scrypt N must be a power of two of at least 2 (\(named))")
        }
        guard r >= 1, p >= 1 else { throw .invalidKeyDerivationParameters(reason: "scrypt r and p must be at least 1 (\(named))") }
        // RFC 7914 §2 bounds p × r by about 2³⁰; OpenSSL asks for r × p < 2³⁰.
        guard p <= ((1 << 30) - 1) / r else {
            throw .invalidKeyDerivationParameters(reason: "scrypt r × p must be below 2³⁰ (\(named))")
        }
        // RFC 7914 §2: N < 2^(128 × r / 8).
        if 16 * r < Int.bitWidth - 1, n >= 1 << (16 * r) {
            throw .invalidKeyDerivationParameters(reason: "scrypt N must be below 2^(16 × r) (\(named))")
        }
        guard let memory = parameters.memoryNeeded, memory <= memoryLimit else {
            let mebibytes = parameters.memoryNeeded.map { "\(($0 + (1 << 20) - 1) >> 20) MiB" } ?? "more memory than this computer can address"
            throw .invalidKeyDerivationParameters(reason: "scrypt with \(named) needs \(mebibytes), more than the \(memoryLimit >> 20) MiB allowed")
        }
    }
}
