import Foundation

/// Writes that survive a crash once they return: temporary file, `fsync`, rename into
/// place, `fsync` of the folder (POSIX leaves a rename's durability to the folder's sync).
public enum DurableFiles {
    /// Creates `final` with `data` (mode `mode`), through a temporary in `temporaryFolder`
    /// on the same file system. An existing `final` is replaced only with `replacing`.
    /// - Throws: ``FileWriteError``; no temporary remains.
    public static func write(_ data: Data, to final: URL, temporaryFolder: URL, mode: mode_t = 0o600, replacing: Bool = false) throws(FileWriteError) {
        let temporary = temporaryFolder.appendingPathComponent(".\(AtomicFiles.token())-\(UUID().uuidString.prefix(8)).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw FileWriteError(path: temporaryFolder.path, reason: String(cString: strerror(errno))) }
        let code = data.withUnsafeBytes { AtomicFiles.writeAll(descriptor, $0) } ?? (fsync(descriptor) == 0 ? nil : errno)
        close(descriptor)
        if let code {
            unlink(temporary.path)
            throw FileWriteError(path: final.path, reason: String(cString: strerror(code)))
        }
        try AtomicFiles.moveIntoPlace([(temporary.path, final.path)], replacing: replacing)
        syncFolder(final.deletingLastPathComponent())
    }

    /// Makes the folder's entries (a rename, a new file) durable.
    public static func syncFolder(_ folder: URL) {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
