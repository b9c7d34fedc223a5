internal import CLibZip
import Foundation

/// Reads a zip file with libzip; owns the `zip_t`.
///
/// Opened with `ZIP_CHECKCONS` so that local and central headers must agree; names are read
/// raw (`ZIP_FL_ENC_RAW`) so the caller judges their bytes, not libzip's conversion.
/// See <https://libzip.org/documentation/zip_open.html>.
final class ZipReader {
    /// One entry as the central directory declares it.
    struct Entry {
        let index: Int
        /// The raw name bytes, `nil` when they are not UTF-8.
        let name: String?
        let size: UInt64
        let compressedSize: UInt64
        let stored: Bool
        let encrypted: Bool
    }

    private let archive: OpaquePointer
    /// Keeps the bytes of an in-memory zip alive while libzip reads them.
    private let buffer: ZipBuffer?
    let entries: [Entry]

    /// Opens `path` for reading; `consistent` asks libzip to check that headers agree and
    /// names are unique (without it, only to diagnose why a file failed that check).
    convenience init(path: String, consistent: Bool = true) throws(ZipFailure) {
        var code: Int32 = 0
        guard let archive = zip_open(path, ZIP_RDONLY | (consistent ? ZIP_CHECKCONS : 0), &code) else { throw ZipFailure(code: code) }
        try self.init(taking: archive, buffer: nil)
    }

    /// Opens the zip held in `buffer` for reading, as ``init(path:consistent:)`` opens a file.
    /// See <https://libzip.org/documentation/zip_open_from_source.html>.
    convenience init(buffer: ZipBuffer, consistent: Bool = true) throws(ZipFailure) {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_buffer_create(buffer.bytes.baseAddress, zip_uint64_t(buffer.count), 0, &error) else { throw ZipFailure(&error) }
        // "Upon successful completion … the zip_source_t is owned by the zip_t"; on failure it is still ours.
        guard let archive = zip_open_from_source(source, ZIP_RDONLY | (consistent ? ZIP_CHECKCONS : 0), &error) else {
            zip_source_free(source)
            throw ZipFailure(&error)
        }
        try self.init(taking: archive, buffer: buffer)
    }

    /// Takes ownership of the open `archive` and reads its central directory.
    private init(taking archive: OpaquePointer, buffer: ZipBuffer?) throws(ZipFailure) {
        self.archive = archive
        self.buffer = buffer
        let count = zip_get_num_entries(archive, 0)
        var entries: [Entry] = []
        for index in 0..<max(count, 0) {
            var stat = zip_stat_t()
            zip_stat_init(&stat)
            guard zip_stat_index(archive, zip_uint64_t(index), zip_flags_t(ZIP_FL_ENC_RAW), &stat) == 0 else {
                let failure = ZipFailure(zip_get_error(archive))
                zip_discard(archive)
                throw failure
            }
            let raw = stat.name.map { UnsafeBufferPointer(start: UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self), count: strlen($0)) }
            entries.append(Entry(index: Int(index), name: raw.flatMap { String(validating: $0, as: UTF8.self) },
                                 size: stat.size, compressedSize: stat.comp_size, stored: stat.comp_method == ZIP_CM_STORE,
                                 encrypted: stat.encryption_method != ZIP_EM_NONE))
        }
        self.entries = entries
    }

    deinit { zip_discard(archive) }

    /// The number of extra fields entry `index` has in its local and central headers (-1 on
    /// failure). Reads the local header from disk, so it is asked only where it matters.
    func extraFieldCount(_ index: Int) -> Int {
        Int(zip_file_extra_fields_count(archive, zip_uint64_t(index), zip_flags_t(ZIP_FL_LOCAL | ZIP_FL_CENTRAL)))
    }

    /// Streams unencrypted entry `index` to `consume` in pieces; fails once more than `limit`
    /// bytes come out, whatever the header declared. (Encrypted entries: ``EncryptedEntryReader``.)
    func read(_ index: Int, limit: UInt64, into consume: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let file = zip_fopen_index(archive, zip_uint64_t(index), 0) else {
            throw ZipFailure(zip_get_error(archive))
        }
        defer { zip_fclose(file) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        var total: UInt64 = 0
        while true {
            let count = zip_fread(file, buffer.baseAddress, zip_uint64_t(buffer.count))
            guard count >= 0 else { throw ZipFailure(zip_file_get_error(file)) }
            if count == 0 { return }
            total += UInt64(count)
            guard total <= limit else { throw ZipReader.LimitExceeded() }
            try consume(UnsafeRawBufferPointer(rebasing: buffer[..<Int(count)]))
        }
    }

    /// Streams the raw bytes of encrypted entry `index` (still compressed and encrypted:
    /// `ZIP_FL_ENCRYPTED`) to `consume`, in pieces it may change in place. libzip checks no CRC on
    /// them unless the entry is stored, which is why encrypted entries of a dossier are deflated.
    func readRaw(_ index: Int, into consume: (UnsafeMutableRawBufferPointer) throws -> Void) throws {
        guard let file = zip_fopen_index(archive, zip_uint64_t(index), zip_flags_t(ZIP_FL_ENCRYPTED)) else {
            throw ZipFailure(zip_get_error(archive))
        }
        defer { zip_fclose(file) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = zip_fread(file, buffer.baseAddress, zip_uint64_t(buffer.count))
            guard count >= 0 else { throw ZipFailure(zip_file_get_error(file)) }
            if count == 0 { return }
            try consume(UnsafeMutableRawBufferPointer(rebasing: buffer[..<Int(count)]))
        }
    }

    /// Reads entry `index` whole; for small entries (manifest, signature).
    func data(_ index: Int, limit: UInt64) throws -> Data {
        var data = Data()
        try read(index, limit: limit) { data.append(contentsOf: $0) }
        return data
    }

    /// An entry produced more bytes than allowed.
    struct LimitExceeded: Error {}
}

@available(*, unavailable) extension ZipReader: Sendable {}
