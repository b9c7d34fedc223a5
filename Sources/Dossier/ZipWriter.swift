internal import CLibZip
import Foundation

/// Builds a zip file with libzip; owns the `zip_t` until ``close()``.
///
/// libzip writes nothing until `zip_close`, which writes a temporary beside the target and
/// renames it; ``ZipWriter`` is used on a hidden temporary path as well, so a failure at any
/// point leaves no partial file. See <https://libzip.org/documentation/zip_close.html>.
final class ZipWriter {
    /// How an entry's bytes are stored.
    enum Compression { case store, deflate }

    private var archive: OpaquePointer?
    let path: String

    /// Starts a new, empty zip at `path` (replacing any file there when closed).
    init(creating path: String) throws(ZipFailure) {
        var code: Int32 = 0
        guard let archive = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &code) else { throw ZipFailure(code: code) }
        self.archive = archive
        self.path = path
    }

    deinit { if let archive { zip_discard(archive) } }

    /// Adds `data` as `name`; libzip gets its own copy.
    func add(_ name: String, data: Data, compression: Compression, modified: Date) throws(ZipFailure) {
        let archive = try open()
        // zip_source_buffer reads at zip_close: hand it a malloc'd copy it frees itself (freep = 1).
        let copy = malloc(max(data.count, 1))!
        data.withUnsafeBytes { if let base = $0.baseAddress { copy.copyMemory(from: base, byteCount: $0.count) } }
        guard let source = zip_source_buffer(archive, copy, zip_uint64_t(data.count), 1) else {
            free(copy)
            throw ZipFailure(zip_get_error(archive))
        }
        try add(name, source: source, compression: compression, modified: modified)
    }

    /// Adds `name`, whose bytes `entry` makes (deflated and WinZip AES-256 encrypted, see
    /// ``PreparedEntry``) when libzip opens it at ``close()``. libzip copies them as they are:
    /// the source says it is already deflated and encrypted, and has CRC 0 (AE-2).
    func add(_ name: String, prepared entry: PreparedSource, modified: Date) throws(ZipFailure) {
        let archive = try open()
        let retained = Unmanaged.passRetained(entry)
        guard let source = zip_source_function(archive, PreparedSource.callback, retained.toOpaque()) else {
            retained.release()
            throw ZipFailure(zip_get_error(archive))
        }
        let index = zip_file_add(archive, name, source, zip_flags_t(ZIP_FL_ENC_UTF_8))
        guard index >= 0 else {
            zip_source_free(source)
            throw ZipFailure(zip_get_error(archive))
        }
        let entry = zip_uint64_t(index)
        // No password: libzip then neither decrypts nor encrypts, it copies (zip_close.c, add_data).
        guard zip_set_file_compression(archive, entry, ZIP_CM_DEFLATE, 0) == 0,
              zip_file_set_mtime(archive, entry, time_t(modified.timeIntervalSince1970), 0) == 0,
              zip_file_set_encryption(archive, entry, zip_uint16_t(ZIP_EM_AES_256), nil) == 0 else {
            throw ZipFailure(zip_get_error(archive))
        }
    }

    private func add(_ name: String, source: OpaquePointer, compression: Compression, modified: Date) throws(ZipFailure) {
        let archive = try open()
        let index = zip_file_add(archive, name, source, zip_flags_t(ZIP_FL_ENC_UTF_8))
        guard index >= 0 else {
            zip_source_free(source)
            throw ZipFailure(zip_get_error(archive))
        }
        let entry = zip_uint64_t(index)
        let method = compression == .store ? ZIP_CM_STORE : ZIP_CM_DEFLATE
        guard zip_set_file_compression(archive, entry, method, 0) == 0,
              zip_file_set_mtime(archive, entry, time_t(modified.timeIntervalSince1970), 0) == 0 else {
            throw ZipFailure(zip_get_error(archive))
        }
    }

    /// Writes the zip (compressing and encrypting every entry now).
    func close() throws(ZipFailure) {
        let archive = try open()
        guard zip_close(archive) == 0 else { throw ZipFailure(zip_get_error(archive)) }
        self.archive = nil
    }

    private func open() throws(ZipFailure) -> OpaquePointer {
        guard let archive else { throw ZipFailure(code: ZIP_ER_ZIPCLOSED) }
        return archive
    }
}

@available(*, unavailable) extension ZipWriter: Sendable {}
