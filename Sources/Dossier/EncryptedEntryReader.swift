internal import CLibZip
import Cryptography
import Foundation

/// Reads one WinZip AES-256 entry from its raw bytes, as libzip would but with AES-NI and without
/// libzip 1.7.3's CRC check, which AE-2 entries (CRC 0) do not pass: the password verifier first,
/// then the ciphertext is authenticated (HMAC-SHA1, checked at the end), decrypted and inflated.
/// Output past `limit` bytes fails, whatever the header declared. See ``PreparedEntry`` for the
/// other direction.
enum EncryptedEntryReader {
    /// Streams the content of `entry` to `consume`.
    /// - Throws: ``ZipFailure`` (`ZIP_ER_WRONGPASSWD`, `ZIP_ER_CRC` when authentication fails,
    ///   `ZIP_ER_INCONS`, `ZIP_ER_COMPRESSED_DATA`), ``ZipReader/LimitExceeded``, or what `consume` throws.
    static func read(_ entry: ZipReader.Entry, from reader: ZipReader, password: String, limit: UInt64,
                     into consume: (UnsafeRawBufferPointer) throws -> Void) throws {
        let header = WinZipAES.saltByteCount + WinZipAES.verifierByteCount
        guard !entry.stored, entry.compressedSize >= UInt64(WinZipAES.overhead) else { throw ZipFailure(code: ZIP_ER_INCONS) }
        let bodyEnd = Int(entry.compressedSize) - WinZipAES.codeByteCount
        let inflater = try Deflate(compressingAt: nil)
        var start: [UInt8] = [], code: [UInt8] = []
        var cipher: WinZipAES?
        var position = 0, produced: UInt64 = 0, ended = false
        try reader.readRaw(entry.index) { chunk in
            var offset = 0
            while start.count < header && offset < chunk.count {
                start.append(chunk[offset])
                offset += 1
            }
            if cipher == nil && start.count == header {
                let opened = try WinZipAES(password: password, salt: Data(start.prefix(WinZipAES.saltByteCount)), encrypting: false)
                guard opened.accepts(verifier: Data(start.suffix(WinZipAES.verifierByteCount))) else { throw ZipFailure(code: ZIP_ER_WRONGPASSWD) }
                cipher = opened
            }
            let body = max(0, min(chunk.count - offset, bodyEnd - (position + offset)))
            if let cipher, body > 0 {
                let ciphertext = UnsafeMutableRawBufferPointer(rebasing: chunk[offset..<(offset + body)])
                cipher.update(ciphertext)
                ended = try inflater.decompress(UnsafeRawBufferPointer(ciphertext)) { output in
                    produced += UInt64(output.count)
                    guard produced <= limit else { throw ZipReader.LimitExceeded() }
                    try consume(output)
                }
            }
            code += chunk[(offset + body)...]
            position += chunk.count
        }
        guard position == Int(entry.compressedSize), let cipher, code.count == WinZipAES.codeByteCount else { throw ZipFailure(code: ZIP_ER_INCONS) }
        guard try cipher.isAuthentic(Data(code)) else { throw ZipFailure(code: ZIP_ER_CRC) }
        guard ended else { throw ZipFailure(code: ZIP_ER_COMPRESSED_DATA) }
    }
}
