internal import CLibZip
internal import CZlib
import Foundation

/// Raw deflate (RFC 1951, as zip entries hold it) with zlib; owns a `z_stream`. Failures are
/// reported with libzip's codes (`ZIP_ER_MEMORY`, `ZIP_ER_COMPRESSED_DATA`), as libzip would.
/// See <https://zlib.net/manual.html>.
final class Deflate {
    private var stream = z_stream()
    private let compressing: Bool

    /// A compressor at `level` (0 writes stored blocks: the data as it is, framed) or a decompressor.
    init(compressingAt level: Int32?) throws(ZipFailure) {
        compressing = level != nil
        let status = level.map { inclusio_deflateInit2(&stream, $0) } ?? inclusio_inflateInit2(&stream)
        guard status == Z_OK else { throw ZipFailure(code: ZIP_ER_MEMORY) }
    }

    deinit { _ = compressing ? deflateEnd(&stream) : inflateEnd(&stream) }

    /// Compresses all of `input` into a new buffer (the level chosen at `init`).
    func compress(_ input: UnsafeRawBufferPointer) throws(ZipFailure) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))))
        var written = 0
        var consumed = 0
        repeat {
            let chunk = min(input.count - consumed, 1 << 30)
            let last = consumed + chunk == input.count
            let status = output.withUnsafeMutableBytes { out -> Int32 in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress.map { $0.assumingMemoryBound(to: Bytef.self) + consumed })
                stream.avail_in = uInt(chunk)
                stream.next_out = out.baseAddress!.assumingMemoryBound(to: Bytef.self) + written
                stream.avail_out = uInt(min(out.count - written, Int(UInt32.max)))
                let before = stream.avail_out
                let status = deflate(&stream, last ? Z_FINISH : Z_NO_FLUSH)
                written += Int(before - stream.avail_out)
                return status
            }
            guard status == (last ? Z_STREAM_END : Z_OK) else { throw ZipFailure(code: ZIP_ER_MEMORY) }
            consumed += chunk
        } while consumed < input.count
        output.removeSubrange(written...)
        return output
    }

    /// Inflates `input`, handing each piece of output to `consume`; true once the stream has ended.
    func decompress(_ input: UnsafeRawBufferPointer, into consume: (UnsafeRawBufferPointer) throws -> Void) throws -> Bool {
        var output = [UInt8](repeating: 0, count: 1 << 18)
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(input.count)
        while true {
            let (status, produced) = output.withUnsafeMutableBytes { out -> (Int32, Int) in
                stream.next_out = out.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.avail_out = uInt(out.count)
                let status = inflate(&stream, Z_NO_FLUSH)
                return (status, out.count - Int(stream.avail_out))
            }
            guard status == Z_OK || status == Z_STREAM_END || (status == Z_BUF_ERROR && produced == 0) else {
                throw ZipFailure(code: ZIP_ER_COMPRESSED_DATA)
            }
            if produced > 0 { try output.withUnsafeBytes { try consume(UnsafeRawBufferPointer(rebasing: $0[..<produced])) } }
            if status == Z_STREAM_END { return true }
            if stream.avail_in == 0 && produced < output.count { return false }
        }
    }
}
