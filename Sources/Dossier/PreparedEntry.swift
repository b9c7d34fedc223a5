import Cryptography
import Foundation

/// An encrypted entry as the zip holds it, made by the packer rather than by libzip: deflated,
/// then encrypted and authenticated with WinZip AES-256 (AE-2), so that entries are made on both
/// cores with AES-NI and libzip only copies them, writing CRC 0 as AE-2 requires.
///
/// Content that does not compress (a PDF, a PNG), or that would expand past the opener's ratio
/// limit when inflated (a blank scan), is framed in deflate's stored blocks (level 0): kept as it
/// is, 5 bytes per 64 KiB added. It cannot be a zip "stored" entry: libzip 1.7.3 recomputes
/// the CRC and size of a stored source from the bytes it copies, which here are ciphertext.
struct PreparedEntry {
    /// `salt || verifier || ciphertext || code`.
    let bytes: [UInt8]
    /// Whether the content was compressed (level 6) rather than framed in stored blocks.
    let compressed: Bool

    /// Deflates `content` (when `compress` and the result stays within `limits`' ratio), then
    /// encrypts it under `password`.
    /// - Throws: ``ZipFailure`` from zlib, ``CryptographyError`` from OpenSSL.
    static func make(_ content: UnsafeRawBufferPointer, compress: Bool, password: String, limits: DossierLimits) throws -> PreparedEntry {
        var deflated = try Deflate(compressingAt: compress ? 6 : 0).compress(content)
        var compressed = compress
        if compress && UInt64(content.count) > limits.ratioFloor && UInt64(content.count) / UInt64(max(deflated.count, 1)) > limits.ratio {
            // The receiver would refuse it as a bomb: keep it as it is instead.
            deflated = try Deflate(compressingAt: 0).compress(content)
            compressed = false
        }
        let cipher = try WinZipAES(password: password, encrypting: true)
        deflated.withUnsafeMutableBytes { cipher.update($0) }
        var bytes = [UInt8](cipher.header)
        bytes.reserveCapacity(deflated.count + WinZipAES.overhead)
        bytes += deflated
        bytes += try cipher.finish()
        return PreparedEntry(bytes: bytes, compressed: compressed)
    }
}
