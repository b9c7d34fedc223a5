internal import CLibZip
import Foundation

/// Where a zip is read from: a file by path, or bytes already in memory.
///
/// Each worker that reads a dossier opens its own ``ZipReader`` on the same origin, so the
/// bytes are shared read-only and never copied per reader.
enum ZipOrigin {
    case file(path: String)
    case bytes(ZipBuffer)

    /// A new reader on this origin (see ``ZipReader/init(path:consistent:)`` for `consistent`).
    func open(consistent: Bool = true) throws(ZipFailure) -> ZipReader {
        switch self {
        case let .file(path): try ZipReader(path: path, consistent: consistent)
        case let .bytes(buffer): try ZipReader(buffer: buffer, consistent: consistent)
        }
    }
}

/// A dossier's bytes in memory that libzip reads in place.
///
/// `zip_source_buffer_create` keeps the pointer it is given and reads it for as long as the
/// `zip_t` lives, so the bytes must stay put: a `Data`'s storage is only pinned inside
/// `withUnsafeBytes`, hence one copy into memory this class owns. Immutable after `init`, so
/// readers on several threads may share it (each with its own `zip_t`; libzip only reads the buffer,
/// <https://libzip.org/documentation/zip_source_buffer.html>).
final class ZipBuffer: @unchecked Sendable {
    /// The allocation (at least one byte, so that an empty input still has an address).
    let bytes: UnsafeMutableRawBufferPointer
    /// The number of bytes of the zip.
    let count: Int

    init(_ data: Data) {
        bytes = .allocate(byteCount: max(data.count, 1), alignment: 16)
        count = data.copyBytes(to: bytes.bindMemory(to: UInt8.self))
    }

    deinit { bytes.deallocate() }
}
