import Foundation
import Support

/// Writes that survive a crash once they return: temporary file, `fsync`, rename into
/// place, `fsync` of the folder (POSIX leaves a rename's durability to the folder's sync).
enum DurableFile {
    /// Creates `final` with `data` (mode `mode`), through a temporary in `temporaryFolder`
    /// on the same file system. An existing `final` is replaced only with `replacing`.
    static func write(_ data: Data, to final: URL, temporaryFolder: URL, mode: mode_t = 0o600, replacing: Bool = false) throws(ArchiveError) {
        let temporary = temporaryFolder.appendingPathComponent(".\(AtomicFiles.token())-\(UUID().uuidString.prefix(8)).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw failure(temporaryFolder, errno) }
        let code = data.withUnsafeBytes { AtomicFiles.writeAll(descriptor, $0) } ?? (fsync(descriptor) == 0 ? nil : errno)
        close(descriptor)
        if let code {
            unlink(temporary.path)
            throw failure(final, code)
        }
        do {
            try AtomicFiles.moveIntoPlace([(temporary.path, final.path)], replacing: replacing)
        } catch {
            throw .cannotWrite(error)
        }
        syncFolder(final.deletingLastPathComponent())
    }

    /// Makes the folder's entries (a rename, a new file) durable.
    static func syncFolder(_ folder: URL) {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// Creates `folder` (and its parents) readable by the owner only.
    static func makeFolder(_ folder: URL) throws(ArchiveError) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .cannotWrite(FileWriteError(path: folder.path, reason: "the folder cannot be created"))
        }
    }

    private static func failure(_ url: URL, _ code: Int32) -> ArchiveError {
        .cannotWrite(FileWriteError(path: url.path, reason: String(cString: strerror(code))))
    }
}
